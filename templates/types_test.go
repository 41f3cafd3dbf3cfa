package templates

import (
	"go/constant"
	"go/types"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"
)

const smithyImport = "github.com/aws/smithy-go"

func TestDefaultModelTypeDecls(t *testing.T) {
	root, typ := generated(t).typeChecked(t, "cleanroomsml")

	wantFields(t, root, "ListTrainedModelsInput",
		"MembershipIdentifier *string", "MaxResults *int32", "NextToken *string")
	wantFields(t, root, "ListTrainedModelsOutput",
		"TrainedModels []types.TrainedModelSummary", "NextToken *string", "ResultMetadata middleware.Metadata")
	wantFields(t, typ, "IncrementalTrainingDataChannelOutput",
		"ChannelName *string", "ModelName *string", "VersionIdentifier *string")
	wantFields(t, typ, "TrainedModelSummary",
		"CollaborationIdentifier *string", "ConfiguredModelAlgorithmAssociationArn *string",
		"CreateTime *time.Time", "MembershipIdentifier *string", "Name *string",
		"Status types.TrainedModelStatus", "TrainedModelArn *string", "UpdateTime *time.Time",
		"Description *string", "IncrementalTrainingDataChannels []types.IncrementalTrainingDataChannelOutput",
		"VersionIdentifier *string")

	wantStringEnum(t, typ, "TrainedModelStatus", map[string]string{
		"TrainedModelStatusActive": "ACTIVE", "TrainedModelStatusCreatePending": "CREATE_PENDING",
		"TrainedModelStatusCancelFailed": "CANCEL_FAILED",
	})
	for _, e := range []string{"AccessDeniedException", "ThrottlingException", "ValidationException"} {
		wantAPIError(t, typ, e)
		wantFields(t, typ, e, "Message *string", "ErrorCodeOverride *string")
	}
}

// wantStringEnum checks a string enum type, some of its constants and its
// Values method.
func wantStringEnum(t *testing.T, p *packages.Package, name string, consts map[string]string) {
	t.Helper()
	named := lookupType(t, p, name)
	if b, ok := named.Underlying().(*types.Basic); !ok || b.Kind() != types.String {
		t.Errorf("%s: underlying type %s, want string", name, named.Underlying())
	}
	for c, want := range consts {
		obj, ok := p.Types.Scope().Lookup(c).(*types.Const)
		switch {
		case !ok:
			t.Errorf("no constant %s", c)
		case obj.Type() != named:
			t.Errorf("%s has type %s, want %s", c, obj.Type(), name)
		case constant.StringVal(obj.Val()) != want:
			t.Errorf("%s = %s, want %q", c, obj.Val(), want)
		}
	}
	wantValuesMethod(t, named)
}

// wantValuesMethod checks that named has a method Values() []named.
func wantValuesMethod(t *testing.T, named *types.Named) {
	t.Helper()
	obj, _, _ := types.LookupFieldOrMethod(named, false, named.Obj().Pkg(), "Values")
	fn, ok := obj.(*types.Func)
	if !ok {
		t.Errorf("%s has no Values method", named.Obj().Name())
		return
	}
	sig := fn.Type().(*types.Signature)
	want := types.NewSlice(named)
	if sig.Params().Len() != 0 || sig.Results().Len() != 1 || !types.Identical(sig.Results().At(0).Type(), want) {
		t.Errorf("%s.Values has signature %s, want func() %s", named.Obj().Name(), sig, want)
	}
}

// wantAPIError checks that *name implements smithy.APIError.
func wantAPIError(t *testing.T, p *packages.Package, name string) {
	t.Helper()
	smithy := p.Imports[smithyImport]
	if smithy == nil {
		t.Fatalf("%s does not import %s", p.PkgPath, smithyImport)
	}
	iface := smithy.Types.Scope().Lookup("APIError").Type().Underlying().(*types.Interface)
	if !types.Implements(types.NewPointer(lookupType(t, p, name)), iface) {
		t.Errorf("*%s does not implement smithy.APIError", name)
	}
}

// lookupType returns the named type declared as name in p.
func lookupType(t *testing.T, p *packages.Package, name string) *types.Named {
	t.Helper()
	obj, ok := p.Types.Scope().Lookup(name).(*types.TypeName)
	if !ok {
		t.Fatalf("%s: no type %s", p.PkgPath, name)
	}
	return obj.Type().(*types.Named)
}

// typeStr spells a type with package names, as source does.
func typeStr(typ types.Type) string {
	return types.TypeString(typ, func(p *types.Package) string { return p.Name() })
}

// fieldsOf returns a struct type's fields as "Name Type" in order.
func fieldsOf(t *testing.T, p *packages.Package, name string) []string {
	t.Helper()
	st, ok := lookupType(t, p, name).Underlying().(*types.Struct)
	if !ok {
		t.Fatalf("%s is not a struct", name)
	}
	var out []string
	for i := range st.NumFields() {
		f := st.Field(i)
		out = append(out, f.Name()+" "+typeStr(f.Type()))
	}
	return out
}

func wantFields(t *testing.T, p *packages.Package, name string, want ...string) {
	t.Helper()
	if got := fieldsOf(t, p, name); strings.Join(got, "; ") != strings.Join(want, "; ") {
		t.Errorf("%s fields:\n got  %q\n want %q", name, got, want)
	}
}
