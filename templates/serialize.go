package templates

import (
	"net/textproto"

	"github.com/dave/jennifer/jen"

	"github.com/smithygen/smithygen/model"
)

const restJSON1 = "aws.protocols#restJson1"

// serializersFile emits serializers.go: per operation serializeOp<Op>, which
// fills a transport.Request from the input's HTTP bindings, and the JSON
// encoders of the shapes request bodies reach. Nil for other protocols.
func serializersFile(a *model.API) *jen.File {
	f := newFile(a, "")
	f.ImportName(restjsonPkg, "restjson")
	f.ImportName(transportPkg, "transport")
	var inputs []*model.Named
	for _, op := range a.Operations {
		inputs = append(inputs, op.Input)
	}
	c := newCodecs(a, "encodeDoc", rootTypes(inputs))
	for _, op := range a.Operations {
		f.Add(serializeOp(c, op))
		f.Line()
		if fields := bodyFields(op.Input); payloadField(op.Input) == nil && len(fields) > 0 {
			f.Add(c.structEncoder(bodyEncoderName(op), jen.Op("*").Id(op.Input.Name), fields))
			f.Line()
		}
	}
	c.emit(f, c.encoderFunc)
	return f
}

func bodyEncoderName(op *model.Op) string { return "encodeOp" + op.Name + "Body" }

// serializeOp emits serializeOp<Op>.
func serializeOp(c *codecs, op *model.Op) jen.Code {
	in := op.Input
	method, uri := "POST", "/"
	if op.HTTP != nil {
		method, uri = op.HTTP.Method, op.HTTP.URI
	}
	path, query := splitURI(uri)
	body := []jen.Code{
		jen.If(jen.Id("in").Op("==").Nil()).Block(jen.Id("in").Op("=").Op("&").Id(in.Name).Values()),
	}
	body = append(body, idempotencyStmts(in)...)
	body = append(body, serviceInputStmts(c.api, in)...)
	body = append(body, jen.Id("r").Dot("Method").Op("=").Lit(method))
	body = append(body, pathStmts(in, path)...)
	body = append(body, hostPrefixStmts(in, op.HostPrefix)...)
	body = append(body, queryStmts(in, query)...)
	body = append(body, headerStmts(in)...)
	body = append(body, bodyStmts(c, op)...)
	body = append(body, bodyFinishStmts(c.api, op)...)
	body = append(body, jen.Return(jen.Nil()))
	return jen.Func().Id("serializeOp"+op.Name).Params(
		jen.Id("in").Op("*").Id(in.Name),
		jen.Id("r").Op("*").Qual(transportPkg, "Request"),
	).Error().Block(body...)
}

// idempotencyStmts fill unset idempotency tokens on a copy of the input.
func idempotencyStmts(in *model.Named) []jen.Code {
	var out []jen.Code
	for _, f := range in.Fields {
		if !f.Member.Traits.IdempotencyToken || kindOf(f.Type) != kString {
			continue
		}
		v := jen.Id("in").Dot(f.Name)
		token := rj("NewToken").Call()
		if f.Type.Ptr {
			token = rj("Ptr").Call(token)
		}
		unset := jen.Len(v).Op("==").Lit(0)
		if f.Type.Ptr {
			unset = jen.Add(v).Op("==").Nil()
		}
		out = append(out, jen.If(unset).Block(
			jen.Id("c").Op(":=").Op("*").Id("in"),
			jen.Id("c").Dot(f.Name).Op("=").Add(token),
			jen.Id("in").Op("=").Op("&").Id("c"),
		))
	}
	return out
}

// emptyLabel is the condition under which a label member has no value.
func emptyLabel(f *model.Field, v jen.Code) jen.Code {
	k := kindOf(f.Type)
	text := k == kString || k == kEnum
	switch {
	case f.Type.Ptr && text:
		return jen.Add(v).Op("==").Nil().Op("||").Len(jen.Op("*").Add(v)).Op("==").Lit(0)
	case nilable(f.Type):
		return jen.Add(v).Op("==").Nil()
	case text:
		return jen.Len(v).Op("==").Lit(0)
	}
	return nil
}

// templateExpr expands a URI or host template: literal text and labels
// bound to members found by find. Members are checked to be set first.
func templateExpr(parts []uriPart, find func(string) *model.Field, value func(*model.Field, bool) jen.Code) (checks []jen.Code, expr jen.Code) {
	var terms []jen.Code
	lit := ""
	for _, p := range parts {
		var f *model.Field
		if p.label != "" {
			f = find(p.label)
		}
		if f == nil || !textual(f.Type) {
			lit += p.text()
			continue
		}
		if lit != "" {
			terms = append(terms, jen.Lit(lit))
			lit = ""
		}
		v := jen.Id("in").Dot(f.Name)
		if cond := emptyLabel(f, v); cond != nil {
			checks = append(checks, jen.If(cond).Block(jen.Return(rj("MissingLabel").Call(jen.Lit(f.Member.Name)))))
		}
		terms = append(terms, value(f, p.greedy))
	}
	if lit != "" || len(terms) == 0 {
		terms = append(terms, jen.Lit(lit))
	}
	e := jen.Add(terms[0])
	for _, t := range terms[1:] {
		e = e.Op("+").Add(t)
	}
	return checks, e
}

