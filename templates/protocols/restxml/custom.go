package restxml

import (
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/templates/emit"
	"github.com/smithygen/smithygen/templates/httpbind"
)

// Service customizations: behavior AWS SDKs add to particular services
// beyond their models, keyed by the service's SDK ID.
const sdkS3 = "S3"

// s3Pkg is the import path of the S3 customizations' runtime.
const s3Pkg = "github.com/smithygen/smithygen/runtime/s3shared"

// custom holds the customizations of one service.
type custom struct{ s3 bool }

func customizations(a *model.API) custom { return custom{s3: a.ServiceID == sdkS3} }

// bucketLabel is the leading label of S3's URIs.
const bucketLabel = "/{Bucket}"

// splitBucket removes S3's leading bucket label from an operation's URI:
// the bucket is addressed by bucketStmts instead (path-style, the only
// addressing a client without the endpoint rule set resolves). It returns
// the rest of the URI and the bucket's field, nil when the URI has none.
func (c custom) splitBucket(in *model.Named, uri string) (string, *model.Field) {
	if !c.s3 || !strings.HasPrefix(uri, bucketLabel) {
		return uri, nil
	}
	rest := uri[len(bucketLabel):]
	if rest != "" && rest[0] != '/' && rest[0] != '?' {
		return uri, nil
	}
	f := emit.FieldAt(in, model.InLabel, "Bucket")
	if f == nil || emit.KindOf(f.Type) != emit.KString {
		return uri, nil
	}
	if rest == "" || rest[0] == '?' {
		rest = "/" + rest
	}
	return rest, f
}

// bucketStmts address the bucket path-style: its name becomes the first
// segment of the path. When the endpoint rules resolve an endpoint that
// addresses the bucket (virtual-hosted, or path-style in the endpoint's
// URL), this is the statement they replace.
func (c custom) bucketStmts(bucket *model.Field) []jen.Code {
	if bucket == nil {
		return nil
	}
	v := jen.Id("in").Dot(bucket.Name)
	empty := jen.Len(v).Op("==").Lit(0)
	text := jen.Add(v)
	if bucket.Type.Ptr {
		empty = jen.Add(v).Op("==").Nil().Op("||").Len(jen.Op("*").Add(v)).Op("==").Lit(0)
		text = jen.Op("*").Add(v)
	}
	return []jen.Code{
		jen.If(empty).Block(jen.Return(httpbind.H("MissingLabel").Call(jen.Lit(bucket.Member.Name)))),
		jen.Qual(s3Pkg, "PathStyle").Call(jen.Id("r"), text),
	}
}

// requestStmts finish an S3 request: the X-Amz-Content-Sha256 header S3
// requires of signed requests (UNSIGNED-PAYLOAD for streaming uploads), and
// the path signed as sent, which S3 does not escape again.
func (c custom) requestStmts(op *model.Op) []jen.Code {
	if !c.s3 {
		return nil
	}
	p := emit.PayloadField(op.Input)
	streaming := p != nil && emit.KindOf(p.Type) == emit.KStream
	return []jen.Code{
		jen.Qual(s3Pkg, "SetContentSHA256").Call(jen.Id("r"), jen.Lit(streaming)),
		jen.Id("r").Dot("DisableURIPathEscaping").Op("=").True(),
	}
}

// responseStmts start the decoding of a successful S3 response: an <Error>
// document answering with 200 (as S3 may for CopyObject,
// CompleteMultipartUpload, UploadPartCopy and others) is handled as an
// error response. Outputs whose payload is a blob, stream or string are
// returned as they are.
func (c custom) responseStmts(op *model.Op) []jen.Code {
	if !c.s3 {
		return nil
	}
	if p := emit.PayloadField(op.Output); p != nil {
		switch emit.KindOf(p.Type) {
		case emit.KStruct, emit.KUnion:
		default:
			return nil
		}
	}
	return []jen.Code{jen.If(jen.Qual(s3Pkg, "IsErrorDocument").Call(jen.Id("resp").Dot("Body"))).Block(
		jen.Return(jen.Qual(emit.TransportPkg, "ErrErrorResponse")))}
}
