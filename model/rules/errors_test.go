package rules_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/model/rules"
)

// serviceWith returns a model source whose service carries ruleSet (JSON)
// as its endpoint rule set, the trait value starting on line 7.
func serviceWith(ruleSet string) *model.Source {
	src := `{
  "smithy": "2.0",
  "shapes": {
    "example#Svc": {
      "type": "service",
      "traits": {
        "smithy.rules#endpointRuleSet": ` + ruleSet + `
      }
    }
  }
}`
	return &model.Source{Name: "svc.json", Data: []byte(src)}
}

const goodParams = `{"Region": {"type": "string", "builtIn": "AWS::Region", "documentation": "r"},
  "UseFIPS": {"type": "boolean", "required": true, "default": false, "documentation": "f"}}`

func ruleSet(params, rules string) string {
	return `{"version": "1.0", "parameters": ` + params + `, "rules": ` + rules + `}`
}

func endpointRule(conds, url string) string {
	return `[{"type": "endpoint", "conditions": ` + conds + `, "endpoint": {"url": ` + url + `}}]`
}

func TestRuleSetErrors(t *testing.T) {
	cases := []struct {
		name, ruleSet string
		want          string // in the message
		at            string // the text the reported position points at
	}{
		{"trait not an object", `[1]`, "must be an object", `[1]`},
		{"no rules", `{"version": "1.0", "parameters": {}}`, `has no "rules"`, `{"version"`},
		{"rules not an array", ruleSet(goodParams, `{}`), `"rules" must be an array`, `{}}`},
		{"unknown rule type", ruleSet(goodParams, `[{"type": "magic", "conditions": []}]`), `unknown rule type "magic"`, `"magic"`},
		{"endpoint without url", ruleSet(goodParams, `[{"type": "endpoint", "conditions": [], "endpoint": {}}]`), `has no "url"`, `{}}]`},
		{"bad parameter type", ruleSet(`{"X": {"type": "integer"}}`, endpointRule(`[]`, `"https://x"`)), `unknown type "integer"`, `"integer"`},
		{"default not required", ruleSet(`{"X": {"type": "boolean", "default": true}}`, endpointRule(`[]`, `"https://x"`)), "must be required", `true}}`},
		{"unknown function", ruleSet(goodParams, endpointRule(`[{"fn": "frobnicate", "argv": []}]`, `"https://x"`)), `unknown function "frobnicate"`, `"frobnicate"`},
		{"wrong argument count", ruleSet(goodParams, endpointRule(`[{"fn": "booleanEquals", "argv": [true]}]`, `"https://x"`)), "booleanEquals takes 2 arguments, not 1", `[true]`},
		{"undefined reference", ruleSet(goodParams, endpointRule(`[{"fn": "isSet", "argv": [{"ref": "Nope"}]}]`, `"https://x"`)), `"Nope" is not a parameter or a variable in scope`, `"Nope"`},
		{"undefined template reference", ruleSet(goodParams, endpointRule(`[]`, `"https://{Nowhere}.example.com"`)), `"Nowhere" is not a parameter`, `"https://{Nowhere}`},
		{"variable out of scope", ruleSet(goodParams, `[{"type": "tree", "conditions": [{"fn": "isSet", "argv": [{"ref": "Region"}]}, {"fn": "aws.partition", "argv": [{"ref": "Region"}], "assign": "P"}],
		  "rules": [{"type": "error", "conditions": [], "error": "x"}]},
		  {"type": "error", "conditions": [], "error": "{P#name}"}]`), `"P" is not a parameter`, `"{P#name}"`},
		{"argument type", ruleSet(goodParams, endpointRule(`[{"fn": "not", "argv": ["yes"]}]`, `"https://x"`)), "argument 1 of not must be a bool, not string", `"yes"]`},
		{"unchecked optional", ruleSet(goodParams, endpointRule(`[{"fn": "stringEquals", "argv": [{"ref": "Region"}, "us-east-1"]}]`, `"https://x"`)), "not option<string> (check it with isSet", `{"ref": "Region"}, "us`},
		{"unknown attribute", ruleSet(goodParams, endpointRule(`[{"fn": "isSet", "argv": [{"ref": "Region"}]}, {"fn": "aws.partition", "argv": [{"ref": "Region"}], "assign": "P"}]`, `"https://{P#colour}"`)), `a partition has no attribute "colour"`, `"https://{P#colour}"`},
		{"reassigned variable", ruleSet(goodParams, endpointRule(`[{"fn": "isSet", "argv": [{"ref": "Region"}], "assign": "Region"}]`, `"https://x"`)), `"Region" is already defined`, `"Region"}]`},
		{"unclosed template", ruleSet(goodParams, endpointRule(`[]`, `"https://{Region"`)), "unclosed {", `"https://{Region"`},
		{"condition not a function", ruleSet(goodParams, endpointRule(`[{"ref": "UseFIPS"}]`, `"https://x"`)), "a condition must be a function object", `{"ref": "UseFIPS"}]`},
		{"bad version", `{"version": "2.0", "parameters": {}, "rules": []}`, `unsupported rules engine version "2.0"`, `"2.0"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src := serviceWith(c.ruleSet)
			m, err := model.Load(src)
			if err != nil {
				t.Fatal(err)
			}
			_, err = rules.Load(m.Shape("example#Svc"))
			var list model.ErrorList
			if !errors.As(err, &list) || len(list) == 0 {
				t.Fatalf("want a model.ErrorList, got %v", err)
			}
			var found *model.Error
			for _, e := range list {
				if strings.Contains(e.Msg, c.want) {
					found = e
				}
			}
			if found == nil {
				t.Fatalf("no error containing %q in:\n%v", c.want, err)
			}
			if found.Shape != "example#Svc" {
				t.Errorf("shape = %q, want example#Svc", found.Shape)
			}
			if !strings.HasPrefix(string(src.Data[found.Pos.Off:]), c.at) {
				t.Errorf("%s points at %.20q, want %q", found.Pos, src.Data[found.Pos.Off:], c.at)
			}
			if l, _ := found.Pos.LineCol(); l < 7 || !strings.HasPrefix(found.Error(), "svc.json:") {
				t.Errorf("position %s is not in the trait (line 7 on)", found.Error())
			}
		})
	}
}

// TestBindingErrors checks operation bindings against the rule set.
func TestBindingErrors(t *testing.T) {
	src := &model.Source{Name: "svc.json", Data: []byte(`{
  "smithy": "2.0",
  "shapes": {
    "example#Svc": {"type": "service", "operations": [{"target": "example#Op"}],
      "traits": {"smithy.rules#endpointRuleSet": ` + ruleSet(goodParams, endpointRule(`[]`, `"https://x"`)) + `}},
    "example#Op": {"type": "operation", "input": {"target": "example#In"},
      "traits": {"smithy.rules#staticContextParams": {"Missing": {"value": "x"}, "UseFIPS": {"value": "yes"}},
                 "smithy.rules#operationContextParams": {"Region": {"path": "A[*"}}}},
    "example#In": {"type": "structure", "members": {"A": {"target": "smithy.api#String"}}}
  }
}`)}
	m, err := model.Load(src)
	if err != nil {
		t.Fatal(err)
	}
	rs, err := rules.Load(m.Shape("example#Svc"))
	if err != nil {
		t.Fatal(err)
	}
	_, err = rs.Bindings(m.Shape("example#Op"))
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{`binds "Missing", which is not a rule-set parameter`, "staticContextParams UseFIPS must be a bool", `path "A[*"`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("no %q in:\n%v", want, err)
		}
	}
}
