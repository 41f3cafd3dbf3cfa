package json

import (
	"errors"
	"math"
	"math/big"
	"net/http"
	"testing"
	"time"

	"github.com/smithygen/smithygen/runtime/document"
	"github.com/smithygen/smithygen/runtime/transport"
	"github.com/smithygen/smithygen/runtime/wire"
)

type badDoc struct{}

func (badDoc) MarshalSmithyDocument() ([]byte, error) { return []byte("{nope"), nil }
func (badDoc) UnmarshalSmithyDocument(any) error      { return errors.New("no") }

func TestEncoder(t *testing.T) {
	var e Encoder
	e.ArrStart()
	e.Float64(math.NaN())
	e.Float32(float32(math.Inf(-1)))
	e.Float64(0.1)
	e.Time(time.Unix(1576540098, 123e6), wire.EpochSeconds)
	e.Time(time.Unix(1576540098, 0), wire.DateTime)
	e.Blob([]byte("hi"))
	e.Blob(nil)
	e.Document(document.NewLazyDocument(map[string]int{"a": 1}))
	e.Document(nil)
	e.BigInt(big.NewInt(-42))
	e.BigFloat(big.NewFloat(2.5))
	e.ArrEnd()
	want := `["NaN","-Infinity",0.1,1576540098.123,"2019-12-16T23:48:18Z","aGk=","",{"a":1},null,-42,2.5]`
	if got := string(e.Bytes()); got != want {
		t.Errorf("encoded\n%s\nwant\n%s", got, want)
	}
	if e.Err() != nil {
		t.Errorf("Err() = %v", e.Err())
	}
}

func TestEncoderErrors(t *testing.T) {
	var e Encoder
	e.Document(badDoc{})
	if e.Err() == nil {
		t.Error("invalid document JSON accepted")
	}
	var u Encoder
	u.UnknownMember("Shape")
	r := &transport.Request{Header: http.Header{}}
	if err := u.SetBody(r, "application/json"); err == nil || r.Body != nil {
		t.Errorf("SetBody after UnknownMember = %v, body %q", err, r.Body)
	}
}

func TestSetBody(t *testing.T) {
	r := &transport.Request{Header: http.Header{"Content-Type": {"image/png"}}}
	r.SetBody("application/octet-stream", []byte{1})
	if got := r.Header.Get("Content-Type"); got != "image/png" {
		t.Errorf("Content-Type = %q, want the header member's value", got)
	}
	r = &transport.Request{Header: http.Header{}}
	var e Encoder
	e.ObjEmpty()
	if err := e.SetBody(r, "application/json"); err != nil || string(r.Body) != "{}" || r.Header.Get("Content-Type") != "application/json" {
		t.Errorf("SetBody: %v %q %v", err, r.Body, r.Header)
	}
}
