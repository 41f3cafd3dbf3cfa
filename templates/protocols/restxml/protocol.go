// Package restxml generates the serializers and deserializers of
// aws.protocols#restXml clients: HTTP bindings (templates/httpbind) around
// XML bodies (templates/xmlbody).
package restxml

import (
	"github.com/dave/jennifer/jen"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/templates/emit"
	"github.com/smithygen/smithygen/templates/httpbind"
	"github.com/smithygen/smithygen/templates/xmlbody"
)

// Protocol is restXml.
type Protocol struct{}

// ID implements emit.Protocol.
func (Protocol) ID() string { return "aws.protocols#restXml" }

// Bindings implements emit.Protocol: HTTP bindings, date-time timestamps
// in bodies.
func (Protocol) Bindings() model.Bindings {
	return model.Bindings{Protocol: Protocol{}.ID(), HTTP: true, BodyTimestamp: "date-time"}
}

// Files implements emit.Protocol: serializers.go and deserializers.go.
func (Protocol) Files(a *model.API) ([]emit.Source, error) {
	return []emit.Source{
		{Path: "serializers.go", File: serializersFile(a)},
		{Path: "deserializers.go", File: deserializersFile(a)},
	}, nil
}

// contentType is the media type of XML bodies.
const contentType = "application/xml"

// payloads write and read the structure or union bound to the payload
// member f as the body's root element.
type payloads struct {
	c *xmlbody.Codecs
	a *model.API
	f *model.Field
}

func (payloads) ContentType() string { return contentType }

func (p payloads) EncodePayload(t *model.GoType, v jen.Code, ct string) []jen.Code {
	if v == nil {
		return nil
	}
	name := xmlbody.RootName(p.f.Member, p.f.Member.Target)
	ns := xmlbody.RootNamespace(p.a, p.f.Member, p.f.Member.Target)
	stmts := xmlbody.RootElement(name, ns, p.c.Content(t, v, "")...)
	return append(stmts, xmlbody.SetBody(ct))
}

func (p payloads) DecodePayload(t *model.GoType, lv jen.Code) []jen.Code {
	fn := xmlbody.X("DecodeBody")
	if emit.KindOf(t) == emit.KStruct {
		fn = xmlbody.X("DecodeNew")
	}
	return []jen.Code{jen.If(jen.Err().Op(":=").Add(fn.Call(jen.Id("resp").Dot("Body"), jen.Op("&").Add(lv), jen.Id(p.c.Fn(t)))), jen.Err().Op("!=").Nil()).
		Block(jen.Return(jen.Err()))}
}

// newFile starts a file of the root package that imports the XML and HTTP
// binding runtimes under their package names.
func newFile(a *model.API) *jen.File {
	f := emit.NewFile(a, "")
	f.ImportName(xmlbody.Pkg, "xml")
	f.ImportName(httpbind.Pkg, "httpbinding")
	return f
}
