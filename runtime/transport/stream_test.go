package transport

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/aws/smithy-go/logging"
	"github.com/aws/smithy-go/middleware"
)

// hashSigner signs with v4 and records the payload hash of every request.
type hashSigner struct {
	mu     sync.Mutex
	hashes []string
}

func (h *hashSigner) SignHTTP(ctx context.Context, creds aws.Credentials, r *http.Request, payloadHash string,
	service, region string, t time.Time, optFns ...func(*v4.SignerOptions)) error {
	h.mu.Lock()
	h.hashes = append(h.hashes, payloadHash)
	h.mu.Unlock()
	return v4.NewSigner().SignHTTP(ctx, creds, r, payloadHash, service, region, t, optFns...)
}

// streamConfig is a client config sending to endpoint through hc, with the
// signer recording payload hashes; stack runs calls through the middleware
// stack.
func streamConfig(hc HTTPClient, endpoint string, stack bool) (Config, *hashSigner) {
	cfg := baseConfig(hc)
	cfg.Endpoint, cfg.BaseEndpoint = nil, &endpoint
	s := &hashSigner{}
	cfg.Signer = s
	if stack {
		cfg.APIOptions = []func(*middleware.Stack) error{func(*middleware.Stack) error { return nil }}
	}
	return cfg, s
}

func putStream(body io.Reader, flags func(*Request)) *Operation {
	return testOp("PutObject", func(r *Request) error {
		r.Method, r.Path = "PUT", "/object"
		r.SetStream("application/octet-stream", body)
		if flags != nil {
			flags(r)
		}
		return nil
	}, nil)
}

// onlyReader hides every method of r but Read.
type onlyReader struct{ r io.Reader }

func (o onlyReader) Read(p []byte) (int, error) { return o.r.Read(p) }

