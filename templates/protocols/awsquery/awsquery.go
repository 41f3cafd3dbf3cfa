// Package awsquery generates the serializers and deserializers of
// aws.protocols#awsQuery and ec2Query clients: every operation is a POST to
// "/" of a form-encoded body naming the operation (templates/queryform),
// answered with an XML document (templates/xmlbody).
package awsquery

import (
	"github.com/dave/jennifer/jen"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/templates/emit"
	"github.com/smithygen/smithygen/templates/httpbind"
	"github.com/smithygen/smithygen/templates/queryform"
	"github.com/smithygen/smithygen/templates/xmlbody"
)

// Protocol is awsQuery or, with EC2 set, ec2Query. They differ in request
// key names (ec2QueryName, capitalized names), in lists (always flattened
// under ec2Query) and in the response document: awsQuery wraps the output
// in <OpResult> inside <OpResponse>, ec2Query puts it in <OpResponse>.
type Protocol struct{ EC2 bool }

// AWSQuery and EC2Query are the two query protocols.
var (
	AWSQuery = Protocol{}
	EC2Query = Protocol{EC2: true}
)

// ID implements emit.Protocol.
func (p Protocol) ID() string {
	if p.EC2 {
		return "aws.protocols#ec2Query"
	}
	return "aws.protocols#awsQuery"
}

// Bindings implements emit.Protocol: no HTTP bindings, date-time
// timestamps, awsQueryError codes.
func (p Protocol) Bindings() model.Bindings {
	return model.Bindings{Protocol: p.ID(), BodyTimestamp: "date-time", QueryErrorCodes: true}
}

// Files implements emit.Protocol: serializers.go and deserializers.go.
func (p Protocol) Files(a *model.API) ([]emit.Source, error) {
	return []emit.Source{
		{Path: "serializers.go", File: p.serializersFile(a)},
		{Path: "deserializers.go", File: p.deserializersFile(a)},
	}, nil
}

func newFile(a *model.API) *jen.File {
	f := emit.NewFile(a, "")
	f.ImportName(xmlbody.Pkg, "xml")
	f.ImportName(queryform.Pkg, "query")
	f.ImportName(httpbind.Pkg, "httpbinding")
	return f
}

func bodyEncoderName(op *model.Op) string { return "encodeOp" + op.Name + "Body" }
func bodyDecoderName(op *model.Op) string { return "decodeOp" + op.Name + "Body" }

// serializersFile emits serializeOp<Op> per operation and the query
// encoders of the shapes inputs reach.
func (p Protocol) serializersFile(a *model.API) *jen.File {
	f := newFile(a)
	var inputs []*model.Named
	for _, op := range a.Operations {
		inputs = append(inputs, op.Input)
	}
	c := queryform.NewEncoders(a, queryform.RootTypes(inputs), p.EC2)
	for _, op := range a.Operations {
		f.Add(p.serializeOp(a, op))
		f.Line()
		if len(op.Input.Fields) > 0 {
			f.Add(c.StructEncoder(bodyEncoderName(op), jen.Op("*").Id(op.Input.Name), op.Input.Fields))
			f.Line()
		}
	}
	c.Emit(f)
	return f
}

// serializeOp emits serializeOp<Op>: POST to "/" of Action, Version and the
// input's members, then compression.
func (p Protocol) serializeOp(a *model.API, op *model.Op) jen.Code {
	in := op.Input
	newEnc := "NewEncoder"
	if p.EC2 {
		newEnc = "NewEC2Encoder"
	}
	body := []jen.Code{
		jen.If(jen.Id("in").Op("==").Nil()).Block(jen.Id("in").Op("=").Op("&").Id(in.Name).Values()),
	}
	body = append(body, emit.IdempotencyStmts(in)...)
	body = append(body,
		jen.Id("r").Dot("Method").Op("=").Lit("POST"),
		jen.Id("r").Dot("Path").Op("=").Lit("/"))
	body = append(body, httpbind.HostPrefixStmts(in, op.HostPrefix)...)
	body = append(body, jen.Id("e").Op(":=").Add(queryform.Q(newEnc)).Call(jen.Lit(op.Shape.Name()), jen.Lit(a.Version)))
	if len(in.Fields) > 0 {
		body = append(body, jen.Id(bodyEncoderName(op)).Call(jen.Id("e"), jen.Id("in")))
	}
	body = append(body, jen.If(jen.Err().Op(":=").Id("e").Dot("SetBody").Call(jen.Id("r")), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())))
	body = append(body, httpbind.BodyFinishStmts(op)...)
	body = append(body, jen.Return(jen.Nil()))
	return jen.Func().Id(emit.SerializerName(op)).Params(jen.Id("in").Op("*").Id(in.Name), emit.RequestParam()).
		Error().Block(body...)
}

// deserializersFile emits deserializeOp<Op> and deserializeOp<Op>Error per
// operation, a decoder per modeled error and the XML decoders of the
// shapes outputs and errors reach.
func (p Protocol) deserializersFile(a *model.API) *jen.File {
	f := newFile(a)
	var outputs []*model.Named
	for _, op := range a.Operations {
		outputs = append(outputs, op.Output)
	}
	errs := emit.APIErrors(a)
	roots := xmlbody.RootTypes(outputs)
	for _, e := range errs {
		roots = append(roots, emit.NamedType(e))
	}
	c := xmlbody.NewDecoders(a, roots)
	errorFuncs := map[string]string{}
	for _, op := range a.Operations {
		f.Add(p.deserializeOp(op))
		f.Line()
		f.Add(c.ErrorDeserializer(op, errorFuncs))
		f.Line()
		if len(op.Output.Fields) > 0 {
			if !p.EC2 {
				f.Add(resultDecoder(op))
				f.Line()
			}
			f.Add(c.StructDecoder(bodyDecoderName(op), jen.Op("*").Id(op.Output.Name), op.Output, op.Output.Fields))
			f.Line()
		}
	}
	for _, e := range errs {
		f.Add(c.ErrorDecoder(e, nil))
		f.Line()
	}
	c.Emit(f)
	return f
}

func resultDecoderName(op *model.Op) string { return "decodeOp" + op.Name + "Result" }

// resultDecoder reads the <OpResult> child of an awsQuery response's root.
func resultDecoder(op *model.Op) jen.Code {
	return jen.Func().Id(resultDecoderName(op)).Params(xmlbody.DecoderParam(), jen.Id("v").Op("*").Id(op.Output.Name)).Error().
		Add(emit.OneLine(jen.Return(xmlbody.X("DecodeChild").Call(jen.Id("d"), jen.Lit(op.Shape.Name()+"Result"), jen.Id("v"), jen.Id(bodyDecoderName(op))))))
}

// deserializeOp emits deserializeOp<Op>: the output is read from the
// response document; an output without members ignores it.
func (p Protocol) deserializeOp(op *model.Op) jen.Code {
	sig := jen.Func().Id(emit.DeserializerName(op)).Params(emit.ResponseParam(), jen.Id("out").Op("*").Id(op.Output.Name)).Error()
	if len(op.Output.Fields) == 0 {
		return sig.Add(emit.OneLine(jen.Return(jen.Nil())))
	}
	fn := resultDecoderName(op)
	if p.EC2 {
		fn = bodyDecoderName(op)
	}
	return sig.Add(emit.OneLine(xmlbody.BodyDecode(fn, "out")))
}
