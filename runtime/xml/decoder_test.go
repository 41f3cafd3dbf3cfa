package xml

import (
	"errors"
	"math"
	"strings"
	"testing"
	"time"
)

// root starts the root element of doc.
func root(t *testing.T, doc string) *Decoder {
	t.Helper()
	d := NewDecoder([]byte(doc))
	ok, err := d.Root()
	if err != nil || !ok {
		t.Fatalf("Root(%q) = %v, %v", doc, ok, err)
	}
	return d
}

// children returns the name and text of every child of the root of doc.
func children(t *testing.T, doc string) [][2]string {
	t.Helper()
	d := root(t, doc)
	var out [][2]string
	it := d.Children()
	var err error
	for err == nil && it.Next() {
		name := string(it.Name())
		var s string
		s, err = d.Str()
		out = append(out, [2]string{name, s})
	}
	if err = it.Done(err); err != nil {
		t.Fatalf("%q: %v", doc, err)
	}
	if err := d.Finish(); err != nil {
		t.Fatalf("Finish: %v", err)
	}
	return out
}

func TestText(t *testing.T) {
	for _, c := range []struct{ doc, want string }{
		{`<a><b>plain</b></a>`, "plain"},
		{`<a><b></b></a>`, ""},
		{`<a><b/></a>`, ""},
		{`<a><b >x</b ></a>`, "x"},
		{`<a><b>&lt;&gt;&amp;&apos;&quot;</b></a>`, `<>&'"`},
		{`<a><b>&#65;&#x42;&#x1F600;</b></a>`, "AB\U0001F600"},
		{`<a><b>x<![CDATA[<not> &a tag;]]>y</b></a>`, "x<not> &a tag;y"},
		{`<a><b>x<!-- comment <c> -->y<?pi data?>z</b></a>`, "xyz"},
		{"<a><b>l1\r\nl2\rl3\n</b></a>", "l1\nl2\nl3\n"},
		{"<a><b>  spaced \t </b></a>", "  spaced \t "},
		{`<a><b>héllo wörld ✓</b></a>`, "héllo wörld ✓"},
		{`<a><b>a > b</b></a>`, "a > b"},
	} {
		got := children(t, c.doc)
		if len(got) != 1 || got[0][0] != "b" || got[0][1] != c.want {
			t.Errorf("%q: got %q, want b=%q", c.doc, got, c.want)
		}
	}
}

func TestTextSharesBody(t *testing.T) {
	body := []byte(`<a><b>shared</b><c>x&amp;y</c></a>`)
	d := NewDecoder(body)
	d.Root()
	it := d.Children()
	it.Next()
	s, _ := d.Str()
	it.Next()
	c, _ := d.Str()
	body[6] = 'S'
	if s != "Shared" {
		t.Errorf("text without references = %q, want it to share the body", s)
	}
	if c != "x&y" {
		t.Errorf("text with references = %q", c)
	}
	if it.Next() || it.Done(nil) != nil {
		t.Errorf("Next after the last child: %v", it.Done(nil))
	}
}

