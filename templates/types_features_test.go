package templates

import (
	"go/ast"
	"go/constant"
	"go/types"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"
)

// featureModel exercises what the default model lacks: unions, an intEnum,
// Smithy 1.0 enum traits, a retryable error, deprecation and a Unit output.
const featureModel = `{"smithy": "2.0", "shapes": {
 "ex#Svc": {"type": "service", "version": "1", "operations": [{"target": "ex#Put"}],
  "traits": {"aws.api#service": {"sdkId": "Example"}, "aws.protocols#restJson1": {}}},
 "ex#Put": {"type": "operation", "input": {"target": "ex#PutRequest"}, "output": {"target": "smithy.api#Unit"},
  "errors": [{"target": "ex#Busy"}, {"target": "ex#Broken"}]},
 "ex#PutRequest": {"type": "structure", "members": {
  "old": {"target": "smithy.api#String", "traits": {"smithy.api#deprecated": {"message": "Use name."}}},
  "name": {"target": "smithy.api#String", "traits": {"smithy.api#required": {}}},
  "choice": {"target": "ex#Choice"}, "level": {"target": "ex#Level"},
  "color": {"target": "ex#Color"}, "legacy": {"target": "ex#Legacy"}}},
 "ex#Choice": {"type": "union", "members": {
  "text": {"target": "smithy.api#String"}, "count": {"target": "smithy.api#Integer"},
  "item": {"target": "ex#Item"}, "when": {"target": "smithy.api#Timestamp"},
  "tags": {"target": "ex#Tags"}, "nested": {"target": "ex#Other"}, "none": {"target": "smithy.api#Unit"}}},
 "ex#Other": {"type": "union", "members": {"flag": {"target": "smithy.api#Boolean"}}},
 "ex#Item": {"type": "structure", "members": {"id": {"target": "smithy.api#String"}}},
 "ex#Tags": {"type": "list", "member": {"target": "smithy.api#String"}},
 "ex#Level": {"type": "intEnum", "members": {
  "LOW": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": 1}},
  "HIGH": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": 10}}}},
 "ex#Color": {"type": "enum", "members": {
  "RED": {"target": "smithy.api#Unit"},
  "LIGHT_GREEN": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": "light-green"}}}},
 "ex#Legacy": {"type": "string", "traits": {"smithy.api#enum": [{"value": "a.b", "name": "A_B"}, {"value": "c"}]}},
 "ex#Busy": {"type": "structure", "members": {"message": {"target": "smithy.api#String"}, "retryAfter": {"target": "smithy.api#Integer"}},
  "traits": {"smithy.api#error": "server", "smithy.api#retryable": {"throttling": true}}},
 "ex#Broken": {"type": "structure", "members": {"Message": {"target": "smithy.api#String"}},
  "traits": {"smithy.api#error": "client"}}
}}`

func TestTypeDeclFeatures(t *testing.T) {
	s := generated(t)
	root, typ := s.typeChecked(t, "features")

	wantFields(t, root, "PutInput", "Name *string", "Choice types.Choice", "Color types.Color",
		"Legacy types.Legacy", "Level types.Level", "Old *string")
	wantFields(t, root, "PutOutput", "ResultMetadata middleware.Metadata")
	wantFieldDoc(t, root, "PutInput", "Name", "This member is required.")
	wantFieldDoc(t, root, "PutInput", "Old", "Deprecated: Use name.")

	wantUnion(t, typ, "Choice", map[string]string{
		"ChoiceMemberText": "string", "ChoiceMemberCount": "int32", "ChoiceMemberItem": "types.Item",
		"ChoiceMemberWhen": "time.Time", "ChoiceMemberTags": "[]string", "ChoiceMemberNested": "types.Other",
		"ChoiceMemberNone": "struct{}",
	})
	wantUnion(t, typ, "Other", map[string]string{"OtherMemberFlag": "bool"})
	wantFields(t, typ, "UnknownUnionMember", "Tag string", "Value []byte")

	wantStringEnum(t, typ, "Color", map[string]string{"ColorRed": "RED", "ColorLightGreen": "light-green"})
	wantStringEnum(t, typ, "Legacy", map[string]string{"LegacyAB": "a.b", "LegacyC": "c"})
	wantIntEnum(t, typ, "Level", map[string]int64{"LevelLow": 1, "LevelHigh": 10})

	wantFields(t, typ, "Busy", "Message *string", "ErrorCodeOverride *string", "RetryAfter *int32")
	wantFields(t, typ, "Broken", "Message *string", "ErrorCodeOverride *string")
	s.wantPassed(t, "features", "types/errors_test.go")
}

