package transport

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/smithy-go"
	"github.com/aws/smithy-go/logging"
	"github.com/aws/smithy-go/middleware"
	"github.com/aws/smithy-go/tracing"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// The stack path runs a call through a smithy-go middleware.Stack laid out as
// aws-sdk-go-v2 lays out a restJson1 operation's, so that APIOptions written
// for that SDK (otelaws, user-agent keys, header and retry customisations)
// find the steps and IDs they insert relative to. StackMiddlewareIDs lists
// them in order. Middleware of aws-sdk-go-v2 and smithy-go is used where it
// is exported; the rest runs this package's code for the same step.

// StackMiddlewareIDs are the middleware IDs of a call's stack, per step, in
// the order they run (interceptor middleware only when Interceptors are set).
var StackMiddlewareIDs = map[string][]string{
	"Initialize": {"InterceptExecution", "RegisterServiceMetadata", "SetLogger"},
	"Serialize":  {"InterceptBeforeSerialization", "OperationSerializer", "InterceptAfterSerialization"},
	"Build":      {"ClientRequestID", "ComputeContentLength", "UserAgent"},
	"Finalize": {"spanRetryLoop", "InterceptBeforeRetryLoop", "Retry", "InterceptAttempt", "ResolveAuthScheme",
		"GetIdentity", "ResolveEndpointV2", "ComputePayloadHash", "InterceptBeforeSigning", "Signing", "InterceptAfterSigning"},
	"Deserialize": {"AddRawResponseToMetadata", "ResponseErrorWrapper", "RequestIDRetriever", "InterceptAfterDeserialization",
		"OperationDeserializer", "InterceptBeforeDeserialization", "RecordResponseTiming", "RequestResponseLogger", "InterceptTransmit"},
}

func hasInterceptors(r *smithyhttp.InterceptorRegistry) bool {
	return len(r.BeforeExecution)+len(r.BeforeSerialization)+len(r.AfterSerialization)+len(r.BeforeRetryLoop)+
		len(r.BeforeAttempt)+len(r.BeforeSigning)+len(r.AfterSigning)+len(r.BeforeTransmit)+len(r.AfterTransmit)+
		len(r.BeforeDeserialization)+len(r.AfterDeserialization)+len(r.AfterAttempt)+len(r.AfterExecution) > 0
}

// runStack builds the call's stack, applies the APIOptions and runs it.
func (s *call) runStack(ctx context.Context) (middleware.Metadata, error) {
	c := s.client
	stack := middleware.NewStack(s.op.Name, smithyhttp.NewStackRequest)
	if err := s.addMiddleware(stack); err != nil {
		return middleware.Metadata{}, err
	}
	for _, fn := range c.apiOptions {
		if err := fn(stack); err != nil {
			return middleware.Metadata{}, err
		}
	}
	h := smithyhttp.NewClientHandlerWithOptions(c.httpClient, func(o *smithyhttp.ClientHandler) {
		if c.obs.meter != nil {
			o.Meter = c.obs.meter
		}
	})
	_, md, err := middleware.DecorateHandler(h, stack).Handle(ctx, s.op.Input)
	s.endStream(err)
	return md, err
}

