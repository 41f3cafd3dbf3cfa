// Command ourstwo resolves one endpoint per service linked, to measure the size
// endpoint resolution adds to a program (see make bench-endpoints).
package main

import (
	"context"
	"fmt"
	"os"

	smithyendpoints "github.com/aws/smithy-go/endpoints"

	ours "github.com/smithygen/smithygen/bench/endpoints/gen/cleanrooms"
	oursddb "github.com/smithygen/smithygen/bench/endpoints/gen/dynamodb"
)

var ctx = context.Background()

func resolve(ep smithyendpoints.Endpoint, err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println(ep.URI.String())
}

func main() {
	region := "us-east-1"
	if len(os.Args) > 1 {
		region = os.Args[1]
	}
	resolve(ours.NewDefaultEndpointResolverV2().ResolveEndpoint(ctx, ours.EndpointParameters{Region: &region}))
	resolve(oursddb.NewDefaultEndpointResolverV2().ResolveEndpoint(ctx, oursddb.EndpointParameters{Region: &region}))
}
