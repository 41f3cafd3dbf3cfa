package model

import (
	"strings"

	"github.com/tidwall/gjson"
)

// resolveShape parses typed traits and resolves every reference of s, once.
func (l *loader) resolveShape(s *Shape) {
	if s.resolved {
		return
	}
	s.resolved = true
	l.parseTraits(s.ID, &s.Traits)
	for _, m := range s.Members {
		l.parseTraits(m.ID(), &m.Traits)
		m.Target = l.memberTarget(m)
	}
	switch s.Type {
	case Service:
		l.resolveService(s)
	case Operation:
		s.Input = l.ref(s, "input", Structure, true)
		s.Output = l.ref(s, "output", Structure, true)
		s.Errors = l.refs(s, "errors", Structure)
	case Resource:
		l.resolveResource(s)
	}
	for _, id := range s.mixins {
		if mx := l.shapes[id]; mx != nil && mx.Type == s.Type {
			l.resolveShape(mx)
			l.inheritBindings(s, mx)
		}
	}
}

// inheritBindings adds a mixin's service, operation or resource properties
// to s: the mixin's come first, and s's own single-valued properties win.
func (l *loader) inheritBindings(s, mx *Shape) {
	s.Operations = unionShapes(mx.Operations, s.Operations)
	s.Resources = unionShapes(mx.Resources, s.Resources)
	s.Errors = unionShapes(mx.Errors, s.Errors)
	s.CollectionOperations = unionShapes(mx.CollectionOperations, s.CollectionOperations)
	s.Version = firstNonEmpty(s.Version, mx.Version)
	for k, v := range mx.Rename {
		if _, ok := s.Rename[k]; !ok {
			if s.Rename == nil {
				s.Rename = map[string]string{}
			}
			s.Rename[k] = v
		}
	}
	raw := s.raw.v
	for _, p := range []struct {
		key      string
		dst, src **Shape
	}{{"input", &s.Input, &mx.Input}, {"output", &s.Output, &mx.Output}, {"create", &s.Create, &mx.Create},
		{"put", &s.Put, &mx.Put}, {"read", &s.Read, &mx.Read}, {"update", &s.Update, &mx.Update},
		{"delete", &s.Delete, &mx.Delete}, {"list", &s.List, &mx.List}} {
		if !raw.Get(p.key).Exists() {
			*p.dst = *p.src
		}
	}
	s.Identifiers = unionBindings(mx.Identifiers, s.Identifiers)
	s.Properties = unionBindings(mx.Properties, s.Properties)
}

func unionShapes(a, b []*Shape) []*Shape {
	out := append([]*Shape(nil), a...)
	for _, s := range b {
		if !containsShape(out, s) {
			out = append(out, s)
		}
	}
	return out
}

func unionBindings(a, b []Binding) []Binding {
	out := append([]Binding(nil), a...)
	for _, x := range b {
		found := false
		for i, y := range out {
			if y.Name == x.Name {
				out[i], found = x, true
			}
		}
		if !found {
			out = append(out, x)
		}
	}
	return out
}

func (l *loader) parseTraits(owner string, t *Traits) {
	sortTraits(t.All)
	t.parse(func(tr Trait, want string) {
		l.d.add(tr.Pos, owner, "trait %s: expected %s", tr.ID, want)
	})
}

func (l *loader) memberTarget(m *MemberShape) *Shape {
	id := m.Target.ID
	t := l.shapes[id]
	switch {
	case t == nil:
		l.d.add(m.Target.Pos, m.ID(), "member shape targets an unresolved shape `%s`", id)
	case t.Type == Operation || t.Type == Service || t.Type == Resource:
		l.d.add(m.Target.Pos, m.ID(), "Members cannot target %s shapes, but found %s", t.Type, describe(t))
	case indexTrait(t.Traits.All, "smithy.api#mixin") >= 0:
		l.d.add(m.Target.Pos, m.ID(), "Illegal MEMBER_TARGET reference to mixin `%s`; shapes marked with the mixin trait can only be referenced to apply them as a mixin.", id)
	default:
		return t
	}
	return m.Target // keep a placeholder so later passes need no nil checks
}

