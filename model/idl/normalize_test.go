package idl

import (
	"bytes"
	"encoding/json"
	"math/big"
	"strings"
)

// decodeJSON decodes with numbers kept as json.Number.
func decodeJSON(data []byte) (map[string]any, error) {
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber()
	var v map[string]any
	err := d.Decode(&v)
	return v, err
}

// normalizeShapes rewrites a "shapes" object into a canonical form in which
// equivalent JSON AST documents are equal: a member that restates a mixin
// member becomes an apply entry, apply entries merge into shapes present in
// the document, empty members/traits and Unit input/output are dropped.
// others holds shapes of documents loaded alongside.
func normalizeShapes(shapes, others map[string]any) {
	lookup := func(id string) map[string]any {
		if s, ok := shapes[id].(map[string]any); ok {
			return s
		}
		s, _ := others[id].(map[string]any)
		return s
	}
	for id, v := range shapes {
		s := v.(map[string]any)
		if _, ok := s["mixins"]; ok {
			liftMixinMembers(id, s, shapes, lookup)
		}
	}
	for id, v := range shapes {
		s := v.(map[string]any)
		if s["type"] == "apply" && mergeApply(id, s, shapes) {
			delete(shapes, id)
		}
	}
	for id, v := range shapes {
		s := v.(map[string]any)
		dropEmpty(s, "traits")
		dropEmpty(s, "members")
		for _, m := range memberMap(s) {
			dropEmpty(m.(map[string]any), "traits")
		}
		for _, k := range []string{"input", "output"} {
			if t, ok := s[k].(map[string]any); ok && t["target"] == "smithy.api#Unit" {
				delete(s, k)
			}
		}
		if s["type"] == "apply" && s["traits"] == nil {
			delete(shapes, id)
		}
	}
}

// memberMap returns the members of a shape by name.
func memberMap(s map[string]any) map[string]any {
	if m, ok := s["members"].(map[string]any); ok {
		return m
	}
	out := map[string]any{}
	for _, k := range []string{"member", "key", "value"} {
		if m, ok := s[k]; ok {
			out[k] = m
		}
	}
	return out
}

func deleteMember(s map[string]any, name string) {
	if m, ok := s["members"].(map[string]any); ok {
		delete(m, name)
		return
	}
	delete(s, name)
}

func mixinMember(s map[string]any, name string, lookup func(string) map[string]any, depth int) map[string]any {
	mixins, _ := s["mixins"].([]any)
	for _, r := range mixins {
		mx := lookup(r.(map[string]any)["target"].(string))
		if mx == nil || depth > 32 {
			continue
		}
		if m, ok := memberMap(mx)[name].(map[string]any); ok {
			return m
		}
		if m := mixinMember(mx, name, lookup, depth+1); m != nil {
			return m
		}
	}
	return nil
}

func liftMixinMembers(id string, s, shapes map[string]any, lookup func(string) map[string]any) {
	for name, v := range memberMap(s) {
		m := v.(map[string]any)
		inherited := mixinMember(s, name, lookup, 0)
		if inherited == nil || inherited["target"] != m["target"] {
			continue
		}
		deleteMember(s, name)
		traits, _ := m["traits"].(map[string]any)
		key := id + "$" + name
		a, ok := shapes[key].(map[string]any)
		if !ok {
			a = map[string]any{"type": "apply"}
			shapes[key] = a
		}
		addTraits(a, traits)
	}
}

func addTraits(dst map[string]any, traits map[string]any) {
	if len(traits) == 0 {
		return
	}
	t, ok := dst["traits"].(map[string]any)
	if !ok {
		t = map[string]any{}
		dst["traits"] = t
	}
	for k, v := range traits {
		t[k] = v
	}
}

// mergeApply moves an apply entry's traits into the shape or member it
// targets, reporting whether that target is defined in shapes.
func mergeApply(id string, a, shapes map[string]any) bool {
	root, member, _ := strings.Cut(id, "$")
	s, ok := shapes[root].(map[string]any)
	if !ok || s["type"] == "apply" {
		return false
	}
	traits, _ := a["traits"].(map[string]any)
	if member == "" {
		addTraits(s, traits)
		return true
	}
	m, ok := memberMap(s)[member].(map[string]any)
	if !ok {
		return false
	}
	addTraits(m, traits)
	return true
}

func dropEmpty(s map[string]any, key string) {
	if m, ok := s[key].(map[string]any); ok && len(m) == 0 {
		delete(s, key)
	}
}

// jsonEqual compares decoded JSON values, numbers by value.
func jsonEqual(a, b any) bool {
	switch x := a.(type) {
	case json.Number:
		y, ok := b.(json.Number)
		if !ok {
			return false
		}
		rx, okx := new(big.Rat).SetString(x.String())
		ry, oky := new(big.Rat).SetString(y.String())
		return okx && oky && rx.Cmp(ry) == 0
	case map[string]any:
		y, ok := b.(map[string]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for k, v := range x {
			w, ok := y[k]
			if !ok || !jsonEqual(v, w) {
				return false
			}
		}
		return true
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for i := range x {
			if !jsonEqual(x[i], y[i]) {
				return false
			}
		}
		return true
	}
	return a == b
}
