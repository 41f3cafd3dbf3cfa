package endpoints

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	v2 "github.com/aws/aws-sdk-go-v2/service/cleanrooms"
	v2ddb "github.com/aws/aws-sdk-go-v2/service/dynamodb"
	smithyendpoints "github.com/aws/smithy-go/endpoints"

	ours "github.com/smithygen/smithygen/bench/endpoints/gen/cleanrooms"
	oursddb "github.com/smithygen/smithygen/bench/endpoints/gen/dynamodb"
)

var ctx = context.Background()

// TestSameEndpoints checks that both resolvers agree on the benchmarked
// parameters.
func TestSameEndpoints(t *testing.T) {
	for _, fips := range []bool{false, true} {
		a, err := ours.NewDefaultEndpointResolverV2().ResolveEndpoint(ctx, ours.EndpointParameters{Region: aws.String("us-east-1"), UseFIPS: aws.Bool(fips), UseDualStack: aws.Bool(false)})
		if err != nil {
			t.Fatal(err)
		}
		b, err := v2.NewDefaultEndpointResolverV2().ResolveEndpoint(ctx, v2.EndpointParameters{Region: aws.String("us-east-1"), UseFIPS: aws.Bool(fips), UseDualStack: aws.Bool(false)})
		if err != nil {
			t.Fatal(err)
		}
		if a.URI.String() != b.URI.String() {
			t.Errorf("fips=%v: ours %s, aws-sdk-go-v2 %s", fips, a.URI.String(), b.URI.String())
		}
	}
	a, err := oursddb.NewDefaultEndpointResolverV2().ResolveEndpoint(ctx, ddbParams())
	if err != nil {
		t.Fatal(err)
	}
	b, err := v2ddb.NewDefaultEndpointResolverV2().ResolveEndpoint(ctx, v2ddbParams())
	if err != nil {
		t.Fatal(err)
	}
	if a.URI.String() != b.URI.String() {
		t.Errorf("dynamodb: ours %s, aws-sdk-go-v2 %s", a.URI.String(), b.URI.String())
	}
}

func ddbParams() oursddb.EndpointParameters {
	return oursddb.EndpointParameters{Region: aws.String("us-west-2"), UseFIPS: aws.Bool(false), UseDualStack: aws.Bool(false),
		AccountIdEndpointMode: aws.String("preferred"), AccountId: aws.String("123456789012")}
}

func v2ddbParams() v2ddb.EndpointParameters {
	return v2ddb.EndpointParameters{Region: aws.String("us-west-2"), UseFIPS: aws.Bool(false), UseDualStack: aws.Bool(false),
		AccountIdEndpointMode: aws.String("preferred"), AccountId: aws.String("123456789012")}
}

// regions are distinct region names of the aws partition: resolving them
// in turn misses a resolver's 64-entry cache every time.
var regions = func() []*string {
	out := make([]*string, 256)
	for i := range out {
		out[i] = aws.String(fmt.Sprintf("us-test-%d", i+1))
	}
	return out
}()

// BenchmarkResolve compares on the same parameters aws-sdk-go-v2's
// resolver (which has no cache) with ours on a cache miss (cold: the rules
// are interpreted, through 256 regions in turn) and on a hit (cached: the
// same parameters again).
func BenchmarkResolve(b *testing.B) {
	cr := func(i int) ours.EndpointParameters {
		return ours.EndpointParameters{Region: regions[i%len(regions)], UseFIPS: aws.Bool(true), UseDualStack: aws.Bool(false)}
	}
	crV2 := func(i int) v2.EndpointParameters {
		return v2.EndpointParameters{Region: regions[i%len(regions)], UseFIPS: aws.Bool(true), UseDualStack: aws.Bool(false)}
	}
	// A listed region: aws-sdk-go-v2 looks it up in a map; ours resolves
	// it cold on a new resolver each time, or cached.
	east := func(int) ours.EndpointParameters {
		return ours.EndpointParameters{Region: aws.String("us-east-1"), UseFIPS: aws.Bool(true), UseDualStack: aws.Bool(false)}
	}
	eastV2 := func(int) v2.EndpointParameters {
		return v2.EndpointParameters{Region: aws.String("us-east-1"), UseFIPS: aws.Bool(true), UseDualStack: aws.Bool(false)}
	}
	bench(b, "cleanrooms/us-east-1/aws-sdk-go-v2", v2.NewDefaultEndpointResolverV2(), eastV2, false)
	bench(b, "cleanrooms/us-east-1/cold", newResolver(ours.NewDefaultEndpointResolverV2), east, false)
	bench(b, "cleanrooms/us-east-1/cached", ours.NewDefaultEndpointResolverV2(), east, false)
	// Unlisted regions, matched by the partitions' region patterns.
	bench(b, "cleanrooms/unlisted/aws-sdk-go-v2", v2.NewDefaultEndpointResolverV2(), crV2, true)
	bench(b, "cleanrooms/unlisted/cold", ours.NewDefaultEndpointResolverV2(), cr, true)
	ddb := func(int) oursddb.EndpointParameters { return ddbParams() }
	ddbV2 := func(int) v2ddb.EndpointParameters { return v2ddbParams() }
	bench(b, "dynamodb/us-west-2/aws-sdk-go-v2", v2ddb.NewDefaultEndpointResolverV2(), ddbV2, false)
	bench(b, "dynamodb/us-west-2/cold", newResolver(oursddb.NewDefaultEndpointResolverV2), ddb, false)
	bench(b, "dynamodb/us-west-2/cached", oursddb.NewDefaultEndpointResolverV2(), ddb, false)
}

// fresh is a resolver that makes a new resolver of ours for every call, so
// that every resolution is a cache miss.
type fresh[P any] struct{ make func() resolver[P] }

func (f fresh[P]) ResolveEndpoint(ctx context.Context, p P) (smithyendpoints.Endpoint, error) {
	return f.make().ResolveEndpoint(ctx, p)
}

func newResolver[R resolver[P], P any](mk func() R) resolver[P] {
	return fresh[P]{func() resolver[P] { return mk() }}
}

type resolver[P any] interface {
	ResolveEndpoint(context.Context, P) (smithyendpoints.Endpoint, error)
}

// bench resolves params(i) with r: for each i in turn when vary, else
// params(0) every time.
func bench[P any](b *testing.B, name string, r resolver[P], params func(int) P, vary bool) {
	all := make([]P, len(regions))
	for i := range all {
		all[i] = params(i)
	}
	b.Run(name, func(b *testing.B) {
		i := 0
		for b.Loop() {
			p := all[0]
			if vary {
				p = all[i%len(all)]
				i++
			}
			if _, err := r.ResolveEndpoint(ctx, p); err != nil {
				b.Fatal(err)
			}
		}
	})
}
