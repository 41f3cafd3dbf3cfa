package eventstreams

import (
	"github.com/dave/jennifer/jen"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/templates/emit"
)

// DecodeFuncs adds the decoders of the API's output streams to f: per
// union decodeEvent<Union> and, when it has modeled errors,
// decodeException<Union>; per message structure decodeEventMsg<Struct>.
func DecodeFuncs(f *jen.File, a *model.API, c Codec) {
	done := map[*model.Named]bool{}
	for _, es := range streams(a, true) {
		f.Add(eventDecoder(es))
		f.Line()
		if len(es.Errors) > 0 {
			f.Add(exceptionDecoder(es))
			f.Line()
		}
		for _, n := range messages(es) {
			if !done[n] {
				done[n] = true
				f.Add(messageDecoder(n, c))
				f.Line()
			}
		}
	}
}

// eventDecoder switches on :event-type; an event type the union does not
// have is reported unknown, and the reader skips it.
func eventDecoder(es *model.EventStream) jen.Code {
	u := es.Union
	var cases []jen.Code
	for _, f := range es.Events {
		wrapper := jen.Qual(u.Pkg, f.Name)
		if emit.KindOf(f.Type) == emit.KUnit {
			cases = append(cases, jen.Case(jen.Lit(f.Member.Name)).Block(
				jen.Return(jen.Op("&").Add(wrapper).Values(), jen.True(), jen.Nil())))
			continue
		}
		cases = append(cases, jen.Case(jen.Lit(f.Member.Name)).Block(
			jen.Id("v").Op(":=").Op("&").Add(wrapper).Values(),
			jen.Return(jen.Id("v"), jen.True(), jen.Id(messageDecoderName(f.Type.Named)).Call(jen.Id("m"), jen.Op("&").Id("v").Dot("Value"))),
		))
	}
	body := []jen.Code{jen.Return(jen.Nil(), jen.False(), jen.Nil())}
	if len(cases) > 0 {
		body = append([]jen.Code{jen.Switch(jen.Id("eventType")).Block(cases...)}, body...)
	}
	return jen.Func().Id(eventDecoderName(u)).Params(jen.Id("eventType").String(), msgParam()).
		Params(typesQual(u), jen.Bool(), jen.Error()).Block(body...)
}

// exceptionDecoder returns the modeled error an exception message names,
// nil for one the union does not have.
func exceptionDecoder(es *model.EventStream) jen.Code {
	var cases []jen.Code
	for _, f := range es.Errors {
		n := f.Type.Named
		cases = append(cases, jen.Case(jen.Lit(f.Member.Name)).Block(
			jen.Id("v").Op(":=").Op("&").Add(typesQual(n)).Values(),
			emit.ErrCheckCall(jen.Id(messageDecoderName(n)).Call(jen.Id("m"), jen.Id("v"))),
			jen.Return(jen.Id("v")),
		))
	}
	return jen.Func().Id(exceptionDecoderName(es.Union)).Params(jen.Id("exceptionType").String(), msgParam()).Error().Block(
		jen.Switch(jen.Id("exceptionType")).Block(cases...),
		jen.Return(jen.Nil()),
	)
}

// messageDecoder reads a message into an event or error structure: the
// payload, then the headers.
func messageDecoder(n *model.Named, c Codec) jen.Code {
	var body []jen.Code
	explicit, doc := payload(n)
	switch {
	case explicit != nil:
		body = append(body, payloadDecode(explicit, c)...)
	case len(doc) > 0:
		body = append(body, c.DecodeMembers(n, jen.Id("v"))...)
	}
	for _, f := range headers(n) {
		body = append(body, headerDecode(f)...)
	}
	body = append(body, jen.Return(jen.Nil()))
	return jen.Func().Id(messageDecoderName(n)).Params(msgParam(), jen.Id("v").Op("*").Add(typesQual(n))).Error().Block(body...)
}

// payloadDecode reads an @eventPayload member: the bytes of a blob or
// string, the document of a structure or union.
func payloadDecode(f *model.Field, c Codec) []jen.Code {
	lv := jen.Id("v").Dot(f.Name)
	has := jen.Len(jen.Id("m").Dot("Payload")).Op(">").Lit(0)
	switch emit.KindOf(f.Type) {
	case emit.KBlob:
		return []jen.Code{jen.If(has).Block(jen.Add(lv).Op("=").Id("m").Dot("Payload"))}
	case emit.KString, emit.KEnum:
		return []jen.Code{jen.If(has).Block(emit.AssignExpr(f.Type, lv, emit.ValueType(f.Type).Call(jen.Id("m").Dot("Payload")), false, nil)...)}
	case emit.KStruct, emit.KUnion:
		return []jen.Code{jen.If(has).Block(c.DecodeDocument(f.Type, lv)...)}
	}
	return nil
}

// headerGetter is the runtime getter of a header member's type; "" for a
// type headers cannot hold.
func headerGetter(t *model.GoType) string {
	switch emit.KindOf(t) {
	case emit.KString, emit.KEnum:
		return "HeaderString"
	case emit.KBool:
		return "HeaderBool"
	case emit.KBlob:
		return "HeaderBlob"
	case emit.KTime:
		return "HeaderTimestamp"
	case emit.KInt, emit.KIntEnum:
		switch t.Ident {
		case "int8":
			return "HeaderByte"
		case "int16":
			return "HeaderShort"
		case "int64":
			return "HeaderLong"
		}
		return "HeaderInt"
	}
	return ""
}

