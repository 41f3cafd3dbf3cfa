package xml

import (
	"errors"
	"testing"
)

func TestRaw(t *testing.T) {
	d := NewDecoder([]byte(`<U><unknown a="1"><x>&amp;</x></unknown><self/><after>z</after></U>`))
	if ok, err := d.Root(); !ok || err != nil {
		t.Fatal(ok, err)
	}
	var got []string
	it := d.Children()
	var err error
	for err == nil && it.Next() {
		switch string(d.Name()) {
		case "after":
			var s string
			s, err = d.Str()
			got = append(got, "after="+s)
		default:
			var raw []byte
			raw, err = d.Raw()
			got = append(got, string(raw))
		}
	}
	if err := it.Done(err); err != nil {
		t.Fatal(err)
	}
	want := []string{`<unknown a="1"><x>&amp;</x></unknown>`, `<self/>`, "after=z"}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] || got[2] != want[2] {
		t.Fatalf("got %q, want %q", got, want)
	}
	if err := d.Finish(); err != nil {
		t.Fatal(err)
	}
	d = NewDecoder([]byte(`<U><open>`))
	d.Root()
	it = d.Children()
	if !it.Next() {
		t.Fatal("no child")
	}
	if _, err := d.Raw(); !errors.Is(err, ErrSyntax) {
		t.Fatalf("truncated element: %v", err)
	}
}

type pair struct{ A, B *string }

func decodePair(d *Decoder, v *pair) error {
	it := d.Children()
	var err error
	for err == nil && it.Next() {
		switch string(d.Name()) {
		case "A":
			v.A, err = d.StrPtr()
		case "B":
			v.B, err = d.StrPtr()
		default:
			err = d.Skip()
		}
	}
	return it.Done(err)
}

func TestDecodeNew(t *testing.T) {
	var p *pair
	if err := DecodeNew([]byte("  <?xml version=\"1.0\"?>\n"), &p, decodePair); err != nil || p != nil {
		t.Fatalf("body without element: %v, %v", p, err)
	}
	if err := DecodeNew([]byte(`<P><A>a</A></P>`), &p, decodePair); err != nil || p == nil || *p.A != "a" || p.B != nil {
		t.Fatalf("got %+v, %v", p, err)
	}
	var q *pair
	if err := DecodeNew([]byte(`<P><A>a</A>`), &q, decodePair); err == nil || q != nil {
		t.Fatalf("truncated body: %+v, %v", q, err)
	}
}
