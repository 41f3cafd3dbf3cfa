package xmlbody

import (
	"github.com/dave/jennifer/jen"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/templates/emit"
)

// DecoderParam is the decoder parameter "d *xml.Decoder".
func DecoderParam() jen.Code { return jen.Id("d").Op("*").Qual(Pkg, "Decoder") }

func decCall(method string, args ...jen.Code) *jen.Statement {
	return jen.Id("d").Dot(method).Call(args...)
}

// DecodeValue reads the element last started as a value of type t into lv,
// an addressable expression of emit.TypeCode(t), leaving any error in err.
// format is the timestamp format. Lists and maps read as wrapped ones.
func (c *Codecs) DecodeValue(t *model.GoType, lv jen.Code, format string) []jen.Code {
	vt := emit.ValueType(t)
	ptr := t.Ptr && t.Pkg != "math/big"
	method := func(name string, args ...jen.Code) []jen.Code {
		if ptr {
			name += "Ptr"
		}
		return []jen.Code{emit.SetErr(lv, decCall(name, args...))}
	}
	generic := func(name string) []jen.Code {
		if ptr {
			name += "Ptr"
		}
		return []jen.Code{emit.SetErr(lv, X(name).Types(vt).Call(jen.Id("d")))}
	}
	// byValue reads a value with expr and stores a pointer to it.
	byValue := func(expr jen.Code) []jen.Code {
		if !ptr {
			return []jen.Code{emit.SetErr(lv, expr)}
		}
		return []jen.Code{jen.Block(
			jen.Var().Id("x").Add(vt),
			emit.SetErr(jen.Id("x"), expr),
			jen.Add(lv).Op("=").Op("&").Id("x"),
		)}
	}
	switch emit.KindOf(t) {
	case emit.KString:
		return method("Str")
	case emit.KEnum:
		return byValue(X("Enum").Types(vt).Call(jen.Id("d")))
	case emit.KInt, emit.KIntEnum:
		return generic("Int")
	case emit.KFloat:
		return generic("Float")
	case emit.KBool:
		return method("Bool")
	case emit.KTime:
		return method("Time", timeFormat(format))
	case emit.KBlob:
		return []jen.Code{emit.SetErr(lv, decCall("Blob"))}
	case emit.KBigInt:
		return []jen.Code{emit.SetErr(lv, decCall("BigInt"))}
	case emit.KBigFloat:
		return []jen.Code{emit.SetErr(lv, decCall("BigFloat"))}
	case emit.KStruct:
		if !t.Ptr {
			return []jen.Code{jen.Err().Op("=").Id(c.Fn(t)).Call(jen.Id("d"), jen.Op("&").Add(lv))}
		}
		return []jen.Code{
			jen.Add(lv).Op("=").Add(X("New").Types(vt).Call(jen.Id("d"))),
			jen.Err().Op("=").Id(c.Fn(t)).Call(jen.Id("d"), lv),
		}
	case emit.KUnion:
		return []jen.Code{jen.Err().Op("=").Id(c.Fn(t)).Call(jen.Id("d"), jen.Op("&").Add(lv))}
	case emit.KList:
		return []jen.Code{jen.Err().Op("=").Add(X("List")).Call(jen.Id("d"), jen.Op("&").Add(lv), jen.Lit(ItemName(t)), c.itemFunc(t.Elem, elemFormat(t)))}
	case emit.KMap:
		return []jen.Code{jen.Err().Op("=").Add(X("Map")).Call(jen.Id("d"), jen.Op("&").Add(lv), jen.Lit(KeyName(t)), jen.Lit(ValueName(t)), c.itemFunc(t.Elem, elemFormat(t)))}
	}
	return []jen.Code{jen.Err().Op("=").Add(decCall("Skip"))}
}

