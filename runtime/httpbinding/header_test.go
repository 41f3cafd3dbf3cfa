package httpbinding

import (
	"net/http"
	"reflect"
	"testing"
)

func TestSplitHeader(t *testing.T) {
	tests := []struct {
		lines []string
		want  []string
	}{
		{[]string{"a, b, c"}, []string{"a", "b", "c"}},
		{[]string{`"b,c", "\"def\"", a`}, []string{"b,c", `"def"`, "a"}},
		{[]string{"1", "2, 3"}, []string{"1", "2", "3"}},
		{[]string{""}, []string{}},
		{[]string{`"unterminated`}, []string{"unterminated"}},
		{[]string{"a,,b"}, []string{"a", "", "b"}},
	}
	for _, tt := range tests {
		if got := SplitHeader(tt.lines); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("SplitHeader(%q) = %q, want %q", tt.lines, got, tt.want)
		}
	}
}

func TestJoinHeaderRoundTrip(t *testing.T) {
	items := []string{"a", "b,c", `"def"`, ` padded `, `back\slash`}
	joined := JoinHeader(items)
	if want := `a, "b,c", "\"def\"", " padded ", back\slash`; joined != want {
		t.Errorf("JoinHeader() = %q, want %q", joined, want)
	}
	if got := SplitHeader([]string{joined}); !reflect.DeepEqual(got, []string{"a", "b,c", `"def"`, " padded ", `back\slash`}) {
		t.Errorf("SplitHeader(JoinHeader()) = %q", got)
	}
}

func TestSplitHTTPDates(t *testing.T) {
	got := SplitHTTPDates([]string{"Mon, 16 Dec 2019 23:48:18 GMT, Tue, 17 Dec 2019 23:48:18 GMT", "Wed, 18 Dec 2019 00:00:00 GMT"})
	want := []string{"Mon, 16 Dec 2019 23:48:18 GMT", "Tue, 17 Dec 2019 23:48:18 GMT", "Wed, 18 Dec 2019 00:00:00 GMT"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("SplitHTTPDates() = %q, want %q", got, want)
	}
}

func TestHeaderLookups(t *testing.T) {
	h := http.Header{"X-A": {"  v  ", "w"}, "X-L": {"1, 2"}, "X-Meta-Foo": {"f"}, "X-Meta-Bar": {"b"}, "Other": {"o"}}
	if v, ok := Header(h, "X-A"); !ok || v != "v" {
		t.Errorf("Header(X-A) = %q, %v", v, ok)
	}
	if _, ok := Header(h, "X-Missing"); ok {
		t.Error("Header(X-Missing) reported a value")
	}
	if vs, ok := HeaderList(h, "X-L"); !ok || !reflect.DeepEqual(vs, []string{"1", "2"}) {
		t.Errorf("HeaderList(X-L) = %q, %v", vs, ok)
	}
	if got := PrefixHeaders[string](h, "x-meta-"); !reflect.DeepEqual(got, map[string]string{"foo": "f", "bar": "b"}) {
		t.Errorf("PrefixHeaders() = %v", got)
	}
	if got := PrefixHeaders[string](h, "X-None-"); got != nil {
		t.Errorf("PrefixHeaders(no match) = %v, want nil", got)
	}
	if got := PrefixHeaders[string](h, ""); len(got) != len(h) || got["other"] != "o" {
		t.Errorf("PrefixHeaders(\"\") = %v", got)
	}
}

func TestSetPrefixHeaders(t *testing.T) {
	h := http.Header{}
	SetPrefixHeaders(h, "X-Foo-", map[string]string{"abc": "1", "def": "2"})
	if got := h.Get("X-Foo-Abc"); got != "1" {
		t.Errorf("X-Foo-Abc = %q", got)
	}
	if _, ok := h["X-Foo-Def"]; !ok {
		t.Errorf("headers not canonical: %v", h)
	}
}

func TestBase64(t *testing.T) {
	enc := Base64(`{"a":1}`)
	if enc != "eyJhIjoxfQ==" {
		t.Errorf("Base64() = %q", enc)
	}
	if dec, err := ParseBase64(enc); err != nil || dec != `{"a":1}` {
		t.Errorf("ParseBase64() = %q, %v", dec, err)
	}
	if _, err := ParseBase64("%%%"); err == nil {
		t.Error("ParseBase64(invalid) succeeded")
	}
}
