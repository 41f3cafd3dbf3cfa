package restjson1

import (
	"github.com/dave/jennifer/jen"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/templates/emit"
	"github.com/smithygen/smithygen/templates/eventstreams"
	"github.com/smithygen/smithygen/templates/httpbind"
	"github.com/smithygen/smithygen/templates/jsonbody"
	"github.com/smithygen/smithygen/templates/jsonevents"
)

// serializersFile emits serializers.go: per operation serializeOp<Op>, which
// fills a transport.Request from the input's HTTP bindings, and the JSON
// encoders of the shapes request bodies reach.
func serializersFile(a *model.API) *jen.File {
	f := newFile(a)
	var inputs []*model.Named
	for _, op := range a.Operations {
		inputs = append(inputs, op.Input)
	}
	c := jsonbody.NewEncoders(a, append(jsonbody.RootTypes(inputs), eventstreams.Roots(a, false)...))
	events := jsonevents.New(c)
	for _, op := range a.Operations {
		f.Add(serializeOp(a, c, op))
		f.Line()
		if fields := emit.BodyFields(op.Input); emit.PayloadField(op.Input) == nil && len(fields) > 0 {
			f.Add(c.StructEncoder(bodyEncoderName(op), jen.Op("*").Id(op.Input.Name), fields))
			f.Line()
		}
	}
	eventstreams.EncodeFuncs(f, a, events)
	events.Emit(f)
	c.Emit(f)
	return f
}

func bodyEncoderName(op *model.Op) string { return "encodeOp" + op.Name + "Body" }

// serializeOp emits serializeOp<Op>.
func serializeOp(a *model.API, c *jsonbody.Codecs, op *model.Op) jen.Code {
	in := op.Input
	method, uri := "POST", "/"
	if op.HTTP != nil {
		method, uri = op.HTTP.Method, op.HTTP.URI
	}
	path, query := httpbind.SplitURI(uri)
	body := []jen.Code{
		jen.If(jen.Id("in").Op("==").Nil()).Block(jen.Id("in").Op("=").Op("&").Id(in.Name).Values()),
	}
	body = append(body, emit.IdempotencyStmts(in)...)
	body = append(body, serviceInputStmts(a, in)...)
	body = append(body, jen.Id("r").Dot("Method").Op("=").Lit(method))
	body = append(body, httpbind.PathStmts(in, path)...)
	body = append(body, httpbind.HostPrefixStmts(in, op.HostPrefix)...)
	body = append(body, httpbind.QueryStmts(in, query)...)
	body = append(body, httpbind.HeaderStmts(in)...)
	body = append(body, bodyStmts(c, op)...)
	body = append(body, httpbind.BodyFinishStmts(op)...)
	body = append(body, serviceHeaderStmts(a)...)
	body = append(body, jen.Return(jen.Nil()))
	return jen.Func().Id(emit.SerializerName(op)).Params(jen.Id("in").Op("*").Id(in.Name), emit.RequestParam()).
		Error().Block(body...)
}

// bodyStmts set the request body: the payload member, else a JSON document
// of the body members; no body when the input has neither.
func bodyStmts(c *jsonbody.Codecs, op *model.Op) []jen.Code {
	in := op.Input
	if op.InputStream != nil {
		return eventstreams.RequestStmts()
	}
	if p := emit.PayloadField(in); p != nil {
		return httpbind.PayloadStmts(payloads{c}, p)
	}
	if len(emit.BodyFields(in)) == 0 {
		return nil
	}
	return jsonbody.SetBody(jen.Id(bodyEncoderName(op)).Call(jen.Id("e"), jen.Id("in")), contentType)
}