func (s *call) addMiddleware(stack *middleware.Stack) error {
	c := s.client
	logger := c.obs.logger
	if logger == nil {
		logger = logging.Nop{}
	}
	ua := awsmiddleware.NewRequestUserAgent()
	ua.AddUserAgentKeyValue("smithygen", Version)
	if c.appID != "" {
		ua.AddSDKAgentKey(awsmiddleware.ApplicationIdentifier, c.appID)
	}
	add := []error{
		stack.Initialize.Add(&awsmiddleware.RegisterServiceMetadata{ServiceID: c.serviceID, Region: c.region,
			OperationName: s.op.Name}, middleware.Before),
		middleware.AddSetLoggerMiddleware(stack, logger),
		stack.Serialize.Add(middleware.SerializeMiddlewareFunc("OperationSerializer", s.serializeStep), middleware.After),
		stack.Build.Add(&awsmiddleware.ClientRequestID{}, middleware.After),
		stack.Build.Add(&smithyhttp.ComputeContentLength{}, middleware.After),
		stack.Build.Add(ua, middleware.After),
		stack.Finalize.Add(middleware.FinalizeMiddlewareFunc("spanRetryLoop", s.spanRetryLoopStep), middleware.After),
		stack.Finalize.Add(middleware.FinalizeMiddlewareFunc("Retry", s.retryStep), middleware.After),
		stack.Finalize.Add(middleware.FinalizeMiddlewareFunc("ResolveAuthScheme", s.authSchemeStep), middleware.After),
		stack.Finalize.Add(middleware.FinalizeMiddlewareFunc("GetIdentity", s.identityStep), middleware.After),
		stack.Finalize.Add(middleware.FinalizeMiddlewareFunc("ResolveEndpointV2", s.endpointStep), middleware.After),
		stack.Finalize.Add(&v4.ComputePayloadSHA256{}, middleware.After),
		stack.Finalize.Add(middleware.FinalizeMiddlewareFunc("Signing", s.signStep), middleware.After),
		stack.Deserialize.Add(&awsmiddleware.AddRawResponse{}, middleware.After),
		stack.Deserialize.Add(&awshttp.ResponseErrorWrapper{}, middleware.After),
		stack.Deserialize.Add(&awsmiddleware.RequestIDRetriever{}, middleware.After),
		stack.Deserialize.Add(middleware.DeserializeMiddlewareFunc("OperationDeserializer", s.deserializeStep), middleware.After),
		stack.Deserialize.Add(&awsmiddleware.RecordResponseTiming{DisableClockSkewCorrection: c.disableSkew}, middleware.After),
		stack.Deserialize.Add(middleware.DeserializeMiddlewareFunc("RequestResponseLogger", s.logStep), middleware.After),
	}
	for _, err := range add {
		if err != nil {
			return err
		}
	}
	if hasInterceptors(&c.interceptors) {
		return s.addInterceptors(stack)
	}
	return nil
}

// addInterceptors places smithy-go's interceptor middleware where
// aws-sdk-go-v2 places it.
func (s *call) addInterceptors(stack *middleware.Stack) error {
	r := &s.client.interceptors
	for _, err := range []error{
		stack.Initialize.Add(&smithyhttp.InterceptExecution{BeforeExecution: r.BeforeExecution, AfterExecution: r.AfterExecution}, middleware.Before),
		stack.Serialize.Insert(&smithyhttp.InterceptBeforeSerialization{Interceptors: r.BeforeSerialization}, "OperationSerializer", middleware.Before),
		stack.Serialize.Insert(&smithyhttp.InterceptAfterSerialization{Interceptors: r.AfterSerialization}, "OperationSerializer", middleware.After),
		stack.Finalize.Insert(&smithyhttp.InterceptBeforeRetryLoop{Interceptors: r.BeforeRetryLoop}, "Retry", middleware.Before),
		stack.Finalize.Insert(&smithyhttp.InterceptAttempt{BeforeAttempt: r.BeforeAttempt, AfterAttempt: r.AfterAttempt}, "Retry", middleware.After),
		stack.Finalize.Insert(&smithyhttp.InterceptBeforeSigning{Interceptors: r.BeforeSigning}, "Signing", middleware.Before),
		stack.Finalize.Insert(&smithyhttp.InterceptAfterSigning{Interceptors: r.AfterSigning}, "Signing", middleware.After),
		stack.Deserialize.Add(&smithyhttp.InterceptTransmit{BeforeTransmit: r.BeforeTransmit, AfterTransmit: r.AfterTransmit}, middleware.After),
		stack.Deserialize.Insert(&smithyhttp.InterceptBeforeDeserialization{Interceptors: r.BeforeDeserialization}, "OperationDeserializer", middleware.After),
		stack.Deserialize.Insert(&smithyhttp.InterceptAfterDeserialization{Interceptors: r.AfterDeserialization}, "OperationDeserializer", middleware.Before),
	} {
		if err != nil {
			return err
		}
	}
	return nil
}

