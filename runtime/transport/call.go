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
	"net/url"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/aws/smithy-go"
	"github.com/aws/smithy-go/logging"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// call is the state of one Invoke.
type call struct {
	client       *Client
	op           *Operation
	logger       logging.Logger // nil unless the client logs
	req          Request
	dest         *destination
	own          destination // the destination of a call with its own endpoint
	target       target
	payloadHash  string
	invocationID string
	resp         Response
	att          attempt
	firstURL     url.URL
	firstBody    bodyReader
	stream       *requestStream // a streaming body; nil for Body
}

// run sends the call on the direct path: serialize once, then attempts.
func (s *call) run(ctx context.Context) (middleware.Metadata, error) {
	if err := s.prepare(ctx); err != nil {
		s.endStream(err)
		return middleware.Metadata{}, err
	}
	md, err := s.retryLoop(ctx, true, nil)
	s.endStream(err)
	return md, err
}

// prepare serializes the input and fixes where and how the call is sent.
func (s *call) prepare(ctx context.Context) error {
	c := s.client
	if err := s.serialize(ctx); err != nil {
		return err
	}
	d, err := c.destination(s.op.Endpoint, &s.own)
	if err != nil {
		return err
	}
	if s.req.Endpoint != "" {
		e, err := parseBaseEndpoint(s.req.Endpoint)
		if err != nil {
			return err
		}
		own := *d
		own.endpoint = e
		d = &own
	}
	s.dest = d
	t, err := d.endpoint.target(&s.req)
	if err != nil {
		return EndpointError(err)
	}
	s.target = t
	if c.signer != nil {
		if err := s.signedPayloadHash(); err != nil {
			return err
		}
	}
	s.invocationID = newInvocationID()
	return nil
}