// wantUnion checks a union interface, its wrappers' Value types, and that
// every wrapper and UnknownUnionMember implement it through pointers.
func wantUnion(t *testing.T, p *packages.Package, name string, members map[string]string) {
	t.Helper()
	iface, ok := lookupType(t, p, name).Underlying().(*types.Interface)
	if !ok {
		t.Fatalf("%s is not an interface", name)
	}
	for m, want := range members {
		wantFields(t, p, m, "Value "+want)
		if !types.Implements(types.NewPointer(lookupType(t, p, m)), iface) {
			t.Errorf("*%s does not implement %s", m, name)
		}
	}
	if !types.Implements(types.NewPointer(lookupType(t, p, "UnknownUnionMember")), iface) {
		t.Errorf("*UnknownUnionMember does not implement %s", name)
	}
	if types.Implements(types.Typ[types.String], iface) {
		t.Errorf("%s is not sealed", name)
	}
}

func wantIntEnum(t *testing.T, p *packages.Package, name string, consts map[string]int64) {
	t.Helper()
	named := lookupType(t, p, name)
	if b, ok := named.Underlying().(*types.Basic); !ok || b.Kind() != types.Int32 {
		t.Errorf("%s: underlying type %s, want int32", name, named.Underlying())
	}
	for c, want := range consts {
		obj, ok := p.Types.Scope().Lookup(c).(*types.Const)
		if !ok || obj.Type() != named {
			t.Errorf("no constant %s of type %s", c, name)
			continue
		}
		if got, _ := constant.Int64Val(obj.Val()); got != want {
			t.Errorf("%s = %d, want %d", c, got, want)
		}
	}
	wantValuesMethod(t, named)
}

// wantFieldDoc checks that a struct field's doc comment contains text.
func wantFieldDoc(t *testing.T, p *packages.Package, typeName, field, text string) {
	t.Helper()
	for _, f := range p.Syntax {
		ts, ok := findTypeSpec(f, typeName)
		if !ok {
			continue
		}
		for _, fl := range ts.Type.(*ast.StructType).Fields.List {
			if len(fl.Names) == 1 && fl.Names[0].Name == field {
				if !strings.Contains(fl.Doc.Text(), text) {
					t.Errorf("%s.%s doc %q lacks %q", typeName, field, fl.Doc.Text(), text)
				}
				return
			}
		}
	}
	t.Errorf("no field %s.%s", typeName, field)
}

func findTypeSpec(f *ast.File, name string) (*ast.TypeSpec, bool) {
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok {
			continue
		}
		for _, s := range g.Specs {
			if ts, ok := s.(*ast.TypeSpec); ok && ts.Name.Name == name {
				return ts, true
			}
		}
	}
	return nil, false
}

// errorBehaviourTest runs against the generated errors: codes, messages,
// faults, and the aws-sdk-go-v2 standard retryer's view of them.
const errorBehaviourTest = `package types

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/smithy-go"
)

func str(s string) *string { return &s }

func TestErrors(t *testing.T) {
	busy := &Busy{Message: str("slow down")}
	if got := busy.Error(); got != "Busy: slow down" {
		t.Errorf("Error() = %q", got)
	}
	if busy.ErrorFault() != smithy.FaultServer {
		t.Errorf("Busy fault %v", busy.ErrorFault())
	}
	std := retry.NewStandard()
	if !std.IsErrorRetryable(busy) {
		t.Error("Busy is not retryable for the standard retryer")
	}
	broken := &Broken{ErrorCodeOverride: str("Other")}
	if broken.ErrorCode() != "Other" || broken.ErrorMessage() != "" || broken.ErrorFault() != smithy.FaultClient {
		t.Errorf("Broken: code %q message %q fault %v", broken.ErrorCode(), broken.ErrorMessage(), broken.ErrorFault())
	}
	if std.IsErrorRetryable(&Broken{}) {
		t.Error("Broken is retryable")
	}
	var nilErr *Broken
	if nilErr.ErrorCode() != "Broken" {
		t.Errorf("nil ErrorCode() = %q", nilErr.ErrorCode())
	}
}
`
