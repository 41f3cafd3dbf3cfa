package transport

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	smithyauth "github.com/aws/smithy-go/auth"
	smithyendpoints "github.com/aws/smithy-go/endpoints"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// endpoint is a resolved service endpoint.
type endpoint struct {
	scheme  string
	host    string // host[:port]
	path    string // decoded base path, "" for none
	rawPath string // escaped base path, "" for none
}

// clientDestination is the destination of calls that do not resolve their
// own endpoint: cfg.Endpoint, else cfg.BaseEndpoint.
func (c *Client) clientDestination(cfg *Config) (destination, error) {
	switch {
	case cfg.EndpointErr != nil:
		return destination{}, EndpointError(cfg.EndpointErr)
	case cfg.Endpoint != nil:
		var d destination
		_, err := c.destination(cfg.Endpoint, &d)
		return d, err
	case cfg.BaseEndpoint != nil:
		e, err := parseBaseEndpoint(*cfg.BaseEndpoint)
		return destination{endpoint: e, signingName: cfg.SigningName, signingRegion: cfg.Region}, err
	}
	return destination{}, EndpointError(errors.New("the service has no endpoint rules: set BaseEndpoint"))
}

func parseBaseEndpoint(raw string) (endpoint, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return endpoint{}, EndpointError(err)
	}
	return endpointOf(u)
}

// endpointOf checks an endpoint URL: http or https, with a valid host.
func endpointOf(u *url.URL) (endpoint, error) {
	if u.Scheme != "https" && u.Scheme != "http" {
		return endpoint{}, EndpointError(fmt.Errorf("endpoint %q: scheme must be http or https", u.String()))
	}
	if u.Host == "" {
		return endpoint{}, EndpointError(fmt.Errorf("endpoint %q: no host", u.String()))
	}
	if err := smithyhttp.ValidateEndpointHost(u.Host); err != nil {
		return endpoint{}, EndpointError(err)
	}
	ep := endpoint{scheme: u.Scheme, host: u.Host}
	if u.Path != "" && u.Path != "/" {
		ep.path, ep.rawPath = u.Path, u.EscapedPath()
	}
	return ep, nil
}

// EndpointError is the error of a call whose endpoint could not be resolved,
// worded as aws-sdk-go-v2 words it.
func EndpointError(err error) error {
	return fmt.Errorf("failed to resolve service endpoint, %w", err)
}

// target is where one call is sent.
type target struct {
	host    string
	path    string
	rawPath string
}

// target joins the endpoint with the request's host prefix and path. An
// empty request path is the endpoint's path alone ("/" without one): S3's
// bucket operations, whose path-style endpoint ends with the bucket.
func (e *endpoint) target(r *Request) (target, error) {
	t := target{host: e.host, rawPath: r.Path}
	if r.HostPrefix != "" {
		t.host = r.HostPrefix + e.host
		if err := smithyhttp.ValidateEndpointHost(t.host); err != nil {
			return t, err
		}
	}
	if t.rawPath == "" {
		t.path, t.rawPath = e.path, e.rawPath
		if t.rawPath == "" {
			t.path, t.rawPath = "/", "/"
		}
		return t, nil
	}
	t.path = t.rawPath
	if strings.IndexByte(t.rawPath, '%') >= 0 {
		p, err := url.PathUnescape(t.rawPath)
		if err != nil {
			return t, fmt.Errorf("invalid request path %q: %w", t.rawPath, err)
		}
		t.path = p
	}
	if e.rawPath != "" {
		plain := e.path == e.rawPath && t.path == t.rawPath
		t.rawPath = joinPath(e.rawPath, t.rawPath)
		if plain {
			t.path = t.rawPath
		} else {
			t.path = joinPath(e.path, t.path)
		}
	}
	return t, nil
}

// joinPath joins the endpoint's base path and an operation path, keeping the
// operation path's trailing slash: "/custom" and "/" give "/custom/".
func joinPath(base, p string) string {
	j := smithyhttp.JoinPath(base, p)
	if strings.HasSuffix(p, "/") && !strings.HasSuffix(j, "/") {
		j += "/"
	}
	return j
}

// destination is where and how one call is sent.
type destination struct {
	endpoint      endpoint
	headers       http.Header // added unless the serializer set them
	signingName   string
	signingRegion string
}

// destination returns the client's endpoint and signing scope or, when the
// call resolved its own endpoint ep, those of ep, set in *own.
func (c *Client) destination(ep *smithyendpoints.Endpoint, own *destination) (*destination, error) {
	if ep == nil {
		return &c.dest, c.endpointErr
	}
	d := own
	*d = destination{signingName: c.signingName, signingRegion: c.region}
	e, err := endpointOf(&ep.URI)
	if err != nil {
		return nil, err
	}
	d.endpoint, d.headers = e, ep.Headers
	opts, ok := smithyauth.GetAuthOptions(&ep.Properties)
	if !ok || len(opts) == 0 {
		return d, nil
	}
	var schemes []string
	for _, o := range opts {
		if !isSigV4(o.SchemeID) {
			schemes = append(schemes, o.SchemeID)
			continue
		}
		if v, ok := smithyhttp.GetSigV4SigningName(&o.SignerProperties); ok && v != "" {
			d.signingName = v
		}
		if v, ok := smithyhttp.GetSigV4SigningRegion(&o.SignerProperties); ok && v != "" {
			d.signingRegion = v
		}
		return d, nil
	}
	if c.signer != nil {
		return nil, EndpointError(fmt.Errorf("the endpoint %s requires auth scheme %s, which this client cannot sign with", ep.URI.String(), strings.Join(schemes, " or ")))
	}
	return d, nil
}

// isSigV4 reports whether an auth option's scheme is SigV4: aws-sdk-go-v2's
// scheme ID, or the name endpoint rule sets give it in authSchemes.
func isSigV4(id string) bool { return id == smithyauth.SchemeIDSigV4 || id == "sigv4" }