// ref resolves the single reference s.raw[key]; a missing input or output
// is smithy.api#Unit.
func (l *loader) ref(s *Shape, key string, want Type, unitDefault bool) *Shape {
	v := s.raw.v.Get(key)
	if !v.Exists() {
		if unitDefault {
			return l.shapes["smithy.api#Unit"]
		}
		return nil
	}
	t := v.Get("target")
	if t.Type != gjson.String {
		l.d.add(Pos{s.Pos.Src, v.Index}, s.ID, `%q must be an object with a "target" string`, key)
		return nil
	}
	return l.lookup(s, t, key, want)
}

func (l *loader) refs(s *Shape, key string, want Type) []*Shape {
	var out []*Shape
	for _, t := range l.refList(s, key) {
		if r := l.lookup(s, t, key, want); r != nil {
			out = append(out, r)
		}
	}
	return out
}

func (l *loader) lookup(s *Shape, t gjson.Result, key string, want Type) *Shape {
	rel := relationName(key)
	r := l.shapes[t.Str]
	if r == nil {
		l.d.add(Pos{s.Pos.Src, t.Index}, s.ID, "%s shape has %s `%s` relationship to an unresolved shape `%s`", s.Type, indefinite(rel), rel, t.Str)
		return nil
	}
	if r.Type != want {
		l.d.add(Pos{s.Pos.Src, t.Index}, s.ID, "%s shape `%s` relationships must target a %s shape, but found %s", s.Type, rel, want, describe(r))
		return nil
	}
	return r
}

// relationName is the relationship a property of a shape stands for, as
// Smithy names it: "errors" → "error", "operations" → "operation".
func relationName(key string) string {
	switch key {
	case "errors", "operations", "resources", "collectionOperations", "identifiers":
		return strings.TrimSuffix(key, "s")
	case "properties":
		return "property"
	}
	return key
}

func indefinite(word string) string {
	if strings.ContainsRune("aeiouAEIOU", rune(word[0])) {
		return "an"
	}
	return "a"
}

func (l *loader) resolveService(s *Shape) {
	if v := s.raw.v.Get("version"); v.Exists() && v.Type != gjson.String {
		l.d.add(Pos{s.Pos.Src, v.Index}, s.ID, `"version" must be a string`)
	} else {
		s.Version = v.Str
	}
	s.Operations = l.refs(s, "operations", Operation)
	s.Resources = l.refs(s, "resources", Resource)
	s.Errors = l.refs(s, "errors", Structure)
	if rn := s.raw.v.Get("rename"); rn.Exists() {
		s.Rename = map[string]string{}
		rn.ForEach(func(k, v gjson.Result) bool {
			if v.Type != gjson.String || !isIdentifier(v.Str) {
				l.d.add(Pos{s.Pos.Src, k.Index}, s.ID, "rename of %s must be an identifier", k.Str)
			}
			s.Rename[k.Str] = v.Str
			return true
		})
	}
}

func (l *loader) resolveResource(s *Shape) {
	s.Identifiers = l.bindings(s, "identifiers")
	s.Properties = l.bindings(s, "properties")
	for _, p := range []struct {
		key string
		dst **Shape
	}{{"create", &s.Create}, {"put", &s.Put}, {"read", &s.Read}, {"update", &s.Update}, {"delete", &s.Delete}, {"list", &s.List}} {
		*p.dst = l.ref(s, p.key, Operation, false)
	}
	s.Operations = l.refs(s, "operations", Operation)
	s.CollectionOperations = l.refs(s, "collectionOperations", Operation)
	s.Resources = l.refs(s, "resources", Resource)
}

func (l *loader) bindings(s *Shape, key string) []Binding {
	v := s.raw.v.Get(key)
	var out []Binding
	v.ForEach(func(k, b gjson.Result) bool {
		t := b.Get("target")
		if t.Type != gjson.String {
			l.d.add(Pos{s.Pos.Src, k.Index}, s.ID, `%s %q must be an object with a "target" string`, key, k.Str)
			return true
		}
		if r := l.shapes[t.Str]; r != nil {
			out = append(out, Binding{Name: k.Str, Target: r})
		} else {
			rel := relationName(key)
			l.d.add(Pos{s.Pos.Src, t.Index}, s.ID, "%s shape has %s `%s` relationship to an unresolved shape `%s`", s.Type, indefinite(rel), rel, t.Str)
		}
		return true
	})
	return out
}
