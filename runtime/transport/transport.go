// Package transport sends one operation of a generated AWS client over HTTP.
//
// It resolves the endpoint, signs each attempt with SigV4, retries through an
// aws.Retryer and wraps errors with the same types aws-sdk-go-v2 clients
// return, using that SDK's runtime packages (aws, aws/retry, aws/signer/v4,
// aws/transport/http) and smithy-go. Protocol code (restJson1, awsJson, restXml,
// query) only fills a Request and decodes a Response.
//
// A call runs a fixed sequence of steps unless the client has APIOptions or
// Interceptors: then it runs through a smithy-go middleware.Stack with
// aws-sdk-go-v2's steps and middleware IDs (see stack.go). Tracing, metrics
// and logging work on both paths and cost nothing when not configured.
package transport

import (
	"context"
	"io"
	"net/http"
	"sync/atomic"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/smithy-go"
	smithyendpoints "github.com/aws/smithy-go/endpoints"
	"github.com/aws/smithy-go/logging"
	"github.com/aws/smithy-go/metrics"
	"github.com/aws/smithy-go/middleware"
	"github.com/aws/smithy-go/tracing"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// HTTPClient sends one HTTP request; *http.Client and
// *awshttp.BuildableClient implement it.
type HTTPClient interface {
	Do(*http.Request) (*http.Response, error)
}

// HTTPSigner signs a request with SigV4; *v4.Signer implements it. It is
// aws-sdk-go-v2's HTTPSignerV4.
type HTTPSigner interface {
	SignHTTP(ctx context.Context, credentials aws.Credentials, r *http.Request, payloadHash string,
		service string, region string, signingTime time.Time, optFns ...func(*v4.SignerOptions)) error
}

// Config holds the settings a generated client resolved from its Options.
type Config struct {
	// ServiceID names the service in *smithy.OperationError, e.g. "CleanRoomsML".
	ServiceID string
	// SigningName is the aws.auth#sigv4 name, e.g. "cleanrooms-ml".
	SigningName string
	// Region is the signing region.
	Region string
	// Endpoint is the endpoint of calls that do not resolve their own (see
	// Operation.Endpoint), resolved by the service's endpoint rules;
	// EndpointErr, when set, is the error every such call fails with
	// instead. Without either, calls go to BaseEndpoint.
	Endpoint    *smithyendpoints.Endpoint
	EndpointErr error
	// BaseEndpoint is where calls go when the service has no endpoint rules
	// (Endpoint is nil). Its path is prepended to every operation path.
	BaseEndpoint *string
	// Credentials signs requests; nil or aws.AnonymousCredentials sends them
	// unsigned. Wrap providers with NewCredentialsCache.
	Credentials aws.CredentialsProvider
	// HTTPClient sends requests; nil selects a shared awshttp.BuildableClient.
	HTTPClient HTTPClient
	// Retryer decides retries; nil selects retry.NewStandard. See ResolveRetryer.
	Retryer aws.Retryer
	// RetryMaxAttempts, when positive, overrides the retryer's maximum attempts.
	RetryMaxAttempts int
	// AppID is appended to the User-Agent as app/{AppID}.
	AppID string

	// Scope names the tracer and meter the client's spans and metrics come
	// from: the generated package's import path.
	Scope string
	// APIOptions change the middleware stack of every call; see stack.go for
	// its steps and middleware IDs. Setting any runs calls through the stack.
	APIOptions []func(*middleware.Stack) error
	// Interceptors run at smithy-go's hook points; setting any runs calls
	// through the stack.
	Interceptors smithyhttp.InterceptorRegistry
	// TracerProvider receives aws-sdk-go-v2's spans; nil for none.
	TracerProvider tracing.TracerProvider
	// MeterProvider receives aws-sdk-go-v2's client metrics; nil for none.
	MeterProvider metrics.MeterProvider
	// Logger receives what ClientLogMode selects; nil logs nothing.
	Logger logging.Logger
	// ClientLogMode selects requests, responses (with or without bodies),
	// retries and signing to log. Credentials, the Authorization header and
	// security tokens are never logged; see Redaction for modeled secrets.
	ClientLogMode aws.ClientLogMode
	// Redaction hides @sensitive members in logged bodies and headers.
	Redaction *Redaction
	// Signer signs requests; nil selects v4.NewSigner.
	Signer HTTPSigner
	// ClockSkew holds the clock skew in nanoseconds that later calls sign
	// with; clients share it between calls. Nil gives the client its own.
	ClockSkew *atomic.Int64
	// DisableClockSkewCorrection signs with the local clock only.
	DisableClockSkewCorrection bool
	// DisableRequestCompression sends bodies of operations with the
	// requestCompression trait uncompressed.
	DisableRequestCompression bool
	// RequestMinCompressSizeBytes is the smallest body compressed, from 0 to
	// 10485760; 0 selects 10240. See ValidateRequestMinCompressSizeBytes.
	RequestMinCompressSizeBytes int64
	// MaxResponseBodyBytes, when positive, fails a call whose response body
	// is longer with *ResponseTooLargeError instead of reading it. Bodies
	// handed to the decoder unread (StreamResponse) are not limited.
	MaxResponseBodyBytes int64
}

// Request is the protocol-independent HTTP request a serializer fills.
type Request struct {
	// Method is the HTTP method, e.g. "POST".
	Method string
	// Path is the percent-encoded operation path starting with "/".
	Path string
	// RawQuery is the encoded query string without "?"; see AddQuery.
	RawQuery string
	// Header is never nil when the serializer runs. Content-Type is sent only
	// when set here.
	Header http.Header
	// Body is sent with a Content-Length and re-sent on every attempt.
	Body []byte
	// HostPrefix is the expanded endpoint-trait host prefix, e.g. "data.".
	HostPrefix string
	// Endpoint, when set, is the URL this call is sent to instead of the
	// client's endpoint (Machine Learning's Predict names its own).
	Endpoint string
	// Compress marks the body as one the service accepts gzipped (the
	// requestCompression trait); the transport compresses it unless the
	// client disables compression or the body is too small.
	Compress bool
	// Streaming marks the body as a stream without a known length, which is
	// compressed whatever its size.
	Streaming bool
	// DisableURIPathEscaping signs the path as sent instead of escaping it
	// once more, as S3 requires.
	DisableURIPathEscaping bool
	// RequiresLength fails a call whose Stream has no known length with a
	// *LengthRequiredError (the requiresLength trait).
	RequiresLength bool
	// UnsignedPayload signs the request with UNSIGNED-PAYLOAD whatever its
	// body (the aws.auth#unsignedPayload trait).
	UnsignedPayload bool
	// EventStream makes the body an input event stream: a pipe, signed
	// with STREAMING-AWS4-HMAC-SHA256-EVENTS, that Decode receives as
	// Response.EventWriter with the signer of its messages. The call is not
	// retried once the pipe was read. Body is then not sent: it is the
	// payload of the stream's initial-request message, if any (see
	// Response.InitialRequest).
	EventStream bool
	// StreamResponse hands the body of a 2xx response to Decode unread, as
	// Response.Stream: a @streaming blob or an output event stream. Error
	// responses are read whole as usual.
	StreamResponse bool

	// Stream, when set, is sent as the body instead of Body (a @streaming
	// blob payload; see SetStream): with a Content-Length when its length
	// is known (a Len() int method or an io.Seeker), chunked otherwise. An
	// io.Seeker is hashed for signing and rewound for every retry; any other
	// stream is signed with UNSIGNED-PAYLOAD over TLS and sent once: a
	// failed attempt that read from it is not retried. A compressed stream
	// is read into memory first. The caller keeps ownership: it is never
	// closed.
	Stream io.Reader
}

// Response is one HTTP response with its body read in full, or handed over
// unread in Stream. Decoders must not keep the *Response; they may keep
// Body, Header, Stream and what its methods return.
type Response struct {
	StatusCode int
	Header     http.Header
	Body       []byte
	// RequestID, when a decoder sets it, is the request ID the body carries
	// (XML error responses); it is used when no header names one.
	RequestID string

	// Stream is the unread body of a 2xx response to a request with
	// StreamResponse set. Once Decode returns nil it belongs to the
	// decoder, which must see that it is closed; the connection is released
	// when it is. It is closed for the decoder when Decode fails.
	Stream io.ReadCloser

	streams *responseStreams // with Stream; see Context
}

// Operation is one call of a service operation.
type Operation struct {
	// Name is the operation name reported in *smithy.OperationError.
	Name string
	// Input and Output are the call's input and output structures, as
	// interceptors and middleware see them; either may be nil.
	Input, Output any
	// Idempotent marks an operation that may be sent again after its
	// response failed to arrive whole: @readonly, @idempotent, or with an
	// @idempotencyToken input member (the token is filled once per call).
	Idempotent bool
	// Endpoint, when set, is where this call is sent instead of the client's
	// endpoint: its URI, extra headers, and SigV4 signing name and region
	// from the aws.auth#sigv4 option of its auth schemes (smithyauth
	// options in its Properties).
	Endpoint *smithyendpoints.Endpoint
	// resolved holds the endpoint SetEndpoint sets.
	resolved smithyendpoints.Endpoint
	// Build serializes the input once per call. A *smithy.InvalidParamsError or
	// *smithy.SerializationError is returned as is; other errors are wrapped in
	// *smithy.SerializationError.
	Build func(*Request) error
	// Decode decodes a 2xx response; nil ignores the body. Errors other than
	// *smithy.DeserializationError are wrapped in one. An error whose
	// RetryableError method returns true (a response checksum mismatch, say)
	// is retried.
	Decode func(*Response) error
	// Error returns the protocol's typed error for a non-2xx response: a
	// modeled error or *smithy.GenericAPIError. Nil selects a generic error.
	Error func(*Response) error
}

// Client sends operations with settings resolved once from a Config. It is
// safe for concurrent use.
type Client struct {
	serviceID    string
	signingName  string
	region       string
	dest         destination // the endpoint and signing scope of calls without their own
	endpointErr  error
	credentials  aws.CredentialsProvider // nil: unsigned
	signer       HTTPSigner
	httpClient   HTTPClient
	retryer      aws.RetryerV2
	userAgent    string
	appID        string
	attempts     attemptHeaders
	skew         *atomic.Int64
	disableSkew  bool
	compress     compression
	maxBody      int64
	obs          observer
	apiOptions   []func(*middleware.Stack) error
	interceptors smithyhttp.InterceptorRegistry
	stack        bool // run calls through a middleware stack
}

var defaultHTTPClient = awshttp.NewBuildableClient()

// NewClient resolves cfg once: endpoint, retryer, credentials, HTTP client,
// User-Agent, observability. An invalid endpoint or compression setting is
// reported by every Invoke.
func NewClient(cfg Config) *Client {
	c := &Client{
		serviceID:    cfg.ServiceID,
		signingName:  cfg.SigningName,
		region:       cfg.Region,
		httpClient:   cfg.HTTPClient,
		retryer:      asRetryerV2(ResolveRetryer(cfg.Retryer, cfg.RetryMaxAttempts)),
		userAgent:    buildUserAgent(cfg.AppID),
		appID:        cfg.AppID,
		skew:         cfg.ClockSkew,
		disableSkew:  cfg.DisableClockSkewCorrection,
		maxBody:      cfg.MaxResponseBodyBytes,
		obs:          newObserver(&cfg),
		apiOptions:   cfg.APIOptions,
		interceptors: cfg.Interceptors,
	}
	c.stack = len(cfg.APIOptions) > 0 || hasInterceptors(&cfg.Interceptors)
	c.compress = newCompression(cfg.DisableRequestCompression, cfg.RequestMinCompressSizeBytes)
	if c.httpClient == nil {
		c.httpClient = defaultHTTPClient
	}
	if c.skew == nil {
		c.skew = new(atomic.Int64)
	}
	if !IsAnonymous(cfg.Credentials) {
		c.credentials = cfg.Credentials
		c.signer = cfg.Signer
		if c.signer == nil {
			c.signer = v4.NewSigner()
		}
	}
	c.attempts = newAttemptHeaders(c.retryer.MaxAttempts())
	c.dest, c.endpointErr = c.clientDestination(&cfg)
	return c
}

// Invoke runs op: it builds the request once, then per attempt signs, sends,
// reads and classifies the response, retrying as the retryer decides. The
// metadata of the last attempt carries the service request ID (see
// awsmiddleware.GetRequestIDMetadata) and, for a retried call, every
// attempt's result (see GetAttemptResults). Errors are *smithy.OperationError;
// HTTP failures inside it are *awshttp.ResponseError.
func (c *Client) Invoke(ctx context.Context, op *Operation) (middleware.Metadata, error) {
	s := &call{client: c, op: op}
	if c.obs.logger != nil {
		s.logger = contextLogger(ctx, c.obs.logger)
	}
	if c.stack || c.obs.tracer != nil || c.obs.meters != nil {
		return s.observed(ctx)
	}
	md, err := s.run(ctx)
	if err != nil {
		err = &smithy.OperationError{ServiceID: c.serviceID, OperationName: op.Name, Err: err}
	}
	return md, err
}

// SetEndpoint makes ep the endpoint of the call, held in op itself so that
// a per-call endpoint costs no allocation.
func (op *Operation) SetEndpoint(ep smithyendpoints.Endpoint) {
	op.resolved = ep
	op.Endpoint = &op.resolved
}
