package templates

import (
	"github.com/dave/jennifer/jen"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/templates/emit"
)

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

// items is the function returning the items of a page, which the
// paginator's Items iterator ranges over: the items member of the output,
// or paginate.MapItems of it for a map. It is nil when the operation has no
// items.
func (g *pager) items() *jen.Statement {
	if g.itemsType() == nil {
		return nil
	}
	items := g.p.Items[len(g.p.Items)-1].Type
	get := jen.Func().Params(jen.Id("out").Op("*").Id(g.op.Output.Name)).Add(emit.TypeCode(items)).
		Add(pathBody(g.p.Items, false, jen.Nil()))
	if items.Kind == model.KindMap {
		get = jen.Qual(paginatePkg, "MapItems").Call(get)
	}
	return get
}
