package httpbind

import (
	"net/url"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/templates/emit"
)

// Pkg is the import path of the HTTP binding runtime package.
const Pkg = "github.com/smithygen/smithygen/runtime/httpbinding"

// H is a qualified identifier of the HTTP binding runtime package.
func H(name string) *jen.Statement { return jen.Qual(Pkg, name) }

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

// SplitURI splits an http trait URI into its path parts and literal query.
func SplitURI(uri string) (path []uriPart, query string) {
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

// QueryStmts build the query string: literal parameters of the URI, then
// httpQuery members, then httpQueryParams entries whose keys are not set yet.
func QueryStmts(in *model.Named, literal string) []jen.Code {
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
	out := []jen.Code{jen.Var().Id("q").Qual(Pkg, "Query")}
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
	if emit.KindOf(f.Type) != emit.KList {
		if !emit.Textual(f.Type) {
			return nil
		}
		return emit.IfSet(f.Type, v, add(emit.FieldText(f, v)))
	}
	el := f.Type.Elem
	if !emit.Textual(el) {
		return nil
	}
	var loop []jen.Code
	if el.Ptr {
		loop = append(loop, jen.If(jen.Id("x").Op("==").Nil()).Block(jen.Continue()))
	}
	loop = append(loop, add(emit.TextOf(el, emit.Deref(el, jen.Id("x")), f.TimestampFormat)))
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
	case emit.KindOf(el) == emit.KList && el.Elem != nil && emit.Textual(el.Elem) && !el.Elem.Ptr:
		add = jen.For(jen.List(jen.Id("_"), jen.Id("x")).Op(":=").Range().Add(entry)).Block(
			jen.Id("q").Dot("Add").Call(jen.Id("k"), emit.TextOf(el.Elem, jen.Id("x"), "date-time")))
	case emit.Textual(el) && !el.Ptr:
		add = jen.Id("q").Dot("Add").Call(jen.Id("k"), emit.TextOf(el, entry, "date-time"))
	default:
		return nil
	}
	return []jen.Code{jen.For(jen.List(jen.Id("_"), jen.Id("k")).Op(":=").Range().Add(emit.Wire("SortedKeys").Call(v))).Block(
		jen.If(jen.Op("!").Id("q").Dot("Has").Call(jen.Id("k"))).Block(add),
	)}
}
