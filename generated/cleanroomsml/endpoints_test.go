package cleanroomsml

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	smithyendpoints "github.com/aws/smithy-go/endpoints"
)

// capture is an HTTPClient that records requests and answers with an
// empty page.
type capture struct{ reqs []*http.Request }

func (c *capture) Do(r *http.Request) (*http.Response, error) {
	c.reqs = append(c.reqs, r)
	return &http.Response{StatusCode: 200, Header: http.Header{"Content-Type": {"application/json"}},
		Body: io.NopCloser(bytes.NewReader([]byte(`{"trainedModels":[]}`))), Request: r}, nil
}

// callEndpoint makes one ListTrainedModels call with the options set by fn
// and returns the request it sent, nil when it sent none.
func callEndpoint(t *testing.T, fn func(*Options)) (*http.Request, error) {
	t.Helper()
	hc := &capture{}
	c := New(Options{Region: "us-east-1", Credentials: staticCredentials(), HTTPClient: hc, Retryer: fastRetryer()}, fn)
	_, err := c.ListTrainedModels(context.Background(), validInput())
	if len(hc.reqs) == 0 {
		return nil, err
	}
	return hc.reqs[0], err
}

// TestEndpointRules checks that calls go where the service's endpoint rules
// send them, signed for the region and name of the resolved endpoint.
func TestEndpointRules(t *testing.T) {
	cases := []struct {
		name string
		opts func(*Options)
		host string
		path string
	}{
		{"default", func(*Options) {}, "cleanrooms-ml.us-east-1.amazonaws.com", "/memberships/" + testMembership + "/trained-models"},
		{"fips", func(o *Options) { o.EndpointOptions.UseFIPSEndpoint = aws.FIPSEndpointStateEnabled },
			"cleanrooms-ml-fips.us-east-1.amazonaws.com", ""},
		{"dual-stack", func(o *Options) { o.EndpointOptions.UseDualStackEndpoint = aws.DualStackEndpointStateEnabled },
			"cleanrooms-ml.us-east-1.api.aws", ""},
		{"fips and dual-stack", func(o *Options) {
			o.EndpointOptions.UseFIPSEndpoint = aws.FIPSEndpointStateEnabled
			o.EndpointOptions.UseDualStackEndpoint = aws.DualStackEndpointStateEnabled
		}, "cleanrooms-ml-fips.us-east-1.api.aws", ""},
		{"china", func(o *Options) { o.Region = "cn-north-1" }, "cleanrooms-ml.cn-north-1.amazonaws.com.cn", ""},
		{"govcloud fips region", func(o *Options) { o.Region = "fips-us-gov-west-1" }, "cleanrooms-ml-fips.us-gov-west-1.amazonaws.com", ""},
		{"base endpoint", func(o *Options) { o.BaseEndpoint = aws.String("https://local.example.com/prefix") },
			"local.example.com", "/prefix/memberships/" + testMembership + "/trained-models"},
	}
	for _, tc := range cases {
		r, err := callEndpoint(t, tc.opts)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if r.URL.Host != tc.host || r.URL.Scheme != "https" {
			t.Errorf("%s: sent to %s, want host %s", tc.name, r.URL, tc.host)
		}
		if tc.path != "" && r.URL.EscapedPath() != tc.path {
			t.Errorf("%s: path %s, want %s", tc.name, r.URL.EscapedPath(), tc.path)
		}
		region := "us-east-1"
		if strings.Contains(tc.host, "cn-north-1") {
			region = "cn-north-1"
		} else if strings.Contains(tc.host, "us-gov-west-1") {
			region = "us-gov-west-1"
		}
		if scope := "/" + region + "/cleanrooms-ml/aws4_request"; !strings.Contains(r.Header.Get("Authorization"), scope) {
			t.Errorf("%s: Authorization %q lacks scope %s", tc.name, r.Header.Get("Authorization"), scope)
		}
	}
}

