package model

import (
	"sort"
	"strings"
)

// validate checks the loaded shapes against Smithy's model rules: trait
// definitions, targets and conflicts, shape ID conflicts, references,
// defaults, HTTP labels and pagination. Errors go to l.d, warnings (what
// Smithy reports with a lower severity) to l.warnings.
func (l *loader) validate(m *Model, ids []string) {
	shapes := make([]*Shape, len(ids))
	for i, id := range ids {
		shapes[i] = l.shapes[id]
	}
	l.checkShapeIDs(shapes)
	v := &validator{l: l, rules: l.traitRules(), namespaces: map[string]bool{}}
	for _, id := range ids {
		ns, _, _ := strings.Cut(id, "#")
		v.namespaces[ns] = true
	}
	for _, s := range shapes {
		if s.IsPrelude() {
			continue
		}
		v.checkTraits(subject{shape: s})
		for _, mem := range s.Members {
			v.checkTraits(subject{shape: s, member: mem})
		}
		v.checkExclusive(s)
		l.checkReferences(s)
		l.checkMixinShape(s)
		l.checkDefaults(s)
	}
	for _, s := range m.Shapes {
		if s.Type == Operation && !s.IsPrelude() {
			l.checkHTTPLabels(s)
		}
	}
	l.checkPagination(m)
	l.checkIdempotencyTokens(m)
}

// checkShapeIDs reports shape and member IDs that differ only in case.
// IDs are indexed by a hash of their lower-cased bytes, so that no
// lower-cased copy is made of each.
func (l *loader) checkShapeIDs(shapes []*Shape) {
	seen := make(map[uint64]string, len(shapes))
	groups := map[string][]string{}
	for _, s := range shapes {
		id := s.ID
		h := foldHash(id)
		if first, dup := seen[h]; dup && strings.EqualFold(first, id) {
			key := strings.ToLower(id)
			if groups[key] == nil {
				groups[key] = []string{first}
			}
			groups[key] = append(groups[key], id)
			continue
		} else if !dup {
			seen[h] = id
		}
		l.checkMemberNames(s)
	}
	for _, group := range sortedKeys(groups) {
		var members []*MemberShape
		for _, id := range groups[group] {
			members = append(members, l.shapes[id].Members...)
		}
		l.reportIDConflicts(groups[group], func(id string) Pos { return l.shapes[id].Pos })
		l.checkMembers(members)
	}
}

// foldHash is the FNV-1a hash of s with ASCII letters lower-cased; shape
// IDs are ASCII.
func foldHash(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		h = (h ^ uint64(c)) * 1099511628211
	}
	return h
}

// checkMemberNames reports members of one shape whose names differ only in
// case.
func (l *loader) checkMemberNames(s *Shape) {
	if len(s.Members) > 1 {
		l.checkMembers(s.Members)
	}
}

func (l *loader) checkMembers(ms []*MemberShape) {
	clash := map[string][]*MemberShape{}
	add := func(a, b *MemberShape) {
		key := strings.ToLower(a.ID())
		if clash[key] == nil {
			clash[key] = []*MemberShape{b}
		}
		clash[key] = append(clash[key], a)
	}
	same := func(a, b *MemberShape) bool {
		return len(a.Name) == len(b.Name) && strings.EqualFold(a.Name, b.Name) && (a.Name != b.Name || a.Container != b.Container)
	}
	if len(ms) <= 16 {
		for i, a := range ms {
			for _, b := range ms[:i] {
				if same(a, b) {
					add(a, b)
					break
				}
			}
		}
	} else {
		first := make(map[string]*MemberShape, len(ms))
		for _, a := range ms {
			key := strings.ToLower(a.Name)
			if b := first[key]; b != nil && same(a, b) {
				add(a, b)
			} else if b == nil {
				first[key] = a
			}
		}
	}
	for _, key := range sortedKeys(clash) {
		byID := map[string]Pos{}
		var ids []string
		for _, m := range clash[key] {
			ids = append(ids, m.ID())
			byID[m.ID()] = m.Pos
		}
		l.reportIDConflicts(ids, func(id string) Pos { return byID[id] })
	}
}

// reportIDConflicts reports each of a group of IDs equal but for case.
func (l *loader) reportIDConflicts(group []string, pos func(string) Pos) {
	sort.Strings(group)
	for _, id := range group {
		var others []string
		for _, o := range group {
			if o != id {
				others = append(others, "`"+o+"`")
			}
		}
		l.d.add(pos(id), id, "Shape ID `%s` conflicts with other shape IDs in the model: [%s]", id, strings.Join(others, ", "))
	}
}

