package jsonbody

import (
	"encoding/base64"
	stdjson "encoding/json"
	"strconv"
	"time"

	"github.com/dave/jennifer/jen"
	"github.com/tidwall/gjson"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/runtime/json"
	"github.com/smithygen/smithygen/runtime/wire"
	"github.com/smithygen/smithygen/templates/emit"
)

// Members with a default are always sent: their value when set, else the
// default. Decoders start from the defaults, so that members missing from
// a response read as their default.

// defaultTime is the time a timestamp default stands for: epoch seconds or
// an RFC 3339 date-time.
func defaultTime(d gjson.Result) (time.Time, bool) {
	if d.Type == gjson.Number {
		t, err := wire.ParseEpoch(d.Raw)
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
	switch emit.KindOf(f.Type) {
	case emit.KTime:
		t, ok := defaultTime(*d)
		if !ok {
			return "", false
		}
		e := new(json.Encoder)
		e.Time(t, timeFormatValue(f.TimestampFormat))
		return string(e.Bytes()), true
	case emit.KString, emit.KEnum, emit.KBlob:
		b, err := stdjson.Marshal(d.String())
		return string(b), err == nil && d.Type == gjson.String
	case emit.KStruct, emit.KUnion, emit.KStream, emit.KUnit:
		return "", false
	}
	return d.Raw, stdjson.Valid([]byte(d.Raw))
}

// timeFormatValue is the runtime value of a timestampFormat trait value.
func timeFormatValue(format string) wire.TimeFormat {
	switch format {
	case "date-time":
		return wire.DateTime
	case "http-date":
		return wire.HTTPDate
	}
	return wire.EpochSeconds
}

// encodeField writes a body member: the value when set; for a member with
// a default, the default otherwise.
func (c *Codecs) encodeField(f *model.Field, v jen.Code) []jen.Code {
	write := []jen.Code{EncCall("FieldStart", jen.Lit(f.Wire)), c.EncodeValue(f.Type, v, f.TimestampFormat)}
	def, ok := defaultJSON(f)
	if !ok {
		return emit.IfSet(f.Type, v, write...)
	}
	cond := emit.IsSet(f.Type, v)
	if cond == nil {
		return write
	}
	return []jen.Code{
		EncCall("FieldStart", jen.Lit(f.Wire)),
		jen.If(cond).Block(c.EncodeValue(f.Type, v, f.TimestampFormat)).Else().Block(EncCall("RawStr", jen.Lit(def))),
	}
}

// defaultInits set the members of v that have a default other than their
// Go zero value to that default, before a structure is decoded.
func defaultInits(n *model.Named) []jen.Code {
	var out []jen.Code
	for _, f := range emit.BodyFields(n) {
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
	switch emit.KindOf(t) {
	case emit.KString:
		v = jen.Lit(d.Str)
	case emit.KBool:
		v = jen.Lit(d.Bool())
	case emit.KInt, emit.KFloat, emit.KIntEnum:
		v = emit.ValueType(t).Call(jen.Op(d.Raw))
	case emit.KEnum:
		v = emit.ValueType(t).Call(jen.Lit(d.Str))
	case emit.KTime:
		tm, ok := defaultTime(d)
		if !ok {
			return nil
		}
		v = jen.Qual("time", "Unix").Call(jen.Lit(tm.Unix()), jen.Lit(int64(tm.Nanosecond()))).Dot("UTC").Call()
	case emit.KBlob:
		b, err := base64.StdEncoding.DecodeString(d.Str)
		if err != nil {
			return nil
		}
		return jen.Index().Byte().Parens(jen.Lit(string(b)))
	case emit.KList, emit.KMap:
		return emit.TypeCode(t).Values()
	case emit.KDocument:
		return J("DefaultDocument").Call(jen.Lit(d.Raw))
	default:
		return nil
	}
	if t.Ptr {
		return emit.Wire("Ptr").Call(v)
	}
	if emit.KindOf(t) != emit.KTime && zeroScalar(d) {
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
