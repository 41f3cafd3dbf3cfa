package restxml

import (
	"github.com/dave/jennifer/jen"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/templates/emit"
	"github.com/smithygen/smithygen/templates/httpbind"
	"github.com/smithygen/smithygen/templates/xmlbody"
)

// unwrappedOutputTrait marks S3 operations whose output's one body member
// is the root element of the response (GetBucketLocation's
// <LocationConstraint>), not wrapped in an element of the output.
const unwrappedOutputTrait = "aws.customizations#s3UnwrappedXmlOutput"

// deserializersFile emits deserializers.go: per operation deserializeOp<Op>
// (output from status code, headers and body) and deserializeOp<Op>Error
// (modeled error or *smithy.GenericAPIError), one decodeErr<Error> per
// error, and the XML decoders of the shapes response bodies reach.
func deserializersFile(a *model.API) *jen.File {
	f := newFile(a)
	var outputs []*model.Named
	for _, op := range a.Operations {
		outputs = append(outputs, op.Output)
	}
	errs := emit.APIErrors(a)
	roots := xmlbody.RootTypes(outputs)
	for _, e := range errs {
		roots = append(roots, emit.NamedType(e))
	}
	c := xmlbody.NewDecoders(a, roots)
	custom := customizations(a)
	errorFuncs := map[string]string{}
	for _, op := range a.Operations {
		f.Add(deserializeOp(c, custom, op))
		f.Line()
		f.Add(c.ErrorDeserializer(op, errorFuncs))
		f.Line()
		if fields := emit.BodyFields(op.Output); emit.PayloadField(op.Output) == nil && len(fields) > 0 {
			f.Add(bodyDecoder(c, op, fields))
			f.Line()
		}
	}
	for _, e := range errs {
		f.Add(c.ErrorDecoder(e, httpbind.ResponseStmts(e, "v")))
		f.Line()
	}
	c.Emit(f)
	return f
}

func bodyDecoderName(op *model.Op) string { return "decodeOp" + op.Name + "Body" }

// bodyDecoder reads the body members from the children of the root
// element or, for an unwrapped output's one member, from the root itself.
func bodyDecoder(c *xmlbody.Codecs, op *model.Op, fields []*model.Field) jen.Code {
	name := bodyDecoderName(op)
	param := jen.Op("*").Id(op.Output.Name)
	if !op.Shape.Traits.Has(unwrappedOutputTrait) || len(fields) != 1 {
		return c.StructDecoder(name, param, op.Output, fields)
	}
	f := fields[0]
	body := []jen.Code{jen.Var().Err().Error()}
	body = append(body, c.DecodeValue(f.Type, jen.Id("v").Dot(f.Name), f.TimestampFormat)...)
	body = append(body, jen.Return(jen.Err()))
	return jen.Func().Id(name).Params(xmlbody.DecoderParam(), jen.Id("v").Add(param)).Error().Block(body...)
}

// deserializeOp emits deserializeOp<Op>: status code and headers, then the
// payload or the XML body.
func deserializeOp(c *xmlbody.Codecs, custom custom, op *model.Op) jen.Code {
	sig := jen.Func().Id(emit.DeserializerName(op)).Params(emit.ResponseParam(), jen.Id("out").Op("*").Id(op.Output.Name)).Error()
	body := custom.responseStmts(op)
	body = append(body, httpbind.ResponseStmts(op.Output, "out")...)
	body = append(body, presentPrefixHeaders(op.Output)...)
	if p := emit.PayloadField(op.Output); p != nil {
		body = append(body, httpbind.PayloadDecode(payloads{c: c, f: p}, p, jen.Id("out").Dot(p.Name))...)
	} else if len(emit.BodyFields(op.Output)) > 0 {
		return sig.Block(append(body, xmlbody.BodyDecode(bodyDecoderName(op), "out"))...)
	}
	body = append(body, jen.Return(jen.Nil()))
	return sig.Block(body...)
}

// presentPrefixHeaders make the maps of prefix headers present when no
// header has their prefix: the response binds them, empty.
func presentPrefixHeaders(n *model.Named) []jen.Code {
	var out []jen.Code
	for _, f := range n.Fields {
		if f.Location == model.InPrefixHeaders && emit.KindOf(f.Type) == emit.KMap {
			lv := jen.Id("out").Dot(f.Name)
			out = append(out, jen.If(jen.Add(lv).Op("==").Nil()).Block(jen.Add(lv).Op("=").Add(emit.TypeCode(f.Type)).Values()))
		}
	}
	return out
}
