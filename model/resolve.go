package model

import (
	"sort"
	"strings"

	"github.com/tidwall/gjson"
)

// build resolves the raw shapes read so far into the model.
func (l *loader) build() (*Model, error) {
	ids := make([]string, 0, len(l.shapes))
	for id := range l.shapes {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		l.readMembers(l.shapes[id])
	}
	pending := l.applyTraits(l.applies, false)
	for _, id := range ids {
		l.flatten(l.shapes[id], map[string]bool{})
	}
	l.applyTraits(pending, true)
	m := &Model{byID: map[string]*Shape{}}
	for _, id := range ids {
		s := l.shapes[id]
		l.resolveShape(s)
		if s.Traits.Mixin != nil {
			continue // flattened into the shapes using it
		}
		m.Shapes = append(m.Shapes, s)
		m.byID[id] = s
	}
	for _, k := range sortedKeys(l.metadata) {
		m.Metadata = append(m.Metadata, Trait{ID: k, Value: l.metadata[k], Pos: l.metaPos[k]})
	}
	l.validate(m, ids)
	if err := l.d.err(); err != nil {
		return nil, err
	}
	sortErrors(l.warnings)
	m.Warnings = l.warnings
	return m, nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// readMembers creates a shape's local members (targets resolve later) and
// records its mixins.
func (l *loader) readMembers(s *Shape) {
	v, src := s.raw.v, s.Pos.Src
	s.Traits.All = s.raw.local
	switch s.Type {
	case List, Set:
		l.addMember(s, "member", v.Get("member"), true)
	case Map:
		l.addMember(s, "key", v.Get("key"), true)
		l.addMember(s, "value", v.Get("value"), true)
	case Structure, Union, Enum, IntEnum:
		if ms := v.Get("members"); ms.Exists() {
			if !ms.IsObject() {
				l.d.add(Pos{src, ms.Index}, s.ID, `"members" must be an object`)
				break
			}
			ms.ForEach(func(k, mv gjson.Result) bool {
				if s.Member(k.Str) != nil {
					l.d.add(Pos{src, k.Index}, s.ID, "duplicate member %q", k.Str)
				}
				l.addMember(s, k.Str, mv, false)
				return true
			})
		}
	}
	for _, mx := range l.refList(s, "mixins") {
		s.mixins = append(s.mixins, mx.Str)
	}
}

// addMember creates a member whose target ID is kept in the raw value.
func (l *loader) addMember(s *Shape, name string, v gjson.Result, required bool) {
	pos := Pos{s.Pos.Src, v.Index}
	if !v.Exists() {
		if required && len(s.raw.v.Get("mixins").Array()) == 0 {
			l.d.add(s.Pos, s.ID, "missing %q member", name)
		}
		return
	}
	if !isIdentifier(name) {
		l.d.add(pos, s.ID, "invalid member name %q", name)
		return
	}
	if !v.IsObject() || v.Get("target").Type != gjson.String {
		l.d.add(pos, s.ID+"$"+name, `a member must be an object with a "target" string`)
		return
	}
	m := &MemberShape{Name: name, Container: s, Pos: pos}
	m.Traits.All = l.readTraits(s.Pos.Src, m.ID(), v.Get("traits"))
	m.Target = &Shape{ID: v.Get("target").Str, Pos: Pos{s.Pos.Src, v.Get("target").Index}}
	s.Members = append(s.Members, m)
}

// refList reads a list of {"target": id} references.
func (l *loader) refList(s *Shape, key string) []gjson.Result {
	v := s.raw.v.Get(key)
	if !v.Exists() {
		return nil
	}
	if !v.IsArray() {
		l.d.add(Pos{s.Pos.Src, v.Index}, s.ID, "%q must be a list of references", key)
		return nil
	}
	var out []gjson.Result
	for _, e := range v.Array() {
		t := e.Get("target")
		if t.Type != gjson.String {
			l.d.add(Pos{s.Pos.Src, e.Index}, s.ID, `%q entries must be objects with a "target" string`, key)
			continue
		}
		out = append(out, t)
	}
	return out
}

// applyTraits merges the traits of apply statements into their targets. An
// apply to a member that only a mixin provides is returned to be applied
// again after flattening (final is then true).
func (l *loader) applyTraits(applies []applyEntry, final bool) (pending []applyEntry) {
	for _, a := range applies {
		full := a.target
		if a.member != "" {
			full += "$" + a.member
		}
		s := l.shapes[a.target]
		var m *MemberShape
		if s != nil && a.member != "" {
			m = s.Member(a.member)
		}
		switch {
		case s == nil || a.member != "" && m == nil && final:
			for _, t := range a.traits {
				l.d.add(t.Pos, full, "Trait `%s` applied to unknown shape `%s`", idiomatic(t.ID), full)
			}
		case s.IsPrelude() && strings.HasPrefix(s.ID, "smithy.api#"):
			for _, t := range a.traits {
				l.d.add(t.Pos, full, "Cannot apply `%s` to an immutable prelude shape defined in `smithy.api`.", t.ID)
			}
		case a.member == "":
			s.Traits.All = l.mergeTraits(s.ID, s.Traits.All, a.traits, nil)
		case m != nil:
			m.Traits.All = l.mergeTraits(m.ID(), m.Traits.All, a.traits, l.inherited[m])
		default:
			pending = append(pending, a)
		}
	}
	return pending
}

// mergeTraits adds traits to base: a trait inherited from a mixin (listed
// in inherited) is replaced; otherwise list values concatenate, equal
// values merge, and any other clash is an error.
func (l *loader) mergeTraits(owner string, base, add []Trait, inherited map[string]bool) []Trait {
	for _, t := range add {
		i := indexTrait(base, t.ID)
		switch {
		case i < 0:
			base = append(base, t)
		case inherited[t.ID]:
			base[i] = t
			delete(inherited, t.ID)
		case base[i].Value.IsArray() && t.Value.IsArray():
			base[i].Value = concatArrays(base[i].Value, t.Value)
		case !jsonEqual(base[i].Value, t.Value):
			l.d.add(t.Pos, owner, "Conflicting `%s` trait found on shape `%s`. The previous trait was defined at `%s`, and a conflicting trait was defined at `%s`.",
				t.ID, owner, base[i].Pos, t.Pos)
		}
	}
	return base
}

// idiomatic is a trait's name as Smithy writes it in messages: without the
// namespace for prelude traits.
func idiomatic(id string) string {
	if n, ok := strings.CutPrefix(id, "smithy.api#"); ok {
		return n
	}
	return id
}

func indexTrait(ts []Trait, id string) int {
	for i, t := range ts {
		if t.ID == id {
			return i
		}
	}
	return -1
}

func sortTraits(ts []Trait) {
	sort.SliceStable(ts, func(i, j int) bool { return ts[i].ID < ts[j].ID })
}
