// Package awsjson generates the serializers and deserializers of
// aws.protocols#awsJson1_0 and awsJson1_1 clients: every operation is a POST
// to the endpoint's path naming the operation in X-Amz-Target, with the
// input members as a JSON document (templates/jsonbody).
package awsjson

import (
	"github.com/dave/jennifer/jen"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/templates/emit"
	"github.com/smithygen/smithygen/templates/eventstreams"
	"github.com/smithygen/smithygen/templates/httpbind"
	"github.com/smithygen/smithygen/templates/jsonbody"
	"github.com/smithygen/smithygen/templates/jsonevents"
)

// Protocol is awsJson of one version, "1.0" or "1.1". The versions differ
// only in their Content-Type.
type Protocol struct{ Version string }

// V1_0 and V1_1 are the two awsJson protocols.
var (
	V1_0 = Protocol{Version: "1.0"}
	V1_1 = Protocol{Version: "1.1"}
)

// ID implements emit.Protocol.
func (p Protocol) ID() string {
	if p.Version == "1.1" {
		return "aws.protocols#awsJson1_1"
	}
	return "aws.protocols#awsJson1_0"
}

// Bindings implements emit.Protocol: no HTTP bindings, no jsonName,
// epoch-seconds timestamps.
func (p Protocol) Bindings() model.Bindings {
	return model.Bindings{Protocol: p.ID(), BodyTimestamp: "epoch-seconds"}
}

// RedactMembers implements emit.BodyRedactor.
func (Protocol) RedactMembers(names []string) jen.Code { return emit.RedactJSONMembers(names) }

// contentType is the media type of request bodies.
func (p Protocol) contentType() string { return "application/x-amz-json-" + p.Version }

// queryCompatibleTrait marks services migrated from awsQuery, whose errors
// carry their query error code in the x-amzn-query-error header.
const queryCompatibleTrait = "aws.protocols#awsQueryCompatible"

// Files implements emit.Protocol: serializers.go, deserializers.go and,
// for services with response checks, customizations.go.
func (p Protocol) Files(a *model.API) ([]emit.Source, error) {
	files := []emit.Source{
		{Path: "serializers.go", File: p.serializersFile(a)},
		{Path: "deserializers.go", File: p.deserializersFile(a)},
	}
	if f := customizationsFile(a); f != nil {
		files = append(files, emit.Source{Path: "customizations.go", File: f})
	}
	return files, nil
}

func newFile(a *model.API) *jen.File {
	f := emit.NewFile(a, "")
	f.ImportName(jsonbody.Pkg, "json")
	f.ImportName(httpbind.Pkg, "httpbinding")
	return f
}

// serializersFile emits serializeOp<Op> per operation and the JSON encoders
// of the shapes inputs reach.
func (p Protocol) serializersFile(a *model.API) *jen.File {
	f := newFile(a)
	var inputs []*model.Named
	for _, op := range a.Operations {
		inputs = append(inputs, op.Input)
	}
	c := jsonbody.NewEncoders(a, append(jsonbody.RootTypes(inputs), eventstreams.Roots(a, false)...))
	events := jsonevents.New(c)
	for _, op := range a.Operations {
		f.Add(p.serializeOp(a, op))
		f.Line()
		if len(op.Input.Fields) > 0 {
			f.Add(c.StructEncoder(bodyEncoderName(op), jen.Op("*").Id(op.Input.Name), op.Input.Fields))
			f.Line()
		}
	}
	eventstreams.EncodeFuncs(f, a, events)
	events.Emit(f)
	c.Emit(f)
	return f
}

func bodyEncoderName(op *model.Op) string { return "encodeOp" + op.Name + "Body" }
func bodyDecoderName(op *model.Op) string { return "decodeOp" + op.Name + "Body" }

