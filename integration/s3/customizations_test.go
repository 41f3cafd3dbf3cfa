package s3integration

import (
	"context"
	"errors"
	"net/http"
	"sync/atomic"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/smithy-go"

	s3 "github.com/smithygen/smithygen/integration/s3/gen/s3"
	"github.com/smithygen/smithygen/integration/s3/gen/s3/types"
)

// counting counts the requests a canned client answers.
type counting struct {
	canned
	n atomic.Int32
}

func (c *counting) Do(r *http.Request) (*http.Response, error) {
	c.n.Add(1)
	return c.canned.Do(r)
}

// TestErrorIn200 checks that CopyObject's 200 response holding an <Error>
// is an error of the code it names, with the request ID of its body,
// retried as a 500.
func TestErrorIn200(t *testing.T) {
	hc := &counting{canned: canned{status: 200, body: []byte(`<?xml version="1.0" encoding="UTF-8"?>
<Error><Code>InternalError</Code><Message>We encountered an internal error.</Message><RequestId>body-id</RequestId></Error>`)}}
	c := s3.New(s3.Options{Region: "us-east-1", BaseEndpoint: aws.String("https://s3.example.com"),
		Credentials: aws.AnonymousCredentials{}, HTTPClient: hc, RetryMaxAttempts: 2})
	_, err := c.CopyObject(context.Background(), &s3.CopyObjectInput{Bucket: aws.String("b"), Key: aws.String("k"), CopySource: aws.String("a/k")})
	var api smithy.APIError
	var re *awshttp.ResponseError
	if !errors.As(err, &api) || api.ErrorCode() != "InternalError" || !errors.As(err, &re) ||
		re.HTTPStatusCode() != 500 || re.ServiceRequestID() != "body-id" {
		t.Fatalf("error %v, want InternalError of a 500 response with request ID body-id", err)
	}
	if n := hc.n.Load(); n != 2 {
		t.Errorf("%d attempts, want 2 (retried as a server error)", n)
	}

	// A success still decodes, and an operation returning a stream is
	// not checked: its body is the object.
	hc = &counting{canned: canned{status: 200, body: []byte(`<CopyObjectResult><ETag>"e"</ETag></CopyObjectResult>`)}}
	c = s3.New(s3.Options{Region: "us-east-1", Credentials: aws.AnonymousCredentials{}, HTTPClient: hc})
	out, err := c.CopyObject(context.Background(), &s3.CopyObjectInput{Bucket: aws.String("b"), Key: aws.String("k"), CopySource: aws.String("a/k")})
	if err != nil || aws.ToString(out.CopyObjectResult.ETag) != `"e"` {
		t.Fatalf("CopyObject: %v, %+v", err, out)
	}
	hc = &counting{canned: canned{status: 200, body: []byte(`<Error><Code>NotAnError</Code></Error>`)}}
	c = s3.New(s3.Options{Region: "us-east-1", Credentials: aws.AnonymousCredentials{}, HTTPClient: hc})
	got, err := c.GetObject(context.Background(), &s3.GetObjectInput{Bucket: aws.String("b"), Key: aws.String("k")})
	if err != nil || got.Body == nil {
		t.Fatalf("GetObject of an object holding <Error>: %v", err)
	}
}

// TestNoSuchKeyRequestID checks the modeled error of S3's unwrapped <Error>
// and the request ID of the body when no header carries one.
func TestNoSuchKeyRequestID(t *testing.T) {
	hc := &canned{status: 404, body: []byte(`<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message>` +
		`<Key>k</Key><RequestId>4442587FB7D0A2F9</RequestId><HostId>host</HostId></Error>`)}
	c := s3.New(s3.Options{Region: "us-east-1", Credentials: aws.AnonymousCredentials{}, HTTPClient: hc})
	_, err := c.GetObject(context.Background(), &s3.GetObjectInput{Bucket: aws.String("b"), Key: aws.String("k")})
	var nsk *types.NoSuchKey
	var re *awshttp.ResponseError
	if !errors.As(err, &nsk) || nsk.ErrorMessage() != "The specified key does not exist." || !errors.As(err, &re) || re.ServiceRequestID() != "4442587FB7D0A2F9" {
		t.Fatalf("error %v, want a *types.NoSuchKey with request ID 4442587FB7D0A2F9", err)
	}
	var oe *smithy.OperationError
	if !errors.As(err, &oe) || oe.OperationName != "GetObject" {
		t.Fatalf("error %v is not the GetObject OperationError", err)
	}
}
