package templates

import (
	"sort"
	"strconv"

	"github.com/dave/jennifer/jen"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/model/naming"
)

// codecs are the JSON encoding or decoding functions of one file: one per
// structure, union, list or map shape reachable from the file's roots.
// Reachability is computed once per file and stops at shapes already seen,
// so recursive shapes get one function each.
type codecs struct {
	api    *model.API
	prefix string // "encodeDoc" or "decodeDoc"
	names  map[*model.Shape]string
	types  []*model.GoType // sorted by function name
}

// newCodecs collects the shapes reachable from roots through JSON body
// members, collection elements and union members.
func newCodecs(a *model.API, prefix string, roots []*model.GoType) *codecs {
	c := &codecs{api: a, prefix: prefix, names: map[*model.Shape]string{}}
	seen := map[*model.Shape]bool{}
	var walk func(t *model.GoType)
	walk = func(t *model.GoType) {
		k := kindOf(t)
		if k != kStruct && k != kUnion && k != kList && k != kMap || t.Shape == nil || seen[t.Shape] {
			return
		}
		seen[t.Shape] = true
		c.types = append(c.types, t)
		if t.Elem != nil {
			walk(t.Elem)
		}
		if t.Named != nil {
			for _, f := range bodyFields(t.Named) {
				walk(f.Type)
			}
		}
	}
	for _, t := range roots {
		walk(t)
	}
	c.assignNames(a)
	return c
}

// assignNames names one function per shape after the shape's name in the
// service, made unique in shape ID order.
func (c *codecs) assignNames(a *model.API) {
	sort.Slice(c.types, func(i, j int) bool { return c.types[i].Shape.ID < c.types[j].Shape.ID })
	used := map[string]bool{}
	for _, t := range c.types {
		base := naming.Exported(a.Closure.Name(t.Shape))
		name := base
		for i := 2; used[name]; i++ {
			name = base + strconv.Itoa(i)
		}
		used[name] = true
		c.names[t.Shape] = name
	}
	sort.SliceStable(c.types, func(i, j int) bool { return c.names[c.types[i].Shape] < c.names[c.types[j].Shape] })
}

// fn is the name of the function coding t.
func (c *codecs) fn(t *model.GoType) string { return c.prefix + c.names[t.Shape] }

// bodyFields are the members of n sent in the JSON body.
func bodyFields(n *model.Named) []*model.Field {
	var out []*model.Field
	for _, f := range n.Fields {
		if f.Location == model.InBody {
			out = append(out, f)
		}
	}
	return out
}

// payloadField is n's httpPayload member, or nil.
func payloadField(n *model.Named) *model.Field {
	for _, f := range n.Fields {
		if f.Location == model.InPayload {
			return f
		}
	}
	return nil
}

// rootTypes are the types whose codecs the members of ns start from: body
// members and payloads.
func rootTypes(ns []*model.Named) []*model.GoType {
	var out []*model.GoType
	for _, n := range ns {
		for _, f := range n.Fields {
			if f.Location == model.InBody || f.Location == model.InPayload && !f.Member.Target.Traits.Streaming {
				out = append(out, f.Type)
			}
		}
	}
	return out
}

// namedType is the Go type of a types-package declaration used by pointer.
func namedType(n *model.Named) *model.GoType {
	return &model.GoType{Kind: model.KindNamed, Pkg: n.Pkg, Ident: n.Name, Named: n, Shape: n.Shape,
		Ptr: n.Kind == model.NamedStruct || n.Kind == model.NamedError}
}

// emit adds the codec functions to f using gen for each type.
func (c *codecs) emit(f *jen.File, gen func(t *model.GoType) jen.Code) {
	for _, t := range c.types {
		f.Add(gen(t))
		f.Line()
	}
}
