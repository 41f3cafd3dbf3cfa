package json

import (
	"errors"
	"math"
	"math/big"
	"time"

	"github.com/go-faster/jx"

	"github.com/smithygen/smithygen/runtime/document"
	"github.com/smithygen/smithygen/runtime/transport"
	"github.com/smithygen/smithygen/runtime/wire"
)

// Encoder writes a JSON body. It adds the protocol's encodings to
// jx.Encoder and keeps the first error, so that encoding functions need not
// return one.
type Encoder struct {
	jx.Encoder
	err error
}

// Fail records err unless an error is already recorded.
func (e *Encoder) Fail(err error) {
	if e.err == nil {
		e.err = err
	}
}

// Err returns the first recorded error.
func (e *Encoder) Err() error { return e.err }

// Float64 writes a number, or NaN, Infinity and -Infinity as strings.
func (e *Encoder) Float64(v float64) { e.float(v, 64) }

// Float32 writes a number, or NaN, Infinity and -Infinity as strings.
func (e *Encoder) Float32(v float32) { e.float(float64(v), 32) }

func (e *Encoder) float(v float64, bits int) {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		e.Str(wire.FormatFloat(v, bits))
		return
	}
	var buf [32]byte
	e.Raw(wire.AppendFloat(buf[:0], v, bits))
}

// Time writes a timestamp: a number for epoch-seconds, a string otherwise.
func (e *Encoder) Time(t time.Time, f wire.TimeFormat) {
	if f == wire.EpochSeconds {
		var buf [32]byte
		e.Raw(wire.AppendEpoch(buf[:0], t))
		return
	}
	e.Str(wire.FormatTime(t, f))
}

// Blob writes bytes as a base64 string.
func (e *Encoder) Blob(b []byte) {
	if b == nil {
		b = []byte{}
	}
	e.Base64(b)
}

// Document writes a document's JSON; a nil document is null.
func (e *Encoder) Document(v document.Interface) {
	if v == nil {
		e.Null()
		return
	}
	b, err := v.MarshalSmithyDocument()
	if err == nil && !jx.Valid(b) {
		err = errors.New("document marshaled to invalid JSON")
	}
	if err != nil {
		e.Fail(err)
		e.Null()
		return
	}
	e.Raw(b)
}

// BigInt writes a big integer as a JSON number.
func (e *Encoder) BigInt(v *big.Int) {
	if v == nil {
		e.Null()
		return
	}
	e.RawStr(v.String())
}

// BigFloat writes a big number as a JSON number.
func (e *Encoder) BigFloat(v *big.Float) {
	if v == nil {
		e.Null()
		return
	}
	if v.IsInf() {
		e.Fail(errors.New("cannot serialize an infinite big number"))
		e.Null()
		return
	}
	e.RawStr(wire.FormatBigFloat(v))
}

// UnknownMember records the error for a union value of an unknown member,
// which cannot be sent, and writes an empty object in its place.
func (e *Encoder) UnknownMember(union string) {
	e.Fail(errors.New("cannot serialize unknown member of union " + union))
	e.ObjEmpty()
}

// SetBody makes the encoded JSON the request body, sent as contentType unless
// a header member already set Content-Type.
func (e *Encoder) SetBody(r *transport.Request, contentType string) error {
	if e.err != nil {
		return e.err
	}
	r.SetBody(contentType, e.Bytes())
	return nil
}

// emptyObject is the body of a request without input members. It is never
// written to: bodies are replaced, not modified, by later steps.
var emptyObject = []byte("{}")

// SetEmptyBody makes {} the request body, sent as contentType.
func SetEmptyBody(r *transport.Request, contentType string) { r.SetBody(contentType, emptyObject) }
