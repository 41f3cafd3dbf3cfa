package json

import (
	"bytes"
	"errors"
	"fmt"
	"math/big"
	"time"
	"unsafe"

	"github.com/aws/smithy-go"

	"github.com/smithygen/smithygen/runtime/document"
	"github.com/smithygen/smithygen/runtime/transport"
	"github.com/smithygen/smithygen/runtime/wire"
)

// Decoder reads one JSON response body. Decoded strings without escapes
// share the body's memory instead of each being copied, and scalar pointers
// and structures come from slabs shared by the decode.
type Decoder struct {
	s      scanner
	body   []byte
	lo, hi uintptr
	empty  bool

	sc wire.Scalars
	// arena holds the values of other types (New, Keep).
	arena wire.Arena
	// hints are the sizes of the last maps decoded, by slot (MapHint).
	hints []int32
}

// NewDecoder returns a decoder of body. The decoded values keep referring
// to body, which the caller must not modify afterwards: a response body read
// by the transport belongs to its decoder.
func NewDecoder(body []byte) *Decoder {
	d := &Decoder{body: body, empty: true}
	d.s.buf = body
	d.lo = uintptr(unsafe.Pointer(unsafe.SliceData(body)))
	d.hi = d.lo + uintptr(len(body))
	for _, c := range body {
		if c != ' ' && c != '\t' && c != '\n' && c != '\r' {
			d.empty = false
			break
		}
	}
	return d
}

// Empty reports whether the body holds no JSON value at all.
func (d *Decoder) Empty() bool { return d.empty }

// Error wraps a decoding error in a *smithy.DeserializationError with a
// snapshot of the body.
func (d *Decoder) Error(err error) error { return DecodeError(err, d.body) }

// DecodeBody decodes an output read from the JSON body alone into out with
// decode.
func DecodeBody[T any](resp *transport.Response, out T, decode func(*Decoder, T) error) error {
	d := NewDecoder(resp.Body)
	if err := decode(d, out); err != nil {
		return d.Error(err)
	}
	return nil
}

// DecodeError wraps err in a *smithy.DeserializationError holding the last
// kilobyte of body.
func DecodeError(err error, body []byte) error {
	var derr *smithy.DeserializationError
	if errors.As(err, &derr) {
		return err
	}
	const snapshot = 1024
	return &smithy.DeserializationError{
		Err:      fmt.Errorf("failed to decode response body, %w", err),
		Snapshot: bytes.Clone(body[max(0, len(body)-snapshot):]),
	}
}

// text returns b as a string, sharing the body's memory when b is part of
// it; other bytes, such as the unescaped text jx builds, are copied.
func (d *Decoder) text(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	p := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
	if p >= d.lo && p+uintptr(len(b)) <= d.hi {
		return unsafe.String(unsafe.SliceData(b), len(b))
	}
	return string(b)
}

// Null consumes a null and reports whether there was one.
func (d *Decoder) Null() bool {
	if d.s.ws() != 'n' {
		return false
	}
	return d.s.lit("null") == nil
}

// Skip skips one value.
func (d *Decoder) Skip() error { return d.s.skip() }

// ObjIter iterates over the members of an object.
type ObjIter struct {
	d     *Decoder
	key   []byte
	err   error
	ok    bool // the object was not null
	open  bool // its end is still to be read
	comma bool // a member was read
}

// Obj starts reading an object. A null, or an empty body at the top level,
// reads as an object without members for which Null reports true.
func (d *Decoder) Obj() (ObjIter, error) {
	if d.empty || d.Null() {
		return ObjIter{d: d}, nil
	}
	if d.s.ws() != '{' {
		return ObjIter{d: d}, d.s.unexpected("object")
	}
	if err := d.s.open(); err != nil {
		return ObjIter{d: d}, err
	}
	return ObjIter{d: d, ok: true, open: true}, nil
}