// serializeStep fills the stack's request from the operation's serializer:
// method, path, query, headers and body. The endpoint is joined in Finalize.
func (s *call) serializeStep(ctx context.Context, in middleware.SerializeInput, next middleware.SerializeHandler) (
	middleware.SerializeOutput, middleware.Metadata, error) {
	req, ok := in.Request.(*smithyhttp.Request)
	if !ok {
		return middleware.SerializeOutput{}, middleware.Metadata{}, fmt.Errorf("unknown transport type %T", in.Request)
	}
	if err := s.serialize(ctx); err != nil {
		return middleware.SerializeOutput{}, middleware.Metadata{}, err
	}
	req.Method = s.req.Method
	path, err := url.PathUnescape(s.req.Path)
	if err != nil {
		return middleware.SerializeOutput{}, middleware.Metadata{}, &smithy.SerializationError{Err: fmt.Errorf("invalid request path %q: %w", s.req.Path, err)}
	}
	req.URL.Path, req.URL.RawPath, req.URL.RawQuery = path, s.req.Path, s.req.RawQuery
	for k, v := range s.req.Header {
		req.Header[k] = v
	}
	switch {
	case s.stream != nil && s.stream.length != 0:
		r, err := req.SetStream(s.stream.r)
		if err != nil {
			return middleware.SerializeOutput{}, middleware.Metadata{}, err
		}
		r.ContentLength = s.stream.length
		in.Request = r
	case len(s.req.Body) > 0:
		r, err := req.SetStream(bytes.NewReader(s.req.Body))
		if err != nil {
			return middleware.SerializeOutput{}, middleware.Metadata{}, err
		}
		in.Request = r
	}
	return next.HandleSerialize(ctx, in)
}

func (s *call) spanRetryLoopStep(ctx context.Context, in middleware.FinalizeInput, next middleware.FinalizeHandler) (
	middleware.FinalizeOutput, middleware.Metadata, error) {
	if s.client.obs.tracer == nil {
		return next.HandleFinalize(ctx, in)
	}
	ctx, sp := tracing.StartSpan(ctx, "RetryLoop")
	defer sp.End()
	return next.HandleFinalize(ctx, in)
}

// retryStep runs the retry loop, each attempt on a copy of the request
// through the rest of the stack.
func (s *call) retryStep(ctx context.Context, in middleware.FinalizeInput, next middleware.FinalizeHandler) (
	middleware.FinalizeOutput, middleware.Metadata, error) {
	var out middleware.FinalizeOutput
	md, err := s.retryLoop(ctx, false, func(ctx context.Context, a *attempt) (middleware.Metadata, error) {
		req, ok := in.Request.(*smithyhttp.Request)
		if !ok {
			return middleware.Metadata{}, fmt.Errorf("unknown transport type %T", in.Request)
		}
		req = req.Clone()
		if a.n > 1 {
			if err := req.RewindStream(); err != nil {
				return middleware.Metadata{}, fmt.Errorf("failed to rewind transport stream for retry, %w", err)
			}
		}
		req.Header.Set("Amz-Sdk-Request", s.client.attempts.get(a.n, a.max))
		ain := in
		ain.Request = req
		o, amd, aerr := next.HandleFinalize(context.WithValue(ctx, attemptKey{}, a), ain)
		out = o
		if v, ok := awsmiddleware.GetAttemptSkew(amd); ok {
			a.observed, a.hasObserved = v, true
		}
		return amd, aerr
	})
	return out, md, err
}

type attemptKey struct{}

type credentialsKey struct{}

func (s *call) authSchemeStep(ctx context.Context, in middleware.FinalizeInput, next middleware.FinalizeHandler) (
	middleware.FinalizeOutput, middleware.Metadata, error) {
	if sp := s.span(ctx, "ResolveAuthScheme"); sp != nil {
		sp.SetProperty("auth.scheme_id", s.client.authScheme())
		sp.End()
	}
	return next.HandleFinalize(ctx, in)
}

