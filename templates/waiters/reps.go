package waiters

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/smithygen/smithygen/model"
)

// waiterPkg is the runtime of generated waiters.
const waiterPkg = "github.com/smithygen/smithygen/runtime/waiter"

// kind is the JMESPath type of a value, with objects split by what Go
// holds them in.
type kind uint8

const (
	kNull kind = iota
	kString
	kNumber
	kBool
	kArray
	kObject // a structure
	kMap
	kUnion
	kRoot // the {input, output} object of inputOutput matchers
)

var kindNames = [...]string{kNull: "null", kString: "string", kNumber: "number", kBool: "boolean",
	kArray: "array", kObject: "structure", kMap: "map", kUnion: "union", kRoot: "object"}

func (k kind) String() string { return kindNames[k] }

func (k kind) scalar() bool { return k == kString || k == kNumber || k == kBool }

// rep is the static type of a value and the Go type that holds it.
//
// A value read from the API's types keeps its Go type g, whose zero value
// may stand for null: a nil pointer, slice, map or union, or an empty enum.
// A value the generated code computes has g nil and is held in its
// canonical Go type: string, float64, bool, or a slice of canonical
// elements; nullable computed scalars are held through pointers.
// Structures, maps and unions always come from the API.
type rep struct {
	kind     kind
	g        *model.GoType
	nullable bool
	elem     *rep         // kArray, kMap
	named    *model.Named // kObject, kUnion
}

// describe names a rep in errors: "array of string", "structure X".
func (r *rep) describe() string {
	switch r.kind {
	case kArray, kMap:
		return r.kind.String() + " of " + r.elem.describe()
	case kObject, kUnion:
		return r.kind.String() + " " + r.named.Shape.ID
	}
	return r.kind.String()
}

// repOf is the rep of a value of Go type g from the API.
func repOf(g *model.GoType) (*rep, error) {
	r := &rep{g: g}
	switch g.Kind {
	case model.KindNamed:
		if g.Pkg == "" {
			return nil, fmt.Errorf("unit values are not supported")
		}
		r.named = g.Named
		switch g.Named.Kind {
		case model.NamedStruct, model.NamedError:
			r.kind = kObject
		case model.NamedUnion:
			r.kind = kUnion
		case model.NamedEnum:
			r.kind = kString
		case model.NamedIntEnum:
			r.kind = kNumber
		}
		return r, nil
	case model.KindSlice:
		if isBlob(g) {
			r.kind = kString
			return r, nil
		}
		r.kind = kArray
	case model.KindMap:
		r.kind = kMap
	default:
		switch {
		case g.Pkg == "" && g.Ident == "string":
			r.kind = kString
		case g.Pkg == "" && g.Ident == "bool":
			r.kind = kBool
		case g.Pkg == "" || g.Pkg == "time" || g.Pkg == "math/big":
			r.kind = kNumber
		case g.Pkg == model.DocumentPkg:
			return nil, fmt.Errorf("document values are not supported")
		default:
			return nil, fmt.Errorf("%s.%s values are not supported", g.Pkg, g.Ident)
		}
		return r, nil
	}
	elem, err := repOf(g.Elem)
	if err != nil {
		return nil, err
	}
	r.elem = elem
	return r, nil
}

func isBlob(g *model.GoType) bool {
	return g.Kind == model.KindSlice && g.Elem.Kind == model.KindBasic && g.Elem.Pkg == "" && g.Elem.Ident == "byte"
}

// goType spells the Go type holding r.
func goType(r *rep) *jen.Statement {
	if r.g != nil {
		return typeCode(r.g)
	}
	s := &jen.Statement{}
	if r.nullable && r.kind.scalar() {
		s.Op("*")
	}
	switch r.kind {
	case kString:
		return s.String()
	case kNumber:
		return s.Float64()
	case kBool:
		return s.Bool()
	case kArray:
		return s.Index().Add(goType(r.elem))
	}
	panic("waiters: no canonical Go type for " + r.kind.String())
}

// sameType reports whether a and b are held in the same Go type.
func sameType(a, b *rep) bool {
	return fmt.Sprintf("%#v", goType(a)) == fmt.Sprintf("%#v", goType(b))
}

// nullTest is the Go condition that x, held as r, is null; nil when it
// never is.
func nullTest(r *rep, x jen.Code) jen.Code {
	null, _ := tests(r, x)
	return null
}

// tests are the Go conditions that x, held as r, is null and that it is
// not; nil when it is never null.
func tests(r *rep, x jen.Code) (null, ok jen.Code) {
	switch g := r.g; {
	case r.kind == kNull:
		return jen.True(), jen.False()
	case g == nil:
		if r.nullable {
			return jen.Add(x).Op("==").Nil(), jen.Add(x).Op("!=").Nil()
		}
		return nil, nil
	case g.Ptr || g.Kind == model.KindSlice || g.Kind == model.KindMap || r.kind == kUnion:
		return jen.Add(x).Op("==").Nil(), jen.Add(x).Op("!=").Nil()
	case g.Kind == model.KindNamed && g.Named.Kind == model.NamedEnum:
		return jen.Add(x).Op("==").Lit(""), jen.Add(x).Op("!=").Lit("")
	}
	return nil, nil
}

// canonical is the rep of r's values once known not to be null: computed
// scalars, and structures through pointers.
func canonical(r *rep) *rep {
	switch {
	case r.kind.scalar():
		return &rep{kind: r.kind}
	case r.kind == kObject && !r.g.Ptr:
		g := *r.g
		g.Ptr = true
		return &rep{kind: kObject, g: &g, named: r.named}
	case r.kind == kArray && r.g == nil:
		return &rep{kind: kArray, elem: r.elem}
	}
	return r
}

// nullableCanon is canonical(r) able to hold null too.
func nullableCanon(r *rep) *rep {
	c := canonical(r)
	if c.g == nil {
		d := *c
		d.nullable = true
		return &d
	}
	return c
}

// canonExpr is the canonical value of x, held as r and not null. x is a
// variable or selector, so addressable.
func canonExpr(r *rep, x jen.Code) jen.Code {
	g := r.g
	if g == nil {
		if r.nullable && r.kind.scalar() {
			return jen.Op("*").Add(x)
		}
		return x
	}
	deref := func() *jen.Statement {
		if g.Ptr {
			return jen.Op("*").Add(x)
		}
		return jen.Add(x)
	}
	switch r.kind {
	case kString:
		switch {
		case isBlob(g):
			return jen.Qual("encoding/base64", "StdEncoding").Dot("EncodeToString").Call(x)
		case g.Kind == model.KindNamed:
			return jen.String().Call(x)
		}
		return deref()
	case kNumber:
		switch {
		case g.Pkg == "time":
			return jen.Qual(waiterPkg, "Seconds").Call(deref())
		case g.Pkg == "math/big":
			return jen.Qual(waiterPkg, "Float").Call(x)
		case g.Kind == model.KindBasic && g.Ident == "float64":
			return deref()
		}
		return jen.Float64().Call(deref())
	case kBool:
		return deref()
	case kObject:
		if !g.Ptr {
			return jen.Op("&").Add(x)
		}
	}
	return x
}

// typeCode spells a Go type of the API; jennifer qualifies it relative to
// the file it lands in.
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

// structType is the Go type of a pointer to the struct n.
func structType(n *model.Named) *model.GoType {
	return &model.GoType{Kind: model.KindNamed, Pkg: n.Pkg, Ident: n.Name, Ptr: true, Named: n, Shape: n.Shape}
}
