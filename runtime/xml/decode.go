package xml

import (
	"bytes"
	"encoding/base64"
	"errors"
	"math/big"
	"strconv"
	"time"
	"unsafe"
)

// Str reads the text of the element last started.
func (d *Decoder) Str() (string, error) {
	b, shared, err := d.text()
	if err != nil {
		return "", err
	}
	if shared {
		return d.share(b), nil
	}
	return d.keep(b), nil
}

// keep copies b, text the decoder unescaped, into a chunk shared by the
// strings of one decode.
func (d *Decoder) keep(b []byte) string {
	const chunk = 4096
	if len(b) == 0 || len(b) > chunk/4 {
		return string(b)
	}
	if cap(d.kept)-len(d.kept) < len(b) {
		d.kept = make([]byte, 0, chunk)
	}
	n := len(d.kept)
	d.kept = append(d.kept, b...)
	return unsafe.String(&d.kept[n], len(b))
}

// StrPtr reads the text of the element last started; an empty element
// reads as a pointer to "".
func (d *Decoder) StrPtr() (*string, error) {
	s, err := d.Str()
	if err != nil {
		return nil, err
	}
	return d.sc.Strs.Ptr(s), nil
}

// Enum reads a string enum value, keeping values this client does not know.
func Enum[T ~string](d *Decoder) (T, error) {
	s, err := d.Str()
	return T(s), err
}

// scalar reads the text of a number, boolean or timestamp without the white
// space around it, and the offset of the text. The bytes are valid until the
// next read.
func (d *Decoder) scalar() ([]byte, int, error) {
	off := d.pos
	b, _, err := d.text()
	return bytes.TrimSpace(b), off, err
}

// valueError records that the text at off is not a value of the type read.
func (d *Decoder) valueError(off int, what string, cause error) error {
	var num *strconv.NumError
	if errors.As(cause, &num) {
		cause = num.Err
	}
	if d.err == nil {
		d.err = &Error{Offset: off, Msg: "invalid " + what + ": " + cause.Error(), Err: ErrValue}
	}
	return d.err
}

// view returns b as a string sharing its memory, for parsing only.
func view(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }

// Bool reads true or false; an empty element reads as false.
func (d *Decoder) Bool() (bool, error) {
	v, _, err := d.boolean()
	return v, err
}

// BoolPtr reads true or false; an empty element reads as nil.
func (d *Decoder) BoolPtr() (*bool, error) {
	v, ok, err := d.boolean()
	if err != nil || !ok {
		return nil, err
	}
	return d.sc.Bools.Ptr(v), nil
}

func (d *Decoder) boolean() (bool, bool, error) {
	b, off, err := d.scalar()
	if err != nil || len(b) == 0 {
		return false, false, err
	}
	v, err := ParseBool(view(b))
	if err != nil {
		return false, false, d.valueError(off, "boolean", err)
	}
	return v, true, nil
}

// Int reads an integer that must fit T; an empty element reads as 0.
func Int[T ~int8 | ~int16 | ~int32 | ~int64](d *Decoder) (T, error) {
	v, _, err := integer[T](d)
	return v, err
}

// IntPtr reads an integer that must fit T; an empty element reads as nil.
func IntPtr[T ~int8 | ~int16 | ~int32 | ~int64](d *Decoder) (*T, error) {
	v, ok, err := integer[T](d)
	if err != nil || !ok {
		return nil, err
	}
	switch unsafe.Sizeof(v) {
	case 4:
		return (*T)(unsafe.Pointer(d.sc.I32.Ptr(int32(v)))), nil
	case 8:
		return (*T)(unsafe.Pointer(d.sc.I64.Ptr(int64(v)))), nil
	}
	return Ptr(v), nil
}

func integer[T ~int8 | ~int16 | ~int32 | ~int64](d *Decoder) (T, bool, error) {
	b, off, err := d.scalar()
	if err != nil || len(b) == 0 {
		return 0, false, err
	}
	v, err := ParseInt[T](view(b))
	if err != nil {
		return 0, false, d.valueError(off, "integer", err)
	}
	return v, true, nil
}

// Float reads a number, NaN, Infinity or -Infinity; an empty element reads
// as 0.
func Float[T ~float32 | ~float64](d *Decoder) (T, error) {
	v, _, err := float[T](d)
	return v, err
}

// FloatPtr reads a number like Float; an empty element reads as nil.
func FloatPtr[T ~float32 | ~float64](d *Decoder) (*T, error) {
	v, ok, err := float[T](d)
	if err != nil || !ok {
		return nil, err
	}
	if unsafe.Sizeof(v) == 8 {
		return (*T)(unsafe.Pointer(d.sc.F64.Ptr(float64(v)))), nil
	}
	return Ptr(v), nil
}

func float[T ~float32 | ~float64](d *Decoder) (T, bool, error) {
	b, off, err := d.scalar()
	if err != nil || len(b) == 0 {
		return 0, false, err
	}
	v, err := ParseFloat[T](view(b))
	if err != nil {
		return 0, false, d.valueError(off, "number", err)
	}
	return v, true, nil
}

// Time reads a timestamp written in format f (any timestamp format is
// accepted when the text is not in f); an empty element reads as the zero
// time.
func (d *Decoder) Time(f TimeFormat) (time.Time, error) {
	v, _, err := d.timestamp(f)
	return v, err
}

// TimePtr reads a timestamp like Time; an empty element reads as nil.
func (d *Decoder) TimePtr(f TimeFormat) (*time.Time, error) {
	v, ok, err := d.timestamp(f)
	if err != nil || !ok {
		return nil, err
	}
	return d.sc.Times.Ptr(v), nil
}

func (d *Decoder) timestamp(f TimeFormat) (time.Time, bool, error) {
	b, off, err := d.scalar()
	if err != nil || len(b) == 0 {
		return time.Time{}, false, err
	}
	v, err := ParseTime(view(b), f)
	if err != nil {
		return time.Time{}, false, d.valueError(off, "timestamp", err)
	}
	return v, true, nil
}

// Blob reads base64 text; an empty element reads as an empty, non-nil
// slice.
func (d *Decoder) Blob() ([]byte, error) {
	b, off, err := d.scalar()
	if err != nil {
		return nil, err
	}
	out := make([]byte, base64.StdEncoding.DecodedLen(len(b)))
	n, err := base64.StdEncoding.Decode(out, b)
	if err != nil {
		return nil, d.valueError(off, "base64", err)
	}
	return out[:n], nil
}

// BigInt reads an integer of any size; an empty element reads as nil.
func (d *Decoder) BigInt() (*big.Int, error) {
	b, off, err := d.scalar()
	if err != nil || len(b) == 0 {
		return nil, err
	}
	v, err := ParseBigInt(view(b))
	if err != nil {
		return nil, d.valueError(off, "integer", err)
	}
	return v, nil
}

// BigFloat reads a decimal number of any precision; an empty element reads
// as nil.
func (d *Decoder) BigFloat() (*big.Float, error) {
	b, off, err := d.scalar()
	if err != nil || len(b) == 0 {
		return nil, err
	}
	v, err := ParseBigFloat(view(b))
	if err != nil {
		return nil, d.valueError(off, "number", err)
	}
	return v, nil
}

// Ptr returns a pointer to a copy of v.
func Ptr[T any](v T) *T { return &v }
