package jsonbody

import (
	"github.com/dave/jennifer/jen"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/templates/emit"
)

func DecoderParam() jen.Code { return jen.Id("d").Op("*").Qual(Pkg, "Decoder") }

func DecCall(method string, args ...jen.Code) *jen.Statement {
	return jen.Id("d").Dot(method).Call(args...)
}

// DecodeValue reads a value of type t into lv, an addressable expression of
// emit.TypeCode(t), leaving any error in err. Null leaves lv unchanged.
func (c *Codecs) DecodeValue(t *model.GoType, lv jen.Code) []jen.Code {
	vt := emit.ValueType(t)
	generic := func(name string) jen.Code {
		if t.Ptr {
			name += "Ptr"
		}
		return emit.SetErr(lv, J(name).Types(vt).Call(jen.Id("d")))
	}
	method := func(name string) jen.Code {
		if t.Ptr && t.Pkg != "math/big" {
			name += "Ptr"
		}
		return emit.SetErr(lv, DecCall(name))
	}
	switch emit.KindOf(t) {
	case emit.KString:
		return []jen.Code{method("Str")}
	case emit.KEnum:
		return []jen.Code{emit.SetErr(lv, J("Enum").Types(vt).Call(jen.Id("d")))}
	case emit.KInt, emit.KIntEnum:
		return []jen.Code{generic("Int")}
	case emit.KFloat:
		return []jen.Code{generic("Float")}
	case emit.KBool:
		return []jen.Code{method("Bool")}
	case emit.KTime:
		return []jen.Code{method("Time")}
	case emit.KBlob:
		return []jen.Code{method("Blob")}
	case emit.KDocument:
		return []jen.Code{method("Document")}
	case emit.KBigInt:
		return []jen.Code{method("BigInt")}
	case emit.KBigFloat:
		return []jen.Code{method("BigFloat")}
	case emit.KStruct:
		if !t.Ptr {
			return []jen.Code{jen.Err().Op("=").Id(c.Fn(t)).Call(jen.Id("d"), jen.Op("&").Add(lv))}
		}
		return []jen.Code{jen.If(jen.Op("!").Add(DecCall("Null"))).Block(
			jen.Add(lv).Op("=").Add(J("New").Types(vt).Call(jen.Id("d"))),
			jen.Err().Op("=").Id(c.Fn(t)).Call(jen.Id("d"), lv),
		)}
	case emit.KUnion, emit.KList, emit.KMap:
		return []jen.Code{jen.Err().Op("=").Id(c.Fn(t)).Call(jen.Id("d"), jen.Op("&").Add(lv))}
	}
	return []jen.Code{jen.Err().Op("=").Add(DecCall("Skip"))}
}

// decoderFunc emits the decoding function of a shape.
func (c *Codecs) decoderFunc(t *model.GoType) jen.Code {
	switch emit.KindOf(t) {
	case emit.KUnion:
		return c.unionDecoder(t)
	case emit.KList:
		return c.listDecoder(t)
	case emit.KMap:
		return c.mapDecoder(t)
	}
	return c.StructDecoder(c.Fn(t), jen.Op("*").Add(emit.ValueType(t)), t.Named)
}

// objLoop iterates over the members of an object: "it, err := d.Obj()", the
// loop running body per member, and "return it.Done(err)".
func objLoop(body ...jen.Code) []jen.Code {
	return []jen.Code{
		jen.List(jen.Id("it"), jen.Err()).Op(":=").Add(DecCall("Obj")),
		jen.For(jen.Err().Op("==").Nil().Op("&&").Id("it").Dot("Next").Call()).Block(body...),
		jen.Return(jen.Id("it").Dot("Done").Call(jen.Err())),
	}
}

// StructDecoder reads the body members of n, skipping unknown ones.
func (c *Codecs) StructDecoder(name string, param jen.Code, n *model.Named) jen.Code {
	var cases []jen.Code
	if n.Kind == model.NamedError && n.MessageField == nil {
		cases = append(cases, jen.Case(jen.Lit("message"), jen.Lit("Message")).Block(
			emit.SetErr(jen.Id("v").Dot("Message"), DecCall("StrPtr"))))
	}
	for _, f := range emit.BodyFields(n) {
		cases = append(cases, jen.Case(wireKeys(n, f)...).Block(c.DecodeValue(f.Type, jen.Id("v").Dot(f.Name))...))
	}
	cases = append(cases, jen.Default().Block(jen.Err().Op("=").Add(DecCall("Skip"))))
	sw := jen.Switch(jen.String().Call(jen.Id("it").Dot("Key").Call())).Block(cases...)
	body := append(defaultInits(n), objLoop(sw)...)
	if fix := emit.RequiredCorrections(emit.BodyFields(n), "v"); len(fix) > 0 {
		body = body[:len(body)-1]
		body = append(body, jen.If(jen.Err().Op(":=").Id("it").Dot("Done").Call(jen.Err()), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())))
		body = append(body, fix...)
		body = append(body, jen.Return(jen.Nil()))
	}
	return jen.Func().Id(name).Params(DecoderParam(), jen.Id("v").Add(param)).Error().Block(body...)
}

