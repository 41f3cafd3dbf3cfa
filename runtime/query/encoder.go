package query

import (
	"encoding/base64"
	"errors"
	"math"
	"math/big"
	"strconv"
	"time"

	"github.com/aws/smithy-go"

	"github.com/smithygen/smithygen/runtime/transport"
	"github.com/smithygen/smithygen/runtime/xml"
)

// ContentType is the media type of query request bodies.
const ContentType = "application/x-www-form-urlencoded"

// Encoder writes a query request body. Values are written at the current
// key, which Push and Pop extend and restore, joined with the name a value
// method is given ("" writes at the current key itself):
//
//	m := e.Push("Nested") // Nested
//	e.Str("StringArg", s) // &Nested.StringArg=s
//	e.Pop(m)
type Encoder struct {
	b   []byte
	key []byte
	ec2 bool
	err error
}

// NewEncoder returns an awsQuery encoder of the body of operation action of
// a service API version.
func NewEncoder(action, version string) *Encoder { return newEncoder(action, version, false) }

// NewEC2Encoder returns an ec2Query encoder of the body of operation action
// of a service API version.
func NewEC2Encoder(action, version string) *Encoder { return newEncoder(action, version, true) }

func newEncoder(action, version string, ec2 bool) *Encoder {
	e := &Encoder{b: make([]byte, 0, 256), key: make([]byte, 0, 64), ec2: ec2}
	e.b = append(e.b, "Action="...)
	e.b = appendEscaped(e.b, action)
	e.b = append(e.b, "&Version="...)
	e.b = appendEscaped(e.b, version)
	return e
}

// EC2 reports whether the encoder follows ec2Query's rules.
func (e *Encoder) EC2() bool { return e.ec2 }

// Push appends name to the current key and returns the mark Pop restores.
func (e *Encoder) Push(name string) int {
	mark := len(e.key)
	if mark > 0 {
		e.key = append(e.key, '.')
	}
	e.key = append(e.key, name...)
	return mark
}

// push is Push that leaves the key alone for an empty name.
func (e *Encoder) push(name string) int {
	if name == "" {
		return len(e.key)
	}
	return e.Push(name)
}

// PushIndex appends a 1-based list or map position to the current key.
func (e *Encoder) PushIndex(i int) int {
	mark := len(e.key)
	e.key = append(e.key, '.')
	e.key = strconv.AppendInt(e.key, int64(i), 10)
	return mark
}

// Pop restores the key Push or PushIndex returned mark for.
func (e *Encoder) Pop(mark int) { e.key = e.key[:mark] }

// field starts the pair of the current key joined with name, up to "=".
func (e *Encoder) field(name string) {
	e.b = append(e.b, '&')
	e.b = appendEscapedBytes(e.b, e.key)
	if name != "" {
		if len(e.key) > 0 {
			e.b = append(e.b, '.')
		}
		e.b = appendEscaped(e.b, name)
	}
	e.b = append(e.b, '=')
}

// Str writes a string.
func (e *Encoder) Str(name, v string) {
	e.field(name)
	e.b = appendEscaped(e.b, v)
}

// Bool writes true or false.
func (e *Encoder) Bool(name string, v bool) {
	e.field(name)
	e.b = strconv.AppendBool(e.b, v)
}

// Int writes an integer.
func (e *Encoder) Int(name string, v int64) {
	e.field(name)
	e.b = strconv.AppendInt(e.b, v, 10)
}

// Float writes a float of bits 32 or 64 in decimal without exponent, or NaN,
// Infinity or -Infinity.
func (e *Encoder) Float(name string, v float64, bits int) {
	e.field(name)
	switch {
	case math.IsNaN(v):
		e.b = append(e.b, "NaN"...)
	case math.IsInf(v, 1):
		e.b = append(e.b, "Infinity"...)
	case math.IsInf(v, -1):
		e.b = append(e.b, "-Infinity"...)
	default:
		e.b = strconv.AppendFloat(e.b, v, 'f', -1, bits)
	}
}

// Time writes a timestamp in format f (the protocols' default is
// xml.DateTime).
func (e *Encoder) Time(name string, t time.Time, f xml.TimeFormat) {
	e.field(name)
	var buf [40]byte
	e.b = appendEscapedBytes(e.b, xml.AppendTime(buf[:0], t, f))
}

// Blob writes bytes in base64.
func (e *Encoder) Blob(name string, v []byte) {
	e.field(name)
	var buf [256]byte
	e.b = appendEscapedBytes(e.b, base64.StdEncoding.AppendEncode(buf[:0], v))
}

// BigInt writes a big integer; nil writes nothing.
func (e *Encoder) BigInt(name string, v *big.Int) {
	if v == nil {
		return
	}
	e.field(name)
	e.b = v.Append(e.b, 10)
}

// BigFloat writes a big number; nil writes nothing.
func (e *Encoder) BigFloat(name string, v *big.Float) {
	if v == nil {
		return
	}
	if v.IsInf() {
		e.Fail(errors.New("cannot serialize an infinite big number"))
		return
	}
	e.field(name)
	if i, acc := v.Int64(); acc == big.Exact {
		e.b = strconv.AppendInt(e.b, i, 10)
		return
	}
	e.b = appendEscapedBytes(e.b, v.Append(nil, 'e', -1))
}

// UnknownMember records the error for a union value of an unknown member,
// which cannot be sent.
func (e *Encoder) UnknownMember(union string) {
	e.Fail(errors.New("cannot serialize unknown member of union " + union))
}

// Fail records err unless an error is already recorded.
func (e *Encoder) Fail(err error) {
	if e.err == nil {
		e.err = err
	}
}

// Err returns the first recorded error.
func (e *Encoder) Err() error { return e.err }

// Bytes returns the body written so far.
func (e *Encoder) Bytes() []byte { return e.b }

// SetBody makes the encoded form the request body, sent as ContentType. A
// recorded error is returned as a *smithy.SerializationError.
func (e *Encoder) SetBody(r *transport.Request) error {
	if e.err != nil {
		return &smithy.SerializationError{Err: e.err}
	}
	r.Body = e.b
	r.Header["Content-Type"] = []string{ContentType}
	return nil
}
