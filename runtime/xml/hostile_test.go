package xml

import (
	"bytes"
	"errors"
	"runtime"
	"strings"
	"testing"
)

// walk decodes the whole document in d, reading every element as a
// structure, and returns the first error.
func walk(d *Decoder) error {
	ok, err := d.Root()
	if err != nil || !ok {
		return err
	}
	if err := walkElem(d); err != nil {
		return err
	}
	return d.Finish()
}

func walkElem(d *Decoder) error {
	d.Namespace()
	for range d.Attrs() {
	}
	it := d.Children()
	var err error
	for err == nil && it.Next() {
		err = walkElem(d)
	}
	return it.Done(err)
}

// mustReject checks that doc is rejected with an *Error, whose cause is
// want when want is not nil.
func mustReject(t *testing.T, doc []byte, want error) *Error {
	t.Helper()
	err := walk(NewDecoder(doc))
	var xe *Error
	if !errors.As(err, &xe) {
		t.Fatalf("%.60q: error %v, want an *Error", doc, err)
	}
	if want != nil && !errors.Is(err, want) {
		t.Fatalf("%.60q: error %v, want %v", doc, err, want)
	}
	if xe.Offset < 0 || xe.Offset > len(doc) {
		t.Fatalf("%.60q: offset %d outside the document", doc, xe.Offset)
	}
	return xe
}

func TestMalformed(t *testing.T) {
	for _, doc := range []string{
		`<a>`, `<a><b></a>`, `<a></b>`, `</a>`, `<a></a></a>`, `text<a/>`, `<a/>text`, `<a/><b/>`,
		`<a b=1/>`, `<a b="1"c="2"/>`, `<a b="1" b/>`, `<a b="<"/>`, `<a b="1/>`, `<1a/>`, `<-a/>`, `< a/>`, `<a / >`, `<:a/>`, `<a:/>`, `<a :b="1"/>`,
		`<a>&unknown;</a>`, `<a>&amp</a>`, `<a>&#;</a>`, `<a>&#x;</a>`, `<a>&#0;</a>`, `<a>&#xD800;</a>`, `<a>&#x110000;</a>`,
		`<a>&#99999999999;</a>`, `<a b="&bogus;"/>`, `<a>x<b>y</b></a><!-- -->x`,
		"<a>\x00</a>", "<a>\x01</a>", "<a b=\"\x02\"/>", "<a>\xff</a>", "<a>\xed\xa0\x80</a>", "<a\xff/>", "<a b=\"\xc3\"/>",
		`<a><!-- unterminated </a>`, `<a><![CDATA[ unterminated </a>`, `<a><? unterminated </a>`, `<a><!ELEMENT a ANY></a>`,
		`<?xml version="1.0" encoding="ISO-8859-1"?><a/>`, `<?xml version="1.0" encoding=UTF-8?><a/>`,
		`<![CDATA[x]]><a/>`, `<a><b></b ></a x>`,
	} {
		mustReject(t, []byte(doc), ErrSyntax)
	}
}

func TestTruncated(t *testing.T) {
	doc := `<?xml version="1.0"?><R xmlns:p="urn:p" a="&amp;"><p:B>x&#65;<![CDATA[y]]><!--c--></p:B><C/></R>`
	if err := walk(NewDecoder([]byte(doc))); err != nil {
		t.Fatal(err)
	}
	for i := 1; i < len(doc); i++ {
		prefix := []byte(doc[:i])
		if strings.TrimSpace(doc[:i]) == `<?xml version="1.0"?>` {
			continue // a prolog alone holds no element
		}
		mustReject(t, prefix, nil)
	}
}

func TestDOCTYPENeverExpands(t *testing.T) {
	laughs := `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<lolz>&lol9;</lolz>`
	external := `<?xml version="1.0"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><foo>&xxe;</foo>`
	publicDTD := `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd"><html/>`
	for _, doc := range []string{laughs, external, publicDTD, `<!DOCTYPE a><a/>`} {
		xe := mustReject(t, []byte(doc), ErrDOCTYPE)
		if !bytes.HasPrefix([]byte(doc[xe.Offset:]), []byte("<!DOCTYPE")) {
			t.Errorf("offset %d is not the DOCTYPE", xe.Offset)
		}
	}
	// Without a DOCTYPE the entity references are undefined, not resolved.
	for _, doc := range []string{`<lolz>&lol9;</lolz>`, `<foo>&xxe;</foo>`, `<foo a="&xxe;"/>`} {
		mustReject(t, []byte(doc), ErrSyntax)
	}
	d := NewDecoder([]byte(`<foo>&xxe;</foo>`))
	d.Root()
	if s, err := d.Str(); err == nil || s != "" {
		t.Errorf("undefined entity read as %q, %v", s, err)
	}
}

