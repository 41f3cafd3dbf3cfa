package templates

import (
	"github.com/dave/jennifer/jen"

	"github.com/smithygen/smithygen/model"
)

// seq2 spells iter.Seq2[k, error].
func seq2(k jen.Code) *jen.Statement {
	return jen.Qual("iter", "Seq2").Types(k, jen.Error())
}

// pages emits the Pages iterator: it calls NextPage while HasMorePages and
// stops after yielding an error or when the loop breaks.
func (g *pager) pages() *jen.Statement {
	page := jen.Op("*").Id(g.op.Output.Name)
	return jen.Comment("Pages returns an iterator over the remaining pages. An error is yielded with a").Line().
		Comment("nil page and ends the iteration; breaking out of the loop stops fetching.").Line().
		Comment("Ranging again resumes where the last iteration ended.").Line().
		Add(g.receiver()).Id("Pages").Params(optFnsParams()...).Add(seq2(page.Clone())).Block(
		jen.Return(jen.Func().Params(jen.Id("yield").Func().Params(page.Clone(), jen.Error()).Bool()).Block(
			jen.For(jen.Id("p").Dot("HasMorePages").Call()).Block(
				jen.List(jen.Id("page"), jen.Err()).Op(":=").Id("p").Dot("NextPage").Call(jen.Id("ctx"), jen.Id("optFns").Op("...")),
				jen.If(jen.Op("!").Id("yield").Call(jen.Id("page"), jen.Err()).Op("||").Err().Op("!=").Nil()).Block(jen.Return()),
			))))
}

// itemsType is the element type of the items list, or the value type of the
// items map; nil when the operation has no items or they are neither.
func (g *pager) itemsType() *model.GoType {
	if g.p.Items == nil {
		return nil
	}
	t := g.p.Items[len(g.p.Items)-1].Type
	if t.Kind != model.KindSlice && t.Kind != model.KindMap {
		return nil
	}
	return t.Elem
}

// items emits the Items iterator over the items of every remaining page.
func (g *pager) items(it *model.GoType) *jen.Statement {
	path, cond := pagerPath(jen.Id("page"), g.p.Items)
	var loop jen.Code = jen.For(jen.List(jen.Id("_"), jen.Id("item")).Op(":=").Range().Add(path)).Block(
		jen.If(jen.Op("!").Id("yield").Call(jen.Id("item"), jen.Nil())).Block(jen.Return()))
	if cond != nil {
		loop = jen.If(cond).Block(loop)
	}
	doc := jen.Comment("Items returns an iterator over the items of the remaining pages, fetching").Line().
		Comment("pages as needed. An error is yielded with a zero item and ends the").Line().
		Comment("iteration; breaking out of the loop stops fetching.").Line()
	if g.p.Items[len(g.p.Items)-1].Type.Kind == model.KindMap {
		doc.Comment("").Line().Comment("The items are the values of each page's map, without their keys, in").Line().
			Comment("unspecified order within a page.").Line()
	}
	return doc.Add(g.receiver()).Id("Items").Params(optFnsParams()...).Add(seq2(typeCode(it))).Block(
		jen.Return(jen.Func().Params(jen.Id("yield").Func().Params(typeCode(it), jen.Error()).Bool()).Block(
			jen.For(jen.List(jen.Id("page"), jen.Err()).Op(":=").Range().Id("p").Dot("Pages").Call(jen.Id("ctx"), jen.Id("optFns").Op("..."))).Block(
				jen.If(jen.Err().Op("!=").Nil()).Block(
					jen.Var().Id("zero").Add(typeCode(it)),
					jen.Id("yield").Call(jen.Id("zero"), jen.Err()),
					jen.Return(),
				),
				loop,
			))))
}
