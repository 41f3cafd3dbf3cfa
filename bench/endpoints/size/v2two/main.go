// Command v2two resolves one endpoint per service linked, to measure the size
// endpoint resolution adds to a program (see make bench-endpoints).
package main

import (
	"context"
	"fmt"
	"os"

	smithyendpoints "github.com/aws/smithy-go/endpoints"

	v2 "github.com/aws/aws-sdk-go-v2/service/cleanrooms"
	v2ddb "github.com/aws/aws-sdk-go-v2/service/dynamodb"
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
	resolve(v2.NewDefaultEndpointResolverV2().ResolveEndpoint(ctx, v2.EndpointParameters{Region: &region}))
	resolve(v2ddb.NewDefaultEndpointResolverV2().ResolveEndpoint(ctx, v2ddb.EndpointParameters{Region: &region}))
}
