package httpbind

import (
	"net/textproto"

	"github.com/dave/jennifer/jen"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/templates/emit"
)

// emptyLabel is the condition under which a label member has no value.
func emptyLabel(f *model.Field, v jen.Code) jen.Code {
	k := emit.KindOf(f.Type)
	text := k == emit.KString || k == emit.KEnum
	switch {
	case f.Type.Ptr && text:
		return jen.Add(v).Op("==").Nil().Op("||").Len(jen.Op("*").Add(v)).Op("==").Lit(0)
	case emit.Nilable(f.Type):
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
		if f == nil || !emit.Textual(f.Type) {
			lit += p.text()
			continue
		}
		if lit != "" {
			terms = append(terms, jen.Lit(lit))
			lit = ""
		}
		v := jen.Id("in").Dot(f.Name)
		if cond := emptyLabel(f, v); cond != nil {
			checks = append(checks, jen.If(cond).Block(jen.Return(H("MissingLabel").Call(jen.Lit(f.Member.Name)))))
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

// PathStmts set the request path from the URI template and label members.
func PathStmts(in *model.Named, path []uriPart) []jen.Code {
	find := func(name string) *model.Field { return emit.FieldAt(in, model.InLabel, name) }
	value := func(f *model.Field, greedy bool) jen.Code {
		return H("EscapeLabel").Call(emit.FieldText(f, jen.Id("in").Dot(f.Name)), jen.Lit(greedy))
	}
	checks, expr := templateExpr(path, find, value)
	return append(checks, jen.Id("r").Dot("Path").Op("=").Add(expr))
}

// HostPrefixStmts expand the endpoint trait's host prefix.
func HostPrefixStmts(in *model.Named, prefix string) []jen.Code {
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
	value := func(f *model.Field, _ bool) jen.Code { return emit.FieldText(f, jen.Id("in").Dot(f.Name)) }
	checks, expr := templateExpr(parseTemplate(prefix), find, value)
	return append(checks, jen.Id("r").Dot("HostPrefix").Op("=").Add(expr))
}

// HeaderStmts set request headers: prefix headers first, so that headers
// bound to their own member win.
func HeaderStmts(in *model.Named) []jen.Code {
	var out []jen.Code
	for _, f := range in.Fields {
		if k := emit.ElemKind(f.Type); f.Location == model.InPrefixHeaders && (k == emit.KString || k == emit.KEnum) {
			out = append(out, H("SetPrefixHeaders").Call(jen.Id("r").Dot("Header"), jen.Lit(f.LocationName), jen.Id("in").Dot(f.Name)))
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
	key := jen.Id("r").Dot("Header").Index(jen.Lit(HeaderKey(f)))
	set := func(text jen.Code) jen.Code { return jen.Add(key).Op("=").Index().String().Values(text) }
	if emit.KindOf(f.Type) != emit.KList {
		if !emit.Textual(f.Type) {
			return nil
		}
		text := emit.FieldText(f, v)
		if emit.MediaTyped(f) {
			text = H("Base64").Call(emit.Deref(f.Type, v))
		}
		return emit.IfSet(f.Type, v, set(text))
	}
	el := f.Type.Elem
	if k := emit.KindOf(el); !el.Ptr && (k == emit.KString || k == emit.KEnum) {
		return []jen.Code{jen.If(jen.Add(v).Op("!=").Nil()).Block(set(H("JoinHeader").Call(v)))}
	}
	if !emit.Textual(el) {
		return nil
	}
	return []jen.Code{jen.If(jen.Add(v).Op("!=").Nil()).Block(
		jen.Id("vs").Op(":=").Make(jen.Index().String(), jen.Lit(0), jen.Len(v)),
		jen.For(jen.List(jen.Id("_"), jen.Id("x")).Op(":=").Range().Add(v)).Block(elemAppend(el, f.TimestampFormat)...),
		set(jen.Qual("strings", "Join").Call(jen.Id("vs"), jen.Lit(", "))),
	)}
}

// HeaderKey is the canonical form of a header member's name, the key of
// the header in an http.Header.
func HeaderKey(f *model.Field) string { return textproto.CanonicalMIMEHeaderKey(f.LocationName) }

// elemAppend appends the text of list element x to vs, skipping nil ones.
func elemAppend(el *model.GoType, format string) []jen.Code {
	var out []jen.Code
	if el.Ptr {
		out = append(out, jen.If(jen.Id("x").Op("==").Nil()).Block(jen.Continue()))
	}
	return append(out, jen.Id("vs").Op("=").Append(jen.Id("vs"), emit.TextOf(el, emit.Deref(el, jen.Id("x")), format)))
}
