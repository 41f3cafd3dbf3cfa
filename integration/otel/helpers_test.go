package otel_test

import (
	"context"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/ratelimit"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	sdk "github.com/aws/aws-sdk-go-v2/service/cleanrooms"
	"github.com/aws/smithy-go/tracing"

	ours "github.com/smithygen/smithygen/generated/cleanroomsml"
)

// The tests compare a call of the generated CleanRoomsML client
// (ListTrainedModels) with a call of aws-sdk-go-v2's CleanRooms client
// (ListMemberships): both restJson1 GET list operations, answered by the
// same fake HTTP client with bodies of the same length.

const membership = "0f6f1a66-1cb4-4a3e-9d2d-6a0e2f9a1b2c"

// bodies are the empty pages of both operations, padded to the same length
// so that content-length attributes agree.
var bodies = map[string]string{
	"/memberships/" + membership + "/trained-models": `{"trainedModels":[]      }`,
	"/memberships": `{"membershipSummaries":[]}`,
}

// fakeHTTP answers the n-th request (from 1) with respond(n, path).
type fakeHTTP struct {
	mu      sync.Mutex
	n       int
	respond func(n int, body string) *http.Response
}

func (f *fakeHTTP) Do(r *http.Request) (*http.Response, error) {
	if r.Body != nil {
		_, _ = io.Copy(io.Discard, r.Body)
		r.Body.Close()
	}
	f.mu.Lock()
	f.n++
	n := f.n
	f.mu.Unlock()
	resp := f.respond(n, bodies[r.URL.Path])
	resp.Request = r
	return resp, nil
}

func response(status int, body string, header ...string) *http.Response {
	h := http.Header{"Content-Type": {"application/json"}, "X-Amzn-Requestid": {"req-1"}}
	for i := 0; i+1 < len(header); i += 2 {
		h.Set(header[i], header[i+1])
	}
	return &http.Response{StatusCode: status, Header: h, ContentLength: int64(len(body)),
		Body: io.NopCloser(strings.NewReader(body)), ProtoMajor: 1, ProtoMinor: 1}
}

// okHTTP answers every request with its page.
func okHTTP() *fakeHTTP {
	return &fakeHTTP{respond: func(_ int, body string) *http.Response { return response(200, body) }}
}

// failOnceHTTP answers the first request with a 500 and later ones with the page.
func failOnceHTTP() *fakeHTTP {
	return &fakeHTTP{respond: func(n int, body string) *http.Response {
		if n == 1 {
			const e = `{"message":"try again"}       `
			return response(500, e[:len(body)], "X-Amzn-Errortype", "InternalServerException")
		}
		return response(200, body)
	}}
}

var creds = aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
	return aws.Credentials{AccessKeyID: "AKID", SecretAccessKey: "SECRET", SessionToken: "TOKEN", Source: "test"}, nil
})

// fastRetryer is the standard retryer without delays or quota.
func fastRetryer() aws.Retryer {
	return retry.NewStandard(func(o *retry.StandardOptions) {
		o.RateLimiter = ratelimit.None
		o.Backoff = retry.BackoffDelayerFunc(func(int, error) (time.Duration, error) { return 0, nil })
	})
}

func config(hc aws.HTTPClient) aws.Config {
	return aws.Config{Region: "us-east-1", Credentials: creds, HTTPClient: hc,
		Retryer: func() aws.Retryer { return fastRetryer() }}
}

// client is one of the two clients under comparison.
type client struct {
	name string
	// service and op name the call in span names and attributes.
	service, op string
	call        func(context.Context, aws.Config) error
}

var clients = []client{
	{"smithygen", "CleanRoomsML", "ListTrainedModels", func(ctx context.Context, cfg aws.Config) error {
		_, err := ours.NewFromConfig(cfg).ListTrainedModels(ctx, &ours.ListTrainedModelsInput{MembershipIdentifier: aws.String(membership)})
		return err
	}},
	{"aws-sdk-go-v2", "CleanRooms", "ListMemberships", func(ctx context.Context, cfg aws.Config) error {
		_, err := sdk.NewFromConfig(cfg).ListMemberships(ctx, &sdk.ListMembershipsInput{})
		return err
	}},
}

// normalize replaces the client's service and operation names, and its
// endpoint host, by placeholders.
func (c client) normalize(s string) string {
	s = strings.ReplaceAll(s, c.service+"."+c.op, "SERVICE.OP")
	s = strings.ReplaceAll(s, c.service+"/"+c.op, "SERVICE/OP")
	s = strings.ReplaceAll(s, c.op, "OP")
	s = strings.ReplaceAll(s, "rpc.service="+c.service, "rpc.service=SERVICE")
	s = strings.ReplaceAll(s, "https://"+strings.ToLower(map[string]string{"CleanRoomsML": "cleanrooms-ml", "CleanRooms": "cleanrooms"}[c.service])+".", "https://HOST.")
	if s == c.service {
		return "SERVICE"
	}
	return s
}

func diff(t *testing.T, what string, got, want []string) {
	t.Helper()
	g, w := strings.Join(got, "\n"), strings.Join(want, "\n")
	if g != w {
		t.Errorf("%s differ:\nsmithygen:\n%s\n\naws-sdk-go-v2:\n%s", what, g, w)
	}
}

// both returns a ServiceOptions function that applies ourFn to a generated
// client's options and sdkFn to aws-sdk-go-v2's.
func both(ourFn func(*ours.Options), sdkFn func(*sdk.Options)) func(string, any) {
	return func(_ string, o any) {
		switch o := o.(type) {
		case *ours.Options:
			ourFn(o)
		case *sdk.Options:
			sdkFn(o)
		}
	}
}

func setTracer(p tracing.TracerProvider) func(string, any) {
	return both(func(o *ours.Options) { o.TracerProvider = p }, func(o *sdk.Options) { o.TracerProvider = p })
}