func (s *call) identityStep(ctx context.Context, in middleware.FinalizeInput, next middleware.FinalizeHandler) (
	middleware.FinalizeOutput, middleware.Metadata, error) {
	c := s.client
	sp := s.span(ctx, "GetIdentity")
	start := time.Now()
	var creds aws.Credentials
	var err error
	if c.signer != nil {
		creds, err = c.credentials.Retrieve(ctx)
	}
	if m := c.obs.meters; m != nil {
		s.timed(ctx, m.identity, start, authSchemeAttr(c.authScheme()))
	}
	endSpan(sp)
	if err != nil {
		return middleware.FinalizeOutput{}, middleware.Metadata{}, fmt.Errorf("get identity: get credentials: %w", err)
	}
	return next.HandleFinalize(context.WithValue(ctx, credentialsKey{}, creds), in)
}

// endpointStep joins the call's endpoint with the request path, host prefix
// and endpoint headers.
func (s *call) endpointStep(ctx context.Context, in middleware.FinalizeInput, next middleware.FinalizeHandler) (
	middleware.FinalizeOutput, middleware.Metadata, error) {
	req, ok := in.Request.(*smithyhttp.Request)
	if !ok {
		return middleware.FinalizeOutput{}, middleware.Metadata{}, fmt.Errorf("unknown transport type %T", in.Request)
	}
	d, err := s.client.destination(s.op.Endpoint, &s.own)
	if err != nil {
		return middleware.FinalizeOutput{}, middleware.Metadata{}, err
	}
	r := Request{Path: req.URL.EscapedPath(), HostPrefix: s.req.HostPrefix}
	t, err := d.endpoint.target(&r)
	if err != nil {
		return middleware.FinalizeOutput{}, middleware.Metadata{}, EndpointError(err)
	}
	s.dest, s.target = d, t
	req.URL.Scheme, req.URL.Host, req.URL.Path, req.URL.RawPath = d.endpoint.scheme, t.host, t.path, t.rawPath
	req.Host = ""
	for k, v := range d.headers {
		if _, ok := req.Header[k]; !ok {
			req.Header[k] = v
		}
	}
	s.traceEndpoint(ctx)
	if s.client.signer != nil && v4.GetPayloadHash(ctx) == "" {
		fixed, err := s.fixedPayloadHash(req.IsHTTPS())
		if err != nil {
			return middleware.FinalizeOutput{}, middleware.Metadata{}, err
		}
		if fixed != "" {
			ctx = v4.SetPayloadHash(ctx, fixed)
			req.Header.Set(contentSHA256Header, fixed)
		}
	}
	return next.HandleFinalize(ctx, in)
}

// signStep signs the attempt. A signing name or region set in the context
// (awsmiddleware.SetSigningName, as WithSigV4SigningName does) overrides the
// endpoint's.
func (s *call) signStep(ctx context.Context, in middleware.FinalizeInput, next middleware.FinalizeHandler) (
	middleware.FinalizeOutput, middleware.Metadata, error) {
	c := s.client
	req, ok := in.Request.(*smithyhttp.Request)
	if !ok {
		return middleware.FinalizeOutput{}, middleware.Metadata{}, fmt.Errorf("unexpected transport type %T", in.Request)
	}
	sp := s.span(ctx, "SignRequest")
	if c.signer == nil {
		endSpan(sp)
		return next.HandleFinalize(ctx, in)
	}
	creds, _ := ctx.Value(credentialsKey{}).(aws.Credentials)
	name, region := s.dest.signingName, s.dest.signingRegion
	if v := awsmiddleware.GetSigningName(ctx); v != "" {
		name = v
	}
	if v := awsmiddleware.GetSigningRegion(ctx); v != "" {
		region = v
	}
	var skew time.Duration
	if a, ok := ctx.Value(attemptKey{}).(*attempt); ok {
		skew = a.skew
	}
	var opts []func(*v4.SignerOptions)
	if s.logger != nil && c.obs.logSigning {
		opts = append(opts, s.signingLogOptions(creds.SessionToken, req.Header))
	}
	if s.req.DisableURIPathEscaping {
		opts = append(opts, disableURIPathEscaping)
	}
	hash := v4.GetPayloadHash(ctx)
	if h := req.Header["X-Amz-Content-Sha256"]; len(h) == 1 {
		hash = h[0]
	}
	start := time.Now()
	err := c.signer.SignHTTP(ctx, creds, req.Request, hash, name, region, time.Now().Add(skew), opts...)
	if m := c.obs.meters; m != nil {
		s.timed(ctx, m.signing, start, authSchemeAttr(c.authScheme()))
	}
	endSpan(sp)
	if err != nil {
		return middleware.FinalizeOutput{}, middleware.Metadata{}, fmt.Errorf("sign request: %w", err)
	}
	if s.req.EventStream {
		if err := s.startEventSigner(req.Request, creds, name, region); err != nil {
			return middleware.FinalizeOutput{}, middleware.Metadata{}, err
		}
	}
	return next.HandleFinalize(ctx, in)
}

