package model

import (
	"strings"
	"testing"
)

// TestPatternWarnings checks that patterns are translated once for the
// validators and that one Go cannot express is reported with its position
// and left unchecked.
func TestPatternWarnings(t *testing.T) {
	src := &Source{Name: "p.json", Data: []byte(`{"smithy": "2.0", "shapes": {
"ex#Svc": {"type": "service", "version": "1", "operations": [{"target": "ex#Op"}]},
"ex#Op": {"type": "operation", "input": {"target": "ex#In"}},
"ex#In": {"type": "structure", "members": {
  "a": {"target": "ex#Back"},
  "b": {"target": "smithy.api#String", "traits": {"smithy.api#pattern": "^(?!\\s*$).+"}}}},
"ex#Back": {"type": "string", "traits": {"smithy.api#pattern": "^(a)\\1$"}}
}}`)}
	m, err := Load(src)
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
	if len(a.Warnings) != 1 || !strings.HasPrefix(a.Warnings[0].Error(), "p.json:7:1: shape ex#Back: warning: ") {
		t.Fatalf("warnings = %v", a.Warnings)
	}
	fields := a.Operations[0].Input.Fields
	if fields[0].Check.Pattern != nil {
		t.Errorf("untranslatable pattern kept: %+v", fields[0].Check.Pattern)
	}
	p := fields[1].Check.Pattern
	if p == nil || p.Source != `^(?!\s*$).+` || len(p.NotMatch) != 1 {
		t.Errorf("lookahead pattern = %+v", p)
	}
}
