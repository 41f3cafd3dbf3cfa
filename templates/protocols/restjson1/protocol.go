// Package restjson1 generates the serializers and deserializers of
// aws.protocols#restJson1 clients: HTTP bindings (templates/httpbind) around
// JSON bodies (templates/jsonbody).
package restjson1

import (
	"github.com/dave/jennifer/jen"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/templates/emit"
	"github.com/smithygen/smithygen/templates/httpbind"
	"github.com/smithygen/smithygen/templates/jsonbody"
)

// Protocol is restJson1.
type Protocol struct{}

// ID implements emit.Protocol.
func (Protocol) ID() string { return "aws.protocols#restJson1" }

// Bindings implements emit.Protocol: HTTP bindings, jsonName, epoch-seconds
// timestamps in bodies.
func (Protocol) Bindings() model.Bindings {
	return model.Bindings{Protocol: Protocol{}.ID(), HTTP: true, JSONName: true, BodyTimestamp: "epoch-seconds"}
}

// Files implements emit.Protocol: serializers.go and deserializers.go.
func (Protocol) Files(a *model.API) ([]emit.Source, error) {
	return []emit.Source{
		{Path: "serializers.go", File: serializersFile(a)},
		{Path: "deserializers.go", File: deserializersFile(a)},
	}, nil
}

// RedactMembers implements emit.BodyRedactor.
func (Protocol) RedactMembers(names []string) jen.Code { return emit.RedactJSONMembers(names) }

// contentType is the media type of JSON bodies.
const contentType = "application/json"

// payloads write and read structured payloads as JSON documents.
type payloads struct{ c *jsonbody.Codecs }

func (payloads) ContentType() string { return contentType }

func (p payloads) EncodePayload(t *model.GoType, v jen.Code, ct string) []jen.Code {
	var enc jen.Code = jsonbody.EncCall("ObjEmpty")
	switch {
	case v == nil:
	case emit.KindOf(t) == emit.KDocument:
		enc = jsonbody.EncCall("Document", v)
	default:
		enc = p.c.EncodeValue(t, v, "")
	}
	return jsonbody.SetBody(enc, ct)
}

func (p payloads) DecodePayload(t *model.GoType, lv jen.Code) []jen.Code {
	stmts := append([]jen.Code{jen.Var().Err().Error()}, p.c.DecodeValue(t, lv)...)
	stmts = append(stmts, emit.ErrCheck(jen.Id("d").Dot("Error").Call(jen.Err())))
	return []jen.Code{jen.If(jen.Id("d").Op(":=").Add(jsonbody.J("NewDecoder").Call(jen.Id("resp").Dot("Body"))),
		jen.Op("!").Id("d").Dot("Empty").Call()).Block(stmts...)}
}

// newFile starts a file of the root package that imports the JSON and HTTP
// binding runtimes under their package names.
func newFile(a *model.API) *jen.File {
	f := emit.NewFile(a, "")
	f.ImportName(jsonbody.Pkg, "json")
	f.ImportName(httpbind.Pkg, "httpbinding")
	return f
}
