package emit

import (
	"encoding/base64"
	"strconv"
	"time"

	"github.com/dave/jennifer/jen"
	"github.com/tidwall/gjson"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/runtime/wire"
)

// DefaultTime is the time a timestamp default stands for: epoch seconds or
// an RFC 3339 date-time.
func DefaultTime(d gjson.Result) (time.Time, bool) {
	if d.Type == gjson.Number {
		t, err := wire.ParseEpoch(d.Raw)
		return t, err == nil
	}
	t, err := time.Parse(time.RFC3339Nano, d.Str)
	return t.UTC(), err == nil
}

// DefaultValue is the Go value of field f's default, of f's type: nil when
// f has none, when the default is f's Go zero value, or when it cannot be
// written as a Go expression (documents, structures).
func DefaultValue(f *model.Field) jen.Code {
	if f.Default == nil {
		return nil
	}
	d, t := *f.Default, f.Type
	var v jen.Code
	switch KindOf(t) {
	case KString:
		v = jen.Lit(d.Str)
	case KBool:
		v = jen.Lit(d.Bool())
	case KInt, KFloat, KIntEnum:
		v = ValueType(t).Call(jen.Op(d.Raw))
	case KEnum:
		v = ValueType(t).Call(jen.Lit(d.Str))
	case KTime:
		tm, ok := DefaultTime(d)
		if !ok {
			return nil
		}
		v = jen.Qual("time", "Unix").Call(jen.Lit(tm.Unix()), jen.Lit(int64(tm.Nanosecond()))).Dot("UTC").Call()
	case KBlob:
		b, err := base64.StdEncoding.DecodeString(d.Str)
		if err != nil {
			return nil
		}
		return jen.Index().Byte().Parens(jen.Lit(string(b)))
	case KList, KMap:
		return TypeCode(t).Values()
	default:
		return nil
	}
	if t.Ptr {
		return Wire("Ptr").Call(v)
	}
	if KindOf(t) != KTime && zeroScalar(d) {
		return nil
	}
	return v
}

// DefaultInits set the fields of target that have a default other than
// their Go zero value to that default: decoders run them before reading a
// structure, so that members missing from a response read as their default.
func DefaultInits(fields []*model.Field, target string) []jen.Code {
	var out []jen.Code
	for _, f := range fields {
		if v := DefaultValue(f); v != nil {
			out = append(out, jen.Id(target).Dot(f.Name).Op("=").Add(v))
		}
	}
	return out
}

// zeroScalar reports whether a scalar default is a Go zero value.
func zeroScalar(d gjson.Result) bool {
	switch d.Type {
	case gjson.String:
		return d.Str == ""
	case gjson.False:
		return true
	case gjson.Number:
		n, err := strconv.ParseFloat(d.Raw, 64)
		return err == nil && n == 0
	}
	return false
}