// validator holds what the trait checks share.
type validator struct {
	l          *loader
	rules      map[string]traitRule // by absolute trait ID
	namespaces map[string]bool      // namespaces that define shapes
}

// preludeTraits are the prelude's traits that any shape may carry.
var preludeTraits = []string{"deprecated", "documentation", "externalDocumentation", "private", "since",
	"tags", "title", "unstable", "suppress", "internal", "metadata", "traitValidators", "noReplace",
	"notProperty", "nestedProperties"}

// preludeByID holds the prelude's trait rules by absolute trait ID.
var preludeByID = func() map[string]traitRule {
	rules := make(map[string]traitRule, len(preludeRules)+len(preludeTraits))
	for name, r := range preludeRules {
		rules["smithy.api#"+name] = r
	}
	for _, name := range preludeTraits {
		rules["smithy.api#"+name] = traitRule{selector: "*"}
	}
	return rules
}()

// traitRules returns the rules of the prelude's traits and of the traits
// the model defines.
func (l *loader) traitRules() map[string]traitRule {
	rules := preludeByID
	for id, s := range l.shapes {
		if _, prelude := preludeByID[id]; prelude {
			continue
		}
		if r, ok := customRule(s); ok {
			if len(rules) == len(preludeByID) {
				rules = make(map[string]traitRule, len(preludeByID)+8)
				for k, v := range preludeByID {
					rules[k] = v
				}
			}
			rules[id] = r
		}
	}
	return rules
}

// checkTraits checks each trait of a shape or member: that it is defined,
// that it may be applied there, and that it does not conflict with another.
func (v *validator) checkTraits(x subject) {
	ts := x.traits()
	var clash []string
	var clashPos Pos
	for _, t := range ts.All {
		r, ok := v.rules[t.ID]
		if !ok {
			ns, _, _ := strings.Cut(t.ID, "#")
			if ns == "smithy.api" || v.namespaces[ns] {
				v.l.d.add(t.Pos, x.id(), "Unable to resolve trait `%s`. If this is a custom trait, then it must be defined before it can be used in a model.", t.ID)
			}
			continue
		}
		if !r.test(x) {
			v.l.d.add(t.Pos, x.id(), "Trait `%s` cannot be applied to `%s`. This trait may only be applied to shapes that match the following selector: %s",
				idiomatic(t.ID), x.id(), r.selector)
		}
		for _, c := range r.conflicts {
			cid := c
			if !strings.Contains(cid, "#") {
				cid = "smithy.api#" + c
			}
			if ts.Has(cid) {
				if len(clash) == 0 {
					clashPos = t.Pos
				}
				clash = append(clash, "`"+idiomatic(t.ID)+"` conflicts with `"+idiomatic(cid)+"`")
			}
		}
	}
	if len(clash) > 0 {
		sort.Strings(clash)
		v.l.d.add(clashPos, x.id(), "Found conflicting traits on %s shape: %s", x.typ(), strings.Join(clash, ", "))
	}
}

// exclusiveTraits are the traits at most one member of a structure may
// have, with the typed field that tells them.
var exclusiveTraits = []struct {
	id  string
	has func(*Traits) bool
}{
	{"smithy.api#eventPayload", func(t *Traits) bool { return t.EventPayload }},
	{"smithy.api#httpPayload", func(t *Traits) bool { return t.HTTPPayload }},
	{"smithy.api#httpPrefixHeaders", func(t *Traits) bool { return t.HTTPPrefixHeader != nil }},
	{"smithy.api#httpQueryParams", func(t *Traits) bool { return t.HTTPQueryParams }},
	{"smithy.api#httpResponseCode", func(t *Traits) bool { return t.HTTPResponseCode }},
	{"smithy.api#idempotencyToken", func(t *Traits) bool { return t.IdempotencyToken }},
}

