// Package jsonevents is the eventstreams.Codec of the JSON protocols: event
// payload documents are JSON objects written and read by the protocol's
// JSON codecs (templates/jsonbody).
package jsonevents

import (
	"github.com/dave/jennifer/jen"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/templates/emit"
	"github.com/smithygen/smithygen/templates/eventstreams"
	"github.com/smithygen/smithygen/templates/jsonbody"
)

// Codec writes and reads event payloads with the JSON codecs of one file;
// the codecs' roots must include eventstreams.Roots. Emit adds the
// functions it needs beyond those codecs.
type Codec struct {
	c     *jsonbody.Codecs
	extra []jen.Code
	done  map[string]bool
}

var _ eventstreams.Codec = (*Codec)(nil)

// New returns the codec of event payloads coded with c.
func New(c *jsonbody.Codecs) *Codec { return &Codec{c: c, done: map[string]bool{}} }

// ContentType implements eventstreams.Codec.
func (*Codec) ContentType() string { return "application/json" }

// setPayload ends an encoding: the first error, else the encoded bytes
// become the payload.
func setPayload() []jen.Code {
	return []jen.Code{
		emit.ErrCheckCall(jen.Id("e").Dot("Err").Call()),
		jen.Id("m").Dot("Payload").Op("=").Id("e").Dot("Bytes").Call(),
	}
}

// EncodeDocument implements eventstreams.Codec.
func (j *Codec) EncodeDocument(t *model.GoType, v jen.Code) []jen.Code {
	out := []jen.Code{jen.Id("e").Op(":=").New(jsonbody.J("Encoder")), j.c.EncodeValue(t, v, "")}
	return append(out, setPayload()...)
}

// EncodeMembers implements eventstreams.Codec with an encoder of the
// fields, encodeEventBody<Struct>, added by Emit.
func (j *Codec) EncodeMembers(n *model.Named, fields []*model.Field, v jen.Code) []jen.Code {
	name := "encodeEventBody" + n.Name
	if !j.done[name] {
		j.done[name] = true
		j.extra = append(j.extra, j.c.StructEncoder(name, jen.Op("*").Qual(n.Pkg, n.Name), fields))
	}
	out := []jen.Code{jen.Id("e").Op(":=").New(jsonbody.J("Encoder")), jen.Id(name).Call(jen.Id("e"), v)}
	return append(out, setPayload()...)
}

// DecodeDocument implements eventstreams.Codec.
func (j *Codec) DecodeDocument(t *model.GoType, lv jen.Code) []jen.Code {
	out := []jen.Code{jen.Id("d").Op(":=").Add(jsonbody.J("NewDecoder")).Call(jen.Id("m").Dot("Payload")), jen.Var().Err().Error()}
	out = append(out, j.c.DecodeValue(t, lv)...)
	return append(out, emit.ErrCheck(jen.Id("d").Dot("Error").Call(jen.Err())))
}

// DecodeMembers implements eventstreams.Codec.
func (j *Codec) DecodeMembers(n *model.Named, v jen.Code) []jen.Code {
	return []jen.Code{jen.If(jen.Id("d").Op(":=").Add(jsonbody.J("NewDecoder")).Call(jen.Id("m").Dot("Payload")),
		jen.Op("!").Id("d").Dot("Empty").Call()).Block(
		jen.If(jen.Err().Op(":=").Id(j.c.Fn(emit.NamedType(n))).Call(jen.Id("d"), v), jen.Err().Op("!=").Nil()).Block(
			jen.Return(jen.Id("d").Dot("Error").Call(jen.Err()))))}
}

// Emit adds the encoders EncodeMembers named to f.
func (j *Codec) Emit(f *jen.File) {
	for _, fn := range j.extra {
		f.Add(fn)
		f.Line()
	}
}
