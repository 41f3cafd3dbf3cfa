package json

import (
	"errors"
	"math"
	"testing"
	"time"
	"unsafe"

	"github.com/aws/smithy-go"
)

// record decodes {"s": str, "n": int32, "f": float64, "t": time, "b": bool}.
type record struct {
	S *string
	N *int32
	F *float64
	T *time.Time
	B *bool
	L []string
}

func decodeRecord(d *Decoder, v *record) error {
	it, err := d.Obj()
	for err == nil && it.Next() {
		switch string(it.Key()) {
		case "s":
			v.S, err = d.StrPtr()
		case "n":
			v.N, err = IntPtr[int32](d)
		case "f":
			v.F, err = FloatPtr[float64](d)
		case "t":
			v.T, err = d.TimePtr()
		case "b":
			v.B, err = d.BoolPtr()
		case "l":
			err = decodeStrings(d, &v.L)
		default:
			err = d.Skip()
		}
	}
	return it.Done(err)
}

func decodeStrings(d *Decoder, v *[]string) error {
	it, err := d.Arr()
	if err != nil || it.Null() {
		return err
	}
	s := []string{}
	for err == nil && it.Next() {
		var x string
		x, err = d.Str()
		s = append(s, x)
	}
	*v = s
	return it.Done(err)
}

func TestDecodeRecord(t *testing.T) {
	body := `{"s":"h\u00e9llo","n":-7,"f":"NaN","t":1576540098.5,"b":true,"l":["a",null],"x":{"deep":[1,{}]}}`
	var r record
	d := NewDecoder([]byte(body))
	if err := decodeRecord(d, &r); err != nil {
		t.Fatal(err)
	}
	if *r.S != "héllo" || *r.N != -7 || !math.IsNaN(*r.F) || !*r.B || len(r.L) != 2 || r.L[1] != "" {
		t.Errorf("decoded %+v", r)
	}
	if want := time.Unix(1576540098, 5e8); !r.T.Equal(want) {
		t.Errorf("T = %v, want %v", r.T, want)
	}
}

func TestDecodeNulls(t *testing.T) {
	var r record
	if err := decodeRecord(NewDecoder([]byte(`{"s":null,"n":null,"f":null,"t":null,"b":null,"l":null}`)), &r); err != nil {
		t.Fatal(err)
	}
	if r.S != nil || r.N != nil || r.F != nil || r.T != nil || r.B != nil || r.L != nil {
		t.Errorf("nulls decoded to %+v", r)
	}
	for _, body := range []string{"", "  \n", "null"} {
		if err := decodeRecord(NewDecoder([]byte(body)), &r); err != nil {
			t.Errorf("body %q: %v", body, err)
		}
	}
}

func TestDecodeMalformed(t *testing.T) {
	bodies := []string{
		`{"s":1}`, `{"n":"1"}`, `{"n":1.5}`, `{"n":3000000000}`, `{"f":"1.5"}`, `{"t":true}`, `{"t":"soon"}`,
		`{"b":"yes"}`, `{"l":{}}`, `{"s":"abc`, `{"s":"a",`, `{"s"`, `[1]`, `<html>`, `{"x":[}`, `{"s":"a"`,
	}
	for _, body := range bodies {
		var r record
		d := NewDecoder([]byte(body))
		err := decodeRecord(d, &r)
		if err == nil {
			t.Errorf("body %q decoded without error: %+v", body, r)
			continue
		}
		var derr *smithy.DeserializationError
		if !errors.As(d.Error(err), &derr) {
			t.Errorf("body %q: Error() = %T", body, d.Error(err))
		}
	}
}

func TestDecodeSharesBody(t *testing.T) {
	body := []byte(`{"s":"shared","e":"esc\u0061ped"}`)
	allocs := testing.AllocsPerRun(100, func() {
		d := NewDecoder(body)
		it, _ := d.Obj()
		for it.Next() {
			_, _ = d.StrPtr()
			break
		}
	})
	// The decoder and one slab of string pointers.
	if allocs > 2 {
		t.Errorf("decoding one string allocates %v times", allocs)
	}
	d := NewDecoder(body)
	it, _ := d.Obj()
	var got []string
	for it.Next() {
		s, err := d.Str()
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, s)
	}
	if len(got) != 2 || got[0] != "shared" || got[1] != "escaped" {
		t.Fatalf("decoded %q", got)
	}
	if unsafe.StringData(got[0]) != &body[6] {
		t.Error("unescaped string was copied")
	}
	if p := uintptr(unsafe.Pointer(unsafe.StringData(got[1]))); p >= uintptr(unsafe.Pointer(&body[0])) && p < uintptr(unsafe.Pointer(&body[len(body)-1])) {
		t.Error("escaped string points into the body")
	}
}

func TestSlabPointersAreDistinct(t *testing.T) {
	d := NewDecoder([]byte(`[` + repeat(`"v",`, 100) + `"last"]`))
	it, err := d.Arr()
	var ps []*string
	for err == nil && it.Next() {
		var p *string
		p, err = d.StrPtr()
		ps = append(ps, p)
	}
	if err = it.Done(err); err != nil {
		t.Fatal(err)
	}
	*ps[0] = "changed"
	if *ps[1] != "v" || *ps[100] != "last" || len(ps) != 101 {
		t.Errorf("slab pointers alias: %q %q", *ps[1], *ps[100])
	}
}

func repeat(s string, n int) string {
	out := ""
	for range n {
		out += s
	}
	return out
}

func TestDecodeScalars(t *testing.T) {
	d := NewDecoder([]byte(`["-Infinity", 12345678901234567890, "aGk=", {"a":[1,"x"]}, 1.5e300, "Tue, 29 Apr 2014 18:30:38 GMT", "2014-04-29T18:30:38Z", "1398796238"]`))
	it, _ := d.Arr()
	it.Next()
	if f, err := Float[float32](d); err != nil || !math.IsInf(float64(f), -1) {
		t.Errorf("Float = %v, %v", f, err)
	}
	it.Next()
	if b, err := d.BigInt(); err != nil || b.String() != "12345678901234567890" {
		t.Errorf("BigInt = %v, %v", b, err)
	}
	it.Next()
	if b, err := d.Blob(); err != nil || string(b) != "hi" {
		t.Errorf("Blob = %q, %v", b, err)
	}
	it.Next()
	doc, err := d.Document()
	var v map[string][]any
	if err != nil || doc.UnmarshalSmithyDocument(&v) != nil || len(v["a"]) != 2 {
		t.Errorf("Document = %v, %v", v, err)
	}
	it.Next()
	if f, err := d.BigFloat(); err != nil || f.String() != "1.5e+300" {
		t.Errorf("BigFloat = %v, %v", f, err)
	}
	want := time.Date(2014, 4, 29, 18, 30, 38, 0, time.UTC)
	for range 3 {
		it.Next()
		if ts, err := d.Time(); err != nil || !ts.Equal(want) {
			t.Errorf("Time = %v, %v", ts, err)
		}
	}
	if it.Next() || it.Done(nil) != nil {
		t.Errorf("array not finished: %v", it.Done(nil))
	}
}

func TestDefaultDocument(t *testing.T) {
	d := DefaultDocument(`{"a": [1]}`)
	if d == nil {
		t.Fatal("nil document")
	}
	if b, err := d.MarshalSmithyDocument(); err != nil || string(b) != `{"a": [1]}` {
		t.Errorf("document %s %v", b, err)
	}
	if DefaultDocument("{") != nil {
		t.Error("invalid JSON made a document")
	}
}
