package templates

import (
	"github.com/dave/jennifer/jen"

	"github.com/smithygen/smithygen/model"
)

// textual reports whether values of t can be written as text in a URI
// label, query parameter or header.
func textual(t *model.GoType) bool {
	switch kindOf(t) {
	case kString, kEnum, kIntEnum, kBool, kInt, kFloat, kTime, kBlob, kBigInt, kBigFloat:
		return true
	}
	return false
}

// textOf formats v, a value of scalar type t (big numbers by pointer), as
// text. format is the timestamp format.
func textOf(t *model.GoType, v jen.Code, format string) jen.Code {
	switch kindOf(t) {
	case kEnum:
		return jen.String().Call(v)
	case kInt, kIntEnum:
		return rj("FormatInt").Call(v)
	case kBool:
		return jen.Qual("strconv", "FormatBool").Call(v)
	case kFloat:
		return rj("FormatFloat").Call(jen.Float64().Call(v), jen.Lit(floatBits(t)))
	case kTime:
		return rj("FormatTime").Call(v, timeFormat(format))
	case kBlob:
		return jen.Qual("encoding/base64", "StdEncoding").Dot("EncodeToString").Call(v)
	case kBigInt:
		return jen.Add(v).Dot("String").Call()
	case kBigFloat:
		return rj("FormatBigFloat").Call(v)
	}
	return v
}

// fieldText formats a textual field's value held in v (a pointer for
// pointer fields).
func fieldText(f *model.Field, v jen.Code) jen.Code {
	return textOf(f.Type, deref(f.Type, v), f.TimestampFormat)
}

// parseText parses text s into a value of scalar type t; fallible says
// whether the expression also returns an error.
func parseText(t *model.GoType, s jen.Code, format string) (expr jen.Code, fallible bool) {
	vt := valueType(t)
	switch kindOf(t) {
	case kString:
		return s, false
	case kEnum:
		return vt.Call(s), false
	case kInt, kIntEnum:
		return rj("ParseInt").Types(vt).Call(s), true
	case kFloat:
		return rj("ParseFloat").Types(vt).Call(s), true
	case kBool:
		return rj("ParseBool").Call(s), true
	case kTime:
		return rj("ParseTime").Call(s, timeFormat(format)), true
	case kBlob:
		return jen.Qual("encoding/base64", "StdEncoding").Dot("DecodeString").Call(s), true
	case kBigInt:
		return rj("ParseBigInt").Call(s), true
	case kBigFloat:
		return rj("ParseBigFloat").Call(s), true
	}
	return s, false
}

// assignParsed sets lv from text s parsed as t; fail is the statement
// returning a parse error held in err.
func assignParsed(t *model.GoType, lv, s jen.Code, format string, fail jen.Code) []jen.Code {
	expr, fallible := parseText(t, s, format)
	return assignExpr(t, lv, expr, fallible, fail)
}

// assignExpr sets lv, of type t, from expr, a value of t without pointer
// (and an error when fallible).
func assignExpr(t *model.GoType, lv, expr jen.Code, fallible bool, fail jen.Code) []jen.Code {
	byPtr := t.Ptr && t.Pkg != "math/big"
	if !fallible {
		if byPtr {
			expr = rj("Ptr").Call(expr)
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
