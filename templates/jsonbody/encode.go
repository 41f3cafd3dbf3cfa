package jsonbody

import (
	"github.com/dave/jennifer/jen"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/templates/emit"
)

func EncoderParam() jen.Code { return jen.Id("e").Op("*").Qual(Pkg, "Encoder") }

func EncCall(method string, args ...jen.Code) *jen.Statement {
	return jen.Id("e").Dot(method).Call(args...)
}

// EncodeValue writes v, a non-nil value held as emit.TypeCode(t). format is the
// timestamp format.
func (c *Codecs) EncodeValue(t *model.GoType, v jen.Code, format string) jen.Code {
	switch emit.KindOf(t) {
	case emit.KString:
		return EncCall("Str", emit.Deref(t, v))
	case emit.KEnum:
		return EncCall("Str", jen.String().Call(v))
	case emit.KInt, emit.KIntEnum:
		return EncCall("Int64", jen.Int64().Call(emit.Deref(t, v)))
	case emit.KBool:
		return EncCall("Bool", emit.Deref(t, v))
	case emit.KFloat:
		if emit.FloatBits(t) == 32 {
			return EncCall("Float32", emit.Deref(t, v))
		}
		return EncCall("Float64", emit.Deref(t, v))
	case emit.KTime:
		return EncCall("Time", emit.Deref(t, v), emit.TimeFormat(format))
	case emit.KBlob:
		return EncCall("Blob", v)
	case emit.KDocument:
		return EncCall("Document", v)
	case emit.KBigInt:
		return EncCall("BigInt", v)
	case emit.KBigFloat:
		return EncCall("BigFloat", v)
	case emit.KStruct:
		if t.Ptr {
			return jen.Id(c.Fn(t)).Call(jen.Id("e"), v)
		}
		return jen.Id(c.Fn(t)).Call(jen.Id("e"), jen.Op("&").Add(v))
	case emit.KUnion, emit.KList, emit.KMap:
		return jen.Id(c.Fn(t)).Call(jen.Id("e"), v)
	case emit.KUnit:
		return EncCall("ObjEmpty")
	}
	return EncCall("Null")
}

// encodeElem writes an element of collection coll, null when it is a nil
// pointer or interface, or any nil value of a sparse collection.
func (c *Codecs) encodeElem(coll *model.GoType, v jen.Code, format string) []jen.Code {
	out := []jen.Code{}
	t := coll.Elem
	if k := emit.KindOf(t); t.Ptr || k == emit.KUnion || k == emit.KDocument || coll.Sparse && emit.Nilable(t) {
		out = append(out, jen.If(jen.Add(v).Op("==").Nil()).Block(EncCall("Null"), jen.Continue()))
	}
	return append(out, c.EncodeValue(t, v, format))
}

// encoderFunc emits the encoding function of a shape.
func (c *Codecs) encoderFunc(t *model.GoType) jen.Code {
	switch emit.KindOf(t) {
	case emit.KUnion:
		return c.unionEncoder(t)
	case emit.KList:
		return c.listEncoder(t)
	case emit.KMap:
		return c.mapEncoder(t)
	}
	return c.StructEncoder(c.Fn(t), jen.Op("*").Add(emit.ValueType(t)), emit.BodyFields(t.Named))
}

// StructEncoder writes the members of a structure that are set.
func (c *Codecs) StructEncoder(name string, param jen.Code, fields []*model.Field) jen.Code {
	body := []jen.Code{EncCall("ObjStart")}
	for _, f := range fields {
		body = append(body, c.encodeField(f, jen.Id("v").Dot(f.Name))...)
	}
	body = append(body, EncCall("ObjEnd"))
	return jen.Func().Id(name).Params(EncoderParam(), jen.Id("v").Add(param)).Block(body...)
}

// unionEncoder writes a union as an object with its one member.
func (c *Codecs) unionEncoder(t *model.GoType) jen.Code {
	n := t.Named
	var cases []jen.Code
	usesValue := false
	for _, f := range n.Fields {
		usesValue = usesValue || emit.KindOf(f.Type) != emit.KUnit
		cases = append(cases, jen.Case(jen.Op("*").Qual(n.Pkg, f.Name)).Block(
			EncCall("FieldStart", jen.Lit(f.Wire)),
			c.EncodeValue(f.Type, jen.Id("uv").Dot("Value"), f.TimestampFormat)))
	}
	cases = append(cases, jen.Default().Block(EncCall("UnknownMember", jen.Lit(n.Name))))
	sw := jen.Switch(jen.Id("v").Assert(jen.Type()))
	if usesValue {
		sw = jen.Switch(jen.Id("uv").Op(":=").Id("v").Assert(jen.Type()))
	}
	return jen.Func().Id(c.Fn(t)).Params(EncoderParam(), jen.Id("v").Add(emit.TypeCode(t))).Block(
		EncCall("ObjStart"),
		sw.Block(cases...),
		EncCall("ObjEnd"),
	)
}

// listEncoder writes a list as an array.
func (c *Codecs) listEncoder(t *model.GoType) jen.Code {
	el := jen.Id("v").Index(jen.Id("i"))
	return jen.Func().Id(c.Fn(t)).Params(EncoderParam(), jen.Id("v").Add(emit.TypeCode(t))).Block(
		EncCall("ArrStart"),
		jen.For(jen.Id("i").Op(":=").Range().Id("v")).Block(c.encodeElem(t, el, emit.ElemFormat(t, epochSeconds))...),
		EncCall("ArrEnd"),
	)
}

// mapEncoder writes a map as an object, keys sorted.
func (c *Codecs) mapEncoder(t *model.GoType) jen.Code {
	loop := []jen.Code{
		jen.Id("x").Op(":=").Id("v").Index(jen.Id("k")),
		EncCall("FieldStart", jen.Id("k")),
	}
	loop = append(loop, c.encodeElem(t, jen.Id("x"), emit.ElemFormat(t, epochSeconds))...)
	return jen.Func().Id(c.Fn(t)).Params(EncoderParam(), jen.Id("v").Add(emit.TypeCode(t))).Block(
		EncCall("ObjStart"),
		jen.For(jen.List(jen.Id("_"), jen.Id("k")).Op(":=").Range().Add(emit.Wire("SortedKeys").Call(jen.Id("v")))).Block(loop...),
		EncCall("ObjEnd"),
	)
}

// SetBody encodes a JSON document with the statement enc, writing to e, and
// makes it the body of r, sent as contentType.
func SetBody(enc jen.Code, contentType string) []jen.Code {
	return []jen.Code{
		jen.Id("e").Op(":=").New(J("Encoder")),
		enc,
		jen.If(jen.Err().Op(":=").Id("e").Dot("SetBody").Call(jen.Id("r"), jen.Lit(contentType)), jen.Err().Op("!=").Nil()).Block(
			jen.Return(jen.Err())),
	}
}
