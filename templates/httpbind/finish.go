package httpbind

import (
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/templates/emit"
)

// BodyFinishStmts process the serialized body: request compression, then
// checksums of the body as sent, then how the body is signed and whether
// the response body is streamed.
func BodyFinishStmts(op *model.Op) []jen.Code {
	out := append(compressionStmts(op), checksumStmts(op)...)
	return append(out, streamStmts(op)...)
}

const unsignedPayloadTrait = "aws.auth#unsignedPayload"

// streamStmts mark an operation with the unsignedPayload trait to be
// signed with UNSIGNED-PAYLOAD, and a streaming output (a blob payload or
// an event stream) to reach the deserializer unread.
func streamStmts(op *model.Op) []jen.Code {
	var out []jen.Code
	if op.Shape.Traits.Has(unsignedPayloadTrait) {
		out = append(out, jen.Id("r").Dot("UnsignedPayload").Op("=").True())
	}
	if StreamsResponse(op) {
		out = append(out, jen.Id("r").Dot("StreamResponse").Op("=").True())
	}
	return out
}

// StreamsResponse reports whether an operation's response body is handed
// to its deserializer unread: a streaming blob payload or an event stream
// (with an input stream only, the response stays open while it is sent).
func StreamsResponse(op *model.Op) bool {
	if op.OutputStream != nil || op.InputStream != nil {
		return true
	}
	p := emit.PayloadField(op.Output)
	return p != nil && emit.KindOf(p.Type) == emit.KStream
}

// compressionStmts mark the body of an operation with the
// requestCompression trait compressible, gzip being the only supported
// encoding; the transport compresses it.
func compressionStmts(op *model.Op) []jen.Code {
	gzip := false
	for _, e := range op.Shape.Traits.RequestCompression {
		gzip = gzip || strings.EqualFold(e, "gzip")
	}
	if !gzip {
		return nil
	}
	streaming := false
	if p := emit.PayloadField(op.Input); p != nil && emit.KindOf(p.Type) == emit.KStream {
		streaming = !p.Member.Target.Traits.Has("smithy.api#requiresLength")
	}
	return []jen.Code{jen.List(jen.Id("r").Dot("Compress"), jen.Id("r").Dot("Streaming")).Op("=").True().Op(",").Lit(streaming)}
}

const httpChecksumTrait = "aws.protocols#httpChecksum"

// checksumStmts add the request checksum: with aws.protocols#httpChecksum,
// the algorithm the input's algorithm member names (CRC32 when unset), or
// Content-MD5 when the trait requires a checksum without naming a member
// (a trait on response checksums only adds none); with httpChecksumRequired
// alone, Content-MD5.
func checksumStmts(op *model.Op) []jen.Code {
	md5 := []jen.Code{emit.ErrCheckCall(H("SetContentMD5").Call(jen.Id("r")))}
	t, ok := op.Shape.Traits.Get(httpChecksumTrait)
	if !ok {
		if op.Shape.Traits.HTTPChecksumRequired {
			return md5
		}
		return nil
	}
	member := t.Value.Get("requestAlgorithmMember").String()
	var f *model.Field
	for _, x := range op.Input.Fields {
		if x.Member.Name == member {
			f = x
		}
	}
	if f == nil {
		if t.Value.Get("requestChecksumRequired").Bool() || op.Shape.Traits.HTTPChecksumRequired {
			return md5
		}
		return nil
	}
	header := ""
	if f.Location == model.InHeader {
		header = f.LocationName
	}
	v := jen.Id("in").Dot(f.Name)
	out := []jen.Code{jen.Id("alg").Op(":=").Lit("")}
	if emit.Textual(f.Type) {
		out = append(out, emit.IfSet(f.Type, v, jen.Id("alg").Op("=").Add(emit.FieldText(f, v)))...)
	}
	return append(out, setChecksum(jen.Id("alg"), header))
}

func setChecksum(alg jen.Code, header string) jen.Code {
	return jen.If(jen.Err().Op(":=").Add(H("SetChecksum")).Call(jen.Id("r"), alg, jen.Lit(header)), jen.Err().Op("!=").Nil()).
		Block(jen.Return(jen.Err()))
}
