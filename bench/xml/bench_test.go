package xmlbench

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"reflect"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/smithygen/smithygen/runtime/query"
	"github.com/smithygen/smithygen/runtime/transport"
	"github.com/smithygen/smithygen/runtime/xml"
)

var sizes = []int{1, 100, 1000}

// fakeClient answers every request with the same 200 XML response.
type fakeClient struct{ body []byte }

func (f *fakeClient) Do(r *http.Request) (*http.Response, error) {
	if r.Body != nil {
		_, _ = io.Copy(io.Discard, r.Body)
		r.Body.Close()
	}
	return &http.Response{
		StatusCode:    200,
		Header:        http.Header{"Content-Type": {"text/xml"}, "X-Amzn-Requestid": {"req-1"}, "X-Amz-Request-Id": {"req-1"}},
		Body:          io.NopCloser(bytes.NewReader(f.body)),
		ContentLength: int64(len(f.body)),
		Request:       r,
	}, nil
}

const endpoint = "https://service.example.com"

// ourClient is the runtime a generated client runs on.
func ourClient(service, signingName string, body []byte) *transport.Client {
	return transport.NewClient(transport.Config{
		ServiceID: service, SigningName: signingName, Region: "us-east-1",
		BaseEndpoint: aws.String(endpoint), Credentials: aws.AnonymousCredentials{},
		HTTPClient: &fakeClient{body}, RetryMaxAttempts: 1,
	})
}

var decodeListObjects = xml.BodyDecoder(decodeListObjectsV2Output)

// ourListObjectsV2 is the call a generated restXml client makes.
func ourListObjectsV2(ctx context.Context, c *transport.Client, bucket string) (*s3.ListObjectsV2Output, error) {
	out := &s3.ListObjectsV2Output{}
	_, err := c.Invoke(ctx, &transport.Operation{
		Name: "ListObjectsV2",
		Build: func(r *transport.Request) error {
			r.Method, r.Path = "GET", "/"+bucket
			r.AddQuery("list-type", "2")
			return nil
		},
		Decode: func(resp *transport.Response) error { return decodeListObjects(resp, out) },
		Error: func(resp *transport.Response) error {
			info, err := xml.ReadError(resp)
			if err != nil {
				return err
			}
			return info.Generic()
		},
	})
	return out, err
}

var decodeListRoles = xml.ResultDecoder("ListRolesResult", decodeListRolesOutput)

// ourListRoles is the call a generated awsQuery client makes.
func ourListRoles(ctx context.Context, c *transport.Client) (*iam.ListRolesOutput, error) {
	out := &iam.ListRolesOutput{}
	_, err := c.Invoke(ctx, &transport.Operation{
		Name: "ListRoles",
		Build: func(r *transport.Request) error {
			r.Method, r.Path = "POST", "/"
			e := query.NewEncoder("ListRoles", "2010-05-08")
			e.Str("PathPrefix", "/service-role/")
			return e.SetBody(r)
		},
		Decode: func(resp *transport.Response) error { return decodeListRoles(resp, out) },
		Error: func(resp *transport.Response) error {
			info, err := xml.ReadError(resp)
			if err != nil {
				return err
			}
			return info.Generic()
		},
	})
	return out, err
}

func s3Client(body []byte) *s3.Client {
	return s3.New(s3.Options{Region: "us-east-1", BaseEndpoint: aws.String(endpoint), UsePathStyle: true,
		Credentials: aws.AnonymousCredentials{}, HTTPClient: &fakeClient{body}, RetryMaxAttempts: 1})
}

func iamClient(body []byte) *iam.Client {
	return iam.New(iam.Options{Region: "us-east-1", BaseEndpoint: aws.String(endpoint),
		Credentials: aws.AnonymousCredentials{}, HTTPClient: &fakeClient{body}, RetryMaxAttempts: 1})
}

func BenchmarkListObjectsV2(b *testing.B) {
	ctx := context.Background()
	for _, n := range sizes {
		body := listObjectsBody(n)
		b.Run(fmt.Sprintf("items=%d/client=smithygen", n), func(b *testing.B) {
			c := ourClient("S3", "s3", body)
			run(b, len(body), func() error { _, err := ourListObjectsV2(ctx, c, "example-bucket"); return err })
		})
		b.Run(fmt.Sprintf("items=%d/client=aws-sdk-go-v2", n), func(b *testing.B) {
			c := s3Client(body)
			run(b, len(body), func() error {
				_, err := c.ListObjectsV2(ctx, &s3.ListObjectsV2Input{Bucket: aws.String("example-bucket")})
				return err
			})
		})
	}
}

func BenchmarkListRoles(b *testing.B) {
	ctx := context.Background()
	for _, n := range sizes {
		body := listRolesBody(n)
		b.Run(fmt.Sprintf("items=%d/client=smithygen", n), func(b *testing.B) {
			c := ourClient("IAM", "iam", body)
			run(b, len(body), func() error { _, err := ourListRoles(ctx, c); return err })
		})
		b.Run(fmt.Sprintf("items=%d/client=aws-sdk-go-v2", n), func(b *testing.B) {
			c := iamClient(body)
			run(b, len(body), func() error {
				_, err := c.ListRoles(ctx, &iam.ListRolesInput{PathPrefix: aws.String("/service-role/")})
				return err
			})
		})
	}
}

func run(b *testing.B, size int, call func() error) {
	if err := call(); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		if err := call(); err != nil {
			b.Fatal(err)
		}
	}
}

// TestSameResult checks that both clients decode the bodies to the same
// values, so that the benchmarks compare equal work.
func TestSameResult(t *testing.T) {
	ctx := context.Background()
	body := listObjectsBody(100)
	ours, err := ourListObjectsV2(ctx, ourClient("S3", "s3", body), "example-bucket")
	if err != nil {
		t.Fatal(err)
	}
	theirs, err := s3Client(body).ListObjectsV2(ctx, &s3.ListObjectsV2Input{Bucket: aws.String("example-bucket")})
	if err != nil {
		t.Fatal(err)
	}
	ours.ResultMetadata, theirs.ResultMetadata = theirs.ResultMetadata, ours.ResultMetadata
	if len(ours.Contents) != 100 || !reflect.DeepEqual(ours.Contents, theirs.Contents) ||
		!reflect.DeepEqual(ours.CommonPrefixes, theirs.CommonPrefixes) || *ours.KeyCount != *theirs.KeyCount ||
		*ours.NextContinuationToken != *theirs.NextContinuationToken || *ours.IsTruncated != *theirs.IsTruncated {
		t.Errorf("ListObjectsV2 outputs differ:\n%+v\n%+v", ours.Contents[0], theirs.Contents[0])
	}

	body = listRolesBody(100)
	roles, err := ourListRoles(ctx, ourClient("IAM", "iam", body))
	if err != nil {
		t.Fatal(err)
	}
	theirRoles, err := iamClient(body).ListRoles(ctx, &iam.ListRolesInput{PathPrefix: aws.String("/service-role/")})
	if err != nil {
		t.Fatal(err)
	}
	if len(roles.Roles) != 100 || !reflect.DeepEqual(roles.Roles, theirRoles.Roles) || roles.IsTruncated != theirRoles.IsTruncated ||
		*roles.Marker != *theirRoles.Marker {
		t.Errorf("ListRoles outputs differ:\n%+v\n%+v", roles.Roles[0], theirRoles.Roles[0])
	}
}
