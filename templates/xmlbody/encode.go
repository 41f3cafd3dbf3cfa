package xmlbody

import (
	"slices"

	"github.com/dave/jennifer/jen"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/templates/emit"
)

// EncoderParam is the encoder parameter "e *xml.Encoder".
func EncoderParam() jen.Code { return jen.Id("e").Op("*").Qual(Pkg, "Encoder") }

func encCall(method string, args ...jen.Code) *jen.Statement {
	return jen.Id("e").Dot(method).Call(args...)
}

// The encoding function of a structure writes its attributes and child
// elements, of a union its member's element, of a list its items and of a
// map its entries, each as an element named by the function's item
// parameter; the caller writes the element around them.
//
//	func encodeXMLS(e *xml.Encoder, v *types.S)
//	func encodeXMLU(e *xml.Encoder, v types.U)
//	func encodeXMLL(e *xml.Encoder, item string, v []T)
//	func encodeXMLM(e *xml.Encoder, entry string, v map[string]T)

// Content writes the content of v, a set value of type t, into the element
// just started (and its namespace declared).
func (c *Codecs) Content(t *model.GoType, v jen.Code, format string) []jen.Code {
	switch emit.KindOf(t) {
	case emit.KString:
		return []jen.Code{encCall("Str", emit.Deref(t, v))}
	case emit.KEnum:
		return []jen.Code{encCall("Str", jen.String().Call(emit.Deref(t, v)))}
	case emit.KInt, emit.KIntEnum:
		return []jen.Code{encCall("Int", jen.Int64().Call(emit.Deref(t, v)))}
	case emit.KBool:
		return []jen.Code{encCall("Bool", emit.Deref(t, v))}
	case emit.KFloat:
		return []jen.Code{encCall("Float", jen.Float64().Call(emit.Deref(t, v)), jen.Lit(emit.FloatBits(t)))}
	case emit.KTime:
		return []jen.Code{encCall("Time", emit.Deref(t, v), timeFormat(format))}
	case emit.KBlob:
		return []jen.Code{encCall("Blob", v)}
	case emit.KBigInt:
		return []jen.Code{encCall("BigInt", v)}
	case emit.KBigFloat:
		return []jen.Code{encCall("BigFloat", v)}
	case emit.KStruct:
		if t.Ptr {
			return []jen.Code{jen.Id(c.Fn(t)).Call(jen.Id("e"), v)}
		}
		return []jen.Code{jen.Id(c.Fn(t)).Call(jen.Id("e"), jen.Op("&").Add(v))}
	case emit.KUnion:
		return []jen.Code{jen.Id(c.Fn(t)).Call(jen.Id("e"), v)}
	case emit.KList:
		return []jen.Code{jen.Id(c.Fn(t)).Call(jen.Id("e"), jen.Lit(ItemName(t)), v)}
	case emit.KMap:
		return []jen.Code{jen.Id(c.Fn(t)).Call(jen.Id("e"), jen.Lit("entry"), v)}
	case emit.KDocument:
		return []jen.Code{encCall("Fail", jen.Qual("errors", "New").Call(jen.Lit("documents are not supported in XML bodies")))}
	}
	return nil
}

