package xml

import (
	"encoding/base64"
	"errors"
	"math"
	"math/big"
	"strconv"
	"time"

	"github.com/aws/smithy-go"

	"github.com/smithygen/smithygen/runtime/transport"
)

// Encoder writes an XML request body. Generated code writes each element
// with Start, then its attributes and namespace declarations, then its
// content (a value or child elements), then End:
//
//	e.Start("Grantee")
//	e.Namespace("xsi", "http://www.w3.org/2001/XMLSchema-instance")
//	e.Attr("xsi:type", string(v.Type))
//	e.Start("ID")
//	e.Str(*v.ID)
//	e.End("ID")
//	e.End("Grantee")
//
// Names come from the model and are written as they are; values are
// escaped. The encoder keeps the first error, so that encoding functions
// need not return one.
type Encoder struct {
	b    []byte
	open bool // a start tag is waiting for its >
	err  error
}

// NewEncoder returns an encoder of an empty body.
func NewEncoder() *Encoder { return &Encoder{} }

// Start writes the start of the start tag of element name.
func (e *Encoder) Start(name string) {
	e.close()
	e.b = append(e.b, '<')
	e.b = append(e.b, name...)
	e.open = true
}

// Attr writes an attribute of the element just started.
func (e *Encoder) Attr(name, value string) {
	if !e.open {
		e.Fail(errors.New("xml: attribute " + name + " outside a start tag"))
		return
	}
	e.b = append(e.b, ' ')
	e.b = append(e.b, name...)
	e.b = append(e.b, '=', '"')
	e.b = appendEscaped(e.b, value, true)
	e.b = append(e.b, '"')
}

// Namespace declares the namespace uri on the element just started, bound
// to prefix, or as the default namespace when prefix is empty.
func (e *Encoder) Namespace(prefix, uri string) {
	if prefix == "" {
		e.Attr("xmlns", uri)
		return
	}
	e.Attr("xmlns:"+prefix, uri)
}

// End writes the end tag of element name.
func (e *Encoder) End(name string) {
	e.close()
	e.b = append(e.b, '<', '/')
	e.b = append(e.b, name...)
	e.b = append(e.b, '>')
}

func (e *Encoder) close() {
	if e.open {
		e.b = append(e.b, '>')
		e.open = false
	}
}

// Str writes escaped text.
func (e *Encoder) Str(v string) {
	e.close()
	e.b = appendEscaped(e.b, v, false)
}

// Bool writes true or false.
func (e *Encoder) Bool(v bool) {
	e.close()
	e.b = strconv.AppendBool(e.b, v)
}

// Int writes an integer.
func (e *Encoder) Int(v int64) {
	e.close()
	e.b = strconv.AppendInt(e.b, v, 10)
}

// Float writes a float of bits 32 or 64 in its shortest form, or NaN,
// Infinity or -Infinity.
func (e *Encoder) Float(v float64, bits int) {
	e.close()
	e.b = AppendFloat(e.b, v, bits)
}

// Time writes a timestamp in format f.
func (e *Encoder) Time(t time.Time, f TimeFormat) {
	e.close()
	e.b = AppendTime(e.b, t, f)
}

// Blob writes bytes in base64.
func (e *Encoder) Blob(v []byte) {
	e.close()
	e.b = base64.StdEncoding.AppendEncode(e.b, v)
}

// BigInt writes a big integer; nil writes nothing.
func (e *Encoder) BigInt(v *big.Int) {
	e.close()
	if v != nil {
		e.b = v.Append(e.b, 10)
	}
}

// BigFloat writes a big number in decimal; nil writes nothing.
func (e *Encoder) BigFloat(v *big.Float) {
	e.close()
	if v == nil {
		return
	}
	if v.IsInf() {
		e.Fail(errors.New("cannot serialize an infinite big number"))
		return
	}
	e.b = v.Append(e.b, 'g', -1)
}

// AppendFloat appends v as the protocols write floats: the shortest decimal
// form, exponent notation only below 1e-6 and from 1e21 on, or NaN,
// Infinity and -Infinity.
func AppendFloat(b []byte, v float64, bits int) []byte {
	switch {
	case math.IsNaN(v):
		return append(b, "NaN"...)
	case math.IsInf(v, 1):
		return append(b, "Infinity"...)
	case math.IsInf(v, -1):
		return append(b, "-Infinity"...)
	}
	abs, format := math.Abs(v), byte('f')
	if bits == 32 {
		abs = float64(float32(abs))
	}
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	n := len(b)
	b = strconv.AppendFloat(b, v, format, -1, bits)
	if format == 'e' {
		// e-07 to e-7, as ECMAScript writes numbers.
		if m := len(b); m-n >= 4 && b[m-4] == 'e' && b[m-3] == '-' && b[m-2] == '0' {
			b[m-2] = b[m-1]
			b = b[:m-1]
		}
	}
	return b
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
func (e *Encoder) Bytes() []byte {
	e.close()
	return e.b
}

// SetBody makes the encoded XML the request body, sent as contentType unless
// a header member already set Content-Type. A recorded error is returned as
// a *smithy.SerializationError.
func (e *Encoder) SetBody(r *transport.Request, contentType string) error {
	if e.err != nil {
		return &smithy.SerializationError{Err: e.err}
	}
	r.Body = e.Bytes()
	if _, ok := r.Header["Content-Type"]; !ok {
		r.Header["Content-Type"] = []string{contentType}
	}
	return nil
}