// itemFunc is a function reading the element last started into a *T, for
// the runtime's List, Append, Map and MapEntry: the runtime's readers of
// scalars, a shape's own decoder, or a function literal.
func (c *Codecs) itemFunc(t *model.GoType, format string) jen.Code {
	vt := emit.ValueType(t)
	if !t.Ptr {
		switch emit.KindOf(t) {
		case emit.KString:
			return X("ReadStr")
		case emit.KEnum:
			return X("ReadEnum").Types(vt)
		case emit.KBool:
			return X("ReadBool")
		case emit.KInt, emit.KIntEnum:
			return X("ReadInt").Types(vt)
		case emit.KFloat:
			return X("ReadFloat").Types(vt)
		case emit.KBlob:
			return X("ReadBlob")
		case emit.KTime:
			switch format {
			case "http-date":
				return X("ReadHTTPDate")
			case "epoch-seconds":
				return X("ReadEpochSeconds")
			}
			return X("ReadDateTime")
		case emit.KStruct, emit.KUnion:
			return jen.Id(c.Fn(t))
		case emit.KList, emit.KMap:
			if c.has(t) {
				return jen.Id(c.Fn(t))
			}
		}
	}
	body := c.DecodeValue(t, jen.Op("*").Id("v"), format)
	body = append(body, jen.Return(jen.Err()))
	return jen.Func().Params(DecoderParam(), jen.Id("v").Op("*").Add(emit.TypeCode(t))).Parens(jen.Err().Error()).Block(body...)
}

// decoderFunc emits the decoding function of a shape.
func (c *Codecs) decoderFunc(t *model.GoType) jen.Code {
	param := func() jen.Code { return jen.Id("v").Op("*").Add(emit.TypeCode(t)) }
	switch emit.KindOf(t) {
	case emit.KUnion:
		return c.unionDecoder(t)
	case emit.KList, emit.KMap:
		return jen.Func().Id(c.Fn(t)).Params(DecoderParam(), param()).Error().Block(
			jen.Var().Err().Error(),
			jen.Add(c.DecodeValue(t, jen.Op("*").Id("v"), "")...),
			jen.Return(jen.Err()))
	}
	return c.StructDecoder(c.Fn(t), jen.Op("*").Add(emit.ValueType(t)), t.Named, emit.BodyFields(t.Named))
}

// StructDecoder reads fields of n from the element last started: attributes,
// then child elements, skipping unknown ones. Members with a default start
// from it; required members the response left unset are corrected to their
// zero values.
func (c *Codecs) StructDecoder(name string, param jen.Code, n *model.Named, fields []*model.Field) jen.Code {
	body := emit.DefaultInits(fields, "v")
	var cases []jen.Code
	for _, f := range fields {
		if Attribute(f) {
			body = append(body, c.attrDecode(f)...)
			continue
		}
		cases = append(cases, jen.Case(c.elemKeys(n, f, fields)...).Block(c.fieldDecode(f)...))
	}
	if n.Kind == model.NamedError && n.MessageField == nil {
		cases = append(cases, jen.Case(jen.Lit("Message"), jen.Lit("message")).Block(
			emit.SetErr(jen.Id("v").Dot("Message"), decCall("StrPtr"))))
	}
	cases = append(cases, jen.Default().Block(jen.Err().Op("=").Add(decCall("Skip"))))
	body = append(body,
		jen.Id("it").Op(":=").Add(decCall("Children")),
		jen.Var().Err().Error(),
		jen.For(jen.Err().Op("==").Nil().Op("&&").Id("it").Dot("Next").Call()).Block(
			jen.Switch(jen.String().Call(decCall("Name"))).Block(cases...)),
	)
	if fix := emit.RequiredCorrections(fields, "v"); len(fix) > 0 {
		body = append(body, jen.If(jen.Err().Op(":=").Id("it").Dot("Done").Call(jen.Err()), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())))
		body = append(body, fix...)
		body = append(body, jen.Return(jen.Nil()))
	} else {
		body = append(body, jen.Return(jen.Id("it").Dot("Done").Call(jen.Err())))
	}
	return jen.Func().Id(name).Params(DecoderParam(), jen.Id("v").Add(param)).Error().Block(body...)
}

// elemKeys are the element names a field is read from: its own and, for an
// error's message, both "Message" and "message" unless another field has
// the other one.
func (c *Codecs) elemKeys(n *model.Named, f *model.Field, fields []*model.Field) []jen.Code {
	name := FieldName(f)
	keys := []jen.Code{jen.Lit(name)}
	if f != n.MessageField {
		return keys
	}
	used := map[string]bool{}
	for _, o := range fields {
		used[FieldName(o)] = true
	}
	for _, k := range []string{"Message", "message"} {
		if !used[k] {
			keys = append(keys, jen.Lit(k))
		}
	}
	return keys
}

