package model

import "testing"

// bindingsModel has defaults in and out of @input structures, an output
// member with HTTP bindings only inputs honor, an input member with one
// only outputs honor, and a prelude structure.
const bindingsModel = `{"smithy": "2.0", "shapes": {
  "ex#Svc": {"type": "service", "version": "1", "operations": [{"target": "ex#Op"}, {"target": "ex#Op2"}],
    "traits": {"aws.protocols#restJson1": {}}},
  "ex#Op2": {"type": "operation", "input": {"target": "ex#Op2Request"},
    "traits": {"smithy.api#http": {"method": "POST", "uri": "/op2", "code": 200}}},
  "ex#Op2Request": {"type": "structure", "members": {
    "code": {"target": "smithy.api#Integer", "traits": {"smithy.api#httpResponseCode": {}}}}},
  "ex#Op": {"type": "operation", "input": {"target": "ex#OpInput"}, "output": {"target": "ex#OpOutput"},
    "errors": [{"target": "smithy.framework#ValidationException"}],
    "traits": {"smithy.api#http": {"method": "POST", "uri": "/op", "code": 200}}},
  "ex#OpInput": {"type": "structure", "traits": {"smithy.api#input": {}}, "members": {
    "plain": {"target": "smithy.api#Integer", "traits": {"smithy.api#default": 0}},
    "primitive": {"target": "smithy.api#PrimitiveInteger", "traits": {"smithy.api#default": 0}},
    "nested": {"target": "ex#Nested"}}},
  "ex#OpOutput": {"type": "structure", "traits": {"smithy.api#output": {}}, "members": {
    "query": {"target": "smithy.api#String", "traits": {"smithy.api#httpQuery": "q"}},
    "header": {"target": "smithy.api#String", "traits": {"smithy.api#httpHeader": "x-h"}},
    "code": {"target": "smithy.api#Integer", "traits": {"smithy.api#httpResponseCode": {}}}}},
  "ex#Nested": {"type": "structure", "members": {
    "zero": {"target": "smithy.api#Integer", "traits": {"smithy.api#default": 0}},
    "ten": {"target": "smithy.api#Integer", "traits": {"smithy.api#default": 10}},
    "empty": {"target": "smithy.api#String", "traits": {"smithy.api#default": ""}},
    "hi": {"target": "smithy.api#String", "traits": {"smithy.api#default": "hi"}},
    "no": {"target": "smithy.api#Boolean", "traits": {"smithy.api#default": false}},
    "yes": {"target": "smithy.api#Boolean", "traits": {"smithy.api#default": true}},
    "epoch": {"target": "smithy.api#Timestamp", "traits": {"smithy.api#default": 0}},
    "optional": {"target": "smithy.api#Integer", "traits": {"smithy.api#default": 0, "smithy.api#clientOptional": {}}},
    "none": {"target": "smithy.api#Integer", "traits": {"smithy.api#default": null}}}}
}}`

func bindingsAPI(t *testing.T) *API {
	t.Helper()
	m, err := Load(&Source{Name: "bindings.json", Data: []byte(bindingsModel)})
	if err != nil {
		t.Fatal(err)
	}
	c, err := m.Closure(m.Shape("ex#Svc"))
	if err != nil {
		t.Fatal(err)
	}
	a, err := BuildAPI(c, "example.com/svc", "", restJSONBindings)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func fieldNamed(t *testing.T, n *Named, member string) *Field {
	t.Helper()
	for _, f := range n.Fields {
		if f.Member.Name == member {
			return f
		}
	}
	t.Fatalf("%s has no member %s", n.Name, member)
	return nil
}

// TestDefaultsAndPointers checks which members with defaults are values:
// those whose default is their Go zero value, outside @input structures
// unless they target a Smithy 1.0 primitive.
func TestDefaultsAndPointers(t *testing.T) {
	a := bindingsAPI(t)
	op := a.Operations[0]
	var nested *Named
	for _, n := range a.Types {
		if n.Name == "Nested" {
			nested = n
		}
	}
	if nested == nil {
		t.Fatal("no Nested declaration")
	}
	cases := []struct {
		n          *Named
		member     string
		ptr, deflt bool
	}{
		{op.Input, "plain", true, false},
		{op.Input, "primitive", false, true},
		{nested, "zero", false, true},
		{nested, "ten", true, true},
		{nested, "empty", false, true},
		{nested, "hi", true, true},
		{nested, "no", false, true},
		{nested, "yes", true, true},
		{nested, "epoch", true, true},
		{nested, "optional", true, false},
		{nested, "none", true, false},
	}
	for _, c := range cases {
		f := fieldNamed(t, c.n, c.member)
		if f.Type.Ptr != c.ptr || (f.Default != nil) != c.deflt {
			t.Errorf("%s.%s: pointer %v, default %v; want %v, %v", c.n.Name, c.member, f.Type.Ptr, f.Default != nil, c.ptr, c.deflt)
		}
	}
}

// TestOutputBindings checks that query and label bindings apply to inputs
// only and the status code to outputs only.
func TestOutputBindings(t *testing.T) {
	ops := bindingsAPI(t).Operations
	op := ops[0]
	cases := []struct {
		n      *Named
		member string
		want   Location
	}{
		{op.Output, "query", InBody},
		{op.Output, "header", InHeader},
		{op.Output, "code", InStatusCode},
		{ops[1].Input, "code", InBody},
	}
	for _, c := range cases {
		if f := fieldNamed(t, c.n, c.member); f.Location != c.want {
			t.Errorf("%s.%s: location %d, want %d", c.n.Name, c.member, f.Location, c.want)
		}
	}
}

// TestPreludeStructuresDeclared checks that prelude structures other than
// Unit, such as ValidationExceptionField, get declarations.
func TestPreludeStructuresDeclared(t *testing.T) {
	a := bindingsAPI(t)
	var found bool
	for _, n := range a.Types {
		if n.Name == "ValidationExceptionField" {
			found = n.Kind == NamedStruct
		}
	}
	if !found {
		t.Error("ValidationExceptionField is not declared as a structure")
	}
	e := a.Operations[0].Errors[0]
	if f := fieldNamed(t, e, "fieldList"); f.Type.Elem.Named == nil || f.Type.Elem.Named.Name != "ValidationExceptionField" {
		t.Errorf("fieldList elements are %+v", f.Type.Elem)
	}
}

// restJSONBindings are restJson1's bindings.
var restJSONBindings = Bindings{Protocol: "aws.protocols#restJson1", HTTP: true, JSONName: true}
