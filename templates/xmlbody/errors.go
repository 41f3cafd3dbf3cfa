package xmlbody

import (
	"github.com/dave/jennifer/jen"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/templates/emit"
)

// ErrorDecoderName is the name of the function returning a modeled error
// decoded from an error response.
func (c *Codecs) ErrorDecoderName(n *model.Named) string { return "decodeErr" + c.names[n.Shape] }

// ErrorDeserializer emits deserializeOp<Op>Error: xml.ReadError finds the
// error code (the error shape's ErrorCode) and the request ID, which the
// response keeps for the transport; the code selects one of the
// operation's errors. An operation whose errors are those of an earlier
// one reuses that operation's function; funcs maps error sets
// (emit.ErrorSetKey) to the functions emitted so far.
func (c *Codecs) ErrorDeserializer(op *model.Op, funcs map[string]string) jen.Code {
	name := emit.ErrorDeserializerName(op)
	key := emit.ErrorSetKey(op)
	if first, ok := funcs[key]; ok {
		return jen.Func().Id(name).Params(emit.ResponseParam()).Error().
			Add(emit.OneLine(jen.Return(jen.Id(first).Call(jen.Id("resp")))))
	}
	funcs[key] = name
	body := []jen.Code{
		jen.List(jen.Id("info"), jen.Err()).Op(":=").Add(X("ReadError")).Call(jen.Id("resp")),
		emit.ErrCheck(jen.Err()),
		jen.Id("resp").Dot("RequestID").Op("=").Id("info").Dot("RequestID"),
	}
	if len(op.Errors) > 0 {
		var cases []jen.Code
		for _, e := range op.Errors {
			cases = append(cases, jen.Case(jen.Id("info").Dot("Is").Call(jen.Lit(e.ErrorCode))).Block(
				jen.Return(jen.Id(c.ErrorDecoderName(e)).Call(jen.Id("resp"), jen.Id("info")))))
		}
		body = append(body, jen.Switch().Block(cases...))
	}
	body = append(body, jen.Return(jen.Id("info").Dot("Generic").Call()))
	return jen.Func().Id(name).Params(emit.ResponseParam()).Error().Block(body...)
}

// ErrorDecoder emits the function returning modeled error n decoded from
// an error response: bindings (statements reading headers into v), then
// the members of the response's <Error> element.
func (c *Codecs) ErrorDecoder(n *model.Named, bindings []jen.Code) jen.Code {
	body := []jen.Code{jen.Id("v").Op(":=").Op("&").Qual(n.Pkg, n.Name).Values()}
	body = append(body, bindings...)
	body = append(body,
		jen.If(jen.Err().Op(":=").Add(X("DecodeErrorBody")).Call(jen.Id("info"), jen.Id("v"), jen.Id(c.Fn(emit.NamedType(n)))), jen.Err().Op("!=").Nil()).Block(
			jen.Return(jen.Err())),
		jen.Return(jen.Id("v")))
	return jen.Func().Id(c.ErrorDecoderName(n)).Params(emit.ResponseParam(), jen.Id("info").Qual(Pkg, "ErrorInfo")).Error().Block(body...)
}