// checkExclusive reports a trait that at most one member of a structure
// may have, found on several, and several members targeting a streaming
// shape.
func (v *validator) checkExclusive(s *Shape) {
	if s.Type != Structure || len(s.Members) < 2 {
		return
	}
	for _, x := range exclusiveTraits {
		var on []string
		var first Trait
		for _, m := range s.Members {
			if x.has(&m.Traits) {
				if len(on) == 0 {
					first, _ = m.Traits.Get(x.id)
				}
				on = append(on, m.Name)
			}
		}
		if len(on) > 1 {
			v.l.d.add(first.Pos, s.ID, "The `%s` trait can be applied to only a single member of a shape, but it was found on the following members: %s",
				idiomatic(x.id), ticked(on))
		}
	}
	streaming := 0
	for _, m := range s.Members {
		if m.Target.Traits.Streaming {
			streaming++
		}
	}
	if streaming > 1 {
		v.l.d.add(s.Pos, s.ID, "Only a single member of a structure can target a shape marked with the `streaming` trait")
	}
}

// ticked formats names as Smithy lists them: sorted, in backticks.
func ticked(names []string) string {
	sorted := append([]string(nil), names...)
	sort.Strings(sorted)
	for i, n := range sorted {
		sorted[i] = "`" + n + "`"
	}
	return strings.Join(sorted, ", ")
}

// checkReferences checks what a shape refers to: no mixins outside mixin
// lists, errors marked @error, inputs and outputs not marked @error, map
// keys that are strings and string resource identifiers.
func (l *loader) checkReferences(s *Shape) {
	illegal := func(rel string, t *Shape, pos Pos) {
		if t != nil && t.Traits.Mixin != nil {
			l.d.add(pos, s.ID, "Illegal %s reference to mixin `%s`; shapes marked with the mixin trait can only be referenced to apply them as a mixin.", rel, t.ID)
		}
	}
	switch s.Type {
	case Operation:
		at := func(key string) Pos { return Pos{s.Pos.Src, s.raw.v.Get(key).Index} }
		for _, io := range []struct {
			key, rel string
			t        *Shape
		}{{"input", "INPUT", s.Input}, {"output", "OUTPUT", s.Output}} {
			if io.t == nil || io.t.IsUnit() || io.t.Traits.Mixin == nil && io.t.Traits.Error == "" {
				continue
			}
			illegal(io.rel, io.t, at(io.key))
			if io.t.Traits.Error != "" {
				l.d.add(at(io.key), s.ID, "Operation %s targets an invalid structure `%s` that is marked with the `error` trait.", io.key, io.t.ID)
			}
		}
		for _, e := range s.Errors {
			if e.Traits.Mixin != nil {
				illegal("ERROR", e, at("errors"))
			} else if e.Traits.Error == "" {
				l.d.add(at("errors"), s.ID, "`%s` cannot be bound as an error because it is not marked with the `error` trait.", e.ID)
			}
		}
	case Map:
		if k := s.Member("key"); k != nil && k.Target.Type != InvalidType && !isString(k.Target.Type) {
			l.d.add(k.Pos, k.ID(), "Map key member targets %s, but is expected to target a string", describe(k.Target))
		}
	case Resource:
		for _, b := range s.Identifiers {
			if !isString(b.Target.Type) {
				l.d.add(s.Pos, s.ID, "resource shape `identifier` relationships must target a string shape, but found %s", describe(b.Target))
			}
		}
	}
}

// describe prints a shape as Smithy does in messages: (type: `id`).
func describe(s *Shape) string { return "(" + s.Type.String() + ": `" + s.ID + "`)" }

// checkMixinShape checks what mixin operations and resources may declare.
func (l *loader) checkMixinShape(s *Shape) {
	if s.Traits.Mixin == nil {
		return
	}
	raw := s.raw.v
	switch s.Type {
	case Operation:
		for _, k := range []string{"input", "output"} {
			if t := raw.Get(k + ".target"); t.Exists() && t.Str != "smithy.api#Unit" {
				l.d.add(Pos{s.Pos.Src, t.Index}, s.ID, "Operation shapes with the mixin trait MUST target `smithy.api#Unit` for their input and output. Operation mixin shape `%s` defines one or both of these properties.", s.ID)
				return
			}
		}
	case Resource:
		for _, k := range []string{"identifiers", "properties", "create", "put", "read", "update", "delete", "list", "operations", "collectionOperations", "resources"} {
			if p := raw.Get(k); p.Exists() {
				l.d.add(Pos{s.Pos.Src, p.Index}, s.ID, "Resource shapes with the mixin trait may not define any properties. Resource mixin shape `%s` defines one or more properties.", s.ID)
				return
			}
		}
	}
}
