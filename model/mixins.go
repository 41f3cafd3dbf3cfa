package model

import (
	"sort"
	"strings"
)

// flatten copies the members and traits of s's mixins into s, depth first.
// Local members and traits win over inherited ones.
func (l *loader) flatten(s *Shape, visiting map[string]bool) {
	if s.flat {
		return
	}
	if visiting[s.ID] {
		var others []string
		for id := range visiting {
			if id != s.ID {
				others = append(others, id)
			}
		}
		sort.Strings(others)
		l.d.add(s.Pos, s.ID, "Unable to resolve mixins; cycles detected between this shape and [%s]", strings.Join(others, ", "))
		return
	}
	visiting[s.ID] = true
	defer delete(visiting, s.ID)
	var members []*MemberShape
	var traits []Trait
	for _, id := range s.mixins {
		mx := l.shapes[id]
		switch {
		case mx == nil:
			l.d.add(s.Pos, s.ID, "Cannot apply mixin to %s: %s not found", s.ID, id)
			continue
		case indexTrait(mx.Traits.All, "smithy.api#mixin") < 0:
			l.d.add(s.Pos, s.ID, "Attempted to use %s as a mixin, but it is not marked with the mixin trait", id)
			continue
		case mx.Type != s.Type:
			l.d.add(s.Pos, s.ID, "Mixins may only be mixed into shapes of the same type. The following mixins were applied to the %s shape `%s` which are not %s shapes: [`%s`]", s.Type, s.ID, s.Type, id)
			continue
		}
		l.flatten(mx, visiting)
		for _, m := range mx.Members {
			if prev := findMember(members, m.Name); prev != nil && prev.Target.ID != m.Target.ID {
				l.d.add(s.Pos, s.ID+"$"+m.Name, "Member conflicts with an inherited mixin member: `%s`", firstNonEmpty(l.origin[m], m.ID()))
				continue
			} else if prev != nil {
				prev.Traits.All = overlayTraits(prev.Traits.All, m.Traits.All)
				l.markInherited(prev, m.Traits.All)
				continue
			}
			c := *m
			c.Container = s
			c.Traits.All = append([]Trait(nil), m.Traits.All...)
			l.origin[&c] = firstNonEmpty(l.origin[m], m.ID())
			l.markInherited(&c, m.Traits.All)
			members = append(members, &c)
		}
		traits = l.mergeInherited(traits, mx)
	}
	s.Members = l.overlayMembers(s, members)
	s.Traits.All = overlayTraits(traits, s.Traits.All)
	s.flat = true
}

// mergeInherited adds the traits that mx passes on to the shapes using it.
func (l *loader) mergeInherited(traits []Trait, mx *Shape) []Trait {
	local := map[string]bool{"smithy.api#mixin": true}
	if i := indexTrait(mx.Traits.All, "smithy.api#mixin"); i >= 0 {
		for _, t := range mx.Traits.All[i].Value.Get("localTraits").Array() {
			local[t.Str] = true
		}
	}
	for _, t := range mx.Traits.All {
		if !local[t.ID] {
			traits = overlayTraits(traits, []Trait{t})
		}
	}
	return traits
}

// overlayMembers puts s's own members over the inherited ones: a local
// member with an inherited name keeps the inherited position and adds its
// traits; it may not change the target.
func (l *loader) overlayMembers(s *Shape, inherited []*MemberShape) []*MemberShape {
	if len(inherited) == 0 {
		return s.Members
	}
	out := inherited
	for _, m := range s.Members {
		prev := findMember(out, m.Name)
		if prev == nil {
			out = append(out, m)
			continue
		}
		if prev.Target.ID != m.Target.ID {
			l.d.add(m.Pos, m.ID(), "Member conflicts with an inherited mixin member: `%s`", l.origin[prev])
			continue
		}
		prev.Traits.All = overlayTraits(prev.Traits.All, m.Traits.All)
		for _, t := range m.Traits.All {
			delete(l.inherited[prev], t.ID)
		}
		prev.Pos = m.Pos
	}
	return out
}

// markInherited records traits a member got from a mixin: a trait applied
// to the member itself replaces them.
func (l *loader) markInherited(m *MemberShape, ts []Trait) {
	if len(ts) == 0 {
		return
	}
	set := l.inherited[m]
	if set == nil {
		set = make(map[string]bool, len(ts))
		l.inherited[m] = set
	}
	for _, t := range ts {
		set[t.ID] = true
	}
}

// overlayTraits returns base with each trait of top added or replacing the
// trait of the same ID.
func overlayTraits(base, top []Trait) []Trait {
	out := append([]Trait(nil), base...)
	for _, t := range top {
		if i := indexTrait(out, t.ID); i >= 0 {
			out[i] = t
		} else {
			out = append(out, t)
		}
	}
	return out
}

func findMember(ms []*MemberShape, name string) *MemberShape {
	for _, m := range ms {
		if m.Name == name {
			return m
		}
	}
	return nil
}
