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

// dnsSuffixes maps region prefixes to their partition's DNS suffix, most
// specific first; other regions use the aws partition's "amazonaws.com".
var dnsSuffixes = []struct{ prefix, suffix string }{
	{"cn-", "amazonaws.com.cn"},
	{"us-isob-", "sc2s.sgov.gov"},
	{"us-isof-", "csp.hci.ic.gov"},
	{"us-iso-", "c2s.ic.gov"},
	{"eu-isoe-", "cloud.adc-e.uk"},
	{"eusc-", "amazonaws.eu"},
}

func dnsSuffix(region string) string {
	for _, p := range dnsSuffixes {
		if strings.HasPrefix(region, p.prefix) {
			return p.suffix
		}
	}
	return "amazonaws.com"
}

// resolveEndpoint returns BaseEndpoint when set, else the default endpoint of
// the region's partition.
func resolveEndpoint(cfg *Config) (endpoint, error) {
	if cfg.BaseEndpoint != nil {
		return parseBaseEndpoint(*cfg.BaseEndpoint)
	}
	if cfg.Region == "" {
		return endpoint{}, endpointError(errors.New("endpoint rule error, Invalid Configuration: Missing Region"))
	}
	if cfg.EndpointPrefix == "" {
		return endpoint{}, endpointError(errors.New("no endpoint prefix for the default endpoint"))
	}
	host := cfg.EndpointPrefix + "." + cfg.Region + "." + dnsSuffix(cfg.Region)
	if err := smithyhttp.ValidateEndpointHost(host); err != nil {
		return endpoint{}, endpointError(err)
	}
	return endpoint{scheme: "https", host: host}, nil
}

func parseBaseEndpoint(raw string) (endpoint, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return endpoint{}, endpointError(err)
	}
	if u.Scheme != "https" && u.Scheme != "http" {
		return endpoint{}, endpointError(fmt.Errorf("base endpoint %q: scheme must be http or https", raw))
	}
	if u.Host == "" {
		return endpoint{}, endpointError(fmt.Errorf("base endpoint %q: no host", raw))
	}
	if err := smithyhttp.ValidateEndpointHost(u.Host); err != nil {
		return endpoint{}, endpointError(err)
	}
	ep := endpoint{scheme: u.Scheme, host: u.Host}
	if u.Path != "" && u.Path != "/" {
		ep.path, ep.rawPath = u.Path, u.EscapedPath()
	}
	return ep, nil
}

func endpointError(err error) error {
	return fmt.Errorf("failed to resolve service endpoint, %w", err)
}

// target is where one call is sent.
type target struct {
	host    string
	path    string
	rawPath string
}

// target joins the endpoint with the request's host prefix and path.
func (e *endpoint) target(r *Request) (target, error) {
	t := target{host: e.host, rawPath: r.Path}
	if r.HostPrefix != "" {
		t.host = r.HostPrefix + e.host
		if err := smithyhttp.ValidateEndpointHost(t.host); err != nil {
			return t, err
		}
	}
	if t.rawPath == "" {
		t.rawPath = "/"
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
		t.path = joinPath(e.path, t.path)
		t.rawPath = joinPath(e.rawPath, t.rawPath)
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

// destination returns the client's endpoint and signing scope, or those of
// ep when the call resolved its own.
func (c *Client) destination(ep *smithyendpoints.Endpoint) (*destination, error) {
	if ep == nil {
		return &c.dest, c.endpointErr
	}
	d := &destination{signingName: c.signingName, signingRegion: c.region}
	e, err := parseBaseEndpoint(ep.URI.String())
	if err != nil {
		return nil, err
	}
	d.endpoint, d.headers = e, ep.Headers
	if opts, ok := smithyauth.GetAuthOptions(&ep.Properties); ok {
		for _, o := range opts {
			if o.SchemeID != smithyauth.SchemeIDSigV4 {
				continue
			}
			if v, ok := smithyhttp.GetSigV4SigningName(&o.SignerProperties); ok && v != "" {
				d.signingName = v
			}
			if v, ok := smithyhttp.GetSigV4SigningRegion(&o.SignerProperties); ok && v != "" {
				d.signingRegion = v
			}
		}
	}
	return d, nil
}