// wireKeys are the member names a field is read from: its wire name and,
// for an error's message, both "message" and "Message".
func wireKeys(n *model.Named, f *model.Field) []jen.Code {
	keys := []jen.Code{jen.Lit(f.Wire)}
	if f != n.MessageField {
		return keys
	}
	used := map[string]bool{}
	for _, o := range emit.BodyFields(n) {
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
// unknown members are kept with their JSON text, __type is ignored. Known
// members come from the decode's slabs (json.New).
func (c *Codecs) unionDecoder(t *model.GoType) jen.Code {
	n := t.Named
	var cases []jen.Code
	for _, f := range n.Fields {
		body := []jen.Code{jen.Id("mv").Op(":=").Add(J("New").Types(jen.Qual(n.Pkg, f.Name))).Call(jen.Id("d"))}
		if emit.KindOf(f.Type) == emit.KUnit {
			body = append(body, jen.Err().Op("=").Add(DecCall("Skip")))
		} else {
			body = append(body, c.DecodeValue(f.Type, jen.Id("mv").Dot("Value"))...)
		}
		body = append(body, jen.Op("*").Id("v").Op("=").Id("mv"))
		cases = append(cases, jen.Case(jen.Lit(f.Wire)).Block(body...))
	}
	cases = append(cases,
		jen.Case(jen.Lit("__type")).Block(jen.Err().Op("=").Add(DecCall("Skip"))),
		jen.Default().Block(
			jen.Id("mv").Op(":=").Op("&").Qual(n.Pkg, n.UnknownMember).Values(jen.Dict{
				jen.Id("Tag"): jen.Id("it").Dot("KeyStr").Call()}),
			emit.SetErr(jen.Id("mv").Dot("Value"), DecCall("Raw")),
			jen.Op("*").Id("v").Op("=").Id("mv"),
		))
	body := objLoop(
		jen.If(jen.Op("*").Id("v").Op("!=").Nil()).Block(jen.Err().Op("=").Add(DecCall("Skip")), jen.Continue()),
		jen.If(DecCall("Null")).Block(jen.Continue()),
		jen.Switch(jen.String().Call(jen.Id("it").Dot("Key").Call())).Block(cases...),
	)
	return jen.Func().Id(c.Fn(t)).Params(DecoderParam(), jen.Id("v").Op("*").Add(emit.TypeCode(t))).Error().Block(body...)
}

// skipNull drops null elements of dense collections.
func skipNull(t *model.GoType) []jen.Code {
	if t.Sparse {
		return nil
	}
	return []jen.Code{jen.If(DecCall("Null")).Block(jen.Continue())}
}

// listBuffer is the number of elements a list decoder collects on its
// stack before its buffer moves to the heap.
const listBuffer = 8

// listDecoder reads an array, decoding elements in place in a buffer on
// the stack, then keeps them in the decode's slabs (json.Keep): short lists
// cost no allocation of their own.
func (c *Codecs) listDecoder(t *model.GoType) jen.Code {
	el := jen.Id("s").Index(jen.Len(jen.Id("s")).Op("-").Lit(1))
	loop := append(skipNull(t), jen.Id("s").Op("=").Add(J("Extend")).Call(jen.Id("s")))
	loop = append(loop, c.DecodeValue(t.Elem, el)...)
	return jen.Func().Id(c.Fn(t)).Params(DecoderParam(), jen.Id("v").Op("*").Add(emit.TypeCode(t))).Error().Block(
		jen.List(jen.Id("it"), jen.Err()).Op(":=").Add(DecCall("Arr")),
		jen.If(jen.Err().Op("!=").Nil().Op("||").Id("it").Dot("Null").Call()).Block(jen.Return(jen.Err())),
		jen.Var().Id("buf").Index(jen.Lit(listBuffer)).Add(emit.TypeCode(t.Elem)),
		jen.Id("s").Op(":=").Id("buf").Index(jen.Empty(), jen.Lit(0)),
		jen.For(jen.Err().Op("==").Nil().Op("&&").Id("it").Dot("Next").Call()).Block(loop...),
		jen.Op("*").Id("v").Op("=").Add(J("Keep")).Call(jen.Id("d"), jen.Id("s")),
		jen.Return(jen.Id("it").Dot("Done").Call(jen.Err())),
	)
}

// mapDecoder reads an object into a map made as large as the last map of
// the shape (json.Decoder.MapHint).
func (c *Codecs) mapDecoder(t *model.GoType) jen.Code {
	slot := jen.Lit(c.mapSlots[t.Shape])
	loop := []jen.Code{jen.Id("k").Op(":=").Id("it").Dot("KeyStr").Call()}
	loop = append(loop, skipNull(t)...)
	loop = append(loop, jen.Var().Id("x").Add(emit.TypeCode(t.Elem)))
	loop = append(loop, c.DecodeValue(t.Elem, jen.Id("x"))...)
	loop = append(loop, jen.Id("m").Index(jen.Id("k")).Op("=").Id("x"))
	return jen.Func().Id(c.Fn(t)).Params(DecoderParam(), jen.Id("v").Op("*").Add(emit.TypeCode(t))).Error().Block(
		jen.List(jen.Id("it"), jen.Err()).Op(":=").Add(DecCall("Obj")),
		jen.If(jen.Err().Op("!=").Nil().Op("||").Id("it").Dot("Null").Call()).Block(jen.Return(jen.Err())),
		jen.Id("m").Op(":=").Make(emit.TypeCode(t), DecCall("MapHint", slot)),
		jen.For(jen.Err().Op("==").Nil().Op("&&").Id("it").Dot("Next").Call()).Block(loop...),
		DecCall("SetMapHint", slot, jen.Len(jen.Id("m"))),
		jen.Op("*").Id("v").Op("=").Id("m"),
		jen.Return(jen.Id("it").Dot("Done").Call(jen.Err())),
	)
}
