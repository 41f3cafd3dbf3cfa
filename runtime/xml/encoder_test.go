package xml

import (
	"errors"
	"math"
	"math/big"
	"net/http"
	"testing"
	"time"

	"github.com/aws/smithy-go"

	"github.com/smithygen/smithygen/runtime/transport"
)

func TestEncoderStructure(t *testing.T) {
	e := NewEncoder()
	e.Start("PutGrantsRequest")
	e.Namespace("", "https://example.com/")
	e.Namespace("xsi", "http://www.w3.org/2001/XMLSchema-instance")
	e.Attr("test", `a "quoted" <value> & more`)
	// A wrapped list with renamed members.
	e.Start("Grants")
	for _, g := range []string{"one", "two"} {
		e.Start("Grant")
		e.Attr("xsi:type", "CanonicalUser")
		e.Start("ID")
		e.Str(g)
		e.End("ID")
		e.End("Grant")
	}
	e.End("Grants")
	// A flattened map.
	for _, kv := range [][2]string{{"a", "A"}, {"b", "B"}} {
		e.Start("KVP")
		e.Start("K")
		e.Str(kv[0])
		e.End("K")
		e.Start("V")
		e.Str(kv[1])
		e.End("V")
		e.End("KVP")
	}
	e.Start("Empty")
	e.End("Empty")
	e.End("PutGrantsRequest")
	want := `<PutGrantsRequest xmlns="https://example.com/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ` +
		`test="a &quot;quoted&quot; &lt;value&gt; &amp; more">` +
		`<Grants><Grant xsi:type="CanonicalUser"><ID>one</ID></Grant><Grant xsi:type="CanonicalUser"><ID>two</ID></Grant></Grants>` +
		`<KVP><K>a</K><V>A</V></KVP><KVP><K>b</K><V>B</V></KVP><Empty></Empty></PutGrantsRequest>`
	if got := string(e.Bytes()); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if e.Err() != nil {
		t.Error(e.Err())
	}
	// The decoder reads back what the encoder wrote.
	d := root(t, want)
	if s, _ := d.Attr("test"); s != `a "quoted" <value> & more` || d.Namespace() != "https://example.com/" {
		t.Errorf("attribute %q, namespace %q", s, d.Namespace())
	}
}

func TestEscaping(t *testing.T) {
	for _, c := range []struct {
		in, text, attr string
		lossless       bool // the input holds only XML characters
	}{
		{"plain", "plain", "plain", true},
		{`<&>"'`, `&lt;&amp;&gt;"'`, `&lt;&amp;&gt;&quot;'`, true},
		{"a\tb\nc\rd", "a\tb\nc&#xD;d", "a&#x9;b&#xA;c&#xD;d", true},
		{"nul\x00 bell\x07", "nul\uFFFD bell\uFFFD", "nul\uFFFD bell\uFFFD", false},
		{"bad \xff utf8 \xed\xa0\x80", "bad \uFFFD utf8 \uFFFD\uFFFD\uFFFD", "bad \uFFFD utf8 \uFFFD\uFFFD\uFFFD", false},
		{"unicode ✓ \U0001F600", "unicode ✓ \U0001F600", "unicode ✓ \U0001F600", true},
		{"noncharacter \uFFFE", "noncharacter \uFFFD", "noncharacter \uFFFD", false},
	} {
		if got := string(appendEscaped(nil, c.in, false)); got != c.text {
			t.Errorf("text %q: %q, want %q", c.in, got, c.text)
		}
		if got := string(appendEscaped(nil, c.in, true)); got != c.attr {
			t.Errorf("attribute %q: %q, want %q", c.in, got, c.attr)
		}
		// Whatever is written reads back as text, and valid input as itself.
		e := NewEncoder()
		e.Start("a")
		e.Attr("v", c.in)
		e.Str(c.in)
		e.End("a")
		d := root(t, string(e.Bytes()))
		attr, _ := d.Attr("v")
		text, err := d.Str()
		if err != nil {
			t.Fatalf("%q: %v", e.Bytes(), err)
		}
		if c.lossless && (text != c.in || attr != c.in) {
			t.Errorf("round trip of %q: text %q, attribute %q", c.in, text, attr)
		}
	}
}

func TestEncoderScalars(t *testing.T) {
	ts := time.Date(2014, 4, 29, 18, 30, 38, 123e6, time.UTC)
	for _, c := range []struct {
		write func(e *Encoder)
		want  string
	}{
		{func(e *Encoder) { e.Bool(true) }, "true"},
		{func(e *Encoder) { e.Int(-42) }, "-42"},
		{func(e *Encoder) { e.Float(10.8, 64) }, "10.8"},
		{func(e *Encoder) { e.Float(float64(float32(1.1)), 32) }, "1.1"},
		{func(e *Encoder) { e.Float(1e21, 64) }, "1e+21"},
		{func(e *Encoder) { e.Float(1e-7, 64) }, "1e-7"},
		{func(e *Encoder) { e.Float(123456789, 64) }, "123456789"},
		{func(e *Encoder) { e.Float(math.NaN(), 64) }, "NaN"},
		{func(e *Encoder) { e.Float(math.Inf(1), 64) }, "Infinity"},
		{func(e *Encoder) { e.Float(math.Inf(-1), 32) }, "-Infinity"},
		{func(e *Encoder) { e.Time(ts, DateTime) }, "2014-04-29T18:30:38.123Z"},
		{func(e *Encoder) { e.Time(ts.Truncate(time.Second), DateTime) }, "2014-04-29T18:30:38Z"},
		{func(e *Encoder) { e.Time(ts, HTTPDate) }, "Tue, 29 Apr 2014 18:30:38 GMT"},
		{func(e *Encoder) { e.Time(ts, EpochSeconds) }, "1398796238.123"},
		{func(e *Encoder) { e.Time(time.Unix(-1, -500e6), EpochSeconds) }, "-1.5"},
		{func(e *Encoder) { e.Blob([]byte("value")) }, "dmFsdWU="},
		{func(e *Encoder) { e.BigInt(new(big.Int).Lsh(big.NewInt(1), 70)) }, "1180591620717411303424"},
		{func(e *Encoder) { e.BigFloat(big.NewFloat(1.5)) }, "1.5"},
	} {
		e := NewEncoder()
		e.Start("v")
		c.write(e)
		e.End("v")
		if got, want := string(e.Bytes()), "<v>"+c.want+"</v>"; got != want {
			t.Errorf("got %s, want %s", got, want)
		}
	}
}

func TestEncoderErrors(t *testing.T) {
	e := NewEncoder()
	e.Attr("a", "b")
	e.Start("x")
	e.BigFloat(new(big.Float).SetInf(false))
	e.UnknownMember("U")
	if e.Err() == nil {
		t.Fatal("no error recorded")
	}
	r := &transport.Request{Header: http.Header{}}
	var serr *smithy.SerializationError
	if err := e.SetBody(r, "application/xml"); !errors.As(err, &serr) {
		t.Errorf("SetBody: %v", err)
	}

	e = NewEncoder()
	e.Start("x")
	e.End("x")
	r = &transport.Request{Header: http.Header{"Content-Type": {"text/plain"}}}
	if err := e.SetBody(r, "application/xml"); err != nil || string(r.Body) != "<x></x>" || r.Header.Get("Content-Type") != "text/plain" {
		t.Errorf("SetBody: %v %q %v", err, r.Body, r.Header)
	}
}
