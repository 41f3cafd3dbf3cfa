package s3integration

import (
	"bufio"
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/smithy-go"

	s3 "github.com/smithygen/smithygen/integration/s3/gen/s3"
	"github.com/smithygen/smithygen/integration/s3/gen/s3/types"
)

// calls are operations whose response paths differ: an XML body, headers
// only, a streaming payload, an unwrapped root element, a 200 that may hold
// an error, and a body with nested lists.
var calls = []func(context.Context, *s3.Client) error{
	func(ctx context.Context, c *s3.Client) error {
		_, err := c.ListObjectsV2(ctx, &s3.ListObjectsV2Input{Bucket: aws.String("b")})
		return err
	},
	func(ctx context.Context, c *s3.Client) error {
		_, err := c.HeadObject(ctx, &s3.HeadObjectInput{Bucket: aws.String("b"), Key: aws.String("k")})
		return err
	},
	func(ctx context.Context, c *s3.Client) error {
		_, err := c.GetObject(ctx, &s3.GetObjectInput{Bucket: aws.String("b"), Key: aws.String("k")})
		return err
	},
	func(ctx context.Context, c *s3.Client) error {
		_, err := c.GetBucketLocation(ctx, &s3.GetBucketLocationInput{Bucket: aws.String("b")})
		return err
	},
	func(ctx context.Context, c *s3.Client) error {
		_, err := c.CopyObject(ctx, &s3.CopyObjectInput{Bucket: aws.String("b"), Key: aws.String("k"), CopySource: aws.String("a/k")})
		return err
	},
	func(ctx context.Context, c *s3.Client) error {
		_, err := c.DeleteObjects(ctx, &s3.DeleteObjectsInput{Bucket: aws.String("b"),
			Delete: &types.Delete{Objects: []types.ObjectIdentifier{{Key: aws.String("k")}}}})
		return err
	},
	func(ctx context.Context, c *s3.Client) error {
		_, err := c.GetBucketLifecycleConfiguration(ctx, &s3.GetBucketLifecycleConfigurationInput{Bucket: aws.String("b")})
		return err
	},
}

// parseHeader reads "Name: value" lines.
func parseHeader(s string) http.Header {
	h := http.Header{}
	sc := bufio.NewScanner(strings.NewReader(s))
	for sc.Scan() {
		if k, v, ok := strings.Cut(sc.Text(), ":"); ok {
			h.Add(k, strings.TrimSpace(v))
		}
	}
	return h
}

// FuzzResponse drives the generated client's response paths with fuzzed
// status codes, headers and bodies: every call returns nil or a
// *smithy.OperationError, and never panics.
func FuzzResponse(f *testing.F) {
	f.Add(uint8(0), uint16(200), "Content-Type: application/xml", []byte(`<ListBucketResult><Name>b</Name><KeyCount>1</KeyCount><Contents><Key>k</Key><LastModified>2024-01-02T03:04:05.000Z</LastModified><Size>3</Size></Contents></ListBucketResult>`))
	f.Add(uint8(1), uint16(200), "Content-Length: 3\nLast-Modified: Tue, 29 Apr 2014 18:30:38 GMT\nX-Amz-Meta-A: b\nEtag: \"x\"", []byte{})
	f.Add(uint8(1), uint16(404), "", []byte{})
	f.Add(uint8(2), uint16(200), "Content-Type: text/plain\nX-Amz-Missing-Meta: 2\nExpires: soon", []byte("abc"))
	f.Add(uint8(2), uint16(404), "X-Amz-Request-Id: r", []byte(`<Error><Code>NoSuchKey</Code><Message>m</Message><Key>k</Key><RequestId>r</RequestId></Error>`))
	f.Add(uint8(3), uint16(200), "", []byte(`<LocationConstraint xmlns="http://s3.amazonaws.com/doc/2006-03-01/">eu-west-1</LocationConstraint>`))
	f.Add(uint8(4), uint16(200), "", []byte(`<Error><Code>InternalError</Code><Message>m</Message></Error>`))
	f.Add(uint8(5), uint16(200), "", []byte(`<DeleteResult><Deleted><Key>k</Key></Deleted><Error><Key>e</Key><Code>AccessDenied</Code></Error></DeleteResult>`))
	f.Add(uint8(6), uint16(200), "", []byte(`<LifecycleConfiguration><Rule><ID>r</ID><Filter><And><Tag><Key>a</Key><Value>b</Value></Tag></And></Filter><Status>Enabled</Status><Transition><Days>30</Days></Transition></Rule></LifecycleConfiguration>`))
	f.Add(uint8(0), uint16(503), "Content-Type: text/html", []byte(`<!DOCTYPE html><html><body>busy</body></html>`))
	f.Fuzz(func(t *testing.T, op uint8, status uint16, header string, body []byte) {
		code := 100 + int(status)%500
		c := cannedClient(&canned{status: code, header: parseHeader(header), body: body})
		err := calls[int(op)%len(calls)](context.Background(), c)
		var oe *smithy.OperationError
		if err != nil && !errors.As(err, &oe) {
			t.Fatalf("status %d: error %v (%T) is not a *smithy.OperationError", code, err, err)
		}
	})
}
