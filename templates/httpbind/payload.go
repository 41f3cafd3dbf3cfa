package httpbind

import (
	"github.com/dave/jennifer/jen"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/templates/emit"
)

// Codec is how a protocol writes and reads structured payloads: structures,
// unions and documents bound with httpPayload.
type Codec interface {
	// ContentType is the media type of structured payloads.
	ContentType() string
	// EncodePayload sets the request body r.Body to v, a set value of type
	// t, or to the empty structure when v is nil.
	EncodePayload(t *model.GoType, v jen.Code, contentType string) []jen.Code
	// DecodePayload decodes a non-empty resp.Body into lv, of type t,
	// returning a *smithy.DeserializationError on failure.
	DecodePayload(t *model.GoType, lv jen.Code) []jen.Code
}

// PayloadStmts send the payload member as the body when it is set; an
// unset structure payload is sent as an empty structure.
func PayloadStmts(c Codec, f *model.Field) []jen.Code {
	v := jen.Id("in").Dot(f.Name)
	t := f.Type
	ct := PayloadContentType(c, f)
	setBody := func(b jen.Code) jen.Code { return jen.Id("r").Dot("SetBody").Call(jen.Lit(ct), b) }
	var stmts []jen.Code
	switch emit.KindOf(t) {
	case emit.KStruct, emit.KUnion:
		if f.Member.Target.Traits.Streaming {
			stmts = []jen.Code{jen.Return(H("Unsupported").Call(jen.Lit("event streams")))}
			break
		}
		if emit.KindOf(t) == emit.KStruct {
			return []jen.Code{jen.If(emit.IsSet(t, v)).Block(c.EncodePayload(t, v, ct)...).
				Else().Block(c.EncodePayload(t, nil, ct)...)}
		}
		stmts = c.EncodePayload(t, v, ct)
	case emit.KDocument:
		stmts = c.EncodePayload(t, v, ct)
	case emit.KBlob:
		stmts = []jen.Code{setBody(v)}
	case emit.KStream:
		stmts = []jen.Code{jen.Id("r").Dot("SetStream").Call(jen.Lit(ct), v)}
		if f.Member.Target.Traits.Has(requiresLengthTrait) {
			stmts = append(stmts, jen.Id("r").Dot("RequiresLength").Op("=").True())
		}
	case emit.KString, emit.KEnum:
		stmts = []jen.Code{setBody(jen.Index().Byte().Call(emit.Deref(t, v)))}
	default:
		return nil
	}
	return emit.IfSet(t, v, stmts...)
}

// PayloadContentType is the Content-Type of a payload member's body.
func PayloadContentType(c Codec, f *model.Field) string {
	if mt := f.Member.Target.Traits.MediaType; mt != "" {
		return mt
	}
	switch emit.KindOf(f.Type) {
	case emit.KBlob, emit.KStream:
		return "application/octet-stream"
	case emit.KString, emit.KEnum:
		return "text/plain"
	}
	return c.ContentType()
}

// requiresLengthTrait marks a streaming blob whose length must be known
// before it is sent.
const requiresLengthTrait = "smithy.api#requiresLength"

// PayloadDecode reads the whole body into the payload member lv; a
// streaming blob gets the body unread (see StreamResponseStmts).
func PayloadDecode(c Codec, f *model.Field, lv jen.Code) []jen.Code {
	t := f.Type
	body := jen.Id("resp").Dot("Body")
	hasBody := jen.Len(body).Op(">").Lit(0)
	switch emit.KindOf(t) {
	case emit.KStruct, emit.KUnion, emit.KDocument:
		if f.Member.Target.Traits.Streaming {
			return nil
		}
		return c.DecodePayload(t, lv)
	case emit.KBlob:
		return []jen.Code{jen.If(hasBody).Block(jen.Add(lv).Op("=").Add(body))}
	case emit.KStream:
		return []jen.Code{jen.Add(lv).Op("=").Add(H("ResponseStream")).Call(jen.Id("resp"))}
	case emit.KString, emit.KEnum:
		return []jen.Code{jen.If(hasBody).Block(emit.AssignExpr(t, lv, emit.ValueType(t).Call(body), false, nil)...)}
	}
	return nil
}
