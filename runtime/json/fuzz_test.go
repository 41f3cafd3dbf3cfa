package json

import (
	stdjson "encoding/json"
	"reflect"
	"testing"
)

// walk decodes any JSON value with the Decoder's primitives, as generated
// decoders drive it, into the values encoding/json produces for any.
func walk(d *Decoder) (any, error) {
	switch c := d.s.ws(); c {
	case '{':
		it, err := d.Obj()
		m := map[string]any{}
		for err == nil && it.Next() {
			k := string(it.Key())
			var v any
			v, err = walk(d)
			m[k] = v
		}
		return m, it.Done(err)
	case '[':
		it, err := d.Arr()
		l := []any{}
		for err == nil && it.Next() {
			var v any
			v, err = walk(d)
			l = append(l, v)
		}
		return l, it.Done(err)
	case '"':
		s, err := d.Str()
		return string([]byte(s)), err
	case 't', 'f':
		return d.Bool()
	case 'n':
		if !d.Null() {
			return nil, d.s.unexpected("null")
		}
		return nil, nil
	}
	return Float[float64](d)
}

// decodeAll walks a whole document; trailing data is an error.
func decodeAll(body []byte) (any, error) {
	d := NewDecoder(body)
	v, err := walk(d)
	if err == nil && !atEnd(d) {
		err = d.s.unexpected("end of input")
	}
	return v, err
}

func atEnd(d *Decoder) bool {
	d.s.ws()
	return d.s.pos == len(d.s.buf)
}

func fuzzSeeds(f *testing.F) {
	for _, s := range []string{
		`{"a":1,"b":[true,false,null,"x\u00e9\ud83d\ude00"],"c":{"d":-1.5e3}}`,
		`[]`, `{}`, `""`, `0`, `-0.0e+1`, `1e400`, `"\ud800"`, `"\udc00\ud800x"`, "\"\xff\xfe\"",
		`{"a":1,"a":2}`, `[1,]`, `{"a":}`, `[` + repeat(`[`, 50), `"\u00"`, `tru`, `01`, `1.`, `.5`, `{"a" 1}`,
	} {
		f.Add([]byte(s))
	}
}

// FuzzDecode checks the decoder against encoding/json: the same documents
// are valid, and valid ones decode to the same values.
func FuzzDecode(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, body []byte) {
		got, err := decodeAll(body)
		var want any
		werr := stdjson.Unmarshal(body, &want)
		if (err == nil) != (werr == nil) {
			// encoding/json fails numbers out of float64's range while their
			// syntax is valid; so does the decoder, with its own error.
			if !(err != nil && werr != nil) {
				t.Fatalf("%q: decoder error %v, encoding/json error %v", body, err, werr)
			}
		}
		if err == nil && !reflect.DeepEqual(got, want) {
			t.Fatalf("%q:\ndecoder       %#v\nencoding/json %#v", body, got, want)
		}
	})
}

// FuzzSkip checks that skipping accepts exactly the valid documents.
func FuzzSkip(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, body []byte) {
		d := NewDecoder(body)
		err := d.Skip()
		if err == nil && !atEnd(d) {
			err = d.s.unexpected("end of input")
		}
		if valid := stdjson.Valid(body); (err == nil) != valid {
			t.Fatalf("%q: skip error %v, valid %v", body, err, valid)
		}
	})
}

// FuzzScalars reads a body as each scalar kind: no panic, and an error or
// a value for each.
func FuzzScalars(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, body []byte) {
		readers := []func(d *Decoder) error{
			func(d *Decoder) error { _, err := Int[int64](d); return err },
			func(d *Decoder) error { _, err := Int[int8](d); return err },
			func(d *Decoder) error { _, err := Float[float32](d); return err },
			func(d *Decoder) error { _, err := Float[float64](d); return err },
			func(d *Decoder) error { _, err := d.BigInt(); return err },
			func(d *Decoder) error { _, err := d.BigFloat(); return err },
			func(d *Decoder) error { _, err := d.Time(); return err },
			func(d *Decoder) error { _, err := d.Blob(); return err },
			func(d *Decoder) error { _, err := d.Document(); return err },
			func(d *Decoder) error { _, err := d.StrPtr(); return err },
			func(d *Decoder) error { _, err := d.BoolPtr(); return err },
		}
		for _, read := range readers {
			_ = read(NewDecoder(body))
		}
		var code, typ, msg [3]string
		_ = scanError(body, &code, &typ, &msg)
	})
}
