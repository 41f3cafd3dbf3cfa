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

// deserializersFile emits deserializers.go: per operation deserializeOp<Op>
// (output from status code, headers and body) and deserializeOp<Op>Error
// (modeled error or *smithy.GenericAPIError), one decodeErr<Error> per
// error, and the JSON decoders of the shapes response bodies reach.
func deserializersFile(a *model.API) *jen.File {
	f := newFile(a)
	var outputs []*model.Named
	for _, op := range a.Operations {
		outputs = append(outputs, op.Output)
	}
	errs := emit.APIErrors(a)
	roots := append(jsonbody.RootTypes(outputs), eventstreams.Roots(a, true)...)
	for _, e := range errs {
		roots = append(roots, emit.NamedType(e))
	}
	c := jsonbody.NewDecoders(a, roots)
	events := jsonevents.New(c)
	errorFuncs := map[string]string{} // error set → the function decoding it
	for _, op := range a.Operations {
		f.Add(deserializeOp(c, op))
		f.Line()
		f.Add(c.ErrorDeserializer(op, errorFuncs, jsonbody.J("ReadError").Call(jen.Id("resp"))))
		f.Line()
		if fields := emit.BodyFields(op.Output); emit.PayloadField(op.Output) == nil && len(fields) > 0 {
			f.Add(c.StructDecoder(bodyDecoderName(op), jen.Op("*").Id(op.Output.Name), op.Output))
			f.Line()
		}
	}
	for _, e := range errs {
		f.Add(c.ErrorDecoder(e, httpbind.ResponseStmts(e, "v")))
		f.Line()
	}
	eventstreams.DecodeFuncs(f, a, events)
	events.Emit(f)
	c.Emit(f)
	return f
}

func bodyDecoderName(op *model.Op) string { return "decodeOp" + op.Name + "Body" }

// deserializeOp emits deserializeOp<Op>: status code and headers, then the
// payload or the JSON body. An output read from the JSON body alone is
// decoded by the runtime's DecodeBody around its body decoder.
func deserializeOp(c *jsonbody.Codecs, op *model.Op) jen.Code {
	sig := jen.Func().Id(emit.DeserializerName(op)).Params(emit.ResponseParam(), jen.Id("out").Op("*").Id(op.Output.Name)).Error()
	if bodyOnly(op.Output) {
		return sig.Add(emit.OneLine(jen.Return(jsonbody.J("DecodeBody").Call(jen.Id("resp"), jen.Id("out"), jen.Id(bodyDecoderName(op))))))
	}
	body := httpbind.ResponseStmts(op.Output, "out")
	if op.InputStream != nil || op.OutputStream != nil {
		return sig.Block(append(body, eventstreams.DeserializeStmts(op, nil, "")...)...)
	}
	if p := emit.PayloadField(op.Output); p != nil {
		body = append(body, httpbind.PayloadDecode(payloads{c}, p, jen.Id("out").Dot(p.Name))...)
	} else if len(emit.BodyFields(op.Output)) > 0 {
		body = append(body, c.BodyDecode(bodyDecoderName(op), "out")...)
	}
	body = append(body, jen.Return(jen.Nil()))
	return sig.Block(body...)
}

// bodyOnly reports whether every member of output n comes from the JSON body.
func bodyOnly(n *model.Named) bool {
	if emit.PayloadField(n) != nil || len(emit.BodyFields(n)) == 0 {
		return false
	}
	for _, f := range n.Fields {
		switch f.Location {
		case model.InStatusCode, model.InHeader, model.InPrefixHeaders:
			return false
		}
	}
	return true
}
