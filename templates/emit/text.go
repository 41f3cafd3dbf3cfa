package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/smithygen/smithygen/model"
)

// Textual reports whether values of t can be written as text in a URI
// label, query parameter or header.
func Textual(t *model.GoType) bool {
	switch KindOf(t) {
	case KString, KEnum, KIntEnum, KBool, KInt, KFloat, KTime, KBlob, KBigInt, KBigFloat:
		return true
	}
	return false
}

// TextOf formats v, a value of scalar type t (big numbers by pointer), as
// text. format is the timestamp format.
func TextOf(t *model.GoType, v jen.Code, format string) jen.Code {
	switch KindOf(t) {
	case KEnum:
		return jen.String().Call(v)
	case KInt, KIntEnum:
		return Wire("FormatInt").Call(v)
	case KBool:
		return jen.Qual("strconv", "FormatBool").Call(v)
	case KFloat:
		return Wire("FormatFloat").Call(jen.Float64().Call(v), jen.Lit(FloatBits(t)))
	case KTime:
		return Wire("FormatTime").Call(v, TimeFormat(format))
	case KBlob:
		return jen.Qual("encoding/base64", "StdEncoding").Dot("EncodeToString").Call(v)
	case KBigInt:
		return jen.Add(v).Dot("String").Call()
	case KBigFloat:
		return Wire("FormatBigFloat").Call(v)
	}
	return v
}

// FieldText formats a Textual field's value held in v (a pointer for
// pointer fields).
func FieldText(f *model.Field, v jen.Code) jen.Code {
	return TextOf(f.Type, Deref(f.Type, v), f.TimestampFormat)
}

// ParseText parses text s into a value of scalar type t; fallible says
// whether the expression also returns an error.
func ParseText(t *model.GoType, s jen.Code, format string) (expr jen.Code, fallible bool) {
	vt := ValueType(t)
	switch KindOf(t) {
	case KString:
		return s, false
	case KEnum:
		return vt.Call(s), false
	case KInt, KIntEnum:
		return Wire("ParseInt").Types(vt).Call(s), true
	case KFloat:
		return Wire("ParseFloat").Types(vt).Call(s), true
	case KBool:
		return Wire("ParseBool").Call(s), true
	case KTime:
		return Wire("ParseTime").Call(s, TimeFormat(format)), true
	case KBlob:
		return jen.Qual("encoding/base64", "StdEncoding").Dot("DecodeString").Call(s), true
	case KBigInt:
		return Wire("ParseBigInt").Call(s), true
	case KBigFloat:
		return Wire("ParseBigFloat").Call(s), true
	}
	return s, false
}

// AssignParsed sets lv from text s parsed as t; fail is the statement
// returning a parse error held in err.
func AssignParsed(t *model.GoType, lv, s jen.Code, format string, fail jen.Code) []jen.Code {
	expr, fallible := ParseText(t, s, format)
	return AssignExpr(t, lv, expr, fallible, fail)
}

// AssignExpr sets lv, of type t, from expr, a value of t without pointer
// (and an error when fallible).
func AssignExpr(t *model.GoType, lv, expr jen.Code, fallible bool, fail jen.Code) []jen.Code {
	byPtr := t.Ptr && t.Pkg != "math/big"
	if !fallible {
		if byPtr {
			expr = Wire("Ptr").Call(expr)
		}
		return []jen.Code{jen.Add(lv).Op("=").Add(expr)}
	}
	v := jen.Id("pv")
	if byPtr {
		v = jen.Op("&").Id("pv")
	}
	return []jen.Code{
		jen.List(jen.Id("pv"), jen.Err()).Op(":=").Add(expr),
		jen.If(jen.Err().Op("!=").Nil()).Block(fail),
		jen.Add(lv).Op("=").Add(v),
	}
}
