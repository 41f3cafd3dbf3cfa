package transport

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"time"

	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/aws/smithy-go"
	"github.com/aws/smithy-go/middleware"
)

// call is the state of one Invoke.
type call struct {
	client       *Client
	op           *Operation
	req          Request
	target       target
	scheme       string
	payloadHash  string
	invocationID string
	resp         Response
	metadata     middleware.Metadata
	firstURL     url.URL
	firstBody    bodyReader
}

func (s *call) run(ctx context.Context) error {
	c := s.client
	if c.endpointErr != nil {
		return c.endpointErr
	}
	s.req.Header = make(http.Header, 4)
	if s.op.Build != nil {
		if err := s.op.Build(&s.req); err != nil {
			return serializationError(err)
		}
	}
	ep := &c.endpoint
	if s.req.Endpoint != "" {
		e, err := parseBaseEndpoint(s.req.Endpoint)
		if err != nil {
			return err
		}
		ep = &e
	}
	s.scheme = ep.scheme
	t, err := ep.target(&s.req)
	if err != nil {
		return endpointError(err)
	}
	s.target = t
	if c.signer != nil {
		// A payload hash the serializer sent (S3's X-Amz-Content-Sha256,
		// possibly UNSIGNED-PAYLOAD) is the one signed.
		if h := s.req.Header["X-Amz-Content-Sha256"]; len(h) == 1 {
			s.payloadHash = h[0]
		} else {
			s.payloadHash = payloadHash(s.req.Body)
		}
	}
	s.invocationID = newInvocationID()
	return s.retryLoop(ctx)
}

func serializationError(err error) error {
	var invalid smithy.InvalidParamsError
	var invalidPtr *smithy.InvalidParamsError
	var serr *smithy.SerializationError
	if errors.As(err, &invalid) || errors.As(err, &invalidPtr) || errors.As(err, &serr) {
		return err
	}
	return &smithy.SerializationError{Err: err}
}

var emptyPayloadHash = hashHex(nil)

func payloadHash(body []byte) string {
	if len(body) == 0 {
		return emptyPayloadHash
	}
	return hashHex(body)
}

func hashHex(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// attempt sends attempt n of maxAttempts and handles its response.
func (s *call) attempt(ctx context.Context, n, maxAttempts int) error {
	s.metadata = middleware.Metadata{}
	req := s.httpRequest(ctx, n, maxAttempts)
	if err := s.sign(ctx, req); err != nil {
		return err
	}
	resp, err := s.client.httpClient.Do(req)
	if err != nil {
		return sendError(ctx, resp, err)
	}
	if resp == nil {
		return responseError(emptyResponse(), "", errors.New("http client returned no response and no error"))
	}
	return s.handleResponse(resp)
}

// httpRequest builds the request of attempt n. The first attempt uses the
// serializer's header map and the call's URL; later attempts copy them, as an
// HTTP client that gave up on an attempt may still be reading its request.
func (s *call) httpRequest(ctx context.Context, n, maxAttempts int) *http.Request {
	r := &s.req
	u, header := &s.firstURL, r.Header
	if n == 1 {
		s.firstURL = url.URL{Scheme: s.scheme, Host: s.target.host,
			Path: s.target.path, RawPath: s.target.rawPath, RawQuery: r.RawQuery}
		s.setCallHeaders(header, s.client.attempts.get(n, maxAttempts))
	} else {
		u = new(url.URL)
		*u = s.firstURL
		header = header.Clone()
		delete(header, "Authorization")
		delete(header, "X-Amz-Security-Token")
		header["Amz-Sdk-Request"] = []string{s.client.attempts.get(n, maxAttempts)}
	}
	tmpl := http.Request{Method: r.Method, URL: u, Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
		Header: header, ContentLength: int64(len(r.Body))}
	if len(r.Body) > 0 {
		body := &s.firstBody
		if n > 1 {
			body = new(bodyReader)
		}
		*body = bodyReader{data: r.Body}
		tmpl.Body = body
	}
	return tmpl.WithContext(ctx)
}

// setCallHeaders adds the SDK headers of the first attempt; later attempts
// keep all but amz-sdk-request.
func (s *call) setCallHeaders(h http.Header, sdkRequest string) {
	vals := make([]string, 3)
	vals[0] = s.client.userAgent
	if ua := h.Get("User-Agent"); ua != "" {
		vals[0] += " " + ua
	}
	vals[1] = s.invocationID
	vals[2] = sdkRequest
	h["User-Agent"] = vals[0:1:1]
	h["Amz-Sdk-Invocation-Id"] = vals[1:2:2]
	h["Amz-Sdk-Request"] = vals[2:3:3]
}

func (s *call) sign(ctx context.Context, req *http.Request) error {
	c := s.client
	if c.signer == nil {
		return nil
	}
	creds, err := c.credentials.Retrieve(ctx)
	if err != nil {
		return fmt.Errorf("get identity: get credentials: %w", err)
	}
	if s.req.DisableURIPathEscaping {
		err = c.signer.SignHTTP(ctx, creds, req, s.payloadHash, c.signingName, c.region, time.Now(), disableURIPathEscaping)
	} else {
		err = c.signer.SignHTTP(ctx, creds, req, s.payloadHash, c.signingName, c.region, time.Now())
	}
	if err != nil {
		return fmt.Errorf("sign request: %w", err)
	}
	return nil
}

func disableURIPathEscaping(o *v4.SignerOptions) { o.DisableURIPathEscaping = true }

// bodyReader is a request body that is re-created for every attempt.
type bodyReader struct {
	data []byte
	off  int
}

func (b *bodyReader) Read(p []byte) (int, error) {
	if b.off >= len(b.data) {
		return 0, io.EOF
	}
	n := copy(p, b.data[b.off:])
	b.off += n
	return n, nil
}

func (b *bodyReader) Close() error { return nil }
