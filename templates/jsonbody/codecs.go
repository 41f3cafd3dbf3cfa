package jsonbody

import (
	"sort"
	"strconv"

	"github.com/dave/jennifer/jen"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/model/naming"
	"github.com/smithygen/smithygen/templates/emit"
)

// Pkg is the import path of the JSON runtime package.
const Pkg = "github.com/smithygen/smithygen/runtime/json"

// epochSeconds is the JSON protocols' default timestamp format in bodies.
const epochSeconds = "epoch-seconds"

// J is a qualified identifier of the JSON runtime package.
func J(name string) *jen.Statement { return jen.Qual(Pkg, name) }

// Codecs are the JSON encoding or decoding functions of one file: one per
// structure, union, list or map shape reachable from the file's roots.
// Reachability is computed once per file and stops at shapes already seen,
// so recursive shapes get one function each.
type Codecs struct {
	api    *model.API
	prefix string // "encodeDoc" or "decodeDoc"
	names  map[*model.Shape]string
	types  []*model.GoType // sorted by function name
	// mapSlots number the map shapes, for the size hints of their decoders.
	mapSlots map[*model.Shape]int
}

// NewEncoders returns the encoders of the shapes reachable from roots
// through body members, collection elements and union members.
func NewEncoders(a *model.API, roots []*model.GoType) *Codecs {
	return newCodecs(a, "encodeDoc", roots)
}

// NewDecoders returns the decoders of the shapes reachable from roots.
func NewDecoders(a *model.API, roots []*model.GoType) *Codecs {
	return newCodecs(a, "decodeDoc", roots)
}

func newCodecs(a *model.API, prefix string, roots []*model.GoType) *Codecs {
	c := &Codecs{api: a, prefix: prefix, names: map[*model.Shape]string{}}
	seen := map[*model.Shape]bool{}
	var walk func(t *model.GoType)
	walk = func(t *model.GoType) {
		k := emit.KindOf(t)
		if k != emit.KStruct && k != emit.KUnion && k != emit.KList && k != emit.KMap || t.Shape == nil || seen[t.Shape] {
			return
		}
		seen[t.Shape] = true
		c.types = append(c.types, t)
		if t.Elem != nil {
			walk(t.Elem)
		}
		if t.Named != nil {
			for _, f := range emit.BodyFields(t.Named) {
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
func (c *Codecs) assignNames(a *model.API) {
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
	c.mapSlots = map[*model.Shape]int{}
	for _, t := range c.types {
		if emit.KindOf(t) == emit.KMap {
			c.mapSlots[t.Shape] = len(c.mapSlots)
		}
	}
}

// Fn is the name of the function coding t.
func (c *Codecs) Fn(t *model.GoType) string { return c.prefix + c.names[t.Shape] }

// RootTypes are the types whose Codecs the members of ns start from: body
// members and payloads.
func RootTypes(ns []*model.Named) []*model.GoType {
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

// Name is the name a shape's functions are called after, unique in the API.
func (c *Codecs) Name(s *model.Shape) string { return c.names[s] }

// Emit adds the encoding or decoding function of every collected shape to f.
func (c *Codecs) Emit(f *jen.File) {
	gen := c.decoderFunc
	if c.prefix == "encodeDoc" {
		gen = c.encoderFunc
	}
	for _, t := range c.types {
		f.Add(gen(t))
		f.Line()
	}
}
