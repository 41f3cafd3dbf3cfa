package templates

import (
	"encoding/base64"
	"encoding/json"
	"strconv"
	"time"

	"github.com/dave/jennifer/jen"
	"github.com/tidwall/gjson"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/runtime/restjson"
)

// Members with a default are always sent: their value when set, else the
// default. Decoders start from the defaults, so that members missing from
// a response read as their default.

// defaultTime is the time a timestamp default stands for: epoch seconds or
// an RFC 3339 date-time.
func defaultTime(d gjson.Result) (time.Time, bool) {
	if d.Type == gjson.Number {
		t, err := restjson.ParseEpoch(d.Raw)
		return t, err == nil
	}
	t, err := time.Parse(time.RFC3339Nano, d.Str)
	return t.UTC(), err == nil
}

// defaultJSON is the JSON text of a member's default in a body with the
// member's timestamp format; false when it has no usable default.
func defaultJSON(f *model.Field) (string, bool) {
	d := f.Default
	if d == nil {
		return "", false
	}
	switch kindOf(f.Type) {
	case kTime:
		t, ok := defaultTime(*d)
		if !ok {
			return "", false
		}
		e := new(restjson.Encoder)
		e.Time(t, timeFormatValue(f.TimestampFormat))
		return string(e.Bytes()), true
	case kString, kEnum, kBlob:
		b, err := json.Marshal(d.String())
		return string(b), err == nil && d.Type == gjson.String
	case kStruct, kUnion, kStream, kUnit:
		return "", false
	}
	return d.Raw, json.Valid([]byte(d.Raw))
}

// timeFormatValue is the runtime value of a timestampFormat trait value.
func timeFormatValue(format string) restjson.TimeFormat {
	switch format {
	case "date-time":
		return restjson.DateTime
	case "http-date":
		return restjson.HTTPDate
	}
	return restjson.EpochSeconds
}

// encodeField writes a body member: the value when set; for a member with
// a default, the default otherwise.
func (c *codecs) encodeField(f *model.Field, v jen.Code) []jen.Code {
	write := []jen.Code{encCall("FieldStart", jen.Lit(f.Wire)), c.encodeValue(f.Type, v, f.TimestampFormat)}
	def, ok := defaultJSON(f)
	if !ok {
		return ifSet(f.Type, v, write...)
	}
	cond := isSet(f.Type, v)
	if cond == nil {
		return write
	}
	return []jen.Code{
		encCall("FieldStart", jen.Lit(f.Wire)),
		jen.If(cond).Block(c.encodeValue(f.Type, v, f.TimestampFormat)).Else().Block(encCall("RawStr", jen.Lit(def))),
	}
}

// defaultInits set the members of v that have a default other than their
// Go zero value to that default, before a structure is decoded.
func defaultInits(n *model.Named) []jen.Code {
	var out []jen.Code
	for _, f := range bodyFields(n) {
		if f.Default == nil {
			continue
		}
		if val := defaultValue(f, *f.Default); val != nil {
			out = append(out, jen.Id("v").Dot(f.Name).Op("=").Add(val))
		}
	}
	return out
}

// defaultValue is the Go value of a default, nil when the field's zero
// value already is the default or the default cannot be expressed.
func defaultValue(f *model.Field, d gjson.Result) jen.Code {
	t := f.Type
	var v jen.Code
	switch kindOf(t) {
	case kString:
		v = jen.Lit(d.Str)
	case kBool:
		v = jen.Lit(d.Bool())
	case kInt, kFloat, kIntEnum:
		v = valueType(t).Call(jen.Op(d.Raw))
	case kEnum:
		v = valueType(t).Call(jen.Lit(d.Str))
	case kTime:
		tm, ok := defaultTime(d)
		if !ok {
			return nil
		}
		v = jen.Qual("time", "Unix").Call(jen.Lit(tm.Unix()), jen.Lit(int64(tm.Nanosecond()))).Dot("UTC").Call()
	case kBlob:
		b, err := base64.StdEncoding.DecodeString(d.Str)
		if err != nil {
			return nil
		}
		return jen.Index().Byte().Parens(jen.Lit(string(b)))
	case kList, kMap:
		return TypeCode(t).Values()
	case kDocument:
		return rj("DefaultDocument").Call(jen.Lit(d.Raw))
	default:
		return nil
	}
	if t.Ptr {
		return rj("Ptr").Call(v)
	}
	if kindOf(t) != kTime && zeroScalar(d) {
		return nil
	}
	return v
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