// fieldDecode reads a child element into its field: flattened collections
// add one item or entry per element.
func (c *Codecs) fieldDecode(f *model.Field) []jen.Code {
	t := f.Type
	lv := jen.Id("v").Dot(f.Name)
	if Flattened(f) {
		item := c.itemFunc(t.Elem, elemFormat(t))
		if emit.KindOf(t) == emit.KList {
			return []jen.Code{jen.Err().Op("=").Add(X("Append")).Call(jen.Id("d"), jen.Op("&").Add(lv), item)}
		}
		return []jen.Code{jen.Err().Op("=").Add(X("MapEntry")).Call(jen.Id("d"), jen.Op("&").Add(lv), jen.Lit(KeyName(t)), jen.Lit(ValueName(t)), item)}
	}
	return c.DecodeValue(t, lv, f.TimestampFormat)
}

// attrDecode reads an attribute field of the element last started.
func (c *Codecs) attrDecode(f *model.Field) []jen.Code {
	lv := jen.Id("v").Dot(f.Name)
	set := emit.AssignParsed(f.Type, lv, jen.Id("s"), f.TimestampFormat, jen.Return(jen.Err()))
	if emit.KindOf(f.Type) == emit.KString && f.Type.Ptr {
		set = []jen.Code{jen.Add(lv).Op("=").Op("&").Id("s")}
	}
	return []jen.Code{jen.If(jen.List(jen.Id("s"), jen.Id("ok")).Op(":=").Add(decCall("Attr", jen.Lit(FieldName(f)))), jen.Id("ok")).Block(set...)}
}

// unionDecoder reads a union: its first child element is the member set,
// later ones are skipped. An unknown member keeps its element as received.
func (c *Codecs) unionDecoder(t *model.GoType) jen.Code {
	n := t.Named
	var cases []jen.Code
	for _, f := range n.Fields {
		wrapper := jen.Qual(n.Pkg, f.Name)
		var body []jen.Code
		if emit.KindOf(f.Type) == emit.KUnit {
			body = []jen.Code{jen.Err().Op("=").Add(decCall("Skip")), jen.Op("*").Id("v").Op("=").Op("&").Add(wrapper).Values()}
		} else {
			body = append([]jen.Code{jen.Id("mv").Op(":=").Op("&").Add(wrapper).Values()},
				c.DecodeValue(f.Type, jen.Id("mv").Dot("Value"), f.TimestampFormat)...)
			body = append(body, jen.Op("*").Id("v").Op("=").Id("mv"))
		}
		cases = append(cases, jen.Case(jen.Lit(FieldName(f))).Block(body...))
	}
	cases = append(cases, jen.Default().Block(
		jen.Id("mv").Op(":=").Op("&").Qual(n.Pkg, n.UnknownMember).Values(jen.Dict{
			jen.Id("Tag"): jen.String().Call(decCall("Name"))}),
		emit.SetErr(jen.Id("mv").Dot("Value"), decCall("Raw")),
		jen.Op("*").Id("v").Op("=").Id("mv"),
	))
	return jen.Func().Id(c.Fn(t)).Params(DecoderParam(), jen.Id("v").Op("*").Add(emit.TypeCode(t))).Error().Block(
		jen.Id("it").Op(":=").Add(decCall("Children")),
		jen.Var().Err().Error(),
		jen.For(jen.Err().Op("==").Nil().Op("&&").Id("it").Dot("Next").Call()).Block(
			jen.If(jen.Op("*").Id("v").Op("!=").Nil()).Block(jen.Err().Op("=").Add(decCall("Skip")), jen.Continue()),
			jen.Switch(jen.String().Call(decCall("Name"))).Block(cases...)),
		jen.Return(jen.Id("it").Dot("Done").Call(jen.Err())),
	)
}

// BodyDecode decodes the root element of the response body into target
// with the decoding function fn.
func BodyDecode(fn, target string) jen.Code {
	return jen.Return(X("DecodeBody").Call(jen.Id("resp").Dot("Body"), jen.Id(target), jen.Id(fn)))
}
