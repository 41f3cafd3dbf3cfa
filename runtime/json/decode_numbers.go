package json

import (
	"errors"
	"math"
	"strconv"
	"unsafe"

	"github.com/smithygen/smithygen/runtime/wire"
)

var (
	errRange      = errors.New("integer out of range")
	errFloatRange = errors.New("number out of range")
)

// int64Of parses the text of an integer number.
func int64Of(n []byte, integer bool) (int64, error) {
	if !integer {
		return 0, errors.New("integer expected, got " + string(n[:min(len(n), 40)]))
	}
	neg := n[0] == '-'
	digits := n
	if neg {
		digits = n[1:]
	}
	if len(digits) > 19 {
		return 0, errRange
	}
	var v uint64
	for _, c := range digits {
		v = v*10 + uint64(c-'0')
	}
	switch { // 19 digits fit a uint64
	case neg && v <= 1<<63:
		return -int64(v), nil
	case !neg && v < 1<<63:
		return int64(v), nil
	}
	return 0, errRange
}

// Int reads an integer that must fit T; null reads as 0.
func Int[T ~int8 | ~int16 | ~int32 | ~int64](d *Decoder) (T, error) {
	if d.Null() {
		return 0, nil
	}
	n, integer, err := d.numText()
	if err != nil {
		return 0, err
	}
	v, err := int64Of(n, integer)
	if err != nil {
		return 0, err
	}
	if int64(T(v)) != v {
		return 0, errRange
	}
	return T(v), nil
}

// IntPtr reads an integer that must fit T; null reads as nil.
func IntPtr[T ~int8 | ~int16 | ~int32 | ~int64](d *Decoder) (*T, error) {
	if d.Null() {
		return nil, nil
	}
	v, err := Int[T](d)
	if err != nil {
		return nil, err
	}
	switch x := any(v).(type) {
	case int32:
		return any(d.sc.I32.Ptr(x)).(*T), nil
	case int64:
		return any(d.sc.I64.Ptr(x)).(*T), nil
	}
	return &v, nil
}

// Float reads a number, or NaN, Infinity or -Infinity as a string; null
// reads as 0.
func Float[T ~float32 | ~float64](d *Decoder) (T, error) {
	switch d.s.ws() {
	case 'n':
		return 0, d.s.lit("null")
	case '"':
		s, err := d.Str()
		if err != nil {
			return 0, err
		}
		v, err := wire.ParseFloat[T](s)
		if err != nil || !math.IsNaN(float64(v)) && !math.IsInf(float64(v), 0) {
			return 0, errors.New("number expected, got string " + s)
		}
		return v, nil
	}
	n, _, err := d.numText()
	if err != nil {
		return 0, err
	}
	var zero T
	v, err := strconv.ParseFloat(unsafe.String(unsafe.SliceData(n), len(n)), int(8*unsafe.Sizeof(zero)))
	if err != nil {
		return 0, errFloatRange
	}
	return T(v), nil
}

// FloatPtr reads a number like Float; null reads as nil.
func FloatPtr[T ~float32 | ~float64](d *Decoder) (*T, error) {
	if d.Null() {
		return nil, nil
	}
	v, err := Float[T](d)
	if err != nil {
		return nil, err
	}
	if x, ok := any(v).(float64); ok {
		return any(d.sc.F64.Ptr(x)).(*T), nil
	}
	return &v, nil
}
