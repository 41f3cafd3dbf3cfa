package eventstreams

import (
	"github.com/dave/jennifer/jen"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/templates/emit"
)

// EncodeFuncs adds the encoders of the API's input streams to f: per union
// encodeEvent<Union>, per message structure encodeEventMsg<Struct>.
func EncodeFuncs(f *jen.File, a *model.API, c Codec) {
	done := map[*model.Named]bool{}
	for _, es := range streams(a, false) {
		f.Add(eventEncoder(es))
		f.Line()
		for _, n := range messages(es) {
			if !done[n] {
				done[n] = true
				f.Add(messageEncoder(n, c))
				f.Line()
			}
		}
	}
}

// eventEncoder encodes one member of an input union and returns its name;
// a modeled error member is sent as an exception message.
func eventEncoder(es *model.EventStream) jen.Code {
	u := es.Union
	var cases []jen.Code
	usesValue := false
	for _, f := range u.Fields {
		body := []jen.Code{}
		if f.Type.Named != nil && f.Type.Named.Kind == model.NamedError {
			body = append(body, ES("SetString").Call(jen.Id("m"), ES("MessageTypeHeader"), ES("ExceptionMessage")))
		}
		if emit.KindOf(f.Type) == emit.KUnit {
			body = append(body, jen.Return(jen.Lit(f.Member.Name), jen.Nil()))
		} else {
			usesValue = true
			body = append(body, jen.Return(jen.Lit(f.Member.Name),
				jen.Id(messageEncoderName(f.Type.Named)).Call(jen.Id("m"), jen.Op("&").Id("v").Dot("Value"))))
		}
		cases = append(cases, jen.Case(jen.Op("*").Qual(u.Pkg, f.Name)).Block(body...))
	}
	sw := jen.Switch(jen.Id("ev").Assert(jen.Type()))
	if usesValue {
		sw = jen.Switch(jen.Id("v").Op(":=").Id("ev").Assert(jen.Type()))
	}
	return jen.Func().Id(eventEncoderName(u)).Params(jen.Id("ev").Add(typesQual(u)), msgParam()).
		Params(jen.String(), jen.Error()).Block(
		sw.Block(cases...),
		jen.Return(jen.Lit(""), jen.Qual("fmt", "Errorf").Call(jen.Lit("unknown event %T for the "+u.Name+" stream"), jen.Id("ev"))),
	)
}

// messageEncoder writes an event or error structure: headers of the
// members that are set, then the payload.
func messageEncoder(n *model.Named, c Codec) jen.Code {
	var body []jen.Code
	for _, f := range headers(n) {
		body = append(body, headerEncode(f)...)
	}
	explicit, doc := payload(n)
	switch {
	case explicit != nil:
		body = append(body, payloadEncode(explicit, c)...)
	case len(doc) > 0:
		body = append(body, setContentType(c.ContentType()))
		body = append(body, c.EncodeMembers(n, doc, jen.Id("v"))...)
	}
	body = append(body, jen.Return(jen.Nil()))
	return jen.Func().Id(messageEncoderName(n)).Params(msgParam(), jen.Id("v").Op("*").Add(typesQual(n))).Error().Block(body...)
}

func setContentType(ct string) jen.Code {
	return ES("SetString").Call(jen.Id("m"), ES("ContentTypeHeader"), jen.Lit(ct))
}

// payloadContentType is the :content-type of an @eventPayload member: its
// media type, else that of bytes, text or the codec's documents.
func payloadContentType(f *model.Field, c Codec) string {
	if mt := f.Member.Target.Traits.MediaType; mt != "" {
		return mt
	}
	switch emit.KindOf(f.Type) {
	case emit.KBlob:
		return "application/octet-stream"
	case emit.KString, emit.KEnum:
		return "text/plain"
	}
	return c.ContentType()
}

// payloadEncode writes a set @eventPayload member.
func payloadEncode(f *model.Field, c Codec) []jen.Code {
	v := jen.Id("v").Dot(f.Name)
	stmts := []jen.Code{setContentType(payloadContentType(f, c))}
	switch emit.KindOf(f.Type) {
	case emit.KBlob:
		stmts = append(stmts, jen.Id("m").Dot("Payload").Op("=").Add(v))
	case emit.KString, emit.KEnum:
		stmts = append(stmts, jen.Id("m").Dot("Payload").Op("=").Index().Byte().Call(emit.Deref(f.Type, v)))
	case emit.KStruct, emit.KUnion:
		stmts = append(stmts, c.EncodeDocument(f.Type, v)...)
	default:
		return nil
	}
	return emit.IfSet(f.Type, v, stmts...)
}

// headerSetter is the runtime setter of a header member's type and the Go
// type its value converts to; "" for a type headers cannot hold.
func headerSetter(t *model.GoType) (string, string) {
	switch emit.KindOf(t) {
	case emit.KString, emit.KEnum:
		return "SetString", "string"
	case emit.KBool:
		return "SetBool", ""
	case emit.KBlob:
		return "SetBlob", ""
	case emit.KTime:
		return "SetTimestamp", ""
	case emit.KInt, emit.KIntEnum:
		switch t.Ident {
		case "int8":
			return "SetByte", "int8"
		case "int16":
			return "SetShort", "int16"
		case "int64":
			return "SetLong", "int64"
		}
		return "SetInt", "int32"
	}
	return "", ""
}

// headerEncode sets a header member when it is set.
func headerEncode(f *model.Field) []jen.Code {
	setter, conv := headerSetter(f.Type)
	if setter == "" {
		return nil
	}
	v := jen.Id("v").Dot(f.Name)
	val := emit.Deref(f.Type, v)
	if k := emit.KindOf(f.Type); k == emit.KEnum || k == emit.KIntEnum {
		val = jen.Id(conv).Call(val)
	}
	return emit.IfSet(f.Type, v, ES(setter).Call(jen.Id("m"), jen.Lit(f.Member.Name), val))
}
