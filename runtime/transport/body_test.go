package transport

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/smithy-go"
)

// cutServer answers the first cut requests with a 200 whose body stops
// halfway, closing the connection; later requests get body whole.
func cutServer(t *testing.T, cut int32, body string) (*httptest.Server, *atomic.Int32) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if hits.Add(1) > cut {
			w.Header().Set("Content-Type", "application/json")
			io.WriteString(w, body)
			return
		}
		conn, buf, err := w.(http.Hijacker).Hijack()
		if err != nil {
			t.Error(err)
			return
		}
		defer conn.Close()
		fmt.Fprintf(buf, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s", len(body), body[:len(body)/2])
		buf.Flush()
	}))
	t.Cleanup(srv.Close)
	return srv, &hits
}

func serverConfig(srv *httptest.Server) Config {
	cfg := baseConfig(srv.Client())
	cfg.Endpoint, cfg.BaseEndpoint = nil, &srv.URL
	return cfg
}

func TestTruncatedBody(t *testing.T) {
	for _, idempotent := range []bool{true, false} {
		t.Run(fmt.Sprintf("idempotent=%v", idempotent), func(t *testing.T) {
			srv, hits := cutServer(t, 1, `{"items":[1,2,3,4,5,6,7,8]}`)
			var out []byte
			op := testOp("PutThing", func(r *Request) error { r.Method, r.Path = "POST", "/things"; return nil }, &out)
			op.Idempotent = idempotent
			md, err := NewClient(serverConfig(srv)).Invoke(context.Background(), op)
			if idempotent {
				if err != nil || string(out) != `{"items":[1,2,3,4,5,6,7,8]}` || hits.Load() != 2 {
					t.Fatalf("err %v, body %q, %d requests", err, out, hits.Load())
				}
				if r, ok := GetAttemptResults(md); !ok || len(r.Results) != 2 || !r.Results[0].Retried {
					t.Errorf("attempt results %+v", r)
				}
				return
			}
			be := mustAs[*ResponseBodyError](t, err)
			mustAs[*smithy.DeserializationError](t, err)
			if be.Idempotent || be.RetryableError() || hits.Load() != 1 ||
				!strings.Contains(err.Error(), "the request may have been applied") ||
				!errors.Is(err, io.ErrUnexpectedEOF) {
				t.Errorf("%d requests, error %v", hits.Load(), err)
			}
		})
	}
}

// retryableDecodeError is how a protocol decoder reports a response
// checksum mismatch.
type retryableDecodeError struct{}

func (retryableDecodeError) Error() string        { return "crc32 mismatch" }
func (retryableDecodeError) RetryableError() bool { return true }

func TestRetryableDecodeErrorRetried(t *testing.T) {
	fc := okClient()
	op := getOp("/x")
	decodes := 0
	op.Decode = func(*Response) error {
		if decodes++; decodes == 1 {
			return retryableDecodeError{}
		}
		return nil
	}
	md, err := NewClient(baseConfig(fc)).Invoke(context.Background(), op)
	if err != nil || len(fc.requests()) != 2 {
		t.Fatalf("err %v after %d requests", err, len(fc.requests()))
	}
	r, _ := GetAttemptResults(md)
	if len(r.Results) != 2 || !errors.As(r.Results[0].Err, new(retryableDecodeError)) {
		t.Errorf("attempt results %+v", r)
	}
}

func TestResponseTooLarge(t *testing.T) {
	cases := []struct {
		name          string
		contentLength int64
		wantLength    int64
	}{{"announced", 16, 16}, {"unannounced", -1, -1}}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fc := &fakeClient{respond: func(int, *http.Request) (*http.Response, error) {
				r := jsonResponse(200, `{"a":"0123456789"}`)
				r.ContentLength = c.contentLength
				return r, nil
			}}
			cfg := baseConfig(fc)
			cfg.MaxResponseBodyBytes = 10
			_, err := NewClient(cfg).Invoke(context.Background(), getOp("/x"))
			tl := mustAs[*ResponseTooLargeError](t, err)
			if tl.Limit != 10 || tl.ContentLength != c.wantLength || len(fc.requests()) != 1 {
				t.Errorf("error %+v after %d requests", tl, len(fc.requests()))
			}
		})
	}
}

func TestReadBodyWithinLimit(t *testing.T) {
	for _, n := range []int64{-1, 5} {
		resp := &http.Response{ContentLength: n, Body: io.NopCloser(strings.NewReader("hello"))}
		b, err := readBody(resp, 5)
		if err != nil || string(b) != "hello" || resp.Body != http.NoBody {
			t.Errorf("content length %d: %q, %v", n, b, err)
		}
	}
}

func TestMaxAttemptsCountTruncation(t *testing.T) {
	srv, hits := cutServer(t, 10, `{"items":[1,2,3,4]}`)
	cfg := serverConfig(srv)
	cfg.Retryer = fastRetryer(2)
	op := getOp("/x")
	op.Idempotent = true
	_, err := NewClient(cfg).Invoke(context.Background(), op)
	mustAs[*retry.MaxAttemptsError](t, err)
	mustAs[*ResponseBodyError](t, err)
	if hits.Load() != 2 {
		t.Errorf("%d requests, want 2", hits.Load())
	}
}
