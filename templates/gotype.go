package templates

import (
	"github.com/dave/jennifer/jen"

	"github.com/smithygen/smithygen/model"
)

// typeCode spells a Go type; jennifer qualifies it relative to the file it
// lands in.
func typeCode(t *model.GoType) *jen.Statement {
	s := &jen.Statement{}
	if t.Ptr {
		s.Op("*")
	}
	switch t.Kind {
	case model.KindSlice:
		return s.Index().Add(typeCode(t.Elem))
	case model.KindMap:
		return s.Map(jen.String()).Add(typeCode(t.Elem))
	}
	if t.Pkg == "" {
		return s.Id(t.Ident)
	}
	return s.Qual(t.Pkg, t.Ident)
}
