package templates

import (
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/smithygen/smithygen/model"
)

// bodyFinishStmts process the serialized body: request compression, then
// checksums of the body as sent, then service customizations.
func bodyFinishStmts(a *model.API, op *model.Op) []jen.Code {
	out := compressionStmts(op)
	out = append(out, checksumStmts(op)...)
	return append(out, serviceHeaderStmts(a)...)
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
	if p := payloadField(op.Input); p != nil && kindOf(p.Type) == kStream {
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
	md5 := []jen.Code{rj("SetContentMD5").Call(jen.Id("r"))}
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
	if textual(f.Type) {
		out = append(out, ifSet(f.Type, v, jen.Id("alg").Op("=").Add(fieldText(f, v)))...)
	}
	return append(out, setChecksum(jen.Id("alg"), header))
}

func setChecksum(alg jen.Code, header string) jen.Code {
	return jen.If(jen.Err().Op(":=").Add(rj("SetChecksum")).Call(jen.Id("r"), alg, jen.Lit(header)), jen.Err().Op("!=").Nil()).
		Block(jen.Return(jen.Err()))
}

// Service customizations: behavior AWS SDKs add to particular services
// beyond their models, keyed by the service's SDK ID.
const (
	sdkAPIGateway = "API Gateway"
	sdkGlacier    = "Glacier"
)

// serviceHeaderStmts set the headers a service requires on every request:
// API Gateway's Accept, Glacier's API version and payload checksums.
func serviceHeaderStmts(a *model.API) []jen.Code {
	header := func(k, v string) jen.Code {
		return jen.Id("r").Dot("Header").Index(jen.Lit(k)).Op("=").Index().String().Values(jen.Lit(v))
	}
	switch a.ServiceID {
	case sdkAPIGateway:
		return []jen.Code{header("Accept", "application/json")}
	case sdkGlacier:
		return []jen.Code{header("X-Amz-Glacier-Version", a.Version), rj("GlacierChecksums").Call(jen.Id("r"))}
	}
	return nil
}

// serviceInputStmts adjust the input before it is serialized: Glacier's
// account ID defaults to "-", the account of the credentials.
func serviceInputStmts(a *model.API, in *model.Named) []jen.Code {
	if a.ServiceID != sdkGlacier {
		return nil
	}
	f := fieldAt(in, model.InLabel, "accountId")
	if f == nil || kindOf(f.Type) != kString || !f.Type.Ptr {
		return nil
	}
	v := jen.Id("in").Dot(f.Name)
	return []jen.Code{jen.If(jen.Add(v).Op("==").Nil().Op("||").Op("*").Add(v).Op("==").Lit("")).Block(
		jen.Id("c").Op(":=").Op("*").Id("in"),
		jen.Id("c").Dot(f.Name).Op("=").Add(rj("Ptr")).Call(jen.Lit("-")),
		jen.Id("in").Op("=").Op("&").Id("c"),
	)}
}
