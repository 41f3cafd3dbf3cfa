package transport

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
)

func postOp(out *[]byte) *Operation {
	return testOp("CreateThing", func(r *Request) error {
		r.Method, r.Path = "POST", "/memberships/a%2Fb%20c/things"
		r.AddQuery("z", "last")
		r.AddQuery("maxResults", "10")
		r.AddQuery("name", "a b/c+d")
		r.Header.Set("Content-Type", "application/json")
		r.Body = []byte(`{"a":1}`)
		return nil
	}, out)
}

func TestRequestSentUnsigned(t *testing.T) {
	fc := okClient()
	cfg := baseConfig(fc)
	cfg.Credentials = aws.AnonymousCredentials{}
	cfg.AppID = "my app"
	var out []byte
	md, err := NewClient(cfg).Invoke(context.Background(), postOp(&out))
	if err != nil {
		t.Fatal(err)
	}
	if id, _ := awsmiddleware.GetRequestIDMetadata(md); id != "req-ok" || string(out) != "{}" {
		t.Fatalf("request ID %q, output %q", id, out)
	}
	reqs := fc.requests()
	if len(reqs) != 1 {
		t.Fatalf("%d requests sent", len(reqs))
	}
	r := reqs[0].req
	want := "https://cleanrooms-ml.us-east-1.amazonaws.com/memberships/a%2Fb%20c/things?z=last&maxResults=10&name=a%20b%2Fc%2Bd"
	if got := r.URL.String(); got != want || r.Method != "POST" {
		t.Fatalf("sent %s %s, want POST %s", r.Method, got, want)
	}
	if r.URL.Path != "/memberships/a/b c/things" {
		t.Fatalf("decoded path %q", r.URL.Path)
	}
	if string(reqs[0].body) != `{"a":1}` || r.ContentLength != 7 {
		t.Fatalf("body %q length %d", reqs[0].body, r.ContentLength)
	}
	for _, h := range []string{"Authorization", "X-Amz-Date", "X-Amz-Security-Token"} {
		if v := r.Header.Get(h); v != "" {
			t.Fatalf("unsigned request has %s: %q", h, v)
		}
	}
	checkSDKHeaders(t, r.Header, "attempt=1; max=3")
	if ua := r.Header.Get("User-Agent"); !strings.HasSuffix(ua, " app/my-app") {
		t.Fatalf("User-Agent %q lacks the app id", ua)
	}
}

var uuidPattern = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)

func checkSDKHeaders(t *testing.T, h http.Header, attempt string) {
	t.Helper()
	if got := h.Get("Amz-Sdk-Request"); got != attempt {
		t.Fatalf("amz-sdk-request %q, want %q", got, attempt)
	}
	if id := h.Get("Amz-Sdk-Invocation-Id"); !uuidPattern.MatchString(id) {
		t.Fatalf("amz-sdk-invocation-id %q is not a version 4 UUID", id)
	}
	ua := h.Get("User-Agent")
	if !strings.HasPrefix(ua, "smithygen/"+Version+" ua/2.1 os/") || !strings.Contains(ua, " lang/go#") ||
		strings.Contains(ua, "aws-sdk-go") {
		t.Fatalf("User-Agent %q", ua)
	}
}

func TestContentTypeOnlyWhenSet(t *testing.T) {
	fc := okClient()
	if _, err := NewClient(baseConfig(fc)).Invoke(context.Background(), getOp("/things")); err != nil {
		t.Fatal(err)
	}
	r := fc.requests()[0].req
	if _, ok := r.Header["Content-Type"]; ok || r.Body != nil || r.ContentLength != 0 {
		t.Fatalf("GET without payload sent Content-Type %q, body %v", r.Header.Get("Content-Type"), r.Body)
	}
}

func TestInvocationIDsDiffer(t *testing.T) {
	fc := okClient()
	c := NewClient(baseConfig(fc))
	for range 2 {
		if _, err := c.Invoke(context.Background(), getOp("/")); err != nil {
			t.Fatal(err)
		}
	}
	reqs := fc.requests()
	if a, b := reqs[0].req.Header.Get("Amz-Sdk-Invocation-Id"), reqs[1].req.Header.Get("Amz-Sdk-Invocation-Id"); a == b {
		t.Fatalf("two calls share invocation id %q", a)
	}
}

