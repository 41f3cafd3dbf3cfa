package rules

import (
	"fmt"
	"strings"

	smithy "github.com/aws/smithy-go"
	smithyauth "github.com/aws/smithy-go/auth"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// BindRegion returns the value of the AWS::Region built-in for a client's
// region, as aws-sdk-go-v2 binds it: nil for "", an error for a region that
// is not a dot-separated sequence of host labels, and a FIPS pseudo-region
// ("fips-us-east-1", "us-east-1-fips") mapped to its region. Such a region
// also turns FIPS on: see IsFIPSRegion.
func BindRegion(region string) (*string, error) {
	if region == "" {
		return nil, nil
	}
	if !isValidHostLabel(region, true) {
		return nil, fmt.Errorf("invalid input region %s", region)
	}
	r := region
	if IsFIPSRegion(r) {
		r = strings.ReplaceAll(r, "-fips-", "-")
		r = strings.ReplaceAll(r, "fips-", "")
		r = strings.ReplaceAll(r, "-fips", "")
	}
	return &r, nil
}

// IsFIPSRegion reports whether region names a FIPS pseudo-region.
func IsFIPSRegion(region string) bool {
	return strings.Contains(region, "-fips-") || strings.Contains(region, "fips-") || strings.Contains(region, "-fips")
}

// AuthScheme is one entry of an endpoint's authSchemes property.
type AuthScheme struct {
	Name string // "sigv4", "sigv4a", "sigv4-s3express", ...
	// SigningName and SigningRegion are "" when the rule set leaves them to
	// the client's defaults.
	SigningName   string
	SigningRegion string
	// SigningRegionSet is the region set of sigv4a.
	SigningRegionSet      []string
	DisableDoubleEncoding bool
}

// AuthSchemes returns the authSchemes of a resolved endpoint's properties, in
// the rule set's order of preference; nil when it has none.
func AuthSchemes(p *smithy.Properties) []AuthScheme {
	opts, _ := smithyauth.GetAuthOptions(p)
	out := make([]AuthScheme, 0, len(opts))
	for _, o := range opts {
		sp := &o.SignerProperties
		s := AuthScheme{Name: o.SchemeID}
		s.SigningName, _ = smithyhttp.GetSigV4SigningName(sp)
		s.SigningRegion, _ = smithyhttp.GetSigV4SigningRegion(sp)
		s.SigningRegionSet, _ = smithyhttp.GetSigV4ASigningRegions(sp)
		s.DisableDoubleEncoding, _ = smithyhttp.GetDisableDoubleEncoding(sp)
		out = append(out, s)
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// SigV4Signing returns the signing name and region of the endpoint's sigv4
// auth scheme, each "" when unset; ok is false when the endpoint names auth
// schemes but none is sigv4 (it must then be signed with one of them, such
// as sigv4a, and not with SigV4 under the client's defaults). An endpoint
// without authSchemes gives "", "", true.
func SigV4Signing(p *smithy.Properties) (name, region string, ok bool) {
	schemes := AuthSchemes(p)
	if len(schemes) == 0 {
		return "", "", true
	}
	for _, s := range schemes {
		if s.Name == "sigv4" {
			return s.SigningName, s.SigningRegion, true
		}
	}
	return "", "", false
}

// Builtins are the client settings that rule-set built-ins read. A
// generated client fills them once from its Options; the generated
// bindEndpointBuiltins turns them into EndpointParameters.
type Builtins struct {
	Region       string  // AWS::Region, bound through BindRegion
	UseFIPS      bool    // AWS::UseFIPS
	UseDualStack bool    // AWS::UseDualStack
	Endpoint     *string // SDK::Endpoint
	// AccountID is AWS::Auth::AccountId (from the credentials), and
	// AccountIDEndpointMode AWS::Auth::AccountIdEndpointMode.
	AccountID             *string
	AccountIDEndpointMode string

	// The S3 and STS settings are nil when not configured: the rule sets
	// give some of them (UseArnRegion) a meaning of their own when unset.
	S3Accelerate                     *bool // AWS::S3::Accelerate
	S3ForcePathStyle                 *bool // AWS::S3::ForcePathStyle
	S3UseArnRegion                   *bool // AWS::S3::UseArnRegion
	S3DisableMultiRegionAccessPoints *bool // AWS::S3::DisableMultiRegionAccessPoints
	S3UseGlobalEndpoint              *bool // AWS::S3::UseGlobalEndpoint
	STSUseGlobalEndpoint             *bool // AWS::STS::UseGlobalEndpoint
}

// BuiltinFields maps each supported built-in to its Builtins field.
var BuiltinFields = map[string]string{
	"AWS::Region":                             "Region",
	"AWS::UseFIPS":                            "UseFIPS",
	"AWS::UseDualStack":                       "UseDualStack",
	"SDK::Endpoint":                           "Endpoint",
	"AWS::Auth::AccountId":                    "AccountID",
	"AWS::Auth::AccountIdEndpointMode":        "AccountIDEndpointMode",
	"AWS::S3::Accelerate":                     "S3Accelerate",
	"AWS::S3::ForcePathStyle":                 "S3ForcePathStyle",
	"AWS::S3::UseArnRegion":                   "S3UseArnRegion",
	"AWS::S3::DisableMultiRegionAccessPoints": "S3DisableMultiRegionAccessPoints",
	"AWS::S3::UseGlobalEndpoint":              "S3UseGlobalEndpoint",
	"AWS::STS::UseGlobalEndpoint":             "STSUseGlobalEndpoint",
}