// Element writes v, a set value of type t, as the element name (a string
// expression) with the namespace of traits.
func (c *Codecs) Element(t *model.GoType, name, v jen.Code, ns *model.Traits, format string) []jen.Code {
	out := []jen.Code{encCall("Start", name)}
	if s := namespaceStmt(ns); s != nil {
		out = append(out, s)
	}
	out = append(out, c.Content(t, v, format)...)
	return append(out, encCall("End", name))
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

// StructEncoder writes the attributes, then the elements, of the fields of
// v that are set; a member with a default is written as its default when
// unset.
func (c *Codecs) StructEncoder(name string, param jen.Code, fields []*model.Field) jen.Code {
	var attrs, elems []jen.Code
	for _, f := range ModelOrder(fields) {
		if Attribute(f) {
			attrs = append(attrs, c.setOrDefault(f, func(v jen.Code) []jen.Code {
				return []jen.Code{encCall("Attr", jen.Lit(FieldName(f)), emit.FieldText(f, v))}
			})...)
			continue
		}
		elems = append(elems, c.setOrDefault(f, func(v jen.Code) []jen.Code { return c.fieldElements(f, v) })...)
	}
	return jen.Func().Id(name).Params(EncoderParam(), jen.Id("v").Add(param)).Block(append(attrs, elems...)...)
}

// setOrDefault writes field f of v with write when it is set, else its
// default, if it has one.
func (c *Codecs) setOrDefault(f *model.Field, write func(v jen.Code) []jen.Code) []jen.Code {
	v := jen.Id("v").Dot(f.Name)
	def := emit.DefaultValue(f)
	cond := emit.IsSet(f.Type, v)
	if def == nil || cond == nil || !f.Type.Ptr {
		return emit.IfSet(f.Type, v, write(v)...)
	}
	return []jen.Code{jen.Block(append([]jen.Code{
		jen.Id("x").Op(":=").Add(v),
		jen.If(jen.Id("x").Op("==").Nil()).Block(jen.Id("x").Op("=").Add(def)),
	}, write(jen.Id("x"))...)...)}
}

// fieldElements writes a set field: its element or, flattened, one element
// per item or entry named after the field.
func (c *Codecs) fieldElements(f *model.Field, v jen.Code) []jen.Code {
	name := jen.Lit(FieldName(f))
	if Flattened(f) {
		return []jen.Code{jen.Id(c.Fn(f.Type)).Call(jen.Id("e"), name, v)}
	}
	return c.Element(f.Type, name, v, &f.Member.Traits, f.TimestampFormat)
}

// unionEncoder writes the element of the union's member.
func (c *Codecs) unionEncoder(t *model.GoType) jen.Code {
	n := t.Named
	var cases []jen.Code
	usesValue := false
	for _, f := range n.Fields {
		var body []jen.Code
		if emit.KindOf(f.Type) == emit.KUnit {
			body = []jen.Code{encCall("Start", jen.Lit(FieldName(f))), encCall("End", jen.Lit(FieldName(f)))}
		} else {
			usesValue = true
			body = c.fieldElements(f, jen.Id("uv").Dot("Value"))
		}
		cases = append(cases, jen.Case(jen.Op("*").Qual(n.Pkg, f.Name)).Block(body...))
	}
	cases = append(cases, jen.Default().Block(encCall("UnknownMember", jen.Lit(n.Name))))
	sw := jen.Switch(jen.Id("v").Assert(jen.Type()))
	if usesValue {
		sw = jen.Switch(jen.Id("uv").Op(":=").Id("v").Assert(jen.Type()))
	}
	return jen.Func().Id(c.Fn(t)).Params(EncoderParam(), jen.Id("v").Add(emit.TypeCode(t))).Block(sw.Block(cases...))
}

// skipNil skips a nil item of a collection (sparse collections, unions).
func skipNil(el *model.GoType, v jen.Code) []jen.Code {
	if k := emit.KindOf(el); el.Ptr || k == emit.KUnion || k == emit.KDocument {
		return []jen.Code{jen.If(jen.Add(v).Op("==").Nil()).Block(jen.Continue())}
	}
	return nil
}

// listEncoder writes each item as an element named item.
func (c *Codecs) listEncoder(t *model.GoType) jen.Code {
	el := jen.Id("v").Index(jen.Id("i"))
	loop := append(skipNil(t.Elem, el), c.Element(t.Elem, jen.Id("item"), el, memberTraits(collMember(t, "member")), elemFormat(t))...)
	return jen.Func().Id(c.Fn(t)).Params(EncoderParam(), jen.Id("item").String(), jen.Id("v").Add(emit.TypeCode(t))).Block(
		jen.For(jen.Id("i").Op(":=").Range().Id("v")).Block(loop...))
}

// mapEncoder writes each entry, in key order, as an element named entry
// holding the key and value elements.
func (c *Codecs) mapEncoder(t *model.GoType) jen.Code {
	key := &model.GoType{Kind: model.KindBasic, Ident: "string"}
	loop := []jen.Code{jen.Id("x").Op(":=").Id("v").Index(jen.Id("k"))}
	loop = append(loop, skipNil(t.Elem, jen.Id("x"))...)
	loop = append(loop, encCall("Start", jen.Id("entry")))
	loop = append(loop, c.Element(key, jen.Lit(KeyName(t)), jen.Id("k"), memberTraits(collMember(t, "key")), "")...)
	loop = append(loop, c.Element(t.Elem, jen.Lit(ValueName(t)), jen.Id("x"), memberTraits(collMember(t, "value")), elemFormat(t))...)
	loop = append(loop, encCall("End", jen.Id("entry")))
	return jen.Func().Id(c.Fn(t)).Params(EncoderParam(), jen.Id("entry").String(), jen.Id("v").Add(emit.TypeCode(t))).Block(
		jen.For(jen.List(jen.Id("_"), jen.Id("k")).Op(":=").Range().Add(emit.Wire("SortedKeys").Call(jen.Id("v")))).Block(loop...))
}

// ModelOrder returns fields in the order their members are declared in the
// model, the order of a structure's elements.
func ModelOrder(fields []*model.Field) []*model.Field {
	out := slices.Clone(fields)
	index := func(f *model.Field) int { return slices.Index(f.Member.Container.Members, f.Member) }
	slices.SortStableFunc(out, func(a, b *model.Field) int { return index(a) - index(b) })
	return out
}

// SetBody makes the document written to e the body of r, sent as
// contentType.
func SetBody(contentType string) jen.Code {
	return jen.If(jen.Err().Op(":=").Id("e").Dot("SetBody").Call(jen.Id("r"), jen.Lit(contentType)), jen.Err().Op("!=").Nil()).Block(
		jen.Return(jen.Err()))
}

// RootElement writes a body's root element named name, with the namespace
// of ns, around content.
func RootElement(name string, ns *model.Traits, content ...jen.Code) []jen.Code {
	out := []jen.Code{jen.Id("e").Op(":=").Add(X("NewEncoder")).Call(), encCall("Start", jen.Lit(name))}
	if s := namespaceStmt(ns); s != nil {
		out = append(out, s)
	}
	out = append(out, content...)
	return append(out, encCall("End", jen.Lit(name)))
}