// Next advances to the next member; its value is read next.
func (it *ObjIter) Next() bool {
	if !it.open {
		return false
	}
	s := &it.d.s
	c := s.ws()
	if c == '}' {
		s.pos++
		s.depth--
		it.open = false
		return false
	}
	if it.comma {
		if c != ',' {
			return it.fail(s.unexpected(`',' or '}'`))
		}
		s.pos++
		c = s.ws()
	}
	if c != '"' {
		return it.fail(s.unexpected("member name"))
	}
	k, err := s.str()
	if err != nil {
		return it.fail(err)
	}
	if s.ws() != ':' {
		return it.fail(s.unexpected(`':'`))
	}
	s.pos++
	it.key, it.comma = k, true
	return true
}

func (it *ObjIter) fail(err error) bool {
	it.err, it.open = err, false
	return false
}

// Key returns the current member name, valid until the next read.
func (it *ObjIter) Key() []byte { return it.key }

// KeyStr returns the current member name as a string.
func (it *ObjIter) KeyStr() string { return it.d.text(it.key) }

// Null reports whether the object was null.
func (it *ObjIter) Null() bool { return !it.ok }

// Done returns err, else the iteration's error.
func (it *ObjIter) Done(err error) error {
	if err != nil || !it.ok {
		return err
	}
	return it.err
}

// ArrIter iterates over the elements of an array.
type ArrIter struct {
	s     *scanner
	err   error
	ok    bool
	open  bool
	comma bool
}

// Arr starts reading an array; a null reads as an array without elements
// for which Null reports true.
func (d *Decoder) Arr() (ArrIter, error) {
	if d.Null() {
		return ArrIter{}, nil
	}
	if d.s.ws() != '[' {
		return ArrIter{}, d.s.unexpected("array")
	}
	if err := d.s.open(); err != nil {
		return ArrIter{}, err
	}
	return ArrIter{s: &d.s, ok: true, open: true}, nil
}

// Next advances to the next element.
func (it *ArrIter) Next() bool {
	if !it.open {
		return false
	}
	s := it.s
	c := s.ws()
	if c == ']' {
		s.pos++
		s.depth--
		it.open = false
		return false
	}
	if it.comma {
		if c != ',' {
			it.err, it.open = s.unexpected(`',' or ']'`), false
			return false
		}
		s.pos++
		if s.ws() == ']' {
			it.err, it.open = s.unexpected("value"), false
			return false
		}
	}
	it.comma = true
	return true
}

// Null reports whether the array was null.
func (it *ArrIter) Null() bool { return !it.ok }

// Done returns err, else the iteration's error.
func (it *ArrIter) Done(err error) error {
	if err != nil || !it.ok {
		return err
	}
	return it.err
}

// strBytes reads a string that is not null.
func (d *Decoder) strBytes() ([]byte, error) {
	if d.s.ws() != '"' {
		return nil, d.s.unexpected("string")
	}
	return d.s.str()
}

// Str reads a string; null reads as "".
func (d *Decoder) Str() (string, error) {
	if d.Null() {
		return "", nil
	}
	b, err := d.strBytes()
	if err != nil {
		return "", err
	}
	return d.text(b), nil
}