func sha256Hex(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

func forBothPaths(t *testing.T, fn func(t *testing.T, stack bool)) {
	for _, stack := range []bool{false, true} {
		name := "direct"
		if stack {
			name = "stack"
		}
		t.Run(name, func(t *testing.T) { fn(t, stack) })
	}
}

// A seekable stream is hashed, sent with its length and rewound to where
// the caller left it for a retry: both attempts send the same bytes.
func TestSeekableStreamRetried(t *testing.T) {
	forBothPaths(t, func(t *testing.T, stack bool) {
		content := strings.Repeat("0123456789", 10000)
		f := &fakeClient{respond: func(n int, r *http.Request) (*http.Response, error) {
			if n == 1 {
				return jsonResponse(500, `{}`), nil
			}
			return jsonResponse(200, `{}`), nil
		}}
		cfg, signer := streamConfig(f, "http://example.com", stack)
		body := strings.NewReader("skipped" + content)
		body.Seek(int64(len("skipped")), io.SeekStart)
		if _, err := NewClient(cfg).Invoke(context.Background(), putStream(body, nil)); err != nil {
			t.Fatal(err)
		}
		sent := f.requests()
		if len(sent) != 2 {
			t.Fatalf("%d requests", len(sent))
		}
		for i, s := range sent {
			if string(s.body) != content || s.req.ContentLength != int64(len(content)) {
				t.Errorf("attempt %d sent %d bytes (Content-Length %d)", i+1, len(s.body), s.req.ContentLength)
			}
			if h := s.req.Header.Get(contentSHA256Header); h != "" {
				t.Errorf("attempt %d: X-Amz-Content-Sha256 %q", i+1, h)
			}
		}
		for _, h := range signer.hashes {
			if h != sha256Hex([]byte(content)) {
				t.Errorf("payload hash %s, want the content's", h)
			}
		}
	})
}

// A stream that cannot be rewound goes out chunked and UNSIGNED-PAYLOAD over
// TLS, once: a retryable failure after it was read is returned.
func TestUnseekableStreamOverTLS(t *testing.T) {
	forBothPaths(t, func(t *testing.T, stack bool) {
		f := &fakeClient{respond: func(int, *http.Request) (*http.Response, error) { return jsonResponse(500, `{}`), nil }}
		cfg, signer := streamConfig(f, "https://example.com", stack)
		op := putStream(onlyReader{strings.NewReader("streamed bytes")}, nil)
		_, err := NewClient(cfg).Invoke(context.Background(), op)
		if err == nil || !strings.Contains(err.Error(), "not seekable") {
			t.Fatalf("error %v", err)
		}
		sent := f.requests()
		if len(sent) != 1 || string(sent[0].body) != "streamed bytes" || sent[0].req.ContentLength != -1 {
			t.Fatalf("%d requests", len(sent))
		}
		if h := sent[0].req.Header.Get(contentSHA256Header); h != UnsignedPayload || signer.hashes[0] != UnsignedPayload {
			t.Errorf("X-Amz-Content-Sha256 %q, signed with %q", h, signer.hashes[0])
		}
	})
}

// Over plain HTTP a stream that cannot be rewound cannot be hashed: the call
// fails as aws-sdk-go-v2's does, without sending anything.
func TestUnseekableStreamOverHTTP(t *testing.T) {
	forBothPaths(t, func(t *testing.T, stack bool) {
		f := okClient()
		cfg, _ := streamConfig(f, "http://example.com", stack)
		_, err := NewClient(cfg).Invoke(context.Background(), putStream(onlyReader{strings.NewReader("x")}, nil))
		mustAs[*v4.HashComputationError](t, err)
		if n := len(f.requests()); n != 0 {
			t.Fatalf("%d requests sent", n)
		}
	})
}

func TestUnsignedPayloadTrait(t *testing.T) {
	forBothPaths(t, func(t *testing.T, stack bool) {
		f := okClient()
		cfg, signer := streamConfig(f, "http://example.com", stack)
		op := putStream(onlyReader{strings.NewReader("abc")}, func(r *Request) { r.UnsignedPayload = true })
		if _, err := NewClient(cfg).Invoke(context.Background(), op); err != nil {
			t.Fatal(err)
		}
		if signer.hashes[0] != UnsignedPayload || f.requests()[0].req.Header.Get(contentSHA256Header) != UnsignedPayload {
			t.Errorf("signed with %q", signer.hashes[0])
		}
	})
}

func TestRequiresLength(t *testing.T) {
	f := okClient()
	cfg, _ := streamConfig(f, "https://example.com", false)
	c := NewClient(cfg)
	op := putStream(onlyReader{strings.NewReader("abc")}, func(r *Request) { r.RequiresLength = true })
	_, err := c.Invoke(context.Background(), op)
	mustAs[*LengthRequiredError](t, err)
	if len(f.requests()) != 0 {
		t.Fatal("a request was sent")
	}
	// A reader with a Len method has a known length.
	op = putStream(bytes.NewBufferString("abc"), func(r *Request) { r.RequiresLength = true })
	if _, err := c.Invoke(context.Background(), op); err != nil {
		t.Fatal(err)
	}
	if r := f.requests()[0]; r.req.ContentLength != 3 || string(r.body) != "abc" {
		t.Errorf("Content-Length %d, body %q", r.req.ContentLength, r.body)
	}
}

// closeRecorder is a response body that records being closed.
type closeRecorder struct {
	io.Reader
	closed chan struct{}
}

func (c *closeRecorder) Close() error { close(c.closed); return nil }

// A streamed response body reaches Decode unread; error responses are read
// whole; a failed Decode closes the stream.
func TestStreamResponse(t *testing.T) {
	forBothPaths(t, func(t *testing.T, stack bool) {
		var body *closeRecorder
		status := 200
		f := &fakeClient{respond: func(int, *http.Request) (*http.Response, error) {
			body = &closeRecorder{Reader: strings.NewReader("object bytes"), closed: make(chan struct{})}
			return &http.Response{StatusCode: status, Header: http.Header{"X-Amzn-Errortype": {"Boom"}},
				ContentLength: -1, Body: body}, nil
		}}
		cfg, _ := streamConfig(f, "https://example.com", stack)
		cfg.ClientLogMode = aws.LogResponseWithBody
		var logged strings.Builder
		cfg.Logger = logFunc(func(s string) { logged.WriteString(s) })
		c := NewClient(cfg)
		var got io.ReadCloser
		var decodeErr error
		op := &Operation{
			Name: "GetObject",
			Build: func(r *Request) error {
				r.Method, r.Path, r.StreamResponse = "GET", "/object", true
				return nil
			},
			Decode: func(r *Response) error {
				if r.Body != nil || r.Context() == nil {
					t.Error("streamed response with a Body or no context")
				}
				got = r.Stream
				return decodeErr
			},
			Error: func(r *Response) error {
				if string(r.Body) != "object bytes" {
					t.Errorf("error body %q", r.Body)
				}
				return errors.New("modeled")
			},
		}
		if _, err := c.Invoke(context.Background(), op); err != nil {
			t.Fatal(err)
		}
		if b, _ := io.ReadAll(got); string(b) != "object bytes" {
			t.Fatalf("stream read %q", b)
		}
		if !strings.Contains(logged.String(), "Response") || strings.Contains(logged.String(), "object bytes") {
			t.Errorf("logged %q: no response, or its streamed body", logged.String())
		}
		select {
		case <-body.closed:
			t.Fatal("the transport closed a stream the decoder took")
		default:
		}
		decodeErr = errors.New("bad headers")
		if _, err := c.Invoke(context.Background(), op); err == nil {
			t.Fatal("no error")
		}
		<-body.closed
		status = 404
		if _, err := c.Invoke(context.Background(), op); err == nil || !strings.Contains(err.Error(), "modeled") {
			t.Fatalf("error %v", err)
		}
	})
}

type logFunc func(string)

func (f logFunc) Logf(_ logging.Classification, format string, v ...any) {
	f(fmt.Sprintf(format, v...))
}

// An input event stream's pipe and signer reach Decode; what is written to
// the pipe is the request body, and the signer chains from the request's
// signature.
func TestInputEventStream(t *testing.T) {
	forBothPaths(t, func(t *testing.T, stack bool) {
		received := make(chan []byte, 1)
		f := &fakeClient{respond: func(int, *http.Request) (*http.Response, error) {
			return &http.Response{StatusCode: 200, Header: http.Header{}, Body: http.NoBody}, nil
		}}
		// fakeClient reads the body before answering: answer first, read after.
		duplex := httpClientFunc(func(r *http.Request) (*http.Response, error) {
			go func() {
				b, _ := io.ReadAll(r.Body)
				received <- b
			}()
			return f.respond(1, r)
		})
		cfg, signer := streamConfig(duplex, "https://example.com", stack)
		var w *io.PipeWriter
		var ms MessageSigner
		var auth string
		op := &Operation{
			Name: "StartStream",
			Build: func(r *Request) error {
				r.Method, r.Path, r.EventStream, r.StreamResponse = "POST", "/stream", true, true
				return nil
			},
			Decode: func(r *Response) error {
				w, ms = r.EventWriter(), r.EventSigner()
				return nil
			},
		}
		cfg.HTTPClient = httpClientFunc(func(r *http.Request) (*http.Response, error) {
			auth = r.Header.Get("Authorization")
			return duplex.Do(r)
		})
		if _, err := NewClient(cfg).Invoke(context.Background(), op); err != nil {
			t.Fatal(err)
		}
		if w == nil || ms == nil || signer.hashes[0] != EventStreamPayload {
			t.Fatalf("writer %v, signer %v, payload hash %q", w, ms, signer.hashes[0])
		}
		io.WriteString(w, "frame")
		w.Close()
		if b := <-received; string(b) != "frame" {
			t.Fatalf("server read %q", b)
		}
		_, sig, _ := strings.Cut(auth, "Signature=")
		seed, _ := hex.DecodeString(sig)
		creds, _ := testCreds.Retrieve(context.Background())
		now := time.Now()
		want, _ := v4.NewStreamSigner(creds, "cleanrooms-ml", "us-east-1", seed).GetSignature(context.Background(), []byte("h"), []byte("p"), now)
		if got, err := ms.SignMessage([]byte("h"), []byte("p"), now); err != nil || !bytes.Equal(got, want) {
			t.Fatalf("message signature %x, want %x (%v)", got, want, err)
		}
	})
}

type httpClientFunc func(*http.Request) (*http.Response, error)

func (f httpClientFunc) Do(r *http.Request) (*http.Response, error) { return f(r) }

// A failed call closes the input event stream's pipe.
func TestInputEventStreamClosedOnError(t *testing.T) {
	read := make(chan error, 1)
	hc := httpClientFunc(func(r *http.Request) (*http.Response, error) {
		go func() {
			_, err := io.ReadAll(r.Body)
			read <- err
		}()
		return jsonResponse(400, `{}`, "X-Amzn-Errortype", "ValidationException"), nil
	})
	cfg, _ := streamConfig(hc, "https://example.com", false)
	op := testOp("StartStream", func(r *Request) error {
		r.Method, r.Path, r.EventStream = "POST", "/stream", true
		return nil
	}, nil)
	_, err := NewClient(cfg).Invoke(context.Background(), op)
	mustAs[*validationError](t, err)
	if err := <-read; err == nil {
		t.Fatal("the request body ended cleanly")
	}
}
