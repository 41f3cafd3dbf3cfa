package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/smithygen/smithygen/model"
)

// TypeCode spells a Go type of the API; jennifer qualifies it relative to
// the file it lands in.
func TypeCode(t *model.GoType) *jen.Statement {
	s := &jen.Statement{}
	if t.Ptr {
		s.Op("*")
	}
	switch t.Kind {
	case model.KindSlice:
		return s.Index().Add(TypeCode(t.Elem))
	case model.KindMap:
		return s.Map(jen.String()).Add(TypeCode(t.Elem))
	}
	if t.Pkg == "" {
		return s.Id(t.Ident)
	}
	return s.Qual(t.Pkg, t.Ident)
}
