package rules

import (
	"sort"

	"github.com/tidwall/gjson"

	rt "github.com/smithygen/smithygen/runtime/rules"
)

// typ is the static type of an expression: a kind, and whether the value
// may be unset.
type typ struct {
	kind     rt.Kind
	optional bool
}

func (t typ) String() string {
	if t.optional {
		return "option<" + t.kind.String() + ">"
	}
	return t.kind.String()
}

// scope is the parameters and variables visible at a point of the rule
// set, innermost first. A name bound twice (by isSet) shadows its outer
// binding with a narrower type.
type scope struct {
	parent *scope
	name   string
	slot   int
	t      typ
}

func (s *scope) bind(name string, slot int, t typ) *scope {
	return &scope{parent: s, name: name, slot: slot, t: t}
}

func (s *scope) lookup(name string) *scope {
	for ; s != nil; s = s.parent {
		if s.name == name {
			return s
		}
	}
	return nil
}

func (c *checker) rules(v gjson.Result, sc *scope) []rt.Rule {
	if !v.IsArray() {
		c.errorf(v, `"rules" must be an array of rules`)
		return nil
	}
	items := v.Array()
	if len(items) == 0 {
		c.errorf(v, `"rules" must hold at least one rule`)
	}
	out := make([]rt.Rule, 0, len(items))
	for _, r := range items {
		if rule, ok := c.rule(r, sc); ok {
			out = append(out, rule)
		}
	}
	return out
}

func (c *checker) rule(v gjson.Result, sc *scope) (rt.Rule, bool) {
	var r rt.Rule
	if !v.IsObject() {
		c.errorf(v, "a rule must be an object")
		return r, false
	}
	t, ok := c.field(v, "type", "a rule", gjson.String, true)
	if !ok {
		return r, false
	}
	switch t.Str {
	case "endpoint":
		r.Kind = rt.EndpointRule
	case "error":
		r.Kind = rt.ErrorRule
	case "tree":
		r.Kind = rt.TreeRule
	default:
		c.errorf(t, "unknown rule type %q (want endpoint, error or tree)", t.Str)
		return r, false
	}
	if conds, ok := c.field(v, "conditions", "a rule", gjson.JSON, true); ok {
		if !conds.IsArray() {
			c.errorf(conds, `"conditions" must be an array`)
		}
		for _, cv := range conds.Array() {
			if cond, ok := c.cond(cv, &sc); ok {
				r.Conds = append(r.Conds, cond)
			}
		}
	}
	switch r.Kind {
	case rt.EndpointRule:
		if ep, ok := c.field(v, "endpoint", "an endpoint rule", gjson.JSON, true); ok {
			r.Endpoint = c.endpoint(ep, sc)
		}
	case rt.ErrorRule:
		if ev, ok := c.field(v, "error", "an error rule", gjson.Null, true); ok {
			x := c.stringExpr(ev, sc, "the error message")
			r.Error = &x
		}
	case rt.TreeRule:
		if rules, ok := c.field(v, "rules", "a tree rule", gjson.JSON, true); ok {
			r.Rules = c.rules(rules, sc)
		}
	}
	return r, true
}

// cond reads a condition, extending *sc with the variable it assigns and
// with the narrowed type of a parameter or variable it checks with isSet.
func (c *checker) cond(v gjson.Result, sc **scope) (rt.Cond, bool) {
	cond := rt.Cond{Assign: -1}
	if !v.IsObject() || !v.Get("fn").Exists() {
		c.errorf(v, `a condition must be a function object ("fn" and "argv")`)
		return cond, false
	}
	x, t, ok := c.expr(v, *sc)
	if !ok {
		return cond, false
	}
	cond.Expr = x
	if x.Op == rt.OpCall && x.Fn == rt.FnIsSet && x.Args[0].Op == rt.OpRef {
		name := v.Get("argv.0.ref").Str
		if b := (*sc).lookup(name); b != nil && b.t.optional {
			*sc = (*sc).bind(name, b.slot, typ{kind: b.t.kind})
		}
	}
	if a, ok := c.field(v, "assign", "a condition", gjson.String, false); ok {
		name := a.Str
		switch {
		case !isVariableName(name):
			c.errorf(a, "variable name %q must be a letter followed by letters, digits and underscores", name)
		case (*sc).lookup(name) != nil:
			c.errorf(a, "%q is already defined: a variable must not reuse the name of a parameter or variable in scope", name)
		default:
			slot, ok := c.slots[name]
			if !ok {
				slot = c.prog.Slots
				c.prog.Slots++
				c.slots[name] = slot
			}
			cond.Assign = slot
			*sc = (*sc).bind(name, slot, typ{kind: t.kind})
		}
	}
	return cond, true
}

