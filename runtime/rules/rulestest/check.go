// Package rulestest compares resolved endpoints with the expectations of
// Smithy endpoint tests (smithy.rules#endpointTests).
package rulestest

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"reflect"
	"sort"

	smithy "github.com/aws/smithy-go"
	smithyauth "github.com/aws/smithy-go/auth"
	smithyendpoints "github.com/aws/smithy-go/endpoints"
	smithyhttp "github.com/aws/smithy-go/transport/http"

	"github.com/smithygen/smithygen/runtime/rules"
)

// Expect is a test case's expected result.
type Expect struct {
	IsError bool
	Error   string // the message of the error rule
	URL     string
	Headers map[string][]string
	// Properties is the expected properties object as JSON; "" means none.
	Properties string
}

// Check returns nil when ep and err are what want expects: the error rule's
// message, or the endpoint's URL, headers and properties, authSchemes read
// back from the auth options the resolver stored.
func Check(ep smithyendpoints.Endpoint, err error, want Expect) error {
	if want.IsError {
		var re *rules.Error
		switch {
		case err == nil:
			return fmt.Errorf("want error %q, got endpoint %s", want.Error, ep.URI.String())
		case !errors.As(err, &re):
			return fmt.Errorf("want error rule %q, got %v", want.Error, err)
		case re.Message != want.Error:
			return fmt.Errorf("want error %q, got %q", want.Error, re.Message)
		}
		return nil
	}
	if err != nil {
		return fmt.Errorf("want %s, got error %v", want.URL, err)
	}
	u, perr := url.Parse(want.URL)
	if perr != nil {
		return fmt.Errorf("expected URL %q: %v", want.URL, perr)
	}
	if ep.URI != *u {
		return fmt.Errorf("want URL %s, got %s", want.URL, ep.URI.String())
	}
	if len(ep.Headers) != 0 || len(want.Headers) != 0 {
		got := map[string][]string(ep.Headers)
		if !reflect.DeepEqual(got, want.Headers) {
			return fmt.Errorf("want headers %v, got %v", want.Headers, got)
		}
	}
	got := Properties(&ep.Properties)
	var wantProps map[string]any
	if want.Properties != "" {
		if err := json.Unmarshal([]byte(want.Properties), &wantProps); err != nil {
			return fmt.Errorf("expected properties: %v", err)
		}
	}
	if len(wantProps) == 0 && len(got) == 0 {
		return nil
	}
	if !reflect.DeepEqual(normalize(got), wantProps) {
		g, _ := json.Marshal(got)
		return fmt.Errorf("want properties %s, got %s", want.Properties, g)
	}
	return nil
}

// Properties returns the endpoint properties in the JSON form of the rule
// set: string keys as they are, and authSchemes rebuilt from auth options.
func Properties(p *smithy.Properties) map[string]any {
	out := map[string]any{}
	for k, v := range p.Values() {
		if s, ok := k.(string); ok {
			out[s] = v
		}
	}
	if opts, ok := smithyauth.GetAuthOptions(p); ok {
		var list []any
		for _, o := range opts {
			list = append(list, authScheme(o))
		}
		out["authSchemes"] = list
	}
	return out
}

func authScheme(o *smithyauth.Option) map[string]any {
	sp := &o.SignerProperties
	m := map[string]any{"name": o.SchemeID}
	if v, ok := smithyhttp.GetSigV4SigningName(sp); ok {
		m["signingName"] = v
	} else if v, ok := smithyhttp.GetSigV4ASigningName(sp); ok {
		m["signingName"] = v
	}
	if v, ok := smithyhttp.GetSigV4SigningRegion(sp); ok {
		m["signingRegion"] = v
	}
	if v, ok := smithyhttp.GetSigV4ASigningRegions(sp); ok {
		set := make([]any, len(v))
		for i := range v {
			set[i] = v[i]
		}
		m["signingRegionSet"] = set
	}
	if v, ok := smithyhttp.GetDisableDoubleEncoding(sp); ok {
		m["disableDoubleEncoding"] = v
	}
	keys := []string{}
	for k := range sp.Values() {
		if s, ok := k.(string); ok {
			keys = append(keys, s)
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		m[k] = sp.Get(k)
	}
	return m
}

// normalize round-trips v through JSON so that it compares with a decoded
// expectation.
func normalize(v any) any {
	b, err := json.Marshal(v)
	if err != nil {
		return v
	}
	var out any
	if json.Unmarshal(b, &out) != nil {
		return v
	}
	return out
}
