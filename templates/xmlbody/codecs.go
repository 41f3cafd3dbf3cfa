// Package xmlbody emits the XML codecs of the XML protocols (restXml,
// awsQuery and ec2Query responses): per shape a reflection-free decoder on
// runtime/xml's Decoder and, for request bodies, an encoder on its Encoder.
package xmlbody

import (
	"sort"
	"strconv"

	"github.com/dave/jennifer/jen"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/model/naming"
	"github.com/smithygen/smithygen/templates/emit"
)

// Pkg is the import path of the XML runtime package.
const Pkg = "github.com/smithygen/smithygen/runtime/xml"

// X is a qualified identifier of the XML runtime package.
func X(name string) *jen.Statement { return jen.Qual(Pkg, name) }

// Codecs are the XML encoding or decoding functions of one file. Decoders
// exist for every structure and union reachable from the roots, and for
// lists and maps that are items or values of another collection (fields
// read theirs inline); encoders for every structure, union, list and map.
type Codecs struct {
	api    *model.API
	encode bool
	prefix string // "encodeXML" or "decodeXML"
	names  map[*model.Shape]string
	types  []*model.GoType // sorted by function name
}

// NewEncoders returns the encoders of the shapes reachable from roots
// through body members, collection items and union members.
func NewEncoders(a *model.API, roots []*model.GoType) *Codecs {
	return newCodecs(a, true, roots)
}

// NewDecoders returns the decoders of the shapes reachable from roots.
func NewDecoders(a *model.API, roots []*model.GoType) *Codecs {
	return newCodecs(a, false, roots)
}

func newCodecs(a *model.API, encode bool, roots []*model.GoType) *Codecs {
	c := &Codecs{api: a, encode: encode, prefix: "decodeXML", names: map[*model.Shape]string{}}
	if encode {
		c.prefix = "encodeXML"
	}
	seen := map[*model.Shape]bool{}
	var walk func(t *model.GoType, item bool)
	walk = func(t *model.GoType, item bool) {
		k := emit.KindOf(t)
		coll := k == emit.KList || k == emit.KMap
		if t.Shape == nil || k != emit.KStruct && k != emit.KUnion && !coll {
			return
		}
		if coll && t.Elem != nil {
			walk(t.Elem, true)
		}
		if seen[t.Shape] || coll && !item && !encode {
			return
		}
		seen[t.Shape] = true
		c.types = append(c.types, t)
		if t.Named != nil {
			for _, f := range emit.BodyFields(t.Named) {
				walk(f.Type, false)
			}
		}
	}
	for _, t := range roots {
		walk(t, false)
	}
	c.assignNames()
	return c
}

// assignNames names one function per shape after the shape's name in the
// service, made unique in shape ID order.
func (c *Codecs) assignNames() {
	sort.Slice(c.types, func(i, j int) bool { return c.types[i].Shape.ID < c.types[j].Shape.ID })
	used := map[string]bool{}
	for _, t := range c.types {
		base := naming.Exported(c.api.Closure.Name(t.Shape))
		name := base
		for i := 2; used[name]; i++ {
			name = base + strconv.Itoa(i)
		}
		used[name] = true
		c.names[t.Shape] = name
	}
	sort.SliceStable(c.types, func(i, j int) bool { return c.names[c.types[i].Shape] < c.names[c.types[j].Shape] })
}

// Fn is the name of the function coding t.
func (c *Codecs) Fn(t *model.GoType) string { return c.prefix + c.names[t.Shape] }

// has reports whether t has a function of its own.
func (c *Codecs) has(t *model.GoType) bool {
	_, ok := c.names[t.Shape]
	return t.Shape != nil && ok
}

// RootTypes are the types the Codecs of the members of ns start from: body
// members and payloads that are not streams.
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

// Emit adds the function of every collected shape to f.
func (c *Codecs) Emit(f *jen.File) {
	for _, t := range c.types {
		if c.encode {
			f.Add(c.encoderFunc(t))
		} else {
			f.Add(c.decoderFunc(t))
		}
		f.Line()
	}
}