func isVariableName(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		letter := 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
		if !letter && (i == 0 || (c < '0' || c > '9') && c != '_') {
			return false
		}
	}
	return true
}

func (c *checker) endpoint(v gjson.Result, sc *scope) *rt.Endpoint {
	ep := &rt.Endpoint{}
	if !v.IsObject() {
		c.errorf(v, `"endpoint" must be an object`)
		return ep
	}
	if u, ok := c.field(v, "url", "an endpoint", gjson.Null, true); ok {
		ep.URL = c.stringExpr(u, sc, "the endpoint URL")
	}
	if hs, ok := c.field(v, "headers", "an endpoint", gjson.JSON, false); ok {
		if !hs.IsObject() {
			c.errorf(hs, `"headers" must be an object`)
		}
		forEachSorted(hs, func(k, hv gjson.Result) bool {
			h := rt.Header{Name: k.Str}
			if !hv.IsArray() {
				c.errorf(hv, "header %s must be an array of strings", k.Str)
				return true
			}
			for _, e := range hv.Array() {
				h.Values = append(h.Values, c.stringExpr(e, sc, "header "+k.Str))
			}
			ep.Headers = append(ep.Headers, h)
			return true
		})
	}
	if ps, ok := c.field(v, "properties", "an endpoint", gjson.JSON, false); ok {
		if !ps.IsObject() {
			c.errorf(ps, `"properties" must be an object`)
		}
		forEachSorted(ps, func(k, pv gjson.Result) bool {
			ep.Properties = append(ep.Properties, rt.Property{Key: k.Str, Value: c.doc(pv, sc)})
			return true
		})
	}
	return ep
}

// doc reads a property value: strings are templates.
func (c *checker) doc(v gjson.Result, sc *scope) rt.Doc {
	switch {
	case v.Type == gjson.String:
		x, _, _ := c.template(v, sc)
		return rt.Doc{Kind: rt.DocString, Str: x}
	case v.Type == gjson.True || v.Type == gjson.False:
		return rt.Doc{Kind: rt.DocBool, Bool: v.Bool()}
	case v.IsArray():
		d := rt.Doc{Kind: rt.DocList}
		for _, e := range v.Array() {
			d.Items = append(d.Items, c.doc(e, sc))
		}
		return d
	case v.IsObject():
		d := rt.Doc{Kind: rt.DocMap}
		forEachSorted(v, func(k, e gjson.Result) bool {
			d.Keys = append(d.Keys, k.Str)
			d.Items = append(d.Items, c.doc(e, sc))
			return true
		})
		return d
	}
	c.errorf(v, "an endpoint property must be a string, boolean, array or object")
	return rt.Doc{Kind: rt.DocBool}
}

// stringExpr reads a value that must be a set string: a template, a
// reference or a function.
func (c *checker) stringExpr(v gjson.Result, sc *scope, what string) rt.Expr {
	x, t, ok := c.expr(v, sc)
	if ok && (t.kind != rt.String || t.optional) {
		c.errorf(v, "%s must be a string, not %s%s", what, t, optionHint(t))
	}
	return x
}

func optionHint(t typ) string {
	if t.optional {
		return " (check it with isSet, or assign it in a condition, first)"
	}
	return ""
}

// forEachSorted is v.ForEach over an object in key order: the order of
// headers and properties carries no meaning, and the encoded rule set must
// not depend on it.
func forEachSorted(v gjson.Result, fn func(k, e gjson.Result) bool) {
	type entry struct{ k, e gjson.Result }
	var es []entry
	v.ForEach(func(k, e gjson.Result) bool {
		es = append(es, entry{k, e})
		return true
	})
	sort.SliceStable(es, func(i, j int) bool { return es[i].k.Str < es[j].k.Str })
	for _, x := range es {
		if !fn(x.k, x.e) {
			return
		}
	}
}