// heapDuring returns the bytes allocated while f runs.
func heapDuring(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

func TestDeepNesting(t *testing.T) {
	const n = 100000
	doc := []byte(strings.Repeat("<a>", n) + strings.Repeat("</a>", n))
	for _, read := range []struct {
		name string
		f    func(d *Decoder) error
	}{
		{"children", walk},
		{"skip", func(d *Decoder) error { d.Root(); return d.Skip() }},
		{"text", func(d *Decoder) error { d.Root(); _, err := d.Str(); return err }},
	} {
		var err error
		alloc := heapDuring(func() { err = read.f(NewDecoder(doc)) })
		// Text reading stops at the first child element.
		if want := ErrDepth; read.name != "text" && !errors.Is(err, want) || !errors.As(err, new(*Error)) {
			t.Errorf("%s: error %v, want ErrDepth", read.name, err)
		}
		// The stack of open elements stops at MaxDepth entries.
		if limit := uint64(DefaultLimits.MaxDepth)*64 + 1<<16; alloc > limit {
			t.Errorf("%s: allocated %d bytes, want at most %d", read.name, alloc, limit)
		}
	}
	// Within the limit, the same document decodes.
	d := NewDecoder(doc)
	d.SetLimits(Limits{MaxDepth: n})
	if err := walk(d); err != nil {
		t.Errorf("MaxDepth %d: %v", n, err)
	}
}

func TestManyAttributes(t *testing.T) {
	const n = 1000000
	var b bytes.Buffer
	b.WriteString("<a")
	for i := range n {
		b.WriteString(" a")
		b.WriteString(strings.Repeat("x", i%7))
		b.WriteString(`="v"`)
	}
	b.WriteString("/>")
	doc := b.Bytes()
	var err error
	alloc := heapDuring(func() { err = walk(NewDecoder(doc)) })
	if !errors.Is(err, ErrAttrs) {
		t.Errorf("error %v, want ErrAttrs", err)
	}
	if alloc > 1<<16 {
		t.Errorf("allocated %d bytes before rejecting the element", alloc)
	}
	// The same element in a skipped subtree is rejected as well.
	skipped := append(append([]byte("<r><s>"), doc...), "</s></r>"...)
	if err := walk(NewDecoder(skipped)); !errors.Is(err, ErrAttrs) {
		t.Errorf("skipped element: error %v, want ErrAttrs", err)
	}
	// Allowed, a million attributes take memory linear in their number and
	// lookups stay linear.
	d := NewDecoder(doc)
	d.SetLimits(Limits{MaxAttrs: n})
	alloc = heapDuring(func() {
		if _, err = d.Root(); err == nil {
			_, found := d.Attr("missing")
			if found {
				t.Error("found a missing attribute")
			}
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	count := 0
	for range d.Attrs() {
		count++
	}
	if count != n {
		t.Errorf("%d attributes, want %d", count, n)
	}
	if limit := uint64(len(doc)) * 2; alloc > limit {
		t.Errorf("allocated %d bytes for a %d-byte element, want at most %d", alloc, len(doc), limit)
	}
}

func TestWideAndLong(t *testing.T) {
	// A million siblings and a long text decode in memory proportional to
	// what is kept.
	doc := []byte("<r>" + strings.Repeat("<i>x</i>", 1000000) + "<t>" + strings.Repeat("&amp;", 200000) + "</t></r>")
	var n int
	var err error
	alloc := heapDuring(func() {
		d := NewDecoder(doc)
		d.Root()
		it := d.Children()
		for err == nil && it.Next() {
			if string(d.Name()) == "t" {
				var s string
				s, err = d.Str()
				n = len(s)
				continue
			}
			err = d.Skip()
		}
		err = it.Done(err)
	})
	if err != nil || n != 200000 {
		t.Fatalf("err %v, text of %d bytes", err, n)
	}
	if limit := uint64(len(doc)); alloc > limit {
		t.Errorf("allocated %d bytes for a %d-byte document", alloc, len(doc))
	}
}

func TestHugeNumbers(t *testing.T) {
	digits := strings.Repeat("9", 1<<20)
	for _, read := range []func(d *Decoder) error{
		func(d *Decoder) error { _, err := Int[int64](d); return err },
		func(d *Decoder) error { _, err := Float[float64](d); return err },
		func(d *Decoder) error { _, err := d.BigInt(); return err },
		func(d *Decoder) error { _, err := d.BigFloat(); return err },
		func(d *Decoder) error { _, err := d.Time(EpochSeconds); return err },
	} {
		d := NewDecoder([]byte("<n>" + digits + "</n>"))
		d.Root()
		if err := read(d); !errors.Is(err, ErrValue) {
			t.Errorf("error %v, want ErrValue", err)
		}
	}
}
