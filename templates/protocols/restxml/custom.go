package restxml

import (
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/model/rules"
	"github.com/smithygen/smithygen/templates/emit"
	"github.com/smithygen/smithygen/templates/httpbind"
)

// Service customizations: behavior AWS SDKs add to particular services
// beyond their models, keyed by the service's SDK ID.
const sdkS3 = "S3"

// s3Pkg is the import path of the S3 customizations' runtime.
const s3Pkg = "github.com/smithygen/smithygen/runtime/s3shared"

// custom holds the customizations of one service: s3 for S3, and rules
// when the service resolves its endpoints with a rule set.
type custom struct{ s3, rules bool }

func customizations(a *model.API) custom {
	_, rs := a.Closure.Service.Traits.Get(rules.RuleSetTrait)
	return custom{s3: a.ServiceID == sdkS3, rules: rs}
}

// bucketLabel is the leading label of S3's URIs.
const bucketLabel = "/{Bucket}"

// bucket is how an S3 operation addresses its bucket.
type bucket struct {
	field *model.Field
	// endpoint marks a bucket the endpoint addresses: the operation binds it
	// to the rule set's Bucket parameter, and the rules put it in the host
	// (virtual-hosted) or in the endpoint's path (path-style).
	endpoint bool
}

// splitBucket removes S3's leading bucket label from an operation's URI, as
// the AWS SDKs do: the endpoint addresses the bucket when the operation
// binds it to the rules' Bucket parameter, bucketStmts path-style otherwise.
// It returns the rest of the URI, "" or a query alone when nothing follows
// the bucket, and the bucket; its field is nil when the URI has none.
func (c custom) splitBucket(in *model.Named, uri string) (string, bucket) {
	if !c.s3 || !strings.HasPrefix(uri, bucketLabel) {
		return uri, bucket{}
	}
	rest := uri[len(bucketLabel):]
	if rest != "" && rest[0] != '/' && rest[0] != '?' {
		return uri, bucket{}
	}
	f := emit.FieldAt(in, model.InLabel, "Bucket")
	if f == nil || emit.KindOf(f.Type) != emit.KString {
		return uri, bucket{}
	}
	return rest, bucket{field: f, endpoint: c.rules && bindsBucket(f)}
}

// bindsBucket reports whether the member of f is bound to the rule set's
// Bucket parameter.
func bindsBucket(f *model.Field) bool {
	t, ok := f.Member.Traits.Get(rules.ContextParamTrait)
	return ok && t.Value.Get("name").Str == "Bucket"
}

// bucketStmts check that the bucket is not empty and, unless the endpoint
// addresses it, address it path-style: its name becomes the first segment
// of the path.
func (c custom) bucketStmts(b bucket) []jen.Code {
	if b.field == nil {
		return nil
	}
	v := jen.Id("in").Dot(b.field.Name)
	empty := jen.Len(v).Op("==").Lit(0)
	text := jen.Add(v)
	if b.field.Type.Ptr {
		empty = jen.Add(v).Op("==").Nil().Op("||").Len(jen.Op("*").Add(v)).Op("==").Lit(0)
		text = jen.Op("*").Add(v)
	}
	out := []jen.Code{jen.If(empty).Block(jen.Return(httpbind.H("MissingLabel").Call(jen.Lit(b.field.Member.Name))))}
	if b.endpoint {
		return out
	}
	return append(out, jen.Qual(s3Pkg, "PathStyle").Call(jen.Id("r"), text))
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
