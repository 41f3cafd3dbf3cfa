package templates

import (
	"github.com/dave/jennifer/jen"

	"github.com/smithygen/smithygen/model"
)

// opMethod emits the client method of an operation. It validates the input
// before any I/O, then sends the call through Client.invoke with the
// operation's serializer and deserializers:
//
//	serializeOp<Op>(in *<Op>Input, r *transport.Request) error
//	deserializeOp<Op>(resp *transport.Response, out *<Op>Output) error
//	deserializeOp<Op>Error(resp *transport.Response) error
func opMethod(f *jen.File, a *model.API, op *model.Op) {
	clientImportNames(f)
	fallback := op.Name + " calls the " + op.Shape.Name() + " operation."
	f.Add(docBlock(op.Doc, fallback, op.Deprecated).
		Func().Params(jen.Id("c").Op("*").Id("Client")).Id(op.Name).
		Params(jen.Id("ctx").Qual("context", "Context"), jen.Id("params").Op("*").Id(op.Input.Name),
			jen.Id("optFns").Op("...").Func().Params(jen.Op("*").Id("Options"))).
		Params(jen.Op("*").Id(op.Output.Name), jen.Error()).
		Block(opMethodBody(op)...))
}

func opMethodBody(op *model.Op) []jen.Code {
	params, out := jen.Id("params"), jen.Id("out")
	return []jen.Code{
		jen.If(params.Clone().Op("==").Nil()).Block(params.Clone().Op("=").Op("&").Id(op.Input.Name).Values()),
		jen.If(jen.Err().Op(":=").Id("validateOp"+op.Name+"Input").Call(params.Clone()), jen.Err().Op("!=").Nil()).
			Block(jen.Return(jen.Nil(), jen.Op("&").Qual(clientSmithyPkg, "OperationError").Values(jen.Dict{
				jen.Id("ServiceID"):     jen.Id("ServiceID"),
				jen.Id("OperationName"): jen.Lit(op.Shape.Name()),
				jen.Id("Err"):           jen.Err(),
			}))),
		out.Clone().Op(":=").Op("&").Id(op.Output.Name).Values(),
		jen.List(jen.Id("metadata"), jen.Err()).Op(":=").Id("c").Dot("invoke").Call(
			jen.Id("ctx"), opTransportOperation(op), jen.Id("optFns")),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
		out.Clone().Dot("ResultMetadata").Op("=").Id("metadata"),
		jen.Return(out.Clone(), jen.Nil()),
	}
}

// opTransportOperation is the &transport.Operation literal of a call.
func opTransportOperation(op *model.Op) *jen.Statement {
	req := jen.Op("*").Qual(clientTransportPkg, "Request")
	resp := jen.Op("*").Qual(clientTransportPkg, "Response")
	return jen.Op("&").Qual(clientTransportPkg, "Operation").Values(jen.DictFunc(func(d jen.Dict) {
		d[jen.Id("Name")] = jen.Lit(op.Shape.Name())
		d[jen.Id("Build")] = jen.Func().Params(jen.Id("r").Add(req)).Error().Block(
			jen.Return(jen.Id("serializeOp"+op.Name).Call(jen.Id("params"), jen.Id("r"))))
		d[jen.Id("Decode")] = jen.Func().Params(jen.Id("resp").Add(resp)).Error().Block(
			jen.Return(jen.Id("deserializeOp"+op.Name).Call(jen.Id("resp"), jen.Id("out"))))
		d[jen.Id("Error")] = jen.Id("deserializeOp" + op.Name + "Error")
	}))
}
