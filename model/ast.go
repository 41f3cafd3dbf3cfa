package model

import (
	"encoding/json"
	"math"
	"strconv"
	"strings"

	"github.com/tidwall/gjson"

	"github.com/tidwall/pretty"
)

// AST returns the model as normalized Smithy JSON AST: absolute shape IDs,
// mixins flattened, prelude shapes omitted, object keys sorted, indented.
func (m *Model) AST() []byte {
	shapes := map[string]any{}
	for _, s := range m.Shapes {
		if !s.IsPrelude() {
			shapes[s.ID] = shapeAST(s)
		}
	}
	doc := map[string]any{"smithy": "2.0", "shapes": shapes}
	if len(m.Metadata) > 0 {
		doc["metadata"] = traitsAST(m.Metadata)
	}
	data, _ := json.Marshal(doc) // values are valid JSON already
	return pretty.PrettyOptions(data, &pretty.Options{Width: 80, Indent: "    ", SortKeys: true})
}

func shapeAST(s *Shape) map[string]any {
	out := map[string]any{"type": s.Type.String()}
	if len(s.Traits.All) > 0 {
		out["traits"] = traitsAST(s.Traits.All)
	}
	switch s.Type {
	case List, Set, Map:
		for _, m := range s.Members {
			out[m.Name] = memberAST(m)
		}
	case Structure, Union, Enum, IntEnum:
		ms := map[string]any{}
		for _, m := range s.Members {
			ms[m.Name] = memberAST(m)
		}
		if len(ms) > 0 || s.Type != Structure {
			out["members"] = ms
		}
	case Service:
		putString(out, "version", s.Version)
		putRefs(out, "operations", s.Operations)
		putRefs(out, "resources", s.Resources)
		putRefs(out, "errors", s.Errors)
		if len(s.Rename) > 0 {
			out["rename"] = s.Rename
		}
	case Operation:
		putRef(out, "input", s.Input)
		putRef(out, "output", s.Output)
		putRefs(out, "errors", s.Errors)
	case Resource:
		resourceAST(out, s)
	}
	return out
}

func resourceAST(out map[string]any, s *Shape) {
	putBindings(out, "identifiers", s.Identifiers)
	putBindings(out, "properties", s.Properties)
	for _, p := range []struct {
		k string
		v *Shape
	}{{"create", s.Create}, {"put", s.Put}, {"read", s.Read}, {"update", s.Update}, {"delete", s.Delete}, {"list", s.List}} {
		putRef(out, p.k, p.v)
	}
	putRefs(out, "operations", s.Operations)
	putRefs(out, "collectionOperations", s.CollectionOperations)
	putRefs(out, "resources", s.Resources)
}

func memberAST(m *MemberShape) map[string]any {
	out := map[string]any{"target": m.Target.ID}
	if len(m.Traits.All) > 0 {
		out["traits"] = traitsAST(m.Traits.All)
	}
	return out
}

func traitsAST(ts []Trait) map[string]any {
	out := make(map[string]any, len(ts))
	for _, t := range ts {
		out[t.ID] = canonical(t.Value)
	}
	return out
}

// canonical converts a JSON value for printing, with numbers in one
// spelling: integers as written, other numbers in shortest form (10e0 and
// 10.0 both print 10).
func canonical(v gjson.Result) any {
	switch {
	case v.IsObject():
		m := map[string]any{}
		v.ForEach(func(k, e gjson.Result) bool {
			m[k.Str] = canonical(e)
			return true
		})
		return m
	case v.IsArray():
		list := []any{}
		for _, e := range v.Array() {
			list = append(list, canonical(e))
		}
		return list
	case v.Type == gjson.Number:
		if !strings.ContainsAny(v.Raw, ".eE") {
			return json.Number(v.Raw)
		}
		f, err := strconv.ParseFloat(v.Raw, 64)
		if err != nil || math.IsInf(f, 0) {
			return json.Number(strings.ToLower(v.Raw))
		}
		return json.Number(strconv.FormatFloat(f, 'g', -1, 64))
	}
	return v.Value()
}

func putString(out map[string]any, k, v string) {
	if v != "" {
		out[k] = v
	}
}

func ref(s *Shape) map[string]string { return map[string]string{"target": s.ID} }

func putRef(out map[string]any, k string, s *Shape) {
	if s != nil && s.ID != "smithy.api#Unit" {
		out[k] = ref(s)
	}
}

func putRefs(out map[string]any, k string, ss []*Shape) {
	if len(ss) == 0 {
		return
	}
	list := make([]map[string]string, len(ss))
	for i, s := range ss {
		list[i] = ref(s)
	}
	out[k] = list
}

func putBindings(out map[string]any, k string, bs []Binding) {
	if len(bs) == 0 {
		return
	}
	m := map[string]map[string]string{}
	for _, b := range bs {
		m[b.Name] = ref(b.Target)
	}
	out[k] = m
}