// pathStmts set the request path from the URI template and label members.
func pathStmts(in *model.Named, path []uriPart) []jen.Code {
	find := func(name string) *model.Field { return fieldAt(in, model.InLabel, name) }
	value := func(f *model.Field, greedy bool) jen.Code {
		return rj("EscapeLabel").Call(fieldText(f, jen.Id("in").Dot(f.Name)), jen.Lit(greedy))
	}
	checks, expr := templateExpr(path, find, value)
	return append(checks, jen.Id("r").Dot("Path").Op("=").Add(expr))
}

// hostPrefixStmts expand the endpoint trait's host prefix.
func hostPrefixStmts(in *model.Named, prefix string) []jen.Code {
	if prefix == "" {
		return nil
	}
	find := func(name string) *model.Field {
		for _, f := range in.Fields {
			if f.Member.Traits.HostLabel && f.Member.Name == name {
				return f
			}
		}
		return nil
	}
	value := func(f *model.Field, _ bool) jen.Code { return fieldText(f, jen.Id("in").Dot(f.Name)) }
	checks, expr := templateExpr(parseTemplate(prefix), find, value)
	return append(checks, jen.Id("r").Dot("HostPrefix").Op("=").Add(expr))
}

// fieldAt returns the member bound at loc under name.
func fieldAt(n *model.Named, loc model.Location, name string) *model.Field {
	for _, f := range n.Fields {
		if f.Location == loc && f.LocationName == name {
			return f
		}
	}
	return nil
}

// headerStmts set request headers: prefix headers first, so that headers
// bound to their own member win.
func headerStmts(in *model.Named) []jen.Code {
	var out []jen.Code
	for _, f := range in.Fields {
		if k := elemKind(f.Type); f.Location == model.InPrefixHeaders && (k == kString || k == kEnum) {
			out = append(out, rj("SetPrefixHeaders").Call(jen.Id("r").Dot("Header"), jen.Lit(f.LocationName), jen.Id("in").Dot(f.Name)))
		}
	}
	for _, f := range in.Fields {
		if f.Location == model.InHeader {
			out = append(out, headerSet(f)...)
		}
	}
	return out
}

// headerSet sets one header member.
func headerSet(f *model.Field) []jen.Code {
	v := jen.Id("in").Dot(f.Name)
	key := jen.Id("r").Dot("Header").Index(jen.Lit(headerKey(f)))
	set := func(text jen.Code) jen.Code { return jen.Add(key).Op("=").Index().String().Values(text) }
	if kindOf(f.Type) != kList {
		if !textual(f.Type) {
			return nil
		}
		text := fieldText(f, v)
		if mediaTyped(f) {
			text = rj("Base64").Call(deref(f.Type, v))
		}
		return ifSet(f.Type, v, set(text))
	}
	el := f.Type.Elem
	if k := kindOf(el); !el.Ptr && (k == kString || k == kEnum) {
		return []jen.Code{jen.If(jen.Add(v).Op("!=").Nil()).Block(set(rj("JoinHeader").Call(v)))}
	}
	if !textual(el) {
		return nil
	}
	return []jen.Code{jen.If(jen.Add(v).Op("!=").Nil()).Block(
		jen.Id("vs").Op(":=").Make(jen.Index().String(), jen.Lit(0), jen.Len(v)),
		jen.For(jen.List(jen.Id("_"), jen.Id("x")).Op(":=").Range().Add(v)).Block(elemAppend(el, f.TimestampFormat)...),
		set(jen.Qual("strings", "Join").Call(jen.Id("vs"), jen.Lit(", "))),
	)}
}

// headerKey is the canonical form of a header member's name, the key of
// the header in an http.Header.
func headerKey(f *model.Field) string { return textproto.CanonicalMIMEHeaderKey(f.LocationName) }

// elemAppend appends the text of list element x to vs, skipping nil ones.
func elemAppend(el *model.GoType, format string) []jen.Code {
	var out []jen.Code
	if el.Ptr {
		out = append(out, jen.If(jen.Id("x").Op("==").Nil()).Block(jen.Continue()))
	}
	return append(out, jen.Id("vs").Op("=").Append(jen.Id("vs"), textOf(el, deref(el, jen.Id("x")), format)))
}
