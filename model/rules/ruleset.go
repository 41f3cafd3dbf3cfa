// Package rules loads and checks a service's Smithy endpoint rule set
// (smithy.rules#endpointRuleSet), its endpoint tests, and the operation
// traits that bind rule-set parameters, for code generation.
//
// Loading type-checks the whole rule set — function names, argument counts
// and types, references to parameters and variables, templates, getAttr
// paths — and compiles it to the runtime's Program (package
// runtime/rules). Every problem is a *model.Error naming the service and
// the position of the offending value.
package rules

import (
	"fmt"
	"strings"

	"github.com/tidwall/gjson"

	"github.com/smithygen/smithygen/model"
	rt "github.com/smithygen/smithygen/runtime/rules"
)

// RuleSetTrait is the ID of the endpoint rule set trait.
const RuleSetTrait = "smithy.rules#endpointRuleSet"

// RuleSet is a service's checked endpoint rule set.
type RuleSet struct {
	Service string // shape ID of the service
	Version string
	Params  []*Param // in the order of the model
	// Program is the compiled rule set; parameter i has slot i.
	Program *rt.Program
}

// Param is a rule-set parameter.
type Param struct {
	Name       string
	Kind       rt.Kind // rt.String, rt.Bool or rt.StringArray
	BuiltIn    string  // e.g. "AWS::Region"; "" when none
	Required   bool
	Default    rt.Value // None when the parameter has no default
	Doc        string
	Deprecated *model.Deprecated
	Pos        model.Pos
}

// Param returns the parameter called name, or nil.
func (rs *RuleSet) Param(name string) *Param {
	for _, p := range rs.Params {
		if p.Name == name {
			return p
		}
	}
	return nil
}

// Load reads and checks the endpoint rule set of svc; it returns nil and no
// error when svc has none.
func Load(svc *model.Shape) (*RuleSet, error) {
	t, ok := svc.Traits.Get(RuleSetTrait)
	if !ok {
		return nil, nil
	}
	c := &checker{svc: svc.ID, src: t.Pos.Src, slots: map[string]int{}}
	rs := c.ruleSet(t.Value)
	if len(c.errs) > 0 {
		return nil, c.errs
	}
	return rs, nil
}

// checker reads a rule set, collecting errors.
type checker struct {
	svc   string
	src   *model.Source
	errs  model.ErrorList
	prog  rt.Program
	slots map[string]int // variable name → slot
}

func (c *checker) pos(v gjson.Result) model.Pos { return model.Pos{Src: c.src, Off: v.Index} }

func (c *checker) errorf(v gjson.Result, format string, args ...any) {
	c.errs = append(c.errs, &model.Error{Pos: c.pos(v), Shape: c.svc, Msg: "endpoint rule set: " + fmt.Sprintf(format, args...)})
}

// field returns key of object v, reporting it when required and missing or
// when it is not of the wanted JSON type ("" accepts any).
func (c *checker) field(v gjson.Result, key, what string, kind gjson.Type, required bool) (gjson.Result, bool) {
	f := v.Get(escape(key))
	if !f.Exists() {
		if required {
			c.errorf(v, "%s has no %q", what, key)
		}
		return f, false
	}
	if kind != gjson.Null && !sameType(f, kind) {
		c.errorf(f, "%s: %q must be %s", what, key, typeName(kind))
		return f, false
	}
	return f, true
}

func sameType(v gjson.Result, kind gjson.Type) bool {
	switch kind {
	case gjson.True, gjson.False:
		return v.Type == gjson.True || v.Type == gjson.False
	}
	return v.Type == kind
}

func typeName(kind gjson.Type) string {
	switch kind {
	case gjson.String:
		return "a string"
	case gjson.True, gjson.False:
		return "a boolean"
	case gjson.Number:
		return "a number"
	}
	return "an object or array"
}

// escape escapes gjson path syntax in a literal key.
func escape(k string) string {
	var b strings.Builder
	for i := 0; i < len(k); i++ {
		switch k[i] {
		case '.', '*', '?', '|', '#', '@', '\\', '!', '=', '<', '>', '%':
			b.WriteByte('\\')
		}
		b.WriteByte(k[i])
	}
	return b.String()
}

