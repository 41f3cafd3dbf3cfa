package httpbind

import (
	"github.com/dave/jennifer/jen"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/templates/emit"
)

// ResponseStmts decode the status code and headers of the response into
// the struct target of type n.
func ResponseStmts(n *model.Named, target string) []jen.Code {
	var out []jen.Code
	for _, f := range n.Fields {
		lv := jen.Id(target).Dot(f.Name)
		switch f.Location {
		case model.InStatusCode:
			if k := emit.KindOf(f.Type); k == emit.KInt {
				out = append(out, emit.AssignExpr(f.Type, lv, emit.ValueType(f.Type).Call(jen.Id("resp").Dot("StatusCode")), false, nil)...)
			}
		case model.InHeader:
			out = append(out, HeaderGet(f, lv)...)
		case model.InPrefixHeaders:
			if k := emit.ElemKind(f.Type); (k == emit.KString || k == emit.KEnum) && !f.Type.Elem.Ptr {
				out = append(out, jen.Add(lv).Op("=").Add(H("PrefixHeaders").Types(emit.TypeCode(f.Type.Elem)).Call(
					jen.Id("resp").Dot("Header"), jen.Lit(f.LocationName))))
			}
		}
	}
	return out
}

// HeaderGet reads a header member into lv.
func HeaderGet(f *model.Field, lv jen.Code) []jen.Code {
	key := HeaderKey(f)
	fail := jen.Return(H("HeaderError").Call(jen.Lit(key), jen.Err()))
	h := jen.Id("resp").Dot("Header")
	t := f.Type
	if emit.KindOf(t) != emit.KList {
		if !emit.Textual(t) {
			return nil
		}
		set := emit.AssignParsed(t, lv, jen.Id("s"), f.TimestampFormat, fail)
		if emit.MediaTyped(f) {
			set = emit.AssignExpr(t, lv, H("ParseBase64").Call(jen.Id("s")), true, fail)
		}
		return []jen.Code{jen.If(jen.List(jen.Id("s"), jen.Id("ok")).Op(":=").Add(H("Header").Call(h, jen.Lit(key))), jen.Id("ok")).Block(set...)}
	}
	el := t.Elem
	if !emit.Textual(el) {
		return nil
	}
	split := "HeaderList"
	if emit.KindOf(el) == emit.KTime && f.TimestampFormat == "http-date" {
		split = "HeaderDates"
	}
	get := jen.If(jen.List(jen.Id("vs"), jen.Id("ok")).Op(":=").Add(H(split).Call(h, jen.Lit(key))), jen.Id("ok"))
	if emit.KindOf(el) == emit.KString && !el.Ptr {
		return []jen.Code{get.Block(jen.Add(lv).Op("=").Id("vs"))}
	}
	item := jen.Add(lv).Index(jen.Id("i"))
	return []jen.Code{get.Block(
		jen.Add(lv).Op("=").Make(emit.TypeCode(t), jen.Len(jen.Id("vs"))),
		jen.For(jen.List(jen.Id("i"), jen.Id("s")).Op(":=").Range().Id("vs")).Block(
			emit.AssignParsed(el, item, jen.Id("s"), f.TimestampFormat, fail)...),
	)}
}
