package templates

import (
	"github.com/dave/jennifer/jen"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/templates/emit"
)

// enumsFile emits the enum and intEnum types of the types package; nil when
// the API has none.
func enumsFile(a *model.API) *jen.File {
	if !hasNamedKind(a.Types, model.NamedEnum, model.NamedIntEnum) {
		return nil
	}
	f := emit.NewFile(a, "types")
	for _, n := range a.Types {
		if n.Kind == model.NamedEnum || n.Kind == model.NamedIntEnum {
			f.Add(enumType(n))
			f.Add(enumConsts(n))
			f.Add(enumValuesMethod(n))
		}
	}
	return f
}

// enumType declares a string enum as a string type and an intEnum as an
// int32 type.
func enumType(n *model.Named) *jen.Statement {
	kind := "string"
	if n.Kind == model.NamedIntEnum {
		kind = "int32"
	}
	fallback := n.Name + " is an enumeration of " + kind + " values."
	return docBlock(n.Doc, fallback, n.Shape.Traits.Deprecated).Type().Id(n.Name).Id(kind)
}

// enumConsts declares one constant per value, in model order.
func enumConsts(n *model.Named) *jen.Statement {
	var cs []jen.Code
	for _, v := range n.Values {
		cs = append(cs, docBlock(v.Doc, "", nil).Id(v.Name).Id(n.Name).Op("=").Add(enumValueLit(n, v)))
	}
	return jen.Comment("Enum values for " + n.Name).Line().Const().Defs(cs...)
}

// enumValueLit is the literal of one value.
func enumValueLit(n *model.Named, v *model.EnumValue) *jen.Statement {
	if n.Kind == model.NamedIntEnum {
		return jen.Lit(int(v.Int))
	}
	return jen.Lit(v.Value)
}

// enumValuesMethod declares Values, which lists every known value.
func enumValuesMethod(n *model.Named) *jen.Statement {
	var lits []jen.Code
	for _, v := range n.Values {
		lits = append(lits, enumValueLit(n, v))
	}
	doc := "Values returns all known values for " + n.Name + ". The service may add values\n" +
		"later, so a value outside this list can still be received.\n\n" +
		"The order of the slice is not guaranteed to stay the same across versions."
	return docBlock("", doc, nil).Func().Params(jen.Id(n.Name)).Id("Values").Params().Index().Id(n.Name).Block(
		jen.Return(jen.Index().Id(n.Name).ValuesFunc(func(g *jen.Group) {
			for _, l := range lits {
				g.Line().Add(l)
			}
			g.Line()
		})),
	)
}
