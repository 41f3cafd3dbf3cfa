package transport

import (
	"context"
	"io"
	"net/http"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
)

// emptyOKClient answers every request with 200 "{}" and no other work.
type emptyOKClient struct{ header http.Header }

type staticBody struct{ done bool }

func (b *staticBody) Read(p []byte) (int, error) {
	if b.done {
		return 0, io.EOF
	}
	b.done = true
	return copy(p, "{}"), nil
}

func (b *staticBody) Close() error { return nil }

func (c emptyOKClient) Do(*http.Request) (*http.Response, error) {
	return &http.Response{StatusCode: 200, Header: c.header, ContentLength: 2, Body: &staticBody{}}, nil
}

func benchmarkInvoke(b *testing.B, creds aws.CredentialsProvider) {
	cfg := baseConfig(emptyOKClient{http.Header{"Content-Type": {"application/json"}}})
	cfg.Credentials = creds
	c := NewClient(cfg)
	ctx := context.Background()
	var out []byte
	b.ReportAllocs()
	for b.Loop() {
		op := testOp("GetThing", func(r *Request) error {
			r.Method, r.Path = "GET", "/memberships/m-1/things"
			return nil
		}, &out)
		if _, err := c.Invoke(ctx, op); err != nil {
			b.Fatal(err)
		}
	}
	if string(out) != "{}" {
		b.Fatalf("output %q", out)
	}
}

// BenchmarkInvokeUnsigned is the cost of the pipeline itself.
func BenchmarkInvokeUnsigned(b *testing.B) { benchmarkInvoke(b, aws.AnonymousCredentials{}) }

// BenchmarkInvokeSigned adds SigV4 signing with cached credentials.
func BenchmarkInvokeSigned(b *testing.B) { benchmarkInvoke(b, testCreds) }
