package templates

import (
	"github.com/dave/jennifer/jen"

	"github.com/smithygen/smithygen/model"
)

func encoderParam() jen.Code { return jen.Id("e").Op("*").Qual(restjsonPkg, "Encoder") }

func encCall(method string, args ...jen.Code) *jen.Statement {
	return jen.Id("e").Dot(method).Call(args...)
}

// encodeValue writes v, a non-nil value held as TypeCode(t). format is the
// timestamp format.
func (c *codecs) encodeValue(t *model.GoType, v jen.Code, format string) jen.Code {
	switch kindOf(t) {
	case kString:
		return encCall("Str", deref(t, v))
	case kEnum:
		return encCall("Str", jen.String().Call(v))
	case kInt, kIntEnum:
		return encCall("Int64", jen.Int64().Call(deref(t, v)))
	case kBool:
		return encCall("Bool", deref(t, v))
	case kFloat:
		if floatBits(t) == 32 {
			return encCall("Float32", deref(t, v))
		}
		return encCall("Float64", deref(t, v))
	case kTime:
		return encCall("Time", deref(t, v), timeFormat(format))
	case kBlob:
		return encCall("Blob", v)
	case kDocument:
		return encCall("Document", v)
	case kBigInt:
		return encCall("BigInt", v)
	case kBigFloat:
		return encCall("BigFloat", v)
	case kStruct:
		if t.Ptr {
			return jen.Id(c.fn(t)).Call(jen.Id("e"), v)
		}
		return jen.Id(c.fn(t)).Call(jen.Id("e"), jen.Op("&").Add(v))
	case kUnion, kList, kMap:
		return jen.Id(c.fn(t)).Call(jen.Id("e"), v)
	case kUnit:
		return encCall("ObjEmpty")
	}
	return encCall("Null")
}

// encodeElem writes an element of collection coll, null when it is a nil
// pointer or interface, or any nil value of a sparse collection.
func (c *codecs) encodeElem(coll *model.GoType, v jen.Code, format string) []jen.Code {
	out := []jen.Code{}
	t := coll.Elem
	if k := kindOf(t); t.Ptr || k == kUnion || k == kDocument || coll.Sparse && nilable(t) {
		out = append(out, jen.If(jen.Add(v).Op("==").Nil()).Block(encCall("Null"), jen.Continue()))
	}
	return append(out, c.encodeValue(t, v, format))
}

// encoderFunc emits the encoding function of a shape.
func (c *codecs) encoderFunc(t *model.GoType) jen.Code {
	switch kindOf(t) {
	case kUnion:
		return c.unionEncoder(t)
	case kList:
		return c.listEncoder(t)
	case kMap:
		return c.mapEncoder(t)
	}
	return c.structEncoder(c.fn(t), jen.Op("*").Add(valueType(t)), bodyFields(t.Named))
}

// structEncoder writes the members of a structure that are set.
func (c *codecs) structEncoder(name string, param jen.Code, fields []*model.Field) jen.Code {
	body := []jen.Code{encCall("ObjStart")}
	for _, f := range fields {
		body = append(body, c.encodeField(f, jen.Id("v").Dot(f.Name))...)
	}
	body = append(body, encCall("ObjEnd"))
	return jen.Func().Id(name).Params(encoderParam(), jen.Id("v").Add(param)).Block(body...)
}

// unionEncoder writes a union as an object with its one member.
func (c *codecs) unionEncoder(t *model.GoType) jen.Code {
	n := t.Named
	var cases []jen.Code
	usesValue := false
	for _, f := range n.Fields {
		usesValue = usesValue || kindOf(f.Type) != kUnit
		cases = append(cases, jen.Case(jen.Op("*").Qual(n.Pkg, f.Name)).Block(
			encCall("FieldStart", jen.Lit(f.Wire)),
			c.encodeValue(f.Type, jen.Id("uv").Dot("Value"), f.TimestampFormat)))
	}
	cases = append(cases, jen.Default().Block(encCall("UnknownMember", jen.Lit(n.Name))))
	sw := jen.Switch(jen.Id("v").Assert(jen.Type()))
	if usesValue {
		sw = jen.Switch(jen.Id("uv").Op(":=").Id("v").Assert(jen.Type()))
	}
	return jen.Func().Id(c.fn(t)).Params(encoderParam(), jen.Id("v").Add(TypeCode(t))).Block(
		encCall("ObjStart"),
		sw.Block(cases...),
		encCall("ObjEnd"),
	)
}

// listEncoder writes a list as an array.
func (c *codecs) listEncoder(t *model.GoType) jen.Code {
	el := jen.Id("v").Index(jen.Id("i"))
	return jen.Func().Id(c.fn(t)).Params(encoderParam(), jen.Id("v").Add(TypeCode(t))).Block(
		encCall("ArrStart"),
		jen.For(jen.Id("i").Op(":=").Range().Id("v")).Block(c.encodeElem(t, el, elemFormat(t))...),
		encCall("ArrEnd"),
	)
}

// mapEncoder writes a map as an object, keys sorted.
func (c *codecs) mapEncoder(t *model.GoType) jen.Code {
	loop := []jen.Code{
		jen.Id("x").Op(":=").Id("v").Index(jen.Id("k")),
		encCall("FieldStart", jen.Id("k")),
	}
	loop = append(loop, c.encodeElem(t, jen.Id("x"), elemFormat(t))...)
	return jen.Func().Id(c.fn(t)).Params(encoderParam(), jen.Id("v").Add(TypeCode(t))).Block(
		encCall("ObjStart"),
		jen.For(jen.List(jen.Id("_"), jen.Id("k")).Op(":=").Range().Add(rj("SortedKeys").Call(jen.Id("v")))).Block(loop...),
		encCall("ObjEnd"),
	)
}