// serializeOp emits serializeOp<Op>: POST, X-Amz-Target
// "<service shape name>.<operation name>", the input as a JSON document ({}
// without input members), then compression and checksums.
func (p Protocol) serializeOp(a *model.API, op *model.Op) jen.Code {
	in := op.Input
	header := func(k, v string) jen.Code {
		return jen.Id("r").Dot("Header").Index(jen.Lit(k)).Op("=").Index().String().Values(jen.Lit(v))
	}
	body := []jen.Code{
		jen.If(jen.Id("in").Op("==").Nil()).Block(jen.Id("in").Op("=").Op("&").Id(in.Name).Values()),
	}
	body = append(body, emit.IdempotencyStmts(in)...)
	body = append(body,
		jen.Id("r").Dot("Method").Op("=").Lit("POST"),
		jen.Id("r").Dot("Path").Op("=").Lit("/"),
		header("X-Amz-Target", a.Closure.Service.Name()+"."+op.Shape.Name()))
	if a.Closure.Service.Traits.Has(queryCompatibleTrait) {
		body = append(body, header("X-Amzn-Query-Mode", "true"))
	}
	body = append(body, httpbind.HostPrefixStmts(in, op.HostPrefix)...)
	body = append(body, serviceRequestStmts(a, op)...)
	if op.InputStream != nil {
		// The input members go in the stream's initial-request message.
		body = append(body, eventstreams.RequestStmts()...)
	}
	if len(in.Fields) == 0 && op.InputStream == nil {
		body = append(body, jsonbody.J("SetEmptyBody").Call(jen.Id("r"), jen.Lit(p.contentType())))
	} else if len(in.Fields) > 0 {
		body = append(body, jsonbody.SetBody(jen.Id(bodyEncoderName(op)).Call(jen.Id("e"), jen.Id("in")), p.contentType())...)
	}
	body = append(body, httpbind.BodyFinishStmts(op)...)
	body = append(body, jen.Return(jen.Nil()))
	return jen.Func().Id(emit.SerializerName(op)).Params(jen.Id("in").Op("*").Id(in.Name), emit.RequestParam()).
		Error().Block(body...)
}

// deserializersFile emits deserializeOp<Op> and deserializeOp<Op>Error per
// operation, a decoder per modeled error and the JSON decoders of the
// shapes outputs and errors reach.
func (p Protocol) deserializersFile(a *model.API) *jen.File {
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
	queryCompatible := a.Closure.Service.Traits.Has(queryCompatibleTrait)
	read := jsonbody.J("ReadError").Call(jen.Id("resp"))
	var errBindings []jen.Code
	if queryCompatible {
		read = jsonbody.J("ReadQueryCompatibleError").Call(jen.Id("resp"))
	}
	errorFuncs := map[string]string{}
	for _, op := range a.Operations {
		f.Add(p.deserializeOp(op))
		f.Line()
		f.Add(c.ErrorDeserializer(op, errorFuncs, read))
		f.Line()
		if len(op.Output.Fields) > 0 {
			f.Add(c.StructDecoder(bodyDecoderName(op), jen.Op("*").Id(op.Output.Name), op.Output))
			f.Line()
		}
	}
	for _, e := range errs {
		if queryCompatible {
			errBindings = []jen.Code{jen.Id("v").Dot("ErrorCodeOverride").Op("=").Add(jsonbody.J("QueryErrorCode").Call(jen.Id("resp")))}
		}
		f.Add(c.ErrorDecoder(e, errBindings))
		f.Line()
	}
	eventstreams.DecodeFuncs(f, a, events)
	events.Emit(f)
	c.Emit(f)
	return f
}

// deserializeOp emits deserializeOp<Op>: the output is the JSON body; an
// output without members ignores it. With event streams, the body is the
// output stream, whose initial-response message holds the other output
// members, and the input members are sent in the input stream's
// initial-request message.
func (p Protocol) deserializeOp(op *model.Op) jen.Code {
	sig := jen.Func().Id(emit.DeserializerName(op)).Params(emit.ResponseParam(), jen.Id("out").Op("*").Id(op.Output.Name)).Error()
	if op.InputStream != nil || op.OutputStream != nil {
		// Without other output members the call does not wait for the
		// initial-response message, which the reader then skips.
		var initial eventstreams.Initial
		if len(op.Output.Fields) > 0 {
			initial = func() []jen.Code {
				return []jen.Code{
					jen.Id("d").Op(":=").Add(jsonbody.J("NewDecoder")).Call(jen.Id("m").Dot("Payload")),
					jen.If(jen.Err().Op(":=").Id(bodyDecoderName(op)).Call(jen.Id("d"), jen.Id("out")), jen.Err().Op("!=").Nil()).Block(
						jen.Return(jen.Id("d").Dot("Error").Call(jen.Err()))),
					jen.Return(jen.Nil()),
				}
			}
		}
		initialRequest := ""
		if len(op.Input.Fields) > 0 {
			initialRequest = p.contentType()
		}
		return sig.Block(eventstreams.DeserializeStmts(op, initial, initialRequest)...)
	}
	if len(op.Output.Fields) == 0 {
		return sig.Add(emit.OneLine(jen.Return(jen.Nil())))
	}
	return sig.Add(emit.OneLine(jen.Return(jsonbody.J("DecodeBody").Call(jen.Id("resp"), jen.Id("out"), jen.Id(bodyDecoderName(op))))))
}
