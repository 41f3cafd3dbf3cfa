package restxml

import (
	"github.com/dave/jennifer/jen"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/templates/emit"
	"github.com/smithygen/smithygen/templates/httpbind"
	"github.com/smithygen/smithygen/templates/xmlbody"
)

// serializersFile emits serializers.go: per operation serializeOp<Op>,
// which fills a transport.Request from the input's HTTP bindings, and the
// XML encoders of the shapes request bodies reach.
func serializersFile(a *model.API) *jen.File {
	f := newFile(a)
	var inputs []*model.Named
	for _, op := range a.Operations {
		inputs = append(inputs, op.Input)
	}
	c := xmlbody.NewEncoders(a, xmlbody.RootTypes(inputs))
	for _, op := range a.Operations {
		f.Add(serializeOp(a, c, op))
		f.Line()
		if fields := emit.BodyFields(op.Input); emit.PayloadField(op.Input) == nil && len(fields) > 0 {
			f.Add(c.StructEncoder(bodyEncoderName(op), jen.Op("*").Id(op.Input.Name), fields))
			f.Line()
		}
	}
	c.Emit(f)
	return f
}

func bodyEncoderName(op *model.Op) string { return "encodeOp" + op.Name + "Body" }

// serializeOp emits serializeOp<Op>.
func serializeOp(a *model.API, c *xmlbody.Codecs, op *model.Op) jen.Code {
	in := op.Input
	method, uri := "POST", "/"
	if op.HTTP != nil {
		method, uri = op.HTTP.Method, op.HTTP.URI
	}
	custom := customizations(a)
	uri, bkt := custom.splitBucket(in, uri)
	path, query := httpbind.SplitURI(uri)
	body := []jen.Code{
		jen.If(jen.Id("in").Op("==").Nil()).Block(jen.Id("in").Op("=").Op("&").Id(in.Name).Values()),
	}
	body = append(body, emit.IdempotencyStmts(in)...)
	body = append(body, jen.Id("r").Dot("Method").Op("=").Lit(method))
	body = append(body, httpbind.PathStmts(in, path)...)
	body = append(body, custom.bucketStmts(bkt)...)
	body = append(body, httpbind.HostPrefixStmts(in, op.HostPrefix)...)
	body = append(body, httpbind.QueryStmts(in, query)...)
	body = append(body, httpbind.HeaderStmts(in)...)
	body = append(body, bodyStmts(a, c, op)...)
	body = append(body, httpbind.BodyFinishStmts(op)...)
	body = append(body, custom.requestStmts(op)...)
	body = append(body, jen.Return(jen.Nil()))
	return jen.Func().Id(emit.SerializerName(op)).Params(jen.Id("in").Op("*").Id(in.Name), emit.RequestParam()).
		Error().Block(body...)
}

// bodyStmts set the request body: the payload member, else an XML document
// of the body members whose root element is named after the input; no body
// when the input has neither.
func bodyStmts(a *model.API, c *xmlbody.Codecs, op *model.Op) []jen.Code {
	in := op.Input
	if p := emit.PayloadField(in); p != nil {
		return httpbind.PayloadStmts(payloads{c: c, a: a, f: p}, p)
	}
	if len(emit.BodyFields(in)) == 0 {
		return nil
	}
	name := xmlbody.RootName(nil, in.Shape)
	stmts := xmlbody.RootElement(name, xmlbody.RootNamespace(a, nil, in.Shape),
		jen.Id(bodyEncoderName(op)).Call(jen.Id("e"), jen.Id("in")))
	return append(stmts, xmlbody.SetBody(contentType))
}
