package templates

import (
	"github.com/dave/jennifer/jen"

	"github.com/smithygen/smithygen/model"
)

func decoderParam() jen.Code { return jen.Id("d").Op("*").Qual(restjsonPkg, "Decoder") }

func decCall(method string, args ...jen.Code) *jen.Statement {
	return jen.Id("d").Dot(method).Call(args...)
}

// setErr is "lv, err = expr".
func setErr(lv, expr jen.Code) jen.Code { return jen.List(lv, jen.Err()).Op("=").Add(expr) }

// decodeValue reads a value of type t into lv, an addressable expression of
// TypeCode(t), leaving any error in err. Null leaves lv unchanged.
func (c *codecs) decodeValue(t *model.GoType, lv jen.Code) []jen.Code {
	vt := valueType(t)
	generic := func(name string) jen.Code {
		if t.Ptr {
			name += "Ptr"
		}
		return setErr(lv, rj(name).Types(vt).Call(jen.Id("d")))
	}
	method := func(name string) jen.Code {
		if t.Ptr && t.Pkg != "math/big" {
			name += "Ptr"
		}
		return setErr(lv, decCall(name))
	}
	switch kindOf(t) {
	case kString:
		return []jen.Code{method("Str")}
	case kEnum:
		return []jen.Code{setErr(lv, rj("Enum").Types(vt).Call(jen.Id("d")))}
	case kInt, kIntEnum:
		return []jen.Code{generic("Int")}
	case kFloat:
		return []jen.Code{generic("Float")}
	case kBool:
		return []jen.Code{method("Bool")}
	case kTime:
		return []jen.Code{method("Time")}
	case kBlob:
		return []jen.Code{method("Blob")}
	case kDocument:
		return []jen.Code{method("Document")}
	case kBigInt:
		return []jen.Code{method("BigInt")}
	case kBigFloat:
		return []jen.Code{method("BigFloat")}
	case kStruct:
		if !t.Ptr {
			return []jen.Code{jen.Err().Op("=").Id(c.fn(t)).Call(jen.Id("d"), jen.Op("&").Add(lv))}
		}
		return []jen.Code{jen.If(jen.Op("!").Add(decCall("Null"))).Block(
			jen.Add(lv).Op("=").Add(rj("New").Types(vt).Call(jen.Id("d"))),
			jen.Err().Op("=").Id(c.fn(t)).Call(jen.Id("d"), lv),
		)}
	case kUnion, kList, kMap:
		return []jen.Code{jen.Err().Op("=").Id(c.fn(t)).Call(jen.Id("d"), jen.Op("&").Add(lv))}
	}
	return []jen.Code{jen.Err().Op("=").Add(decCall("Skip"))}
}

// decoderFunc emits the decoding function of a shape.
func (c *codecs) decoderFunc(t *model.GoType) jen.Code {
	switch kindOf(t) {
	case kUnion:
		return c.unionDecoder(t)
	case kList:
		return c.listDecoder(t)
	case kMap:
		return c.mapDecoder(t)
	}
	return c.structDecoder(c.fn(t), jen.Op("*").Add(valueType(t)), t.Named)
}

// objLoop iterates over the members of an object: "it, err := d.Obj()", the
// loop running body per member, and "return it.Done(err)".
func objLoop(body ...jen.Code) []jen.Code {
	return []jen.Code{
		jen.List(jen.Id("it"), jen.Err()).Op(":=").Add(decCall("Obj")),
		jen.For(jen.Err().Op("==").Nil().Op("&&").Id("it").Dot("Next").Call()).Block(body...),
		jen.Return(jen.Id("it").Dot("Done").Call(jen.Err())),
	}
}

// structDecoder reads the body members of n, skipping unknown ones.
func (c *codecs) structDecoder(name string, param jen.Code, n *model.Named) jen.Code {
	var cases []jen.Code
	if n.Kind == model.NamedError && n.MessageField == nil {
		cases = append(cases, jen.Case(jen.Lit("message"), jen.Lit("Message")).Block(
			setErr(jen.Id("v").Dot("Message"), decCall("StrPtr"))))
	}
	for _, f := range bodyFields(n) {
		cases = append(cases, jen.Case(wireKeys(n, f)...).Block(c.decodeValue(f.Type, jen.Id("v").Dot(f.Name))...))
	}
	cases = append(cases, jen.Default().Block(jen.Err().Op("=").Add(decCall("Skip"))))
	sw := jen.Switch(jen.String().Call(jen.Id("it").Dot("Key").Call())).Block(cases...)
	body := append(defaultInits(n), objLoop(sw)...)
	return jen.Func().Id(name).Params(decoderParam(), jen.Id("v").Add(param)).Error().Block(body...)
}

// wireKeys are the member names a field is read from: its wire name and,
// for an error's message, both "message" and "Message".
func wireKeys(n *model.Named, f *model.Field) []jen.Code {
	keys := []jen.Code{jen.Lit(f.Wire)}
	if f != n.MessageField {
		return keys
	}
	used := map[string]bool{}
	for _, o := range bodyFields(n) {
		used[o.Wire] = true
	}
	for _, k := range []string{"message", "Message"} {
		if !used[k] {
			keys = append(keys, jen.Lit(k))
		}
	}
	return keys
}

