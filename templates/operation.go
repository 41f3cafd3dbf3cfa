package templates

import (
	"github.com/dave/jennifer/jen"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/templates/emit"
)

// opMethod emits the client method of an operation and the operation
// value it sends through operation.call (see clientOperation):
//
//	var op<Op> = operation[<Op>Input, <Op>Output]{...}
//
//	func (c *Client) <Op>(ctx, params, optFns...) (*<Op>Output, error) {
//		return op<Op>.call(ctx, c, params, optFns)
//	}
func opMethod(f *jen.File, a *model.API, op *model.Op) {
	clientImportNames(f)
	fallback := op.Name + " calls the " + op.Shape.Name() + " operation."
	f.Add(docBlock(op.Doc, fallback, op.Deprecated).
		Func().Params(jen.Id("c").Op("*").Id("Client")).Id(op.Name).
		Params(jen.Id("ctx").Qual("context", "Context"), jen.Id("params").Op("*").Id(op.Input.Name),
			jen.Id("optFns").Op("...").Func().Params(jen.Op("*").Id("Options"))).
		Params(jen.Op("*").Id(op.Output.Name), jen.Error()).
		Block(jen.Return(jen.Id("op"+op.Name).Dot("call").Call(jen.Id("ctx"), jen.Id("c"), jen.Id("params"), jen.Id("optFns")))))
	f.Add(opValue(op))
}

// opValue emits the operation value of op: its name, validator,
// serializer, deserializers, start function and result metadata member,
// with
//
//	validateOp<Op>Input(params *<Op>Input) error
//	serializeOp<Op>(in *<Op>Input, r *transport.Request) error
//	deserializeOp<Op>(resp *transport.Response, out *<Op>Output) error
//	deserializeOp<Op>Error(resp *transport.Response) error
func opValue(op *model.Op) *jen.Statement {
	out := jen.Id("out").Op("*").Id(op.Output.Name)
	in, output := jen.Id(op.Input.Name), jen.Id(op.Output.Name)
	return jen.Var().Id("op"+op.Name).Op("=").Id("operation").Types(jen.Op("*").Add(in.Clone()), jen.Op("*").Add(output.Clone())).
		Add(emit.KeyedValues(
			jen.Id("name"), jen.Lit(op.Shape.Name()),
			jen.Id("validate"), jen.Id("validateOp"+op.Name+"Input"),
			jen.Id("serialize"), jen.Id("serializeOp"+op.Name),
			jen.Id("deserialize"), jen.Id("deserializeOp"+op.Name),
			jen.Id("deserializeError"), jen.Id("deserializeOp"+op.Name+"Error"),
			jen.Id("start"), jen.Id("newCall").Types(in, output),
			jen.Id("metadata"), jen.Func().Params(out).Op("*").Qual(clientMiddlewarePkg, "Metadata").
				Add(emit.OneLine(jen.Return(jen.Op("&").Id("out").Dot("ResultMetadata")))),
		))
}
