package transport

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/smithy-go"
)

func TestCanceledBeforeCall(t *testing.T) {
	fc := okClient()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := NewClient(baseConfig(fc)).Invoke(ctx, getOp("/"))
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("error %v does not wrap context.Canceled", err)
	}
	mustAs[*smithy.OperationError](t, err)
	if n := len(fc.requests()); n != 0 {
		t.Fatalf("%d requests sent with a cancelled context", n)
	}
}

func TestCanceledDuringSend(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	fc := &fakeClient{respond: func(int, *http.Request) (*http.Response, error) {
		cancel()
		return nil, errors.New("connection reset by peer")
	}}
	_, err := NewClient(baseConfig(fc)).Invoke(ctx, getOp("/"))
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("error %v does not wrap context.Canceled", err)
	}
	mustAs[*smithy.CanceledError](t, err)
	if code := mustAs[*awshttp.ResponseError](t, err).HTTPStatusCode(); code != 0 {
		t.Fatalf("status %d for a failed send", code)
	}
	if n := len(fc.requests()); n != 1 {
		t.Fatalf("cancelled request retried: %d attempts", n)
	}
}

// slowRetryer backs off for a minute.
func slowRetryer() aws.Retryer {
	return retry.NewStandard(func(o *retry.StandardOptions) {
		o.Backoff = retry.BackoffDelayerFunc(func(int, error) (time.Duration, error) { return time.Minute, nil })
	})
}

func TestCanceledDuringBackoff(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	fc := &fakeClient{respond: func(int, *http.Request) (*http.Response, error) {
		time.AfterFunc(20*time.Millisecond, cancel)
		return status(503, "ServiceUnavailable")(), nil
	}}
	cfg := baseConfig(fc)
	cfg.Retryer = slowRetryer()
	start := time.Now()
	_, err := NewClient(cfg).Invoke(ctx, getOp("/"))
	if time.Since(start) > 10*time.Second {
		t.Fatal("backoff ignored the cancelled context")
	}
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("error %v does not wrap context.Canceled", err)
	}
	mustAs[*aws.RequestCanceledError](t, err)
	if n := len(fc.requests()); n != 1 {
		t.Fatalf("%d attempts", n)
	}
}

func TestSendErrorShape(t *testing.T) {
	cause := errors.New("tls: handshake failure")
	fc := &fakeClient{respond: func(int, *http.Request) (*http.Response, error) { return nil, cause }}
	cfg := baseConfig(fc)
	cfg.Retryer = fastRetryer(2)
	_, err := NewClient(cfg).Invoke(context.Background(), getOp("/"))
	if !errors.Is(err, cause) {
		t.Fatalf("error %v lost its cause", err)
	}
	if n := len(fc.requests()); n != 2 {
		t.Fatalf("send error attempted %d times, want 2 (retryable connection error)", n)
	}
	want := "operation error CleanRoomsML: GetThing, exceeded maximum number of attempts, 2, https response error StatusCode: 0, RequestID: , request send failed, tls: handshake failure"
	if err.Error() != want {
		t.Fatalf("error text\n %s\nwant\n %s", err, want)
	}
}

type failingBody struct{ err error }

func (f failingBody) Read([]byte) (int, error) { return 0, f.err }
func (f failingBody) Close() error             { return nil }

func TestUnusualResponses(t *testing.T) {
	readErr := errors.New("read went wrong")
	cases := []struct {
		name string
		resp *http.Response
		want func(t *testing.T, err error)
	}{
		{"body read error", &http.Response{StatusCode: 200, ContentLength: -1, Body: failingBody{readErr}},
			func(t *testing.T, err error) {
				mustAs[*smithy.DeserializationError](t, err)
				if !errors.Is(err, readErr) {
					t.Fatalf("error %v lost the read error", err)
				}
			}},
		{"short body", &http.Response{StatusCode: 200, ContentLength: 10, Body: io.NopCloser(strings.NewReader("{}"))},
			func(t *testing.T, err error) { mustAs[*smithy.DeserializationError](t, err) }},
		{"nil header and body", &http.Response{StatusCode: 404},
			func(t *testing.T, err error) {
				if code := mustAs[smithy.APIError](t, err).ErrorCode(); code != "" {
					t.Fatalf("code %q", code)
				}
				if mustAs[*awshttp.ResponseError](t, err).HTTPStatusCode() != 404 {
					t.Fatal("status lost")
				}
			}},
		{"nil response", nil,
			func(t *testing.T, err error) { mustAs[*awshttp.ResponseError](t, err) }},
	}
	for _, tc := range cases {
		fc := &fakeClient{respond: func(int, *http.Request) (*http.Response, error) { return tc.resp, nil }}
		cfg := baseConfig(fc)
		cfg.Retryer = fastRetryer(1)
		_, err := NewClient(cfg).Invoke(context.Background(), getOp("/"))
		if err == nil {
			t.Fatalf("%s: no error", tc.name)
		}
		mustAs[*smithy.OperationError](t, err)
		tc.want(t, err)
	}
}

func TestDecodeAndErrorFallbacks(t *testing.T) {
	decodeErr := errors.New("bad json")
	fc := sequence(func() *http.Response { return jsonResponse(200, `{"x":`) })
	op := &Operation{Name: "GetThing", Decode: func(*Response) error { return decodeErr }}
	_, err := NewClient(baseConfig(fc)).Invoke(context.Background(), op)
	derr := mustAs[*smithy.DeserializationError](t, err)
	if !errors.Is(err, decodeErr) || string(derr.Snapshot) != `{"x":` {
		t.Fatalf("error %v snapshot %q", err, derr.Snapshot)
	}
	if mustAs[*awshttp.ResponseError](t, err).HTTPStatusCode() != 200 {
		t.Fatal("decode error lost the response")
	}

	fc = sequence(status(409, "ConflictException"))
	_, err = NewClient(baseConfig(fc)).Invoke(context.Background(), &Operation{Name: "GetThing"})
	generic := mustAs[*smithy.GenericAPIError](t, err)
	if generic.Code != "UnknownError" || generic.Message != "Conflict" {
		t.Fatalf("generic error %+v", generic)
	}
}

func TestBuildErrors(t *testing.T) {
	cause := errors.New("cannot encode")
	invalid := smithy.InvalidParamsError{Context: "CreateThingInput"}
	invalid.Add(smithy.NewErrParamRequired("Name"))
	for i, buildErr := range []error{cause, invalid, &invalid} {
		fc := okClient()
		op := testOp("CreateThing", func(*Request) error { return buildErr }, nil)
		_, err := NewClient(baseConfig(fc)).Invoke(context.Background(), op)
		if len(fc.requests()) != 0 || !strings.Contains(err.Error(), buildErr.Error()) {
			t.Fatalf("error %v, %d requests", err, len(fc.requests()))
		}
		var serr *smithy.SerializationError
		if errors.As(err, &serr) != (i == 0) {
			t.Fatalf("error %v: serialization wrapping wrong", err)
		}
		if inner := errors.Unwrap(err); i > 0 && fmt.Sprintf("%T", inner) != fmt.Sprintf("%T", buildErr) {
			t.Fatalf("error %v: validation error not passed through", err)
		}
	}
}