// TestClientEndpoint checks that calls go to the client's resolved endpoint,
// with the host prefix, and to BaseEndpoint when the service has no rules.
func TestClientEndpoint(t *testing.T) {
	cases := []struct{ endpoint, base, prefix, host string }{
		{"https://cleanrooms-ml.us-east-1.amazonaws.com", "", "", "cleanrooms-ml.us-east-1.amazonaws.com"},
		{"https://cleanrooms-ml.eu-west-3.amazonaws.com", "", "data.", "data.cleanrooms-ml.eu-west-3.amazonaws.com"},
		{"https://cleanrooms-ml-fips.us-east-1.api.aws", "https://ignored.example.com", "", "cleanrooms-ml-fips.us-east-1.api.aws"},
		{"", "https://local.example.com:8443", "", "local.example.com:8443"},
	}
	for _, tc := range cases {
		fc := okClient()
		cfg := baseConfig(fc)
		cfg.Endpoint = nil
		if tc.endpoint != "" {
			cfg.Endpoint = staticEndpoint(tc.endpoint)
		}
		if tc.base != "" {
			cfg.BaseEndpoint = aws.String(tc.base)
		}
		op := testOp("GetThing", func(r *Request) error {
			r.Method, r.Path, r.HostPrefix = "GET", "/x", tc.prefix
			return nil
		}, nil)
		if _, err := NewClient(cfg).Invoke(context.Background(), op); err != nil {
			t.Fatalf("%s: %v", tc.host, err)
		}
		if got := fc.requests()[0].req.URL.Host; got != tc.host {
			t.Errorf("host %q, want %q", got, tc.host)
		}
	}
}

func TestEndpointErrors(t *testing.T) {
	cases := []struct{ name, base, prefix, want string }{
		{"rules error", "", "", "Invalid Configuration: Missing Region"},
		{"bad host prefix", "", "a_b.", "endpoint host"},
		{"bad scheme", "ftp://example.com", "", "scheme"},
		{"no host", "https:///path", "", "no host"},
		{"no endpoint", "", "", "no endpoint rules: set BaseEndpoint"},
	}
	for _, tc := range cases {
		fc := okClient()
		cfg := baseConfig(fc)
		switch {
		case tc.name == "rules error":
			cfg.Endpoint, cfg.EndpointErr = nil, errors.New("endpoint rule error, Invalid Configuration: Missing Region")
		case tc.name == "no endpoint" || tc.base != "":
			cfg.Endpoint = nil
		}
		if tc.base != "" {
			cfg.BaseEndpoint = aws.String(tc.base)
		}
		op := testOp("GetThing", func(r *Request) error {
			r.Method, r.Path, r.HostPrefix = "GET", "/", tc.prefix
			return nil
		}, nil)
		_, err := NewClient(cfg).Invoke(context.Background(), op)
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "failed to resolve service endpoint") {
			t.Errorf("%s: error %v, want one containing %q", tc.name, err, tc.want)
		}
		if n := len(fc.requests()); n != 0 {
			t.Errorf("%s: %d requests sent", tc.name, n)
		}
	}
}

func TestBaseEndpointPathPrefix(t *testing.T) {
	var gotPath, gotQuery, gotHost string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		gotPath, gotQuery, gotHost = r.URL.EscapedPath(), r.URL.RawQuery, r.Host
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, "{}")
	}))
	defer srv.Close()
	cfg := baseConfig(nil) // the shared default HTTP client
	cfg.Endpoint, cfg.BaseEndpoint = nil, aws.String(srv.URL+"/base/v1/")
	cfg.Credentials = nil
	op := testOp("GetThing", func(r *Request) error {
		r.Method, r.Path = "GET", "/things/a%2Fb"
		r.AddQuery("k", "v w")
		return nil
	}, nil)
	if _, err := NewClient(cfg).Invoke(context.Background(), op); err != nil {
		t.Fatal(err)
	}
	if gotPath != "/base/v1/things/a%2Fb" || gotQuery != "k=v%20w" || gotHost != strings.TrimPrefix(srv.URL, "http://") {
		t.Fatalf("server saw host %q path %q query %q", gotHost, gotPath, gotQuery)
	}
}

func TestAddQueryEscaping(t *testing.T) {
	var r Request
	r.AddQuery("plain", "AZaz09-._~")
	r.AddQuery("a b", "é&=/?+%")
	want := "plain=AZaz09-._~&a%20b=%C3%A9%26%3D%2F%3F%2B%25"
	if r.RawQuery != want {
		t.Fatalf("RawQuery %q, want %q", r.RawQuery, want)
	}
}