// headerDecode reads an @eventHeader member; an absent header leaves it
// unset.
func headerDecode(f *model.Field) []jen.Code {
	getter := headerGetter(f.Type)
	if getter == "" {
		return nil
	}
	lv := jen.Id("v").Dot(f.Name)
	get := jen.List(jen.Id("h"), jen.Err()).Op(":=").Add(ES(getter)).Call(jen.Id("m"), jen.Lit(f.Member.Name))
	var set []jen.Code
	switch k := emit.KindOf(f.Type); {
	case k == emit.KBlob:
		set = []jen.Code{jen.Add(lv).Op("=").Id("h")}
	case k == emit.KEnum || k == emit.KIntEnum:
		set = emit.AssignExpr(f.Type, lv, emit.ValueType(f.Type).Call(jen.Op("*").Id("h")), false, nil)
	case f.Type.Ptr:
		set = []jen.Code{jen.Add(lv).Op("=").Id("h")}
	default:
		set = []jen.Code{jen.Add(lv).Op("=").Op("*").Id("h")}
	}
	return []jen.Code{jen.If(get, jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())).
		Else().If(jen.Id("h").Op("!=").Nil()).Block(set...)}
}

// Initial reads the members of an initial-response message m into out, in
// a function returning error; nil for protocols that bind them to the HTTP
// response.
type Initial func() []jen.Code

// DeserializeStmts end deserializeOp<Op> of an operation with event
// streams, once the output's other members are read: they start the input
// stream (sending its initial-request message first when
// initialRequestType, its content type, is set), then the output stream
// (reading the other output members from its initial-response message
// when initial is set), check that the initial response held the required
// members, and set the output's stream.
func DeserializeStmts(op *model.Op, initial Initial, initialRequestType string) []jen.Code {
	var out, cleanup []jen.Code
	ctx := jen.Id("resp").Dot("Context").Call()
	if initial == nil {
		out = append(out, requiredChecks(op.Output, nil)...)
	}
	if es := op.InputStream; es != nil {
		out = append(out, jen.Id("w").Op(":=").Add(ES("NewWriter")).Call(ctx, jen.Id("resp").Dot("EventWriter").Call(),
			jen.Id(eventEncoderName(es.Union)), jen.Id("resp").Dot("EventSigner").Call()))
		cleanup = append(cleanup, jen.Id("w").Dot("Close").Call())
		if initialRequestType != "" {
			send := jen.Id("w").Dot("SendInitialRequest").Call(ctx, jen.Id("resp").Dot("InitialRequest").Call(), jen.Lit(initialRequestType))
			out = append(out, failOn(send, cleanup))
		}
	}
	if es := op.OutputStream; es != nil {
		dec := jen.Dict{jen.Id("Event"): jen.Id(eventDecoderName(es.Union))}
		if len(es.Errors) > 0 {
			dec[jen.Id("Exception")] = jen.Id(exceptionDecoderName(es.Union))
		}
		out = append(out, jen.Id("r").Op(":=").Add(ES("NewReader")).Call(ctx, jen.Id("resp").Dot("Stream"),
			ES("Decoder").Types(typesQual(es.Union)).Values(dec)))
		if initial != nil {
			read := jen.Id("r").Dot("InitialResponse").Call(jen.Func().Params(msgParam()).Error().Block(initial()...))
			out = append(out, failOn(read, cleanup))
			out = append(out, requiredChecks(op.Output, append([]jen.Code{jen.Id("r").Dot("Close").Call()}, cleanup...))...)
		}
	}
	return append(out, jen.Id("out").Dot("eventStream").Op("=").Add(streamValue(op)), jen.Return(jen.Nil()))
}

// failOn returns the error of call after cleanup.
func failOn(call jen.Code, cleanup []jen.Code) jen.Code {
	return jen.If(jen.Err().Op(":=").Add(call), jen.Err().Op("!=").Nil()).Block(append(append([]jen.Code(nil), cleanup...), jen.Return(jen.Err()))...)
}

// streamValue is the operation's stream over reader r and writer w.
func streamValue(op *model.Op) jen.Code {
	in, out := op.InputStream, op.OutputStream
	switch {
	case in != nil && out != nil:
		return ES("NewDuplexStream").Types(typesQual(in.Union), typesQual(out.Union)).Call(jen.Id("w"), jen.Id("r"))
	case in != nil:
		return ES("NewInputStream").Types(typesQual(in.Union)).Call(jen.Id("w"), jen.Id("resp").Dot("Stream"))
	}
	return jen.Op("&").Id(out.StreamName).Values(jen.Dict{jen.Id("Reader"): jen.Id("r")})
}

// requiredChecks fail the call when a required member of the initial
// response is missing: the initial message was not received, which the
// event stream specification allows only for messages of optional members.
// cleanup runs first.
func requiredChecks(n *model.Named, cleanup []jen.Code) []jen.Code {
	var out []jen.Code
	for _, f := range n.Fields {
		if !f.Check.Required || !emit.Nilable(f.Type) || f.Location == model.InStatusCode {
			continue
		}
		fail := append([]jen.Code(nil), cleanup...)
		fail = append(fail, jen.Return(ES("MissingInitialMember").Call(jen.Lit(f.Member.Name))))
		out = append(out, jen.If(jen.Id("out").Dot(f.Name).Op("==").Nil()).Block(fail...))
	}
	return out
}
