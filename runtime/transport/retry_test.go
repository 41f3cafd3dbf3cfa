package transport

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"testing"
	"time"

	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/smithy-go"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// sequence answers attempt n with responses[n-1], then with 200.
func sequence(responses ...func() *http.Response) *fakeClient {
	return &fakeClient{respond: func(n int, _ *http.Request) (*http.Response, error) {
		if n <= len(responses) {
			return responses[n-1](), nil
		}
		return jsonResponse(200, "{}", "X-Amzn-Requestid", "req-"+strconv.Itoa(n)), nil
	}}
}

func status(code int, errType string) func() *http.Response {
	return func() *http.Response {
		return jsonResponse(code, `{"message":"x"}`, "X-Amzn-Errortype", errType, "X-Amzn-Requestid", "req-err")
	}
}

func TestRetriesToSuccess(t *testing.T) {
	cases := []struct {
		name     string
		fc       *fakeClient
		attempts int
	}{
		{"500 then 503", sequence(status(500, "InternalServerException"), status(503, "ServiceUnavailable")), 3},
		{"throttling code", sequence(status(400, "ThrottlingException")), 2},
		{"429 unmodeled", sequence(status(429, "")), 2},
		{"connection refused", &fakeClient{respond: func(n int, r *http.Request) (*http.Response, error) {
			if n == 1 {
				return nil, &url.Error{Op: "Post", URL: r.URL.String(), Err: &net.OpError{Op: "dial", Err: errors.New("connection refused")}}
			}
			return jsonResponse(200, "{}", "X-Amzn-Requestid", "req-2"), nil
		}}, 2},
	}
	for _, tc := range cases {
		md, err := NewClient(baseConfig(tc.fc)).Invoke(context.Background(), postOp(nil))
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		reqs := tc.fc.requests()
		if len(reqs) != tc.attempts {
			t.Fatalf("%s: %d attempts, want %d", tc.name, len(reqs), tc.attempts)
		}
		if id, _ := awsmiddleware.GetRequestIDMetadata(md); id != "req-"+strconv.Itoa(tc.attempts) {
			t.Fatalf("%s: metadata request ID %q is not the last attempt's", tc.name, id)
		}
		invocation := reqs[0].req.Header.Get("Amz-Sdk-Invocation-Id")
		for i, s := range reqs {
			checkSDKHeaders(t, s.req.Header, fmt.Sprintf("attempt=%d; max=3", i+1))
			if s.req.Header.Get("Amz-Sdk-Invocation-Id") != invocation || string(s.body) != `{"a":1}` {
				t.Fatalf("%s: attempt %d changed invocation id or body %q", tc.name, i+1, s.body)
			}
		}
	}
}

func TestValidationErrorNotRetried(t *testing.T) {
	fc := sequence(status(400, "ValidationException"))
	md, err := NewClient(baseConfig(fc)).Invoke(context.Background(), postOp(nil))
	if n := len(fc.requests()); n != 1 {
		t.Fatalf("%d attempts for a validation error", n)
	}
	opErr := mustAs[*smithy.OperationError](t, err)
	if opErr.ServiceID != "CleanRoomsML" || opErr.OperationName != "CreateThing" {
		t.Fatalf("operation error %q %q", opErr.ServiceID, opErr.OperationName)
	}
	respErr := mustAs[*awshttp.ResponseError](t, err)
	if respErr.HTTPStatusCode() != 400 || respErr.ServiceRequestID() != "req-err" {
		t.Fatalf("response error status %d request ID %q", respErr.HTTPStatusCode(), respErr.ServiceRequestID())
	}
	if mustAs[*smithyhttp.ResponseError](t, err).Response.Header.Get("X-Amzn-Errortype") != "ValidationException" {
		t.Fatal("response headers not kept")
	}
	if v := mustAs[*validationError](t, err); v.Message != `{"message":"x"}` {
		t.Fatalf("modeled error message %q", v.Message)
	}
	if api := mustAs[smithy.APIError](t, err); api.ErrorCode() != "ValidationException" {
		t.Fatalf("API error code %q", api.ErrorCode())
	}
	if id, _ := awsmiddleware.GetRequestIDMetadata(md); id != "req-err" {
		t.Fatalf("metadata request ID %q", id)
	}
	want := "operation error CleanRoomsML: CreateThing, https response error StatusCode: 400, RequestID: req-err, ValidationException: {\"message\":\"x\"}"
	if err.Error() != want {
		t.Fatalf("error text\n %s\nwant\n %s", err, want)
	}
}

