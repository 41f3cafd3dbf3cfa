package rules

import (
	"fmt"

	"github.com/tidwall/gjson"

	"github.com/smithygen/smithygen/model"
	rt "github.com/smithygen/smithygen/runtime/rules"
)

// TestsTrait is the ID of the endpoint tests trait.
const TestsTrait = "smithy.rules#endpointTests"

// TestCase is one endpoint test of a service.
type TestCase struct {
	Doc    string
	Params []Arg // rule-set parameters, in the order of the model
	// Inputs are operation calls whose bindings, with their built-ins and
	// client parameters, must give the same result.
	Inputs []OperationInput
	Expect Expectation
	Pos    model.Pos
}

// Arg is a named value.
type Arg struct {
	Name  string
	Value rt.Value
}

// OperationInput is an operation call of a test case.
type OperationInput struct {
	Operation    string
	Params       gjson.Result // the input structure, as JSON
	BuiltIns     []Arg        // by built-in name, e.g. "AWS::Region"
	ClientParams []Arg        // by parameter name
}

// Expectation is the expected result: an error message, or an endpoint.
type Expectation struct {
	IsError    bool
	Error      string
	URL        string
	Headers    map[string][]string
	Properties gjson.Result // a JSON object; absent when the test gives none
}

// Tests reads the endpoint tests of svc; nil when it has none.
func Tests(svc *model.Shape) ([]TestCase, error) {
	t, ok := svc.Traits.Get(TestsTrait)
	if !ok {
		return nil, nil
	}
	c := &checker{svc: svc.ID, src: t.Pos.Src}
	var out []TestCase
	cases := t.Value.Get("testCases")
	if cases.Exists() && !cases.IsArray() {
		c.errorf(cases, "endpoint tests: testCases must be an array")
	}
	for _, tc := range cases.Array() {
		out = append(out, c.testCase(tc))
	}
	if len(c.errs) > 0 {
		return nil, c.errs
	}
	return out, nil
}

func (c *checker) testCase(v gjson.Result) TestCase {
	tc := TestCase{Doc: v.Get("documentation").Str, Pos: c.pos(v)}
	tc.Params = c.args(v.Get("params"))
	for _, in := range v.Get("operationInputs").Array() {
		tc.Inputs = append(tc.Inputs, OperationInput{
			Operation:    in.Get("operationName").Str,
			Params:       in.Get("operationParams"),
			BuiltIns:     c.args(in.Get("builtInParams")),
			ClientParams: c.args(in.Get("clientParams")),
		})
	}
	e := v.Get("expect")
	switch {
	case e.Get("error").Exists():
		tc.Expect = Expectation{IsError: true, Error: e.Get("error").Str}
	case e.Get("endpoint").IsObject():
		ep := e.Get("endpoint")
		tc.Expect.URL = ep.Get("url").Str
		tc.Expect.Properties = ep.Get("properties")
		if hs := ep.Get("headers"); hs.IsObject() {
			tc.Expect.Headers = map[string][]string{}
			hs.ForEach(func(k, hv gjson.Result) bool {
				for _, s := range hv.Array() {
					tc.Expect.Headers[k.Str] = append(tc.Expect.Headers[k.Str], s.Str)
				}
				return true
			})
		}
	default:
		c.errorf(v, "endpoint tests: a test case must expect an error or an endpoint")
	}
	return tc
}

// args reads an object of parameter values: strings, booleans and lists of
// strings.
func (c *checker) args(v gjson.Result) []Arg {
	var out []Arg
	v.ForEach(func(k, a gjson.Result) bool {
		val, err := jsonValue(a)
		if err != nil {
			c.errorf(a, "endpoint tests: %s: %v", k.Str, err)
		}
		out = append(out, Arg{Name: k.Str, Value: val})
		return true
	})
	return out
}

func jsonValue(a gjson.Result) (rt.Value, error) {
	switch {
	case a.Type == gjson.String:
		return rt.Str(a.Str), nil
	case a.Type == gjson.True || a.Type == gjson.False:
		return rt.Boolean(a.Bool()), nil
	case a.IsArray():
		list := []string{}
		for _, e := range a.Array() {
			if e.Type != gjson.String {
				return rt.Value{}, fmt.Errorf("a list must hold strings")
			}
			list = append(list, e.Str)
		}
		return rt.Strings(list), nil
	}
	return rt.Value{}, fmt.Errorf("a parameter value must be a string, boolean or list of strings")
}
