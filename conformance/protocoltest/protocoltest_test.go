package protocoltest

import (
	"bytes"
	"io"
	"math"
	"math/big"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/aws/smithy-go/middleware"

	"github.com/smithygen/smithygen/runtime/document"
)

func sentRequest(t *testing.T, rawURL string, header http.Header, body string) *http.Request {
	t.Helper()
	u, err := url.Parse(rawURL)
	if err != nil {
		t.Fatal(err)
	}
	return &http.Request{Method: "POST", URL: u, Header: header, ContentLength: int64(len(body))}
}

func TestRequestProblems(t *testing.T) {
	r := sentRequest(t, "https://foo.example.com/a%2Fb/c?k=v%20w&flag&k=x",
		http.Header{"Content-Type": {"application/json"}, "X-List": {"a", "b"}}, `{"a":1.0,"b":[true]}`)
	body := []byte(`{"b":[true],"a":1}`)
	ok := Request{Method: "POST", URI: "/a%2Fb/c", ResolvedHost: "foo.example.com",
		QueryParams: []string{"k=v%20w", "k=x", "flag="}, ForbidQueryParams: []string{"z"}, RequireQueryParams: []string{"flag"},
		Headers: map[string]string{"content-type": "application/json", "X-List": "a, b"}, ForbidHeaders: []string{"X-No"},
		RequireHeaders: []string{"Content-Length"}, HasBody: true, Body: `{"a": 1, "b": [true]}`, BodyMediaType: "application/json"}
	if p := RequestProblems(r, body, ok); len(p) != 0 {
		t.Fatalf("matching request reported: %q", p)
	}
	bad := []func(*Request){
		func(w *Request) { w.Method = "PUT" },
		func(w *Request) { w.URI = "/a/b/c" },
		func(w *Request) { w.ResolvedHost = "example.com" },
		func(w *Request) { w.QueryParams = []string{"k=v", "k=x"} },
		func(w *Request) { w.QueryParams = []string{"k=x", "k=x"} },
		func(w *Request) { w.ForbidQueryParams = []string{"flag"} },
		func(w *Request) { w.RequireQueryParams = []string{"missing"} },
		func(w *Request) { w.Headers = map[string]string{"X-List": "a,b"} },
		func(w *Request) { w.ForbidHeaders = []string{"x-list"} },
		func(w *Request) { w.RequireHeaders = []string{"X-Other"} },
		func(w *Request) { w.Body = `{"a": 2, "b": [true]}` },
		func(w *Request) { w.BodyMediaType = "text/plain" },
	}
	for i, change := range bad {
		w := ok
		change(&w)
		if p := RequestProblems(r, body, w); len(p) != 1 {
			t.Errorf("change %d: problems %q, want one", i, p)
		}
	}
}

func TestCapture(t *testing.T) {
	c := &Capture{}
	var callErr error
	r, _ := http.NewRequest("GET", "https://example.com/x", strings.NewReader("body"))
	if _, err := c.Do(r); err != nil {
		t.Fatal(err)
	}
	second, _ := http.NewRequest("GET", "https://example.com/y", nil)
	_, _ = c.Do(second)
	if c.Request != r || string(c.Body) != "body" {
		t.Errorf("captured %v %q", c.Request.URL, c.Body)
	}
	CheckRequest(t, c, callErr, Request{Method: "GET", URI: "/x", HasBody: true, Body: "body"})
}

func TestResponder(t *testing.T) {
	r := &Responder{Code: 404, Header: http.Header{"X-A": {"b"}}, Body: "nope"}
	resp, err := r.Do(&http.Request{})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 404 || resp.Header.Get("X-A") != "b" || string(b) != "nope" || resp.ContentLength != 4 {
		t.Errorf("response %d %v %q", resp.StatusCode, resp.Header, b)
	}
}

type union interface{ isUnion() }

type memberA struct{ Value string }

func (*memberA) isUnion() {}

type memberB struct{ Value string }

func (*memberB) isUnion() {}

type sample struct {
	Name     *string
	Ratio    float64
	When     time.Time
	Doc      document.Interface
	Stream   io.Reader
	Big      *big.Int
	List     []string
	Map      map[string]int32
	Choice   union
	Metadata middleware.Metadata
	hidden   int
}

func TestDiff(t *testing.T) {
	base := func() *sample {
		return &sample{Name: Ptr("n"), Ratio: math.NaN(), When: Time(1, 500),
			Doc: Document(`{"a": [1, 2.0]}`), Stream: Reader("abc"), Big: BigInt("123456789012345678901234567890"),
			List: []string{}, Map: map[string]int32{"k": 1}, Choice: &memberA{"x"}, hidden: 1}
	}
	got := base()
	got.When = time.Unix(1, 500).In(time.FixedZone("X", 3600))
	got.Doc = Document(`{"a":[1,2]}`)
	got.hidden = 2
	got.Metadata.Set("k", "v")
	if d := Diff(got, base()); len(d) != 0 {
		t.Fatalf("equal values differ: %q", d)
	}
	if d := Diff(&sample{}, &sample{Stream: Reader("")}); len(d) != 0 {
		t.Errorf("nil stream differs from an empty one: %q", d)
	}
	changes := []func(*sample){
		func(s *sample) { s.Name = nil },
		func(s *sample) { s.Ratio = 1 },
		func(s *sample) { s.When = Time(1, 0) },
		func(s *sample) { s.Doc = Document(`{"a": [1]}`) },
		func(s *sample) { s.Stream = Reader("abd") },
		func(s *sample) { s.Big = BigInt("1") },
		func(s *sample) { s.List = nil },
		func(s *sample) { s.Map = map[string]int32{"k": 2} },
		func(s *sample) { s.Map = map[string]int32{"k": 1, "l": 1} },
		func(s *sample) { s.Choice = &memberB{"x"} },
		func(s *sample) { s.Choice = &memberA{"y"} },
	}
	for i, change := range changes {
		want := base()
		change(want)
		if d := Diff(base(), want); len(d) != 1 {
			t.Errorf("change %d: differences %q, want one", i, d)
		}
	}
}

func TestJSONEqual(t *testing.T) {
	if err := JSONEqual([]byte(`{"a":1e2,"b":"x"}`), []byte(` {"b": "x", "a": 100.0} `)); err != nil {
		t.Error(err)
	}
	for _, other := range []string{`{"a":100}`, `{"a":101,"b":"x"}`, `[1]`, `{"a":100,"b":"x"} {}`, `{`} {
		if JSONEqual([]byte(other), []byte(`{"a":100,"b":"x"}`)) == nil {
			t.Errorf("%s equals", other)
		}
	}
}

func TestZeros(t *testing.T) {
	b := []byte{1, 2, 3}
	if n, err := Zeros.Read(b); n != 3 || err != nil || !bytes.Equal(b, []byte{0, 0, 0}) {
		t.Errorf("read %d %v %v", n, err, b)
	}
}
