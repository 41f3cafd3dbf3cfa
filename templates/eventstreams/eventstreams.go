// Package eventstreams emits what operations with event streams (@streaming
// unions) need, whatever their protocol: the stream types of the root
// package (<Op>EventStream, <Union>Reader, <Union>Writer, GetStream), the
// callbacks that turn event messages into union members and back
// (@eventHeader members as headers, an @eventPayload member or the other
// members as the payload, modeled errors as exception messages), and the
// deserializer statements that start a call's streams on
// runtime/eventstream.
//
// The core emits File for every client. A protocol supplies a Codec for
// the documents in payloads, adds Roots to the shapes its codecs cover,
// calls EncodeFuncs from its serializers file and DecodeFuncs from its
// deserializers file, sets an input stream's body with RequestStmts and
// ends deserializeOp<Op> with DeserializeStmts.
package eventstreams

import (
	"github.com/dave/jennifer/jen"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/templates/emit"
)

// Pkg is the import path of the event stream runtime.
const Pkg = "github.com/smithygen/smithygen/runtime/eventstream"

// ES is a qualified identifier of the event stream runtime.
func ES(name string) *jen.Statement { return jen.Qual(Pkg, name) }

// Trait IDs of event members.
const (
	eventHeaderTrait  = "smithy.api#eventHeader"
	eventPayloadTrait = "smithy.api#eventPayload"
)

// Codec writes and reads the documents of event payloads. Statements run
// in a function with m *eventstream.Message in scope that returns error.
type Codec interface {
	// ContentType is the :content-type of document payloads.
	ContentType() string
	// EncodeDocument sets m.Payload to the document of v, a set value of
	// type t: a structure or a union.
	EncodeDocument(t *model.GoType, v jen.Code) []jen.Code
	// EncodeMembers sets m.Payload to a document of the fields of the
	// structure n that v points to.
	EncodeMembers(n *model.Named, fields []*model.Field, v jen.Code) []jen.Code
	// DecodeDocument decodes a non-empty m.Payload into lv of type t.
	DecodeDocument(t *model.GoType, lv jen.Code) []jen.Code
	// DecodeMembers decodes a non-empty m.Payload into the structure n
	// that v points to, all of its members.
	DecodeMembers(n *model.Named, v jen.Code) []jen.Code
}

// Has reports whether any operation of the API has an event stream.
func Has(a *model.API) bool {
	for _, op := range a.Operations {
		if op.InputStream != nil || op.OutputStream != nil {
			return true
		}
	}
	return false
}

// streams are the distinct unions of the API's input (output false) or
// output streams, in operation order.
func streams(a *model.API, output bool) []*model.EventStream {
	seen := map[*model.Named]bool{}
	var out []*model.EventStream
	for _, op := range a.Operations {
		es := op.InputStream
		if output {
			es = op.OutputStream
		}
		if es != nil && !seen[es.Union] {
			seen[es.Union] = true
			out = append(out, es)
		}
	}
	return out
}

// messages are the structures sent as messages of a stream: its events'
// and its errors', each once.
func messages(es *model.EventStream) []*model.Named {
	seen := map[*model.Named]bool{}
	var out []*model.Named
	for _, f := range append(append([]*model.Field(nil), es.Events...), es.Errors...) {
		if n := f.Type.Named; n != nil && emit.KindOf(f.Type) != emit.KUnit && !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	return out
}

// Roots are the types the protocol's codecs must cover for the payloads of
// the API's input (output false) or output streams: explicit payload
// members, the members of implicit payloads and, for outputs, the
// structures decoded whole.
func Roots(a *model.API, output bool) []*model.GoType {
	var out []*model.GoType
	for _, es := range streams(a, output) {
		for _, n := range messages(es) {
			p, doc := payload(n)
			switch {
			case p != nil:
				out = append(out, p.Type)
			case output && len(doc) > 0:
				out = append(out, emit.NamedType(n))
			default:
				for _, f := range doc {
					out = append(out, f.Type)
				}
			}
		}
	}
	return out
}

// isHeader reports whether f is an @eventHeader member.
func isHeader(f *model.Field) bool { return f.Member.Traits.Has(eventHeaderTrait) }

// payload splits the members of an event structure: its @eventPayload
// member, or else the members making up an implicit document payload.
func payload(n *model.Named) (explicit *model.Field, doc []*model.Field) {
	for _, f := range n.Fields {
		switch {
		case f.Member.Traits.Has(eventPayloadTrait):
			explicit = f
		case !isHeader(f):
			doc = append(doc, f)
		}
	}
	if explicit != nil {
		return explicit, nil
	}
	return nil, doc
}

// headers are the @eventHeader members of an event structure.
func headers(n *model.Named) []*model.Field {
	var out []*model.Field
	for _, f := range n.Fields {
		if isHeader(f) {
			out = append(out, f)
		}
	}
	return out
}

// Function names, after the Go names of unions and structures, which are
// unique in the types package.
func eventDecoderName(u *model.Named) string     { return "decodeEvent" + u.Name }
func exceptionDecoderName(u *model.Named) string { return "decodeException" + u.Name }
func eventEncoderName(u *model.Named) string     { return "encodeEvent" + u.Name }
func messageDecoderName(n *model.Named) string   { return "decodeEventMsg" + n.Name }
func messageEncoderName(n *model.Named) string   { return "encodeEventMsg" + n.Name }

// msgParam is the parameter "m *eventstream.Message".
func msgParam() jen.Code { return jen.Id("m").Op("*").Add(ES("Message")) }

// typesQual spells a types-package declaration.
func typesQual(n *model.Named) *jen.Statement { return jen.Qual(n.Pkg, n.Name) }
