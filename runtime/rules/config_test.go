package rules

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
)

type fipsOnly struct{ state aws.FIPSEndpointState }

func (s fipsOnly) GetUseFIPSEndpoint(context.Context) (aws.FIPSEndpointState, bool, error) {
	return s.state, s.state != aws.FIPSEndpointStateUnset, nil
}

type dualOnly struct{}

func (dualOnly) GetUseDualStackEndpoint(context.Context) (aws.DualStackEndpointState, bool, error) {
	return aws.DualStackEndpointStateEnabled, true, nil
}

func TestEndpointStates(t *testing.T) {
	sources := []any{"not a source", fipsOnly{aws.FIPSEndpointStateUnset}, fipsOnly{aws.FIPSEndpointStateEnabled}, dualOnly{}, fipsOnly{aws.FIPSEndpointStateDisabled}}
	fips, dual, ff, fd, err := EndpointStates(context.Background(), sources)
	if err != nil || !ff || !fd || fips != aws.FIPSEndpointStateEnabled || dual != aws.DualStackEndpointStateEnabled {
		t.Errorf("got %v %v %v %v %v", fips, dual, ff, fd, err)
	}
	if _, _, ff, fd, _ := EndpointStates(context.Background(), nil); ff || fd {
		t.Error("found settings in no sources")
	}
}
