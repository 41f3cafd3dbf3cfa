package templates

import (
	"net/url"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/smithygen/smithygen/model"
)

// uriPart is literal text or a label of a URI or host template.
type uriPart struct {
	lit    string
	label  string
	greedy bool
}

// text is the part as written in the template.
func (p uriPart) text() string {
	switch {
	case p.label == "":
		return p.lit
	case p.greedy:
		return "{" + p.label + "+}"
	}
	return "{" + p.label + "}"
}

// splitURI splits an http trait URI into its path parts and literal query.
func splitURI(uri string) (path []uriPart, query string) {
	p, q, _ := strings.Cut(uri, "?")
	return parseTemplate(p), q
}

// parseTemplate splits a template into literal text and {label} parts.
func parseTemplate(s string) []uriPart {
	var out []uriPart
	for s != "" {
		i := strings.IndexByte(s, '{')
		j := strings.IndexByte(s[max(i, 0):], '}')
		if i < 0 || j < 0 {
			return append(out, uriPart{lit: s})
		}
		if i > 0 {
			out = append(out, uriPart{lit: s[:i]})
		}
		label := s[i+1 : i+j]
		greedy := strings.HasSuffix(label, "+")
		out = append(out, uriPart{label: strings.TrimSuffix(label, "+"), greedy: greedy})
		s = s[i+j+1:]
	}
	return out
}

// queryStmts build the query string: literal parameters of the URI, then
// httpQuery members, then httpQueryParams entries whose keys are not set yet.
func queryStmts(in *model.Named, literal string) []jen.Code {
	q := jen.Id("q")
	var adds []jen.Code
	for _, p := range strings.Split(literal, "&") {
		if p == "" {
			continue
		}
		k, v, hasValue := strings.Cut(p, "=")
		if hasValue {
			adds = append(adds, jen.Add(q).Dot("Add").Call(jen.Lit(unescapeQuery(k)), jen.Lit(unescapeQuery(v))))
		} else {
			adds = append(adds, jen.Add(q).Dot("AddKey").Call(jen.Lit(unescapeQuery(k))))
		}
	}
	for _, f := range in.Fields {
		if f.Location == model.InQuery {
			adds = append(adds, queryAdd(f)...)
		}
	}
	for _, f := range in.Fields {
		if f.Location == model.InQueryParams {
			adds = append(adds, queryParams(f)...)
		}
	}
	if len(adds) == 0 {
		return nil
	}
	out := []jen.Code{jen.Var().Id("q").Qual(restjsonPkg, "Query")}
	out = append(out, adds...)
	return append(out, jen.Id("r").Dot("RawQuery").Op("=").Id("q").Dot("Encode").Call())
}

func unescapeQuery(s string) string {
	if u, err := url.QueryUnescape(s); err == nil {
		return u
	}
	return s
}

// queryAdd adds an httpQuery member: one parameter per list element.
func queryAdd(f *model.Field) []jen.Code {
	v := jen.Id("in").Dot(f.Name)
	add := func(text jen.Code) jen.Code { return jen.Id("q").Dot("Add").Call(jen.Lit(f.LocationName), text) }
	if kindOf(f.Type) != kList {
		if !textual(f.Type) {
			return nil
		}
		return ifSet(f.Type, v, add(fieldText(f, v)))
	}
	el := f.Type.Elem
	if !textual(el) {
		return nil
	}
	var loop []jen.Code
	if el.Ptr {
		loop = append(loop, jen.If(jen.Id("x").Op("==").Nil()).Block(jen.Continue()))
	}
	loop = append(loop, add(textOf(el, deref(el, jen.Id("x")), f.TimestampFormat)))
	return []jen.Code{jen.For(jen.List(jen.Id("_"), jen.Id("x")).Op(":=").Range().Add(v)).Block(loop...)}
}

