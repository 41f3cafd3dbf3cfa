package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/smithygen/smithygen/model"
)

// Import paths of the runtime packages generated code uses.
const (
	TransportPkg = "github.com/smithygen/smithygen/runtime/transport"
	WirePkg      = "github.com/smithygen/smithygen/runtime/wire"
)

// Kind is how protocols read and write a Go type of the API.
type Kind uint8

// Kinds of Go types.
const (
	KString Kind = iota
	KEnum
	KIntEnum
	KBool
	KInt
	KFloat
	KTime
	KBlob
	KStream
	KDocument
	KBigInt
	KBigFloat
	KStruct
	KUnion
	KList
	KMap
	KUnit
)

// KindOf is the kind of t.
func KindOf(t *model.GoType) Kind {
	switch t.Kind {
	case model.KindNamed:
		return namedKind(t)
	case model.KindSlice:
		if t.Shape != nil && t.Shape.Type == model.Blob {
			return KBlob
		}
		return KList
	case model.KindMap:
		return KMap
	}
	switch t.Pkg {
	case "time":
		return KTime
	case "io":
		return KStream
	case model.DocumentPkg:
		return KDocument
	case "math/big":
		if t.Ident == "Int" {
			return KBigInt
		}
		return KBigFloat
	}
	switch t.Ident {
	case "bool":
		return KBool
	case "int8", "int16", "int32", "int64":
		return KInt
	case "float32", "float64":
		return KFloat
	}
	return KString
}

func namedKind(t *model.GoType) Kind {
	if t.Shape != nil && t.Shape.IsUnit() {
		return KUnit
	}
	switch t.Named.Kind {
	case model.NamedEnum:
		return KEnum
	case model.NamedIntEnum:
		return KIntEnum
	case model.NamedUnion:
		return KUnion
	}
	return KStruct
}

// ElemKind is the Kind of a collection's elements; KStruct for other types.
func ElemKind(t *model.GoType) Kind {
	if t.Elem == nil || t.Kind != model.KindSlice && t.Kind != model.KindMap || KindOf(t) == KBlob {
		return KStruct
	}
	return KindOf(t.Elem)
}

// Nilable reports whether the zero value of t is nil.
func Nilable(t *model.GoType) bool {
	if t.Ptr {
		return true
	}
	switch KindOf(t) {
	case KBlob, KStream, KDocument, KUnion, KList, KMap:
		return true
	}
	return false
}

// IsSet is the condition under which a field holding v is sent; nil when
// it always is. Fields held by value are sent unless they are the zero value.
func IsSet(t *model.GoType, v jen.Code) jen.Code {
	if Nilable(t) {
		return jen.Add(v).Op("!=").Nil()
	}
	switch KindOf(t) {
	case KString, KEnum:
		return jen.Len(v).Op(">").Lit(0)
	case KBool:
		return jen.Add(v)
	case KInt, KIntEnum, KFloat:
		return jen.Add(v).Op("!=").Lit(0)
	case KTime:
		return jen.Op("!").Add(v).Dot("IsZero").Call()
	}
	return nil
}

// IfSet guards stmts with IsSet.
func IfSet(t *model.GoType, v jen.Code, stmts ...jen.Code) []jen.Code {
	cond := IsSet(t, v)
	if cond == nil {
		return stmts
	}
	return []jen.Code{jen.If(cond).Block(stmts...)}
}

// Deref is the value of v: *v for pointers, except big numbers, which the
// runtime takes by pointer.
func Deref(t *model.GoType, v jen.Code) *jen.Statement {
	if t.Ptr && t.Pkg != "math/big" {
		return jen.Op("*").Add(v)
	}
	return jen.Add(v)
}

// ZeroOf is the zero value of t.
func ZeroOf(t *model.GoType) jen.Code {
	if Nilable(t) {
		return jen.Nil()
	}
	switch KindOf(t) {
	case KString, KEnum:
		return jen.Lit("")
	case KBool:
		return jen.False()
	case KInt, KIntEnum, KFloat:
		return jen.Lit(0)
	}
	return TypeCode(t).Values()
}

// ValueType is t without its pointer: the type of the value a pointer
// field points to.
func ValueType(t *model.GoType) *jen.Statement {
	v := *t
	v.Ptr = false
	return TypeCode(&v)
}

// TimeFormat names the runtime constant of a timestampFormat value.
func TimeFormat(format string) jen.Code {
	switch format {
	case "date-time":
		return Wire("DateTime")
	case "http-date":
		return Wire("HTTPDate")
	}
	return Wire("EpochSeconds")
}

// FloatBits is the size of a float type.
func FloatBits(t *model.GoType) int {
	if t.Ident == "float32" {
		return 32
	}
	return 64
}

// MediaTyped reports whether a string member's target has the mediaType
// trait; such strings are base64-encoded in headers.
func MediaTyped(f *model.Field) bool {
	return f.Member.Target.Traits.MediaType != "" && KindOf(f.Type) == KString
}

// ElemFormat is the timestamp format of a collection's elements in a body:
// the element member's trait, its target's, else bodyDefault.
func ElemFormat(t *model.GoType, bodyDefault string) string {
	if t.Shape == nil {
		return ""
	}
	name := "member"
	if t.Kind == model.KindMap {
		name = "value"
	}
	el := t.Shape.Member(name)
	if el == nil {
		return ""
	}
	for _, f := range []string{el.Traits.TimestampFormat, el.Target.Traits.TimestampFormat} {
		if f != "" {
			return f
		}
	}
	return bodyDefault
}

// Wire is a qualified identifier of the runtime/wire package.
func Wire(name string) *jen.Statement { return jen.Qual(WirePkg, name) }

// ErrCheck is "if err != nil { return ret }".
func ErrCheck(ret jen.Code) jen.Code {
	return jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(ret))
}

// ErrCheckCall is "if err := call; err != nil { return err }".
func ErrCheckCall(call jen.Code) jen.Code {
	return jen.If(jen.Err().Op(":=").Add(call), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err()))
}
