// Package transport sends one operation of a generated AWS client over HTTP.
//
// It resolves the endpoint, signs each attempt with SigV4, retries through an
// aws.Retryer and wraps errors with the same types aws-sdk-go-v2 clients
// return, using that SDK's runtime packages (aws, aws/retry, aws/signer/v4,
// aws/transport/http) and smithy-go. Protocol code (restJson1, awsJson, restXml,
// query) only fills a Request and decodes a Response.
package transport

import (
	"context"
	"net/http"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/smithy-go"
	"github.com/aws/smithy-go/middleware"
)

// HTTPClient sends one HTTP request; *http.Client and
// *awshttp.BuildableClient implement it.
type HTTPClient interface {
	Do(*http.Request) (*http.Response, error)
}

// Config holds the settings a generated client resolved from its Options.
type Config struct {
	// ServiceID names the service in *smithy.OperationError, e.g. "CleanRoomsML".
	ServiceID string
	// SigningName is the aws.auth#sigv4 name, e.g. "cleanrooms-ml".
	SigningName string
	// EndpointPrefix builds the default endpoint
	// https://{EndpointPrefix}.{Region}.{partition DNS suffix}.
	EndpointPrefix string
	// Region is the signing region and selects the default endpoint.
	Region string
	// BaseEndpoint, when set, replaces the default endpoint. Its path is
	// prepended to every operation path.
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
	// DisableURIPathEscaping signs the path as sent instead of escaping it
	// once more, as S3 requires.
	DisableURIPathEscaping bool
}

// Response is one HTTP response with its body read in full. Decoders must not
// keep the *Response; they may keep Body and Header.
type Response struct {
	StatusCode int
	Header     http.Header
	Body       []byte
	// RequestID, when a decoder sets it, is the request ID the body carries
	// (XML error responses); it is used when no header names one.
	RequestID string
}

// Operation is one call of a service operation.
type Operation struct {
	// Name is the operation name reported in *smithy.OperationError.
	Name string
	// Build serializes the input once per call. A *smithy.InvalidParamsError or
	// *smithy.SerializationError is returned as is; other errors are wrapped in
	// *smithy.SerializationError.
	Build func(*Request) error
	// Decode decodes a 2xx response; nil ignores the body. Errors other than
	// *smithy.DeserializationError are wrapped in one.
	Decode func(*Response) error
	// Error returns the protocol's typed error for a non-2xx response: a
	// modeled error or *smithy.GenericAPIError. Nil selects a generic error.
	Error func(*Response) error
}

// Client sends operations with settings resolved once from a Config. It is
// safe for concurrent use.
type Client struct {
	serviceID   string
	signingName string
	region      string
	endpoint    endpoint
	endpointErr error
	credentials aws.CredentialsProvider // nil: unsigned
	signer      *v4.Signer
	httpClient  HTTPClient
	retryer     aws.RetryerV2
	userAgent   string
	attempts    attemptHeaders
}

var defaultHTTPClient = awshttp.NewBuildableClient()

// NewClient resolves cfg once: endpoint, retryer, credentials, HTTP client
// and User-Agent. An invalid endpoint is reported by every Invoke.
func NewClient(cfg Config) *Client {
	c := &Client{
		serviceID:   cfg.ServiceID,
		signingName: cfg.SigningName,
		region:      cfg.Region,
		httpClient:  cfg.HTTPClient,
		retryer:     asRetryerV2(ResolveRetryer(cfg.Retryer, cfg.RetryMaxAttempts)),
		userAgent:   buildUserAgent(cfg.AppID),
	}
	c.endpoint, c.endpointErr = resolveEndpoint(&cfg)
	if c.httpClient == nil {
		c.httpClient = defaultHTTPClient
	}
	if !isAnonymous(cfg.Credentials) {
		c.credentials = cfg.Credentials
		c.signer = v4.NewSigner()
	}
	c.attempts = newAttemptHeaders(c.retryer.MaxAttempts())
	return c
}

// Invoke runs op: it builds the request once, then per attempt signs, sends,
// reads and classifies the response, retrying as the retryer decides. The
// metadata of the last attempt carries the service request ID (see
// awsmiddleware.GetRequestIDMetadata). Errors are *smithy.OperationError; HTTP
// failures inside it are *awshttp.ResponseError.
func (c *Client) Invoke(ctx context.Context, op *Operation) (middleware.Metadata, error) {
	s := &call{client: c, op: op}
	err := s.run(ctx)
	if err != nil {
		err = &smithy.OperationError{ServiceID: c.serviceID, OperationName: op.Name, Err: err}
	}
	return s.metadata, err
}
