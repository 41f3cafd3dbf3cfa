package transport

import (
	"net"
	"net/http"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/defaults"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
)

// ResolveDefaultsMode returns the defaults mode a client runs with, as
// aws-sdk-go-v2 resolves DefaultsMode: "auto" is chosen from the region and
// the runtime environment, an empty or unknown mode is "legacy".
func ResolveDefaultsMode(mode aws.DefaultsMode, region string, env aws.RuntimeEnvironment) aws.DefaultsMode {
	var m aws.DefaultsMode
	m.SetFromString(string(mode))
	if m == aws.DefaultsModeAuto {
		m = defaults.ResolveDefaultsModeAuto(region, env)
	}
	return m
}

// NewRetryer returns the retryer of a client whose Retryer is unset: retry
// mode mode, or the defaults mode's when mode is empty, standard otherwise.
func NewRetryer(mode aws.RetryMode, defaultsMode aws.DefaultsMode) aws.Retryer {
	if mode == "" {
		if cfg, err := defaults.GetModeConfiguration(defaultsMode); err == nil {
			mode = cfg.RetryMode
		}
	}
	if mode == aws.RetryModeAdaptive {
		return retry.NewAdaptiveMode()
	}
	return retry.NewStandard()
}

// ResolveHTTPClient returns the HTTP client of a client: c, or a new
// *awshttp.BuildableClient when c is nil; a BuildableClient gets the defaults
// mode's connect and TLS handshake timeouts, as aws-sdk-go-v2 sets them.
func ResolveHTTPClient(c HTTPClient, defaultsMode aws.DefaultsMode) HTTPClient {
	var b *awshttp.BuildableClient
	switch v := c.(type) {
	case nil:
		b = awshttp.NewBuildableClient()
	case *awshttp.BuildableClient:
		b = v
	default:
		return c
	}
	cfg, err := defaults.GetModeConfiguration(defaultsMode)
	if err != nil {
		return b
	}
	if d, ok := cfg.GetConnectTimeout(); ok {
		b = b.WithDialerOptions(func(dialer *net.Dialer) { dialer.Timeout = d })
	}
	if d, ok := cfg.GetTLSNegotiationTimeout(); ok {
		b = b.WithTransportOptions(func(t *http.Transport) { t.TLSHandshakeTimeout = d })
	}
	return b
}
