package transport

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/ratelimit"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/smithy-go"
	smithyendpoints "github.com/aws/smithy-go/endpoints"
)

// sent is one request as the fake client received it.
type sent struct {
	req  *http.Request
	body []byte
}

// fakeClient records requests and answers with respond(attempt number, request).
type fakeClient struct {
	mu      sync.Mutex
	sent    []sent
	respond func(n int, r *http.Request) (*http.Response, error)
}

func (f *fakeClient) Do(r *http.Request) (*http.Response, error) {
	var body []byte
	if r.Body != nil {
		body, _ = io.ReadAll(r.Body)
	}
	f.mu.Lock()
	f.sent = append(f.sent, sent{req: r, body: body})
	n := len(f.sent)
	f.mu.Unlock()
	return f.respond(n, r)
}

func (f *fakeClient) requests() []sent {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]sent(nil), f.sent...)
}

func jsonResponse(status int, body string, header ...string) *http.Response {
	h := http.Header{"Content-Type": {"application/json"}}
	for i := 0; i+1 < len(header); i += 2 {
		h.Set(header[i], header[i+1])
	}
	return &http.Response{StatusCode: status, Header: h, ContentLength: int64(len(body)), ProtoMajor: 1, ProtoMinor: 1,
		Body: io.NopCloser(strings.NewReader(body))}
}

func okClient() *fakeClient {
	return &fakeClient{respond: func(int, *http.Request) (*http.Response, error) {
		return jsonResponse(200, "{}", "X-Amzn-Requestid", "req-ok"), nil
	}}
}

// fastRetryer is the standard retryer without backoff delay or token quota.
func fastRetryer(maxAttempts int) aws.Retryer {
	return retry.NewStandard(func(o *retry.StandardOptions) {
		o.MaxAttempts = maxAttempts
		o.RateLimiter = ratelimit.None
		o.Backoff = retry.BackoffDelayerFunc(func(int, error) (time.Duration, error) { return 0, nil })
	})
}

var testCreds = aws.NewCredentialsCache(credentials{aws.Credentials{
	AccessKeyID: "AKIDEXAMPLE", SecretAccessKey: "secret", SessionToken: "session-token"}})

type credentials struct{ v aws.Credentials }

func (c credentials) Retrieve(context.Context) (aws.Credentials, error) { return c.v, nil }

func baseConfig(hc HTTPClient) Config {
	return Config{
		ServiceID:   "CleanRoomsML",
		SigningName: "cleanrooms-ml",
		Region:      "us-east-1",
		Endpoint:    staticEndpoint("https://cleanrooms-ml.us-east-1.amazonaws.com"),
		Credentials: testCreds,
		HTTPClient:  hc,
		Retryer:     fastRetryer(3),
	}
}

// validationError is a modeled error as generated code declares one.
type validationError struct{ Message string }

func (e *validationError) Error() string                 { return "ValidationException: " + e.Message }
func (e *validationError) ErrorCode() string             { return "ValidationException" }
func (e *validationError) ErrorMessage() string          { return e.Message }
func (e *validationError) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

// testOp is a JSON operation: errors are typed from X-Amzn-Errortype.
func testOp(name string, build func(*Request) error, out *[]byte) *Operation {
	return &Operation{
		Name:  name,
		Build: build,
		Decode: func(r *Response) error {
			if out != nil {
				*out = r.Body
			}
			if r.StatusCode != 200 || r.Header.Get("Content-Type") != "application/json" {
				return errors.New("unexpected response passed to Decode")
			}
			return nil
		},
		Error: func(r *Response) error {
			code := r.Header.Get("X-Amzn-Errortype")
			if code == "ValidationException" {
				return &validationError{Message: string(r.Body)}
			}
			return &smithy.GenericAPIError{Code: code, Message: string(r.Body)}
		},
	}
}

func getOp(path string) *Operation {
	return testOp("GetThing", func(r *Request) error {
		r.Method, r.Path = "GET", path
		return nil
	}, nil)
}

func mustAs[T error](t *testing.T, err error) T {
	t.Helper()
	var target T
	if !errors.As(err, &target) {
		t.Fatalf("error %v (%T) does not wrap %T", err, err, target)
	}
	return target
}

// staticEndpoint is an endpoint resolved to raw, without properties.
func staticEndpoint(raw string) *smithyendpoints.Endpoint {
	u, err := url.Parse(raw)
	if err != nil {
		panic(err)
	}
	return &smithyendpoints.Endpoint{URI: *u}
}
