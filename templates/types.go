package templates

import (
	"github.com/dave/jennifer/jen"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/templates/emit"
)

// typesFile emits the structures and unions of the types package; nil when
// the API has neither.
func typesFile(a *model.API) *jen.File {
	if !hasNamedKind(a.Types, model.NamedStruct, model.NamedUnion) {
		return nil
	}
	f := emit.NewFile(a, "types")
	var unions []*model.Named
	for _, n := range a.Types {
		switch n.Kind {
		case model.NamedStruct:
			f.Add(structDecl(n))
		case model.NamedUnion:
			unionDecls(f, n)
			unions = append(unions, n)
		}
	}
	if len(unions) > 0 {
		unknownMemberDecls(f, unions)
	}
	return f
}

// hasNamedKind reports whether any declaration is of one of the kinds.
func hasNamedKind(ns []*model.Named, kinds ...model.NamedKind) bool {
	for _, n := range ns {
		for _, k := range kinds {
			if n.Kind == k {
				return true
			}
		}
	}
	return false
}

// structDecl declares a structure with its members in Field order.
func structDecl(n *model.Named) *jen.Statement {
	return docBlock(n.Doc, n.Name+" is a structure of the service model.", n.Shape.Traits.Deprecated).
		Type().Id(n.Name).Struct(structFields(n.Fields)...)
}

// unionDecls declares a union: a sealed interface and one wrapper struct
// per member.
func unionDecls(f *jen.File, n *model.Named) {
	f.Add(unionInterfaceDecl(n))
	for _, m := range n.Fields {
		f.Add(unionMemberDecl(n, m))
		f.Add(sealMethod(m.Name, n))
	}
}

func unionInterfaceDecl(n *model.Named) *jen.Statement {
	note := "The following types satisfy this interface:\n"
	for _, m := range n.Fields {
		note += "\n\t" + m.Name
	}
	return docBlock(n.Doc, n.Name+" is a union: its value is one of the types below.", n.Shape.Traits.Deprecated, note).
		Type().Id(n.Name).Interface(jen.Id(sealName(n)).Params())
}

// unionMemberDecl declares the wrapper of one union member; Value holds the
// member's value.
func unionMemberDecl(n *model.Named, m *model.Field) *jen.Statement {
	fallback := m.Name + " is the " + m.Member.Name + " member of " + n.Name + "."
	return docBlock(m.Doc, fallback, m.Deprecated).
		Type().Id(m.Name).Struct(jen.Id("Value").Add(unionValueCode(m.Type)))
}

// unionValueCode spells a member's value type; a Unit member holds no value.
func unionValueCode(t *model.GoType) *jen.Statement {
	if t.Shape != nil && t.Shape.IsUnit() {
		return jen.Struct()
	}
	return emit.TypeCode(t)
}

// sealMethod implements a union's marker method on a wrapper type.
func sealMethod(typeName string, n *model.Named) *jen.Statement {
	return jen.Func().Params(jen.Op("*").Id(typeName)).Id(sealName(n)).Params().Block()
}

func sealName(n *model.Named) string { return "is" + n.Name }

// unknownMemberDecls declares the type that holds a union member this
// client does not know, implementing every union of the package.
func unknownMemberDecls(f *jen.File, unions []*model.Named) {
	name := unions[0].UnknownMember
	doc := name + " holds a union member whose tag this client does not know:\nTag is the member's name and Value its encoded value as received."
	f.Add(docBlock("", doc, nil).Type().Id(name).Struct(
		jen.Id("Tag").String(),
		jen.Id("Value").Index().Byte(),
	))
	for _, u := range unions {
		f.Add(sealMethod(name, u))
	}
}