// serialize runs the operation's serializer and compresses the body it
// marks compressible.
func (s *call) serialize(ctx context.Context) error {
	c := s.client
	sp := s.span(ctx, "OperationSerializer")
	defer endSpan(sp)
	var start time.Time
	if c.obs.meters != nil {
		start = time.Now()
	}
	s.req.Header = make(http.Header, 4)
	if s.op.Build != nil {
		if err := s.op.Build(&s.req); err != nil {
			return serializationError(err)
		}
	}
	if err := c.compress.apply(&s.req); err != nil {
		return err
	}
	if s.req.Stream != nil || s.req.EventStream {
		if err := s.prepareStream(); err != nil {
			return err
		}
	}
	if c.obs.meters != nil {
		s.timed(ctx, c.obs.meters.serialize, start)
	}
	return nil
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

// attempt sends attempt a on the direct path and handles its response.
func (s *call) attempt(ctx context.Context, a *attempt) (middleware.Metadata, error) {
	var md middleware.Metadata
	req, err := s.httpRequest(ctx, a.n, a.max)
	if err != nil {
		return md, err
	}
	if err := s.sign(ctx, req, a); err != nil {
		return md, err
	}
	if s.logger != nil && s.client.obs.logRequest {
		s.logRequest(req, s.req.Body)
	}
	resp, err := s.send(ctx, req)
	if err != nil {
		return md, err
	}
	if !s.client.disableSkew && s.client.signer != nil {
		observeSkew(a, resp.Header)
	}
	return md, s.handleResponse(ctx, resp, &md)
}

// send sends req, through smithy-go's ClientHandler (its DoHTTPRequest span
// and HTTP metrics) when the client traces or meters.
func (s *call) send(ctx context.Context, req *http.Request) (*http.Response, error) {
	c := s.client
	if c.obs.tracer == nil && c.obs.meter == nil {
		resp, err := c.httpClient.Do(req)
		if err != nil {
			return nil, sendError(ctx, resp, err)
		}
		if resp == nil {
			return nil, responseError(emptyResponse(), "", errors.New("http client returned no response and no error"))
		}
		return resp, nil
	}
	h := smithyhttp.NewClientHandlerWithOptions(c.httpClient, func(o *smithyhttp.ClientHandler) {
		o.Meter = c.obs.meter
	})
	sr := &smithyhttp.Request{Request: req}
	if req.Body != nil {
		var err error
		var body io.Reader = req.Body
		if s.stream == nil {
			body = bytes.NewReader(s.req.Body)
		}
		if sr, err = sr.SetStream(body); err != nil {
			return nil, err
		}
	}
	out, _, err := h.Handle(ctx, sr)
	resp := out.(*smithyhttp.Response).Response
	if err != nil {
		if resp.Body != nil {
			resp.Body.Close()
		}
		resp.Body = http.NoBody
		return nil, responseError(resp, "", err)
	}
	return resp, nil
}

// httpRequest builds the request of attempt n. The first attempt uses the
// serializer's header map and the call's URL; later attempts copy them, as an
// HTTP client that gave up on an attempt may still be reading its request.
func (s *call) httpRequest(ctx context.Context, n, maxAttempts int) (*http.Request, error) {
	r := &s.req
	u, header := &s.firstURL, r.Header
	if n == 1 {
		s.firstURL = url.URL{Scheme: s.dest.endpoint.scheme, Host: s.target.host,
			Path: s.target.path, RawPath: s.target.rawPath, RawQuery: r.RawQuery}
		for k, v := range s.dest.headers {
			if _, ok := header[k]; !ok {
				header[k] = v
			}
		}
		s.setCallHeaders(header, s.client.attempts.get(n, maxAttempts))
	} else {
		u = new(url.URL)
		*u = s.firstURL
		header = header.Clone()
		delete(header, "Authorization")
		delete(header, "X-Amz-Security-Token")
		delete(header, "X-Amz-Date")
		header["Amz-Sdk-Request"] = []string{s.client.attempts.get(n, maxAttempts)}
	}
	tmpl := http.Request{Method: r.Method, URL: u, Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
		Header: header, ContentLength: int64(len(r.Body))}
	switch {
	case s.stream != nil:
		body, err := s.stream.attemptBody(n)
		if err != nil {
			return nil, err
		}
		if body != nil {
			tmpl.Body, tmpl.ContentLength = body, s.stream.length
		}
	case len(r.Body) > 0:
		body := &s.firstBody
		if n > 1 {
			body = new(bodyReader)
		}
		*body = bodyReader{data: r.Body}
		tmpl.Body = body
	}
	return tmpl.WithContext(ctx), nil
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

// authScheme is the ID of the auth scheme calls are signed with.
func (c *Client) authScheme() string {
	if c.signer == nil {
		return "smithy.api#noAuth"
	}
	return "aws.auth#sigv4"
}

// sign signs req for the time now+a.skew, recording now in a, with the spans and metrics of
// aws-sdk-go-v2's ResolveAuthScheme, GetIdentity, ResolveEndpointV2,
// ComputePayloadSHA256 and Signing middleware, in their order. (The direct
// path resolves the endpoint and hashes the payload once per call.)
func (s *call) sign(ctx context.Context, req *http.Request, a *attempt) error {
	c := s.client
	o := &c.obs
	traced, metered := o.tracer != nil, o.meters != nil
	scheme := c.authScheme()
	if traced {
		sp := s.span(ctx, "ResolveAuthScheme")
		sp.SetProperty("auth.scheme_id", scheme)
		sp.End()
	}
	sp := s.span(ctx, "GetIdentity")
	var start time.Time
	if metered {
		start = time.Now()
	}
	var creds aws.Credentials
	var err error
	if c.signer != nil {
		creds, err = c.credentials.Retrieve(ctx)
	}
	if metered {
		s.timed(ctx, o.meters.identity, start, authSchemeAttr(scheme))
	}
	endSpan(sp)
	if err != nil {
		return fmt.Errorf("get identity: get credentials: %w", err)
	}
	if traced || metered {
		s.traceEndpoint(ctx)
	}
	if traced {
		s.span(ctx, "ComputePayloadSHA256").End()
	}
	sp = s.span(ctx, "SignRequest")
	defer endSpan(sp)
	if c.signer == nil {
		return nil
	}
	if metered {
		start = time.Now()
	}
	var opts []func(*v4.SignerOptions)
	if s.logger != nil && o.logSigning {
		opts = append(opts, s.signingLogOptions(creds.SessionToken, req.Header))
	}
	if s.req.DisableURIPathEscaping {
		opts = append(opts, disableURIPathEscaping)
	}
	a.signedAt = time.Now()
	err = c.signer.SignHTTP(ctx, creds, req, s.payloadHash, s.dest.signingName, s.dest.signingRegion,
		a.signedAt.Add(a.skew), opts...)
	if metered {
		s.timed(ctx, o.meters.signing, start, authSchemeAttr(scheme))
	}
	if err != nil {
		return fmt.Errorf("sign request: %w", err)
	}
	if s.req.EventStream {
		return s.startEventSigner(req, creds, s.dest.signingName, s.dest.signingRegion)
	}
	return nil
}

// traceEndpoint emits the ResolveEndpoint span, with the URL the call goes
// to, and the endpoint-resolution metric.
func (s *call) traceEndpoint(ctx context.Context) {
	start := time.Now()
	if sp := s.span(ctx, "ResolveEndpoint"); sp != nil {
		sp.SetProperty("client.call.resolved_endpoint", s.resolvedURL())
		sp.End()
	}
	if m := s.client.obs.meters; m != nil {
		s.timed(ctx, m.endpoint, start)
	}
}

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

func disableURIPathEscaping(o *v4.SignerOptions) { o.DisableURIPathEscaping = true }