func TestChildrenAndSkip(t *testing.T) {
	doc := `<?xml version="1.0" encoding="UTF-8"?>
<!-- prolog comment -->
<Root xmlns="https://example.com/">
  <Skip a="1"><Deep><Deeper x='&lt;'>t</Deeper><E/></Deep>text<![CDATA[</Skip>]]></Skip>
  <Want>1</Want>
  <Nested><Inner>2</Inner><Inner>3</Inner></Nested>
  <Unread><x/></Unread>
  <Empty/>
  <Last>4</Last>
</Root>
<!-- trailing -->`
	d := root(t, doc)
	var got []string
	it := d.Children()
	var err error
	for err == nil && it.Next() {
		switch string(d.Name()) {
		case "Skip":
			err = d.Skip()
		case "Want", "Last":
			var s string
			s, err = d.Str()
			got = append(got, s)
		case "Nested":
			in := d.Children()
			for err == nil && in.Next() {
				var s string
				s, err = d.Str()
				got = append(got, s)
			}
			err = in.Done(err)
		case "Empty":
			in := d.Children()
			if in.Next() {
				t.Error("self-closing element has children")
			}
		}
		// Unread is left alone: Next skips it.
	}
	if err = it.Done(err); err != nil {
		t.Fatal(err)
	}
	if err := d.Finish(); err != nil {
		t.Fatal(err)
	}
	if want := "1 2 3 4"; strings.Join(got, " ") != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestNamespacesAndAttributes(t *testing.T) {
	doc := `<p:Root xmlns:p="urn:p" xmlns="urn:default" id="r&amp;1" multi="a
b">` +
		`<Child xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="CanonicalUser"/>` +
		`<p:Other/><q:Undeclared/><Plain/></p:Root>`
	d := root(t, doc)
	if string(d.Name()) != "Root" || string(d.Prefix()) != "p" || d.Namespace() != "urn:p" {
		t.Errorf("root = %s %s %s", d.Name(), d.Prefix(), d.Namespace())
	}
	if v, ok := d.Attr("id"); !ok || v != "r&1" {
		t.Errorf("id = %q, %v", v, ok)
	}
	if v, _ := d.Attr("multi"); v != "a b" {
		t.Errorf("attribute white space not normalized: %q", v)
	}
	if _, ok := d.Attr("missing"); ok {
		t.Error("missing attribute found")
	}
	var attrs []string
	for name, value := range d.Attrs() {
		attrs = append(attrs, string(name)+"="+value)
	}
	if got, want := strings.Join(attrs, " "), "xmlns:p=urn:p xmlns=urn:default id=r&1 multi=a b"; got != want {
		t.Errorf("Attrs = %q, want %q", got, want)
	}
	it := d.Children()
	want := []struct{ name, ns, typ string }{
		{"Child", "urn:default", "CanonicalUser"},
		{"Other", "urn:p", ""},
		{"Undeclared", "", ""},
		{"Plain", "urn:default", ""},
	}
	for i := 0; it.Next(); i++ {
		typ, _ := d.Attr("xsi:type")
		if got := (struct{ name, ns, typ string }{string(d.Name()), d.Namespace(), typ}); got != want[i] {
			t.Errorf("child %d = %v, want %v", i, got, want[i])
		}
	}
	if err := it.Done(nil); err != nil {
		t.Fatal(err)
	}
}

func TestNamespaceScope(t *testing.T) {
	d := root(t, `<a><b xmlns="urn:b"><c/></b><d/></a>`)
	it := d.Children()
	it.Next() // b
	in := d.Children()
	in.Next() // c
	if d.Namespace() != "urn:b" {
		t.Errorf("c in %q", d.Namespace())
	}
	for in.Next() {
	}
	it.Next() // d
	if string(d.Name()) != "d" || d.Namespace() != "" {
		t.Errorf("%s in %q after its sibling's scope closed", d.Name(), d.Namespace())
	}
}

func TestScalars(t *testing.T) {
	doc := `<a><i> 42 </i><neg>-7</neg><f>10.5</f><nan>NaN</nan><inf>Infinity</inf><ninf>-Infinity</ninf>` +
		`<t>true</t><fa>false</fa><dt>2014-04-29T18:30:38.123Z</dt><off>2019-12-16T22:48:18-01:00</off>` +
		`<hd>Tue, 29 Apr 2014 18:30:38 GMT</hd><ep>1398796238.5</ep><b64>dmFsdWU=</b64><big>123456789012345678901234567890</big>` +
		`<bf>1.25e3</bf><e/></a>`
	d := root(t, doc)
	it := d.Children()
	check := func(name string, read func() (any, error), want any) {
		t.Helper()
		if !it.Next() || string(d.Name()) != name {
			t.Fatalf("expected <%s>, got <%s>: %v", name, d.Name(), it.Done(nil))
		}
		got, err := read()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		switch w := want.(type) {
		case time.Time:
			if !got.(time.Time).Equal(w) {
				t.Errorf("%s = %v, want %v", name, got, w)
			}
		case float64:
			g := got.(float64)
			if g != w && !(math.IsNaN(g) && math.IsNaN(w)) {
				t.Errorf("%s = %v, want %v", name, g, w)
			}
		default:
			if got != want {
				t.Errorf("%s = %v, want %v", name, got, want)
			}
		}
	}
	check("i", func() (any, error) { return Int[int32](d) }, int32(42))
	check("neg", func() (any, error) { return Int[int64](d) }, int64(-7))
	check("f", func() (any, error) { return Float[float64](d) }, 10.5)
	check("nan", func() (any, error) { return Float[float64](d) }, math.NaN())
	check("inf", func() (any, error) { return Float[float64](d) }, math.Inf(1))
	check("ninf", func() (any, error) { return Float[float64](d) }, math.Inf(-1))
	check("t", func() (any, error) { return d.Bool() }, true)
	check("fa", func() (any, error) { return d.Bool() }, false)
	check("dt", func() (any, error) { return d.Time(DateTime) }, time.Date(2014, 4, 29, 18, 30, 38, 123e6, time.UTC))
	check("off", func() (any, error) { return d.Time(DateTime) }, time.Date(2019, 12, 16, 23, 48, 18, 0, time.UTC))
	check("hd", func() (any, error) { return d.Time(HTTPDate) }, time.Date(2014, 4, 29, 18, 30, 38, 0, time.UTC))
	check("ep", func() (any, error) { return d.Time(EpochSeconds) }, time.Unix(1398796238, 5e8))
	check("b64", func() (any, error) { b, err := d.Blob(); return string(b), err }, "value")
	check("big", func() (any, error) { v, err := d.BigInt(); return v.String(), err }, "123456789012345678901234567890")
	check("bf", func() (any, error) { v, err := d.BigFloat(); f, _ := v.Float64(); return f, err }, 1250.0)
	check("e", func() (any, error) { p, err := IntPtr[int32](d); return p == nil, err }, true)
}

func TestPointersAndNew(t *testing.T) {
	d := root(t, `<a><s>x</s><i>1</i><l>2</l><b>true</b><f>1.5</f><t>2020-01-01T00:00:00Z</t><e></e></a>`)
	it := d.Children()
	it.Next()
	s, _ := d.StrPtr()
	it.Next()
	i, _ := IntPtr[int32](d)
	it.Next()
	l, _ := IntPtr[int64](d)
	it.Next()
	b, _ := d.BoolPtr()
	it.Next()
	f, _ := FloatPtr[float64](d)
	it.Next()
	tm, _ := d.TimePtr(DateTime)
	it.Next()
	e, _ := d.StrPtr()
	if *s != "x" || *i != 1 || *l != 2 || !*b || *f != 1.5 || tm.Year() != 2020 || e == nil || *e != "" {
		t.Errorf("pointers: %v %v %v %v %v %v %v", *s, *i, *l, *b, *f, tm, e)
	}
	type pair struct{ a, b int }
	p, q := New[pair](d), New[pair](d)
	p.a = 1
	if p == q || q.a != 0 {
		t.Error("New returned shared values")
	}
}

func TestValueErrors(t *testing.T) {
	for _, c := range []struct {
		doc  string
		read func(d *Decoder) error
	}{
		{`<a>12x</a>`, func(d *Decoder) error { _, err := Int[int32](d); return err }},
		{`<a>99999999999</a>`, func(d *Decoder) error { _, err := Int[int32](d); return err }},
		{`<a>` + strings.Repeat("9", 400) + `</a>`, func(d *Decoder) error { _, err := Int[int64](d); return err }},
		{`<a>1e400</a>`, func(d *Decoder) error { _, err := Float[float64](d); return err }},
		{`<a>inf</a>`, func(d *Decoder) error { _, err := Float[float64](d); return err }},
		{`<a>0x10</a>`, func(d *Decoder) error { _, err := Float[float64](d); return err }},
		{`<a>yes</a>`, func(d *Decoder) error { _, err := d.Bool(); return err }},
		{`<a>2020-13-01T00:00:00Z</a>`, func(d *Decoder) error { _, err := d.Time(DateTime); return err }},
		{`<a>!!</a>`, func(d *Decoder) error { _, err := d.Blob(); return err }},
		{`<a>` + strings.Repeat("9", 5000) + `</a>`, func(d *Decoder) error { _, err := d.BigInt(); return err }},
		{`<a>1e99999999</a>`, func(d *Decoder) error { _, err := d.BigFloat(); return err }},
		{`<a><b/></a>`, func(d *Decoder) error { _, err := d.Str(); return err }},
	} {
		d := root(t, c.doc)
		err := c.read(d)
		var xe *Error
		if !errors.As(err, &xe) {
			t.Errorf("%.40q: error %v is not an *Error", c.doc, err)
			continue
		}
		if xe.Offset <= 0 || xe.Offset > len(c.doc) {
			t.Errorf("%.40q: offset %d", c.doc, xe.Offset)
		}
	}
}

func TestReadTwice(t *testing.T) {
	d := root(t, `<a>x</a>`)
	d.Str()
	if _, err := d.Str(); err == nil {
		t.Error("second read of one element succeeded")
	}
}

func TestEmptyBody(t *testing.T) {
	for _, body := range []string{"", "  \n", "<?xml version='1.0'?><!-- c -->"} {
		d := NewDecoder([]byte(body))
		if ok, err := d.Root(); ok || err != nil {
			t.Errorf("Root(%q) = %v, %v", body, ok, err)
		}
	}
}

func TestCopiedStrings(t *testing.T) {
	long := strings.Repeat("&lt;", 2000)
	got := children(t, `<a><e><!--c--></e><q>&quot;x&quot;</q><l>`+long+`</l><q2>&amp;</q2></a>`)
	want := []string{"", `"x"`, strings.Repeat("<", 2000), "&"}
	for i, w := range want {
		if got[i][1] != w {
			t.Errorf("%s = %.20q, want %.20q", got[i][0], got[i][1], w)
		}
	}
}