// unionDecoder reads a union: the first member that is not null wins;
// unknown members are kept with their JSON text, __type is ignored.
func (c *codecs) unionDecoder(t *model.GoType) jen.Code {
	n := t.Named
	var cases []jen.Code
	for _, f := range n.Fields {
		body := []jen.Code{jen.Id("mv").Op(":=").Op("&").Qual(n.Pkg, f.Name).Values()}
		if kindOf(f.Type) == kUnit {
			body = append(body, jen.Err().Op("=").Add(decCall("Skip")))
		} else {
			body = append(body, c.decodeValue(f.Type, jen.Id("mv").Dot("Value"))...)
		}
		body = append(body, jen.Op("*").Id("v").Op("=").Id("mv"))
		cases = append(cases, jen.Case(jen.Lit(f.Wire)).Block(body...))
	}
	cases = append(cases,
		jen.Case(jen.Lit("__type")).Block(jen.Err().Op("=").Add(decCall("Skip"))),
		jen.Default().Block(
			jen.Id("mv").Op(":=").Op("&").Qual(n.Pkg, n.UnknownMember).Values(jen.Dict{
				jen.Id("Tag"): jen.Id("it").Dot("KeyStr").Call()}),
			setErr(jen.Id("mv").Dot("Value"), decCall("Raw")),
			jen.Op("*").Id("v").Op("=").Id("mv"),
		))
	body := objLoop(
		jen.If(jen.Op("*").Id("v").Op("!=").Nil()).Block(jen.Err().Op("=").Add(decCall("Skip")), jen.Continue()),
		jen.If(decCall("Null")).Block(jen.Continue()),
		jen.Switch(jen.String().Call(jen.Id("it").Dot("Key").Call())).Block(cases...),
	)
	return jen.Func().Id(c.fn(t)).Params(decoderParam(), jen.Id("v").Op("*").Add(TypeCode(t))).Error().Block(body...)
}

// skipNull drops null elements of dense collections.
func skipNull(t *model.GoType) []jen.Code {
	if t.Sparse {
		return nil
	}
	return []jen.Code{jen.If(decCall("Null")).Block(jen.Continue())}
}

// listDecoder reads an array, decoding elements in place.
func (c *codecs) listDecoder(t *model.GoType) jen.Code {
	el := jen.Id("s").Index(jen.Len(jen.Id("s")).Op("-").Lit(1))
	loop := append(skipNull(t), jen.Id("s").Op("=").Append(jen.Id("s"), zeroOf(t.Elem)))
	loop = append(loop, c.decodeValue(t.Elem, el)...)
	return jen.Func().Id(c.fn(t)).Params(decoderParam(), jen.Id("v").Op("*").Add(TypeCode(t))).Error().Block(
		jen.List(jen.Id("it"), jen.Err()).Op(":=").Add(decCall("Arr")),
		jen.If(jen.Err().Op("!=").Nil().Op("||").Id("it").Dot("Null").Call()).Block(jen.Return(jen.Err())),
		jen.Id("s").Op(":=").Make(TypeCode(t), jen.Lit(0), jen.Lit(8)),
		jen.For(jen.Err().Op("==").Nil().Op("&&").Id("it").Dot("Next").Call()).Block(loop...),
		jen.Op("*").Id("v").Op("=").Id("s"),
		jen.Return(jen.Id("it").Dot("Done").Call(jen.Err())),
	)
}

// mapDecoder reads an object into a map.
func (c *codecs) mapDecoder(t *model.GoType) jen.Code {
	loop := []jen.Code{jen.Id("k").Op(":=").Id("it").Dot("KeyStr").Call()}
	loop = append(loop, skipNull(t)...)
	loop = append(loop, jen.Var().Id("x").Add(TypeCode(t.Elem)))
	loop = append(loop, c.decodeValue(t.Elem, jen.Id("x"))...)
	loop = append(loop, jen.Id("m").Index(jen.Id("k")).Op("=").Id("x"))
	return jen.Func().Id(c.fn(t)).Params(decoderParam(), jen.Id("v").Op("*").Add(TypeCode(t))).Error().Block(
		jen.List(jen.Id("it"), jen.Err()).Op(":=").Add(decCall("Obj")),
		jen.If(jen.Err().Op("!=").Nil().Op("||").Id("it").Dot("Null").Call()).Block(jen.Return(jen.Err())),
		jen.Id("m").Op(":=").Make(TypeCode(t)),
		jen.For(jen.Err().Op("==").Nil().Op("&&").Id("it").Dot("Next").Call()).Block(loop...),
		jen.Op("*").Id("v").Op("=").Id("m"),
		jen.Return(jen.Id("it").Dot("Done").Call(jen.Err())),
	)
}
