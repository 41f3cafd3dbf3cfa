package transport

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
)

// checkError is an error of a body reader that says whether it is retried.
type checkError struct{ retry bool }

func (e *checkError) Error() string        { return "checksum mismatch" }
func (e *checkError) RetryableError() bool { return e.retry }

// classifiedBody returns its text, then err instead of io.EOF.
type classifiedBody struct {
	r   io.Reader
	err error
}

func (b *classifiedBody) Read(p []byte) (int, error) {
	n, err := b.r.Read(p)
	if err == io.EOF {
		return n, b.err
	}
	return n, err
}

func (b *classifiedBody) Close() error { return nil }

// TestClassifiedReadErrors checks that a body reader's own error keeps its
// retry decision, whatever the operation's idempotency, rather than being
// taken for a body cut off.
func TestClassifiedReadErrors(t *testing.T) {
	for _, retry := range []bool{true, false} {
		fc := &fakeClient{respond: func(n int, _ *http.Request) (*http.Response, error) {
			resp := jsonResponse(200, "{}")
			if n == 1 {
				resp.Body, resp.ContentLength = &classifiedBody{r: strings.NewReader("{}"), err: &checkError{retry: retry}}, -1
			}
			return resp, nil
		}}
		op := getOp("/")
		op.Idempotent = false
		_, err := NewClient(baseConfig(fc)).Invoke(context.Background(), op)
		var ce *checkError
		var be *ResponseBodyError
		switch {
		case retry && (err != nil || len(fc.requests()) != 2):
			t.Errorf("retryable: %v after %d requests, want success on the second", err, len(fc.requests()))
		case !retry && (!errors.As(err, &ce) || errors.As(err, &be) || len(fc.requests()) != 1):
			t.Errorf("not retryable: %v after %d requests, want the reader's error once", err, len(fc.requests()))
		}
	}
}
