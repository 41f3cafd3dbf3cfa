package conformance

import (
	"go/parser"
	"go/token"
	"strings"
	"testing"

	"github.com/dave/jennifer/jen"
	"github.com/tidwall/gjson"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/templates"
)

func TestParseSkipList(t *testing.T) {
	l, err := ParseSkipList(strings.NewReader("# comment\n\nSvc/request/A  not yet\nSvc/response/B why\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(l) != 2 || l["Svc/request/A"] != "not yet" || l["Svc/response/B"] != "why" {
		t.Errorf("skip list %v", l)
	}
	for _, bad := range []string{"Svc/request/A\n", "A x\nA y\n"} {
		if _, err := ParseSkipList(strings.NewReader(bad)); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

// TestCases counts the client cases of every suite: HTTP request and
// response cases, and event stream cases.
func TestCases(t *testing.T) {
	shared := sharedDir(t, moduleRoot(t))
	want := map[string][2]int{ // suite: HTTP cases, event stream cases
		"restJson1": {250, 84}, "awsJson1_0": {70, 0}, "awsJson1_1": {119, 0}, "restXml": {191, 0},
		"restXmlWithNamespace": {2, 0}, "awsQuery": {77, 0}, "ec2Query": {59, 0},
	}
	names := map[string]bool{}
	for _, suite := range suites {
		counts := map[Kind]int{}
		for _, s := range testServices(t, suite, loadSuite(t, shared, suite)) {
			for _, c := range s.cases {
				counts[c.Kind]++
				if names[c.Name()] {
					t.Errorf("duplicate case %s", c.Name())
				}
				names[c.Name()] = true
				if c.Value.Get("appliesTo").String() == "server" {
					t.Errorf("%s is a server case", c.Name())
				}
				if c.Op == nil {
					t.Errorf("%s has no operation", c.Name())
				}
			}
		}
		w, ok := want[suite]
		got := [2]int{counts[Request] + counts[Response], counts[EventStream]}
		if ok && got != w {
			t.Errorf("%s: %d HTTP and %d event stream cases, want %d and %d", suite, got[0], got[1], w[0], w[1])
		}
		t.Logf("%s: %d HTTP and %d event stream cases", suite, got[0], got[1])
	}
	if !names["RestJson/response/RestJsonComplexErrorWithNoMessage"] || !names["Glacier/request/GlacierChecksums"] {
		t.Error("error structure or standalone service cases are missing")
	}
}

// restJSONAPI builds the API of the RestJson test service.
func restJSONAPI(t *testing.T) (*model.API, []Case) {
	m := loadSuite(t, sharedDir(t, moduleRoot(t)), "restJson1")
	for _, s := range testServices(t, "restJson1", m) {
		if s.closure.Service.Name() == "RestJson" {
			api, err := templates.BuildAPI(s.closure, "conformance/restjson", "")
			if err != nil {
				t.Fatal(err)
			}
			return api, s.cases
		}
	}
	t.Fatal("no RestJson service")
	return nil, nil
}

func inputOf(t *testing.T, api *model.API, op string) *model.Named {
	for _, o := range api.Operations {
		if o.Name == op {
			return o.Input
		}
	}
	t.Fatalf("no operation %s", op)
	return nil
}

func TestLiteral(t *testing.T) {
	api, _ := restJSONAPI(t)
	cases := []struct {
		op, params string
		want       []string
	}{
		{"JsonUnions", `{"contents": {"stringValue": "foo"}}`, []string{`&types.MyUnionMemberStringValue{Value: "foo"}`}},
		{"SimpleScalarProperties", `{"floatValue": "NaN", "doubleValue": "-Infinity", "byteValue": 1}`,
			[]string{"float32(math.NaN())", "float64(math.Inf(-1))", "int8(1)"}},
		{"JsonTimestamps", `{"normal": 1398796238.5}`, []string{"protocoltest.Time(1398796238, 500000000)"}},
		{"JsonBlobs", `{"data": "value"}`, []string{`[]byte("value")`}},
		{"SparseJsonMaps", `{"sparseStringMap": {"a": null}}`, []string{`map[string]*string{`, `"a": nil`}},
		{"DocumentType", `{"documentValue": {"a": [1]}}`, []string{`protocoltest.Document("{\"a\": [1]}")`}},
	}
	for _, c := range cases {
		in := inputOf(t, api, c.op)
		code, err := literal(namedPtr(in), gjson.Parse(c.params), "params")
		if err != nil {
			t.Errorf("%s: %v", c.op, err)
			continue
		}
		src := jen.Add(code).GoString()
		for _, w := range c.want {
			if !strings.Contains(src, w) {
				t.Errorf("%s: %s lacks %s", c.op, src, w)
			}
		}
	}
	bad := []struct{ op, params string }{
		{"JsonUnions", `{"nope": 1}`},
		{"JsonUnions", `{"contents": {"stringValue": "a", "booleanValue": true}}`},
		{"SimpleScalarProperties", `{"floatValue": "many"}`},
		{"JsonTimestamps", `{"normal": "yesterday"}`},
	}
	for _, b := range bad {
		if _, err := literal(namedPtr(inputOf(t, api, b.op)), gjson.Parse(b.params), "params"); err == nil {
			t.Errorf("%s %s accepted", b.op, b.params)
		}
	}
}

// TestTestFile checks the generated test file parses and holds one test per
// case, and that a case that cannot be expressed fails with its reason.
func TestTestFile(t *testing.T) {
	api, cases := restJSONAPI(t)
	broken := cases[0]
	broken.ID = "Broken"
	broken.Value = gjson.Parse(`{"id": "Broken", "params": {"noSuchMember": 1}}`)
	src, err := TestFile(api, append(cases, broken))
	if err != nil {
		t.Fatal(err)
	}
	f, err := parser.ParseFile(token.NewFileSet(), "protocol_test.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	if got := len(f.Decls); got < len(cases)+1 {
		t.Errorf("%d declarations for %d cases", got, len(cases)+1)
	}
	for _, c := range cases[:5] {
		if !strings.Contains(string(src), "func "+TestName(&c)+"(t *testing.T)") {
			t.Errorf("no test for %s", c.Name())
		}
	}
	if !strings.Contains(string(src), "cannot generate the case") {
		t.Error("the broken case does not fail")
	}
}