// deserializeStep reads the body of the response the stack received and
// decodes the output or the error.
func (s *call) deserializeStep(ctx context.Context, in middleware.DeserializeInput, next middleware.DeserializeHandler) (
	middleware.DeserializeOutput, middleware.Metadata, error) {
	out, md, err := next.HandleDeserialize(ctx, in)
	if err != nil {
		return out, md, err
	}
	sr, ok := out.RawResponse.(*smithyhttp.Response)
	if !ok {
		return out, md, fmt.Errorf("unknown transport type %T", out.RawResponse)
	}
	resp := sr.Response
	if resp.Header == nil {
		resp.Header = http.Header{}
	}
	if _, ok := awsmiddleware.GetRequestIDMetadata(md); !ok {
		if id := requestID(resp.Header); id != "" {
			awsmiddleware.SetRequestIDMetadata(&md, id)
		}
	}
	if s.streamedResponse(resp) {
		err = s.decodeStream(ctx, resp)
	} else {
		body, readErr := readBody(resp, s.client.maxBody)
		if readErr != nil {
			return out, md, s.readError(ctx, readErr)
		}
		s.resp = Response{StatusCode: resp.StatusCode, Header: resp.Header, Body: body}
		err = s.decode(ctx)
		if s.resp.StatusCode != resp.StatusCode {
			resp.StatusCode = s.resp.StatusCode // 500 for an error document in a 2xx response
		}
		if _, ok := awsmiddleware.GetRequestIDMetadata(md); !ok && s.resp.RequestID != "" {
			awsmiddleware.SetRequestIDMetadata(&md, s.resp.RequestID)
		}
	}
	if err == nil {
		out.Result = s.op.Output
	}
	return out, md, err
}

// logStep logs the request before it is sent and the response when it
// arrives, as smithy-go's RequestResponseLogger does, with secrets redacted.
func (s *call) logStep(ctx context.Context, in middleware.DeserializeInput, next middleware.DeserializeHandler) (
	middleware.DeserializeOutput, middleware.Metadata, error) {
	o := &s.client.obs
	if s.logger == nil || !o.logRequest && !o.logResponse {
		return next.HandleDeserialize(ctx, in)
	}
	if o.logRequest {
		if req, ok := in.Request.(*smithyhttp.Request); ok {
			s.logRequest(req.Build(ctx), s.req.Body)
		}
	}
	out, md, err := next.HandleDeserialize(ctx, in)
	if err != nil || !o.logResponse {
		return out, md, err
	}
	if sr, ok := out.RawResponse.(*smithyhttp.Response); ok && s.streamedResponse(sr.Response) {
		s.logResponse(sr.Response, nil)
	} else if ok {
		body, rerr := readBody(sr.Response, s.client.maxBody)
		s.logResponse(sr.Response, body)
		if rerr != nil {
			sr.Body = io.NopCloser(errReader{rerr})
		} else {
			sr.Body, sr.ContentLength = io.NopCloser(bytes.NewReader(body)), int64(len(body))
		}
	}
	return out, md, err
}

// errReader fails every read with err.
type errReader struct{ err error }

func (r errReader) Read([]byte) (int, error) { return 0, r.err }

// resolvedURL is the endpoint URL the call goes to, for the ResolveEndpoint span.
func (s *call) resolvedURL() string {
	u := url.URL{Scheme: s.dest.endpoint.scheme, Host: s.target.host, Path: s.dest.endpoint.path, RawPath: s.dest.endpoint.rawPath}
	return u.String()
}
