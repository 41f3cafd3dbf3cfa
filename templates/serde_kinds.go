package templates

import (
	"github.com/dave/jennifer/jen"

	"github.com/smithygen/smithygen/model"
)

// Import paths of the runtime packages serializers and deserializers use.
const (
	restjsonPkg  = "github.com/smithygen/smithygen/runtime/restjson"
	transportPkg = "github.com/smithygen/smithygen/runtime/transport"
)

// kind is how the restJson1 protocol reads and writes a Go type.
type kind uint8

const (
	kString kind = iota
	kEnum
	kIntEnum
	kBool
	kInt
	kFloat
	kTime
	kBlob
	kStream
	kDocument
	kBigInt
	kBigFloat
	kStruct
	kUnion
	kList
	kMap
	kUnit
)

func kindOf(t *model.GoType) kind {
	switch t.Kind {
	case model.KindNamed:
		return namedKind(t)
	case model.KindSlice:
		if t.Shape != nil && t.Shape.Type == model.Blob {
			return kBlob
		}
		return kList
	case model.KindMap:
		return kMap
	}
	switch t.Pkg {
	case "time":
		return kTime
	case "io":
		return kStream
	case model.DocumentPkg:
		return kDocument
	case "math/big":
		if t.Ident == "Int" {
			return kBigInt
		}
		return kBigFloat
	}
	switch t.Ident {
	case "bool":
		return kBool
	case "int8", "int16", "int32", "int64":
		return kInt
	case "float32", "float64":
		return kFloat
	}
	return kString
}

func namedKind(t *model.GoType) kind {
	if t.Shape != nil && t.Shape.IsUnit() {
		return kUnit
	}
	switch t.Named.Kind {
	case model.NamedEnum:
		return kEnum
	case model.NamedIntEnum:
		return kIntEnum
	case model.NamedUnion:
		return kUnion
	}
	return kStruct
}

// elemKind is the kind of a collection's elements; kStruct for other types.
func elemKind(t *model.GoType) kind {
	if t.Elem == nil || t.Kind != model.KindSlice && t.Kind != model.KindMap || kindOf(t) == kBlob {
		return kStruct
	}
	return kindOf(t.Elem)
}

// nilable reports whether the zero value of t is nil.
func nilable(t *model.GoType) bool {
	if t.Ptr {
		return true
	}
	switch kindOf(t) {
	case kBlob, kStream, kDocument, kUnion, kList, kMap:
		return true
	}
	return false
}

// isSet is the condition under which a field holding v is sent; nil when
// it always is. Fields held by value are sent unless they are the zero value.
func isSet(t *model.GoType, v jen.Code) jen.Code {
	if nilable(t) {
		return jen.Add(v).Op("!=").Nil()
	}
	switch kindOf(t) {
	case kString, kEnum:
		return jen.Len(v).Op(">").Lit(0)
	case kBool:
		return jen.Add(v)
	case kInt, kIntEnum, kFloat:
		return jen.Add(v).Op("!=").Lit(0)
	case kTime:
		return jen.Op("!").Add(v).Dot("IsZero").Call()
	}
	return nil
}

// ifSet guards stmts with isSet.
func ifSet(t *model.GoType, v jen.Code, stmts ...jen.Code) []jen.Code {
	cond := isSet(t, v)
	if cond == nil {
		return stmts
	}
	return []jen.Code{jen.If(cond).Block(stmts...)}
}

// deref is the value of v: *v for pointers, except big numbers, which the
// runtime takes by pointer.
func deref(t *model.GoType, v jen.Code) *jen.Statement {
	if t.Ptr && t.Pkg != "math/big" {
		return jen.Op("*").Add(v)
	}
	return jen.Add(v)
}

// zeroOf is the zero value of t.
func zeroOf(t *model.GoType) jen.Code {
	if nilable(t) {
		return jen.Nil()
	}
	switch kindOf(t) {
	case kString, kEnum:
		return jen.Lit("")
	case kBool:
		return jen.False()
	case kInt, kIntEnum, kFloat:
		return jen.Lit(0)
	}
	return TypeCode(t).Values()
}

// valueType is t without its pointer: the type of the value a pointer
// field points to.
func valueType(t *model.GoType) *jen.Statement {
	v := *t
	v.Ptr = false
	return TypeCode(&v)
}

// timeFormat names the runtime constant of a timestampFormat value.
func timeFormat(format string) jen.Code {
	switch format {
	case "date-time":
		return jen.Qual(restjsonPkg, "DateTime")
	case "http-date":
		return jen.Qual(restjsonPkg, "HTTPDate")
	}
	return jen.Qual(restjsonPkg, "EpochSeconds")
}

// floatBits is the size of a float type.
func floatBits(t *model.GoType) int {
	if t.Ident == "float32" {
		return 32
	}
	return 64
}

// mediaTyped reports whether a string member's target has the mediaType
// trait; such strings are base64-encoded in headers.
func mediaTyped(f *model.Field) bool {
	return f.Member.Target.Traits.MediaType != "" && kindOf(f.Type) == kString
}

// elemFormat is the timestamp format of a collection's elements in a JSON
// body: the element member's trait, its target's, else epoch-seconds.
func elemFormat(t *model.GoType) string {
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
	return "epoch-seconds"
}

// rj is a qualified identifier of the restjson runtime package.
func rj(name string) *jen.Statement { return jen.Qual(restjsonPkg, name) }

// errCheck is "if err != nil { return ret }".
func errCheck(ret jen.Code) jen.Code {
	return jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(ret))
}