func (c *checker) ruleSet(v gjson.Result) *RuleSet {
	rs := &RuleSet{Service: c.svc}
	if !v.IsObject() {
		c.errorf(v, "the trait value must be an object")
		return nil
	}
	if ver, ok := c.field(v, "version", "the rule set", gjson.String, true); ok {
		rs.Version = ver.Str
		if ver.Str != "1.0" && ver.Str != "1.1" {
			c.errorf(ver, "unsupported rules engine version %q (want 1.0 or 1.1)", ver.Str)
		}
	}
	sc := &scope{}
	if params, ok := c.field(v, "parameters", "the rule set", gjson.JSON, true); ok && params.IsObject() {
		sc = c.params(rs, params)
	} else if ok {
		c.errorf(params, `"parameters" must be an object`)
	}
	c.prog.Slots = len(rs.Params)
	if rules, ok := c.field(v, "rules", "the rule set", gjson.JSON, true); ok {
		c.prog.Rules = c.rules(rules, sc)
	}
	p := c.prog
	rs.Program = &p
	return rs
}

// params reads the parameters, which take the first slots, and returns the
// scope they define.
func (c *checker) params(rs *RuleSet, v gjson.Result) *scope {
	var sc *scope
	seen := map[string]bool{}
	v.ForEach(func(k, pv gjson.Result) bool {
		name := k.Str
		if !isIdentifier(name) {
			c.errorf(k, "parameter name %q must be a letter followed by letters and digits", name)
		}
		if seen[strings.ToLower(name)] {
			c.errorf(k, "parameter %q is defined twice (names are compared without case)", name)
			return true
		}
		seen[strings.ToLower(name)] = true
		p := c.param(name, k, pv)
		if p == nil {
			return true
		}
		slot := len(rs.Params)
		rs.Params = append(rs.Params, p)
		c.prog.Params = append(c.prog.Params, rt.Param{Name: p.Name, Kind: p.Kind, Required: p.Required, Default: p.Default})
		sc = sc.bind(name, slot, typ{kind: p.Kind, optional: !p.Required})
		return true
	})
	return sc
}

func (c *checker) param(name string, k, v gjson.Result) *Param {
	what := "parameter " + name
	if !v.IsObject() {
		c.errorf(v, "%s must be an object", what)
		return nil
	}
	p := &Param{Name: name, Pos: c.pos(k)}
	t, ok := c.field(v, "type", what, gjson.String, true)
	if !ok {
		return nil
	}
	switch strings.ToLower(t.Str) {
	case "string":
		p.Kind = rt.String
	case "boolean":
		p.Kind = rt.Bool
	case "stringarray":
		p.Kind = rt.StringArray
	default:
		c.errorf(t, "%s: unknown type %q (want string, boolean or stringArray)", what, t.Str)
		return nil
	}
	if b, ok := c.field(v, "builtIn", what, gjson.String, false); ok {
		p.BuiltIn = b.Str
	}
	if r, ok := c.field(v, "required", what, gjson.True, false); ok {
		p.Required = r.Bool()
	}
	if d, ok := c.field(v, "documentation", what, gjson.String, false); ok {
		p.Doc = d.Str
	}
	if d, ok := c.field(v, "deprecated", what, gjson.JSON, false); ok {
		p.Deprecated = &model.Deprecated{Message: d.Get("message").Str, Since: d.Get("since").Str}
	}
	if d, ok := c.field(v, "default", what, gjson.Null, false); ok {
		p.Default = c.literalValue(d, p.Kind, what+": default")
		if !p.Required {
			c.errorf(d, "%s has a default, so it must be required", what)
		}
	}
	return p
}

// literalValue converts a JSON value to a Value of kind k.
func (c *checker) literalValue(v gjson.Result, k rt.Kind, what string) rt.Value {
	switch {
	case k == rt.String && v.Type == gjson.String:
		return rt.Str(v.Str)
	case k == rt.Bool && (v.Type == gjson.True || v.Type == gjson.False):
		return rt.Boolean(v.Bool())
	case k == rt.StringArray && v.IsArray():
		var out []string
		for _, e := range v.Array() {
			if e.Type != gjson.String {
				c.errorf(e, "%s must be a list of strings", what)
				return rt.Value{}
			}
			out = append(out, e.Str)
		}
		return rt.Strings(out)
	}
	c.errorf(v, "%s must be a %s", what, k)
	return rt.Value{}
}

func isIdentifier(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		letter := 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
		if !letter && (i == 0 || c < '0' || c > '9') {
			return false
		}
	}
	return true
}
