package transport

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	smithyauth "github.com/aws/smithy-go/auth"
	smithyendpoints "github.com/aws/smithy-go/endpoints"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// ruleSetEndpoint is an endpoint as runtime/rules resolves one: auth
// options named as the rule set names them ("sigv4", "sigv4a", ...).
func ruleSetEndpoint(raw string, schemes ...string) *smithyendpoints.Endpoint {
	ep := staticEndpoint(raw)
	var opts []*smithyauth.Option
	for _, s := range schemes {
		o := &smithyauth.Option{SchemeID: s}
		smithyhttp.SetSigV4SigningName(&o.SignerProperties, "s3")
		smithyhttp.SetSigV4SigningRegion(&o.SignerProperties, "us-west-2")
		opts = append(opts, o)
	}
	smithyauth.SetAuthOptions(&ep.Properties, opts)
	return ep
}

// TestRuleSetAuthSchemes signs with the sigv4 scheme of a rule set's
// authSchemes, whichever way it is named, and fails when none is SigV4.
func TestRuleSetAuthSchemes(t *testing.T) {
	for _, schemes := range [][]string{{"sigv4"}, {smithyauth.SchemeIDSigV4}, {"sigv4a", "sigv4"}} {
		fc := okClient()
		op := getOp("/key")
		op.Endpoint = ruleSetEndpoint("https://bucket.s3.us-west-2.amazonaws.com", schemes...)
		if _, err := NewClient(baseConfig(fc)).Invoke(context.Background(), op); err != nil {
			t.Fatalf("%v: %v", schemes, err)
		}
		if a := fc.requests()[0].req.Header.Get("Authorization"); !strings.Contains(a, "/us-west-2/s3/aws4_request") {
			t.Errorf("%v: Authorization %q", schemes, a)
		}
	}
	op := getOp("/key")
	op.Endpoint = ruleSetEndpoint("https://mrap.accesspoint.s3-global.amazonaws.com", "sigv4a")
	_, err := NewClient(baseConfig(okClient())).Invoke(context.Background(), op)
	if err == nil || !strings.Contains(err.Error(), "requires auth scheme sigv4a") {
		t.Errorf("sigv4a only: error %v", err)
	}
}

// TestEndpointPathJoin sends S3-style paths to a path-style endpoint (the
// bucket in the endpoint's path) and to a virtual-hosted one: segments are
// kept as they are (no cleaning of "." and "..", no merging of slashes),
// and the path is signed as sent.
func TestEndpointPathJoin(t *testing.T) {
	cases := []struct{ endpoint, path, want string }{
		{"https://s3.us-west-2.amazonaws.com/mybucket", "", "/mybucket"},
		{"https://s3.us-west-2.amazonaws.com/mybucket", "/key.txt", "/mybucket/key.txt"},
		{"https://s3.us-west-2.amazonaws.com/mybucket", "/dir/", "/mybucket/dir/"},
		{"https://s3.us-west-2.amazonaws.com/mybucket", "/foo/../key.txt", "/mybucket/foo/../key.txt"},
		{"https://s3.us-west-2.amazonaws.com/mybucket", "/./a/./b", "/mybucket/./a/./b"},
		{"https://s3.us-west-2.amazonaws.com/mybucket", "//lead", "/mybucket//lead"},
		{"https://s3.us-west-2.amazonaws.com/mybucket", "/my%20key%E2%82%AC.txt", "/mybucket/my%20key%E2%82%AC.txt"},
		{"https://s3.us-west-2.amazonaws.com/mybucket", "/a%2Fb", "/mybucket/a%2Fb"},
		{"http://127.0.0.1:9000/prefix/mybucket", "/k", "/prefix/mybucket/k"},
		{"https://mybucket.s3.us-west-2.amazonaws.com", "", "/"},
		{"https://mybucket.s3.us-west-2.amazonaws.com", "/../key.txt", "/../key.txt"},
	}
	for _, stack := range []bool{false, true} {
		for _, tc := range cases {
			fc := okClient()
			cfg := baseConfig(fc)
			if stack {
				cfg.APIOptions = []func(*middleware.Stack) error{func(*middleware.Stack) error { return nil }}
			}
			op := testOp("GetObject", func(r *Request) error {
				r.Method, r.Path, r.DisableURIPathEscaping = "GET", tc.path, true
				return nil
			}, nil)
			op.Endpoint = ruleSetEndpoint(tc.endpoint, "sigv4")
			if _, err := NewClient(cfg).Invoke(context.Background(), op); err != nil {
				t.Fatalf("stack=%v: %s + %q: %v", stack, tc.endpoint, tc.path, err)
			}
			r := fc.requests()[0].req
			if got := r.URL.EscapedPath(); got != tc.want {
				t.Errorf("stack=%v: %s + %q: path %q, want %q", stack, tc.endpoint, tc.path, got, tc.want)
			}
			checkSignedAsSent(t, r)
		}
	}
}

// checkSignedAsSent signs a copy of r again, its path unescaped once more
// as S3 requires, and compares the signatures.
func checkSignedAsSent(t *testing.T, r *http.Request) {
	t.Helper()
	at, err := time.Parse("20060102T150405Z", r.Header.Get("X-Amz-Date"))
	if err != nil {
		t.Fatal(err)
	}
	c := r.Clone(context.Background())
	c.Header.Del("Authorization")
	creds, _ := testCreds.Retrieve(context.Background())
	err = v4.NewSigner().SignHTTP(context.Background(), creds, c, emptyPayloadHash, "s3", "us-west-2", at,
		func(o *v4.SignerOptions) { o.DisableURIPathEscaping = true })
	if err != nil {
		t.Fatal(err)
	}
	if got, want := r.Header.Get("Authorization"), c.Header.Get("Authorization"); got != want {
		t.Errorf("%s: Authorization %q, want %q", r.URL.EscapedPath(), got, want)
	}
}

// TestResolvedEndpointChecked rejects resolved endpoints a request cannot
// be sent to, with the endpoint error.
func TestResolvedEndpointChecked(t *testing.T) {
	for _, raw := range []string{"ftp://example.com", "https:///path", "https://bad_host.example.com"} {
		op := getOp("/")
		op.Endpoint = staticEndpoint(raw)
		_, err := NewClient(baseConfig(okClient())).Invoke(context.Background(), op)
		if err == nil || !strings.Contains(err.Error(), "failed to resolve service endpoint") {
			t.Errorf("%s: error %v", raw, err)
		}
	}
}

// TestPerCallEndpointAllocs checks that a call sent to its own endpoint
// allocates no more than one sent to the client's.
func TestPerCallEndpointAllocs(t *testing.T) {
	c := NewClient(baseConfig(emptyOKClient{http.Header{"Content-Type": {"application/json"}}}))
	ctx := context.Background()
	own := ruleSetEndpoint("https://bucket.s3.us-west-2.amazonaws.com", "sigv4")
	var op Operation
	run := func(ep *smithyendpoints.Endpoint) float64 {
		return testing.AllocsPerRun(50, func() {
			op = Operation{Name: "GetObject", Endpoint: ep, Build: func(r *Request) error {
				r.Method, r.Path = "GET", "/key"
				return nil
			}}
			if _, err := c.Invoke(ctx, &op); err != nil {
				t.Fatal(err)
			}
		})
	}
	if shared, percall := run(nil), run(own); percall > shared {
		t.Errorf("a call to its own endpoint allocates %v times, one to the client's %v", percall, shared)
	}
}
