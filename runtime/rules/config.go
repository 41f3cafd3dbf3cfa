package rules

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
)

// The methods by which aws.Config.ConfigSources (config.EnvConfig,
// config.SharedConfig, ...) report the FIPS and dual-stack settings.
type (
	fipsSource interface {
		GetUseFIPSEndpoint(context.Context) (aws.FIPSEndpointState, bool, error)
	}
	dualStackSource interface {
		GetUseDualStackEndpoint(context.Context) (aws.DualStackEndpointState, bool, error)
	}
)

// EndpointStates returns the FIPS and dual-stack settings of a
// configuration's sources, as aws-sdk-go-v2's NewFromConfig reads them: for
// each, the value of the first source that sets it; found says which were
// set.
func EndpointStates(ctx context.Context, sources []any) (fips aws.FIPSEndpointState, dual aws.DualStackEndpointState, foundFIPS, foundDual bool, err error) {
	for _, s := range sources {
		if p, ok := s.(fipsSource); ok && !foundFIPS {
			if fips, foundFIPS, err = p.GetUseFIPSEndpoint(ctx); err != nil {
				return
			}
		}
		if p, ok := s.(dualStackSource); ok && !foundDual {
			if dual, foundDual, err = p.GetUseDualStackEndpoint(ctx); err != nil {
				return
			}
		}
	}
	return
}