// queryParams adds the entries of an httpQueryParams map (of strings or of
// lists of strings) in key order.
func queryParams(f *model.Field) []jen.Code {
	v := jen.Id("in").Dot(f.Name)
	el := f.Type.Elem
	if f.Type.Kind != model.KindMap || el == nil {
		return nil
	}
	entry := jen.Add(v).Index(jen.Id("k"))
	var add jen.Code
	switch {
	case kindOf(el) == kList && el.Elem != nil && textual(el.Elem) && !el.Elem.Ptr:
		add = jen.For(jen.List(jen.Id("_"), jen.Id("x")).Op(":=").Range().Add(entry)).Block(
			jen.Id("q").Dot("Add").Call(jen.Id("k"), textOf(el.Elem, jen.Id("x"), "date-time")))
	case textual(el) && !el.Ptr:
		add = jen.Id("q").Dot("Add").Call(jen.Id("k"), textOf(el, entry, "date-time"))
	default:
		return nil
	}
	return []jen.Code{jen.For(jen.List(jen.Id("_"), jen.Id("k")).Op(":=").Range().Add(rj("SortedKeys").Call(v))).Block(
		jen.If(jen.Op("!").Id("q").Dot("Has").Call(jen.Id("k"))).Block(add),
	)}
}

// bodyStmts set the request body: the payload member, else a JSON document
// of the body members; no body when the input has neither.
func bodyStmts(c *codecs, op *model.Op) []jen.Code {
	in := op.Input
	if p := payloadField(in); p != nil {
		return payloadStmts(c, p)
	}
	if len(bodyFields(in)) == 0 {
		return nil
	}
	return jsonBody(jen.Id(bodyEncoderName(op)).Call(jen.Id("e"), jen.Id("in")), "application/json")
}

// jsonBody encodes a JSON body with the statement enc and sets it.
func jsonBody(enc jen.Code, contentType string) []jen.Code {
	return []jen.Code{
		jen.Id("e").Op(":=").New(jen.Qual(restjsonPkg, "Encoder")),
		enc,
		jen.If(jen.Err().Op(":=").Id("e").Dot("SetBody").Call(jen.Id("r"), jen.Lit(contentType)), jen.Err().Op("!=").Nil()).Block(
			jen.Return(jen.Err())),
	}
}

// payloadStmts send the payload member as the body when it is set; an
// unset structure payload is sent as an empty JSON object.
func payloadStmts(c *codecs, f *model.Field) []jen.Code {
	v := jen.Id("in").Dot(f.Name)
	t := f.Type
	ct := payloadContentType(f)
	setBody := func(b jen.Code) jen.Code { return rj("SetBody").Call(jen.Id("r"), jen.Lit(ct), b) }
	var stmts []jen.Code
	switch kindOf(t) {
	case kStruct, kUnion:
		if f.Member.Target.Traits.Streaming {
			stmts = []jen.Code{jen.Return(rj("Unsupported").Call(jen.Lit("event streams")))}
			break
		}
		enc := c.encodeValue(t, v, "")
		if kindOf(t) == kStruct {
			return jsonBody(jen.If(isSet(t, v)).Block(enc).Else().Block(encCall("ObjEmpty")), ct)
		}
		stmts = jsonBody(enc, ct)
	case kDocument:
		stmts = jsonBody(jen.Id("e").Dot("Document").Call(v), ct)
	case kBlob:
		stmts = []jen.Code{setBody(v)}
	case kStream:
		stmts = []jen.Code{
			jen.List(jen.Id("b"), jen.Err()).Op(":=").Qual("io", "ReadAll").Call(v),
			errCheck(jen.Err()),
			setBody(jen.Id("b")),
		}
	case kString, kEnum:
		stmts = []jen.Code{setBody(jen.Index().Byte().Call(deref(t, v)))}
	default:
		return nil
	}
	return ifSet(t, v, stmts...)
}

// payloadContentType is the Content-Type of a payload member's body.
func payloadContentType(f *model.Field) string {
	if mt := f.Member.Target.Traits.MediaType; mt != "" {
		return mt
	}
	switch kindOf(f.Type) {
	case kBlob, kStream:
		return "application/octet-stream"
	case kString, kEnum:
		return "text/plain"
	}
	return "application/json"
}