// TestEndpointRuleErrors checks that a region that is not a host label and a
// missing region fail before any request is sent, with the rules' error.
func TestEndpointRuleErrors(t *testing.T) {
	for _, tc := range []struct{ region, want string }{
		{"us-east-1.evil.com/x", "invalid input region us-east-1.evil.com/x"},
		{"", "Invalid Configuration: Missing Region"},
	} {
		r, err := callEndpoint(t, func(o *Options) { o.Region = tc.region })
		if r != nil {
			t.Errorf("region %q: a request was sent to %s", tc.region, r.URL)
		}
		if err == nil || !strings.Contains(err.Error(), "failed to resolve service endpoint") || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("region %q: error %v, want one containing %q", tc.region, err, tc.want)
		}
	}
}

// resolverFunc is an EndpointResolverV2 of the caller's.
type resolverFunc func(context.Context, EndpointParameters) (smithyendpoints.Endpoint, error)

func (f resolverFunc) ResolveEndpoint(ctx context.Context, p EndpointParameters) (smithyendpoints.Endpoint, error) {
	return f(ctx, p)
}

// TestCustomEndpointResolver checks that a caller's resolver sees the
// parameters of every call, per call, and that its errors fail the call.
func TestCustomEndpointResolver(t *testing.T) {
	var seen []EndpointParameters
	fail := false
	res := resolverFunc(func(ctx context.Context, p EndpointParameters) (smithyendpoints.Endpoint, error) {
		seen = append(seen, p)
		if fail {
			return smithyendpoints.Endpoint{}, errors.New("no endpoint today")
		}
		return NewDefaultEndpointResolverV2().ResolveEndpoint(ctx, p)
	})
	hc := &capture{}
	c := New(Options{Region: "eu-west-1", Credentials: staticCredentials(), HTTPClient: hc, EndpointResolverV2: res})
	for range 2 {
		if _, err := c.ListTrainedModels(context.Background(), validInput()); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := c.ListTrainedModels(context.Background(), validInput(), func(o *Options) {
		o.EndpointOptions.UseFIPSEndpoint = aws.FIPSEndpointStateEnabled
	}); err != nil {
		t.Fatal(err)
	}
	if len(seen) != 3 || aws.ToString(seen[0].Region) != "eu-west-1" || aws.ToBool(seen[0].UseFIPS) || !aws.ToBool(seen[2].UseFIPS) {
		t.Fatalf("resolver saw %+v", seen)
	}
	if got := hc.reqs[2].URL.Host; got != "cleanrooms-ml-fips.eu-west-1.amazonaws.com" {
		t.Errorf("per-call FIPS sent to %s", got)
	}
	fail = true
	_, err := c.ListTrainedModels(context.Background(), validInput())
	if err == nil || !strings.Contains(err.Error(), "no endpoint today") || len(hc.reqs) != 3 {
		t.Errorf("resolver error: %v after %d requests", err, len(hc.reqs))
	}
}

// configSource sets FIPS and dual-stack as config.LoadDefaultConfig's
// sources do from AWS_USE_FIPS_ENDPOINT and AWS_USE_DUALSTACK_ENDPOINT.
type configSource struct{}

func (configSource) GetUseFIPSEndpoint(context.Context) (aws.FIPSEndpointState, bool, error) {
	return aws.FIPSEndpointStateEnabled, true, nil
}

func (configSource) GetUseDualStackEndpoint(context.Context) (aws.DualStackEndpointState, bool, error) {
	return aws.DualStackEndpointStateEnabled, true, nil
}

// TestNewFromConfigEndpoints checks that NewFromConfig takes the FIPS and
// dual-stack settings of the configuration's sources.
func TestNewFromConfigEndpoints(t *testing.T) {
	hc := &capture{}
	c := NewFromConfig(aws.Config{Region: "us-west-2", Credentials: staticCredentials(), HTTPClient: hc,
		ConfigSources: []any{configSource{}}})
	if _, err := c.ListTrainedModels(context.Background(), validInput()); err != nil {
		t.Fatal(err)
	}
	if got := hc.reqs[0].URL.Host; got != "cleanrooms-ml-fips.us-west-2.api.aws" {
		t.Errorf("sent to %s, want the FIPS dual-stack endpoint", got)
	}
}
