package otel_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// hooks records every interceptor hook it runs and fails the first run of
// the hook named fail with err.
type hooks struct {
	calls []string
	fail  string
	err   error
}

func (h *hooks) run(name string, ic *smithyhttp.InterceptorContext) error {
	h.calls = append(h.calls, fmt.Sprintf("%s input=%t request=%t response=%t output=%t", name,
		ic.Input != nil, ic.Request != nil, ic.Response != nil, ic.Output != nil))
	if name == h.fail {
		h.fail = ""
		return h.err
	}
	return nil
}

func (h *hooks) BeforeExecution(_ context.Context, ic *smithyhttp.InterceptorContext) error {
	return h.run("BeforeExecution", ic)
}

func (h *hooks) BeforeSerialization(_ context.Context, ic *smithyhttp.InterceptorContext) error {
	return h.run("BeforeSerialization", ic)
}

func (h *hooks) AfterSerialization(_ context.Context, ic *smithyhttp.InterceptorContext) error {
	return h.run("AfterSerialization", ic)
}

func (h *hooks) BeforeRetryLoop(_ context.Context, ic *smithyhttp.InterceptorContext) error {
	return h.run("BeforeRetryLoop", ic)
}

func (h *hooks) BeforeAttempt(_ context.Context, ic *smithyhttp.InterceptorContext) error {
	return h.run("BeforeAttempt", ic)
}

func (h *hooks) BeforeSigning(_ context.Context, ic *smithyhttp.InterceptorContext) error {
	return h.run("BeforeSigning", ic)
}

func (h *hooks) AfterSigning(_ context.Context, ic *smithyhttp.InterceptorContext) error {
	return h.run("AfterSigning", ic)
}

func (h *hooks) BeforeTransmit(_ context.Context, ic *smithyhttp.InterceptorContext) error {
	return h.run("BeforeTransmit", ic)
}

func (h *hooks) AfterTransmit(_ context.Context, ic *smithyhttp.InterceptorContext) error {
	return h.run("AfterTransmit", ic)
}

func (h *hooks) BeforeDeserialization(_ context.Context, ic *smithyhttp.InterceptorContext) error {
	return h.run("BeforeDeserialization", ic)
}

func (h *hooks) AfterDeserialization(_ context.Context, ic *smithyhttp.InterceptorContext) error {
	return h.run("AfterDeserialization", ic)
}

func (h *hooks) AfterAttempt(_ context.Context, ic *smithyhttp.InterceptorContext) error {
	return h.run("AfterAttempt", ic)
}

func (h *hooks) AfterExecution(_ context.Context, ic *smithyhttp.InterceptorContext) error {
	return h.run("AfterExecution", ic)
}

func (h *hooks) register(r *smithyhttp.InterceptorRegistry) {
	r.AddBeforeExecution(h)
	r.AddBeforeSerialization(h)
	r.AddAfterSerialization(h)
	r.AddBeforeRetryLoop(h)
	r.AddBeforeAttempt(h)
	r.AddBeforeSigning(h)
	r.AddAfterSigning(h)
	r.AddBeforeTransmit(h)
	r.AddAfterTransmit(h)
	r.AddBeforeDeserialization(h)
	r.AddAfterDeserialization(h)
	r.AddAfterAttempt(h)
	r.AddAfterExecution(h)
}

// retryable is an error aws-sdk-go-v2's retryers retry.
type retryable struct{}

func (retryable) Error() string        { return "retryable hook failure" }
func (retryable) RetryableError() bool { return true }

var errHook = errors.New("hook failure")

// TestInterceptors runs both clients with every hook registered, a first
// attempt answered with a 500, and one hook failing once, and compares the
// hooks run, the requests sent and the outcome.
func TestInterceptors(t *testing.T) {
	cases := []struct {
		fail string
		err  error
		// want checks the generated client's record.
		want func(t *testing.T, calls []string, requests int, err error)
	}{
		{"", nil, func(t *testing.T, calls []string, requests int, err error) {
			if err != nil || requests != 2 || count(calls, "BeforeAttempt") != 2 || count(calls, "BeforeExecution") != 1 {
				t.Errorf("err %v, %d requests, hooks:\n%s", err, requests, strings.Join(calls, "\n"))
			}
			order := []string{"BeforeExecution", "BeforeSerialization", "AfterSerialization", "BeforeRetryLoop",
				"BeforeAttempt", "BeforeSigning", "AfterSigning", "BeforeTransmit", "AfterTransmit",
				"BeforeDeserialization", "AfterDeserialization", "AfterAttempt"}
			for i, name := range order {
				if !strings.HasPrefix(calls[i], name+" ") {
					t.Fatalf("hook %d is %q, want %s", i, calls[i], name)
				}
			}
		}},
		{"BeforeSerialization", errHook, failsBeforeLoop},
		{"BeforeRetryLoop", errHook, failsBeforeLoop},
		{"BeforeAttempt", errHook, func(t *testing.T, calls []string, requests int, err error) {
			if !errors.Is(err, errHook) || requests != 0 {
				t.Errorf("err %v, %d requests", err, requests)
			}
		}},
		// The first attempt fails before it is sent; the second gets the 500.
		{"BeforeTransmit", retryable{}, attempts(3, 2)},
		// The 500 of the first attempt is replaced by a retryable error.
		{"AfterAttempt", retryable{}, attempts(2, 2)},
		{"AfterDeserialization", errHook, nil},
		{"AfterExecution", errHook, nil},
	}
	for _, tc := range cases {
		t.Run("fail="+tc.fail, func(t *testing.T) {
			var records [2]string
			for i, c := range clients {
				h := &hooks{fail: tc.fail, err: tc.err}
				hc := failOnceHTTP()
				cfg := config(hc)
				h.register(&cfg.Interceptors)
				err := c.call(context.Background(), cfg)
				records[i] = fmt.Sprintf("%s\nrequests=%d wraps hook error=%t", strings.Join(h.calls, "\n"), hc.n,
					tc.err != nil && errors.Is(err, tc.err))
				if i == 0 && tc.want != nil {
					tc.want(t, h.calls, hc.n, err)
				}
			}
			diff(t, "hooks", []string{records[0]}, []string{records[1]})
		})
	}
}

func failsBeforeLoop(t *testing.T, calls []string, requests int, err error) {
	if !errors.Is(err, errHook) || requests != 0 || slices.ContainsFunc(calls, func(c string) bool {
		return strings.HasPrefix(c, "BeforeAttempt ")
	}) {
		t.Errorf("err %v, %d requests, hooks:\n%s", err, requests, strings.Join(calls, "\n"))
	}
}

// attempts checks that a call succeeds after n attempts and sent requests.
func attempts(n, sent int) func(t *testing.T, calls []string, requests int, err error) {
	return func(t *testing.T, calls []string, requests int, err error) {
		if err != nil || count(calls, "BeforeAttempt") != n || requests != sent {
			t.Errorf("err %v, %d requests, hooks:\n%s", err, requests, strings.Join(calls, "\n"))
		}
	}
}

func count(calls []string, hook string) int {
	n := 0
	for _, c := range calls {
		if strings.HasPrefix(c, hook+" ") {
			n++
		}
	}
	return n
}
