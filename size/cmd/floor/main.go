// Command floor does what every AWS client must and nothing service
// specific: it loads the default configuration, retrieves credentials,
// signs a request with SigV4 and sends it through aws-sdk-go-v2's HTTP
// client under the standard retryer. Its growth over base is the part of
// any client's cost that the shared runtime, not the client, decides.
package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"os"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws/retry"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/config"
)

func main() {
	ctx := context.Background()
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		fail(err)
	}
	creds, err := cfg.Credentials.Retrieve(ctx)
	if err != nil {
		fail(err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "https://cleanrooms."+cfg.Region+".amazonaws.com/memberships", nil)
	if err != nil {
		fail(err)
	}
	empty := sha256.Sum256(nil)
	if err := v4.NewSigner().SignHTTP(ctx, creds, req, hex.EncodeToString(empty[:]), "cleanrooms", cfg.Region, time.Now()); err != nil {
		fail(err)
	}
	retryer := retry.NewStandard()
	resp, err := awshttp.NewBuildableClient().Do(req)
	if err != nil && retryer.IsErrorRetryable(err) {
		resp, err = awshttp.NewBuildableClient().Do(req)
	}
	if err != nil {
		fail(err)
	}
	resp.Body.Close()
	fmt.Println(resp.Status)
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, err)
	os.Exit(1)
}
