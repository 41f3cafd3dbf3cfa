package templates

import (
	"github.com/dave/jennifer/jen"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/templates/eventstreams"
)

// ioDecls declares an operation's <Op>Input and <Op>Output structs. Both are
// declared even when the operation's input or output is Unit; the output
// ends with the result metadata and, in a client, holds the operation's
// event stream.
func ioDecls(f *jen.File, a *model.API, op *model.Op, client bool) {
	in, out := op.Input, op.Output
	f.Add(docBlock(in.Doc, in.Name+" holds the parameters of "+op.Name+".", nil).
		Type().Id(in.Name).Struct(structFields(in.Fields)...))
	fields := structFields(out.Fields)
	if f := eventstreams.OutputField(op); f != nil && client {
		fields = append([]jen.Code{f}, fields...)
	}
	fields = append(fields, jen.Line().
		Comment("ResultMetadata holds metadata about the operation's result, such as").Line().
		Comment("its request ID.").Line().
		Id("ResultMetadata").Qual("github.com/aws/smithy-go/middleware", "Metadata"))
	f.Add(docBlock(out.Doc, out.Name+" holds the results of "+op.Name+".", nil).
		Type().Id(out.Name).Struct(fields...))
}
