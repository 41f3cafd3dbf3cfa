package conformance

import (
	"fmt"

	"github.com/dave/jennifer/jen"
	"github.com/tidwall/gjson"

	"github.com/smithygen/smithygen/model/rules"
)

// AWSConfigShape is the vendorParamsShape of cases that configure the
// client as ../shared/protocol-tests/aws-config.smithy describes: a region
// and S3 settings, for the client or for one call.
const AWSConfigShape = "aws.protocoltests.config#AwsConfig"

const awsPkg = "github.com/aws/aws-sdk-go-v2/aws"

// clientConfig is how a case configures its client and its call.
type clientConfig struct {
	region string // "" selects protocoltest.Region
	// client and call are assignments to the Options "o": in New, and in
	// the call's functional option (the operation scope).
	client, call []jen.Code
	// rulesEndpoint marks a case whose endpoint the service's rules resolve
	// from the region and settings, as for an SDK user who sets no
	// endpoint: the case's host is the regional endpoint, and giving it as
	// BaseEndpoint would make it a custom endpoint, which S3's rules refuse
	// with dual-stack and do not accelerate.
	rulesEndpoint bool
}

// configOf reads the vendorParams of a case. Settings it cannot express
// are errors, so that a case is never run under another configuration
// than the one it states.
func configOf(c *Case) (clientConfig, error) {
	var cfg clientConfig
	vp := c.Value.Get("vendorParams")
	if r := vp.Get("region"); r.Type == gjson.String {
		cfg.region = r.Str
	}
	if c.Value.Get("vendorParamsShape").Str != AWSConfigShape {
		return cfg, nil
	}
	rs, err := rules.Load(c.Service)
	if err != nil {
		return cfg, err
	}
	cfg.rulesEndpoint = rs != nil
	var problem error
	vp.ForEach(func(k, v gjson.Result) bool {
		if k.Str != "scopedConfig" {
			problem = fmt.Errorf("vendorParams.%s is not supported", k.Str)
			return false
		}
		v.ForEach(func(scope, v gjson.Result) bool {
			switch scope.Str {
			case "client":
				problem = cfg.clientScope(rs, v)
			case "operation":
				problem = onlyS3(v, "operation", func(s3 gjson.Result) (err error) {
					cfg.call, err = s3Settings(rs, s3)
					return err
				})
			default:
				problem = fmt.Errorf("vendorParams.scopedConfig.%s is not supported", scope.Str)
			}
			return problem == nil
		})
		return problem == nil
	})
	return cfg, problem
}

func (cfg *clientConfig) clientScope(rs *rules.RuleSet, v gjson.Result) error {
	if r := v.Get("region"); r.Exists() {
		cfg.region = r.Str
	}
	return onlyS3(v, "client", func(s3 gjson.Result) (err error) {
		cfg.client, err = s3Settings(rs, s3)
		return err
	}, "region")
}

// onlyS3 passes the s3 settings of a scope to f; keys other than s3 and
// known are errors.
func onlyS3(v gjson.Result, scope string, f func(gjson.Result) error, known ...string) error {
	var err error
	v.ForEach(func(k, s gjson.Result) bool {
		switch {
		case k.Str == "s3":
			err = f(s)
		case !contains(known, k.Str):
			err = fmt.Errorf("vendorParams.scopedConfig.%s.%s is not supported", scope, k.Str)
		}
		return err == nil
	})
	return err
}

func contains(list []string, s string) bool {
	for _, e := range list {
		if e == s {
			return true
		}
	}
	return false
}

// s3Settings are the assignments of the Options fields aws-sdk-go-v2 (and
// the generated client) gives S3's settings: UsePathStyle,
// UseAccelerate and EndpointOptions.UseDualStackEndpoint, each the setting
// of a built-in of the service's rule set.
func s3Settings(rs *rules.RuleSet, s3 gjson.Result) ([]jen.Code, error) {
	o := jen.Id("o")
	var out []jen.Code
	var err error
	need := func(builtin string) bool {
		for _, p := range ruleParams(rs) {
			if p.BuiltIn == builtin {
				return true
			}
		}
		err = fmt.Errorf("the S3 settings need the %s built-in of an endpoint rule set, which the service lacks", builtin)
		return false
	}
	s3.ForEach(func(k, v gjson.Result) bool {
		switch k.Str {
		case "addressing_style":
			if !need("AWS::S3::ForcePathStyle") {
				return false
			}
			switch v.Str {
			case "path", "virtual":
				out = append(out, o.Clone().Dot("UsePathStyle").Op("=").Lit(v.Str == "path"))
			case "auto":
			default:
				err = fmt.Errorf("unknown S3 addressing_style %q", v.Str)
			}
		case "use_accelerate_endpoint":
			if need("AWS::S3::Accelerate") {
				out = append(out, o.Clone().Dot("UseAccelerate").Op("=").Lit(v.Bool()))
			}
		case "use_dualstack_endpoint":
			if need("AWS::UseDualStack") {
				state := "DualStackEndpointStateDisabled"
				if v.Bool() {
					state = "DualStackEndpointStateEnabled"
				}
				out = append(out, o.Clone().Dot("EndpointOptions").Dot("UseDualStackEndpoint").Op("=").Qual(awsPkg, state))
			}
		default:
			err = fmt.Errorf("the S3 setting %s is not supported", k.Str)
		}
		return err == nil
	})
	return out, err
}

func ruleParams(rs *rules.RuleSet) []*rules.Param {
	if rs == nil {
		return nil
	}
	return rs.Params
}

// optionsFunc is "func(o *Options) { stmts }".
func optionsFunc(stmts []jen.Code) jen.Code {
	return jen.Func().Params(jen.Id("o").Op("*").Id("Options")).Block(stmts...)
}