func TestRetryMaxAttempts(t *testing.T) {
	cases := []struct {
		name     string
		cfg      func(*Config)
		attempts int
	}{
		{"custom retryer limited", func(c *Config) { c.Retryer, c.RetryMaxAttempts = fastRetryer(3), 5 }, 5},
		{"custom retryer", func(c *Config) { c.Retryer = fastRetryer(4) }, 4},
		{"default retryer limited", func(c *Config) { c.Retryer, c.RetryMaxAttempts = nil, 2 }, 2},
	}
	for _, tc := range cases {
		fc := &fakeClient{respond: func(int, *http.Request) (*http.Response, error) {
			return status(503, "ServiceUnavailable")(), nil
		}}
		cfg := baseConfig(fc)
		tc.cfg(&cfg)
		_, err := NewClient(cfg).Invoke(context.Background(), getOp("/"))
		if n := len(fc.requests()); n != tc.attempts {
			t.Fatalf("%s: %d attempts, want %d", tc.name, n, tc.attempts)
		}
		if maxErr := mustAs[*retry.MaxAttemptsError](t, err); maxErr.Attempt != tc.attempts {
			t.Fatalf("%s: MaxAttemptsError.Attempt %d", tc.name, maxErr.Attempt)
		}
		if mustAs[*awshttp.ResponseError](t, err).HTTPStatusCode() != 503 {
			t.Fatalf("%s: %v", tc.name, err)
		}
		last := fc.requests()[tc.attempts-1].req.Header.Get("Amz-Sdk-Request")
		if last != fmt.Sprintf("attempt=%d; max=%d", tc.attempts, tc.attempts) {
			t.Fatalf("%s: last amz-sdk-request %q", tc.name, last)
		}
	}
}

func TestResolveRetryer(t *testing.T) {
	if got := ResolveRetryer(nil, 0).MaxAttempts(); got != retry.DefaultMaxAttempts {
		t.Fatalf("default max attempts %d", got)
	}
	if got := ResolveRetryer(nil, 7).MaxAttempts(); got != 7 {
		t.Fatalf("limited default max attempts %d", got)
	}
	r := fastRetryer(4)
	if ResolveRetryer(r, 0) != r || ResolveRetryer(r, 9).MaxAttempts() != 9 {
		t.Fatal("custom retryer not kept or not limited")
	}
}

func TestRetryAfterHeader(t *testing.T) {
	const backoff = 10 * time.Millisecond
	cases := map[string]time.Duration{
		"":      backoff,
		"bad":   backoff,
		"-5":    backoff,
		"1":     backoff,
		"2000":  2 * time.Second,
		"90000": backoff + 5*time.Second,
	}
	s := &call{client: NewClient(baseConfig(okClient()))}
	for hint, want := range cases {
		resp := jsonResponse(503, "")
		resp.Header.Set("X-Amz-Retry-After", hint)
		err := responseError(resp, "", errors.New("unavailable"))
		if got := s.retryAfter(backoff, err); got != want {
			t.Errorf("x-amz-retry-after %q: delay %v, want %v", hint, got, want)
		}
	}
	if got := s.retryAfter(backoff, errors.New("no response")); got != backoff {
		t.Errorf("error without response: delay %v", got)
	}
}

// noTokens is a retryer whose retry quota is exhausted.
type noTokens struct{ *retry.Standard }

func (noTokens) GetRetryToken(context.Context, error) (func(error) error, error) {
	return nil, errors.New("quota exhausted")
}

func TestRetryQuotaExhausted(t *testing.T) {
	fc := sequence(status(500, "InternalServerException"))
	cfg := baseConfig(fc)
	cfg.Retryer = noTokens{retry.NewStandard()}
	_, err := NewClient(cfg).Invoke(context.Background(), getOp("/"))
	if n := len(fc.requests()); n != 1 {
		t.Fatalf("%d attempts without retry quota", n)
	}
	if mustAs[*awshttp.ResponseError](t, err).HTTPStatusCode() != 500 {
		t.Fatalf("error %v lost the response error", err)
	}
}