// StrPtr reads a string; null reads as nil.
func (d *Decoder) StrPtr() (*string, error) {
	if d.Null() {
		return nil, nil
	}
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

// Bool reads a boolean; null reads as false.
func (d *Decoder) Bool() (bool, error) {
	if d.Null() {
		return false, nil
	}
	return d.bool()
}

func (d *Decoder) bool() (bool, error) {
	switch d.s.ws() {
	case 't':
		return true, d.s.lit("true")
	case 'f':
		return false, d.s.lit("false")
	}
	return false, d.s.unexpected("boolean")
}

// BoolPtr reads a boolean; null reads as nil.
func (d *Decoder) BoolPtr() (*bool, error) {
	if d.Null() {
		return nil, nil
	}
	v, err := d.bool()
	if err != nil {
		return nil, err
	}
	return d.sc.Bools.Ptr(v), nil
}

// Blob reads a base64 string; null reads as nil.
func (d *Decoder) Blob() ([]byte, error) {
	if d.Null() {
		return nil, nil
	}
	text, err := d.strBytes()
	if err != nil {
		return nil, err
	}
	return d.blob(text)
}

// Document reads any JSON value as a document; null reads as nil.
func (d *Decoder) Document() (document.Interface, error) {
	if d.empty || d.Null() {
		return nil, nil
	}
	raw, err := d.raw()
	if err != nil {
		return nil, err
	}
	return document.FromJSON(raw)
}

// Raw reads any JSON value and returns a copy of its text.
func (d *Decoder) Raw() ([]byte, error) {
	raw, err := d.raw()
	return bytes.Clone(raw), err
}

// raw reads any value and returns its text, part of the body.
func (d *Decoder) raw() ([]byte, error) {
	start := d.s.pos
	if err := d.s.skip(); err != nil {
		return nil, err
	}
	return bytes.TrimLeft(d.s.buf[start:d.s.pos], " \t\r\n"), nil
}

// numText reads a number that is not null.
func (d *Decoder) numText() ([]byte, bool, error) {
	if c := d.s.ws(); c != '-' && (c < '0' || c > '9') {
		return nil, false, d.s.unexpected("number")
	}
	return d.s.num()
}

// BigInt reads a number as a big integer; null reads as nil.
func (d *Decoder) BigInt() (*big.Int, error) {
	if d.Null() {
		return nil, nil
	}
	n, integer, err := d.numText()
	if err != nil {
		return nil, err
	}
	v, ok := new(big.Int).SetString(string(n), 10)
	if !integer || !ok {
		return nil, fmt.Errorf("number %.40s is not an integer", n)
	}
	return v, nil
}

// BigFloat reads a number as a big number; null reads as nil.
func (d *Decoder) BigFloat() (*big.Float, error) {
	if d.Null() {
		return nil, nil
	}
	n, _, err := d.numText()
	if err != nil {
		return nil, err
	}
	return wire.ParseBigFloat(d.text(n))
}

// Time reads a timestamp: epoch seconds as a number, or a string in any
// timestamp format. Null reads as the zero time.
func (d *Decoder) Time() (time.Time, error) {
	switch c := d.s.ws(); {
	case c == 'n':
		return time.Time{}, d.s.lit("null")
	case c == '-' || c >= '0' && c <= '9':
		n, _, err := d.s.num()
		if err != nil {
			return time.Time{}, err
		}
		return wire.ParseEpoch(d.text(n))
	case c == '"':
		s, err := d.Str()
		if err != nil {
			return time.Time{}, err
		}
		return wire.ParseTime(s, guessFormat(s))
	}
	return time.Time{}, errors.New("timestamp must be a number or a string")
}

// guessFormat picks the format to try first for a timestamp string.
func guessFormat(s string) wire.TimeFormat {
	switch {
	case s != "" && (s[0] < '0' || s[0] > '9') && s[0] != '-':
		return wire.HTTPDate
	case len(s) > 10 && (s[10] == 'T' || s[10] == 't'):
		return wire.DateTime
	}
	return wire.EpochSeconds
}

// TimePtr reads a timestamp; null reads as nil.
func (d *Decoder) TimePtr() (*time.Time, error) {
	if d.Null() {
		return nil, nil
	}
	t, err := d.Time()
	if err != nil {
		return nil, err
	}
	return d.sc.Times.Ptr(t), nil
}

// DefaultDocument returns the document of a member's default value, JSON
// text the generator has checked; invalid text yields nil.
func DefaultDocument(text string) document.Interface {
	d, err := document.FromJSON([]byte(text))
	if err != nil {
		return nil
	}
	return d
}
