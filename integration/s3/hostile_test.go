package s3integration

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"runtime"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/smithy-go"

	s3 "github.com/smithygen/smithygen/integration/s3/gen/s3"
	"github.com/smithygen/smithygen/runtime/xml"
)

// canned answers every request with one response.
type canned struct {
	status int
	header http.Header
	body   []byte
}

func (c *canned) Do(r *http.Request) (*http.Response, error) {
	if r.Body != nil {
		_, _ = io.Copy(io.Discard, r.Body)
		r.Body.Close()
	}
	h := c.header.Clone()
	if h == nil {
		h = http.Header{}
	}
	return &http.Response{StatusCode: c.status, Header: h, Body: io.NopCloser(bytes.NewReader(c.body)),
		ContentLength: int64(len(c.body)), Request: r}, nil
}

func cannedClient(c *canned) *s3.Client {
	return s3.New(s3.Options{Region: "us-east-1", BaseEndpoint: aws.String("https://s3.example.com"),
		Credentials: aws.AnonymousCredentials{}, HTTPClient: c, RetryMaxAttempts: 1})
}

func listObjects(c *s3.Client) error {
	_, err := c.ListObjectsV2(context.Background(), &s3.ListObjectsV2Input{Bucket: aws.String("bucket")})
	return err
}

// allocated runs f and returns the bytes it allocated.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestHostileResponses sends documents meant to break a decoder through the
// generated client: each must give a typed error, allocating a bounded
// multiple of the body's size, and never panic.
func TestHostileResponses(t *testing.T) {
	bomb := `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">` +
		`<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">` +
		`<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">` +
		`<!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>` +
		`<ListBucketResult><Name>&lol9;</Name></ListBucketResult>`
	deep := strings.Repeat("<Contents>", 100000) + strings.Repeat("</Contents>", 100000)
	html := `<!DOCTYPE html><html><head><title>503 Service Unavailable</title></head>` +
		`<body><h1>Service Unavailable</h1><p>Try again<br>later.</p></body></html>`
	cases := []struct {
		name   string
		status int
		body   string
		cause  error // the cause of the *xml.Error inside the DeserializationError
	}{
		{"malformed", 200, `<ListBucketResult><Name>b</Name><Contents><Key>k</Contents></ListBucketResult>`, xml.ErrSyntax},
		{"truncated", 200, `<ListBucketResult><Name>b</Name><Contents><Key>k`, xml.ErrSyntax},
		{"bomb", 200, bomb, xml.ErrDOCTYPE},
		{"deep", 200, "<ListBucketResult>" + deep + "</ListBucketResult>", xml.ErrDepth},
		{"deep error", 500, "<Error>" + deep + "</Error>", xml.ErrDepth},
		{"html 503", 503, html, xml.ErrDOCTYPE},
		{"bad value", 200, `<ListBucketResult><KeyCount>many</KeyCount></ListBucketResult>`, xml.ErrValue},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var err error
			n := allocated(func() {
				err = listObjects(cannedClient(&canned{status: tc.status, header: http.Header{"Content-Type": {"text/html"}}, body: []byte(tc.body)}))
			})
			var op *smithy.OperationError
			var de *smithy.DeserializationError
			var xe *xml.Error
			if !errors.As(err, &op) || !errors.As(err, &de) || !errors.As(err, &xe) || !errors.Is(err, tc.cause) {
				t.Fatalf("error %v (%T), want an *smithy.OperationError holding a *smithy.DeserializationError caused by %v", err, err, tc.cause)
			}
			var re *awshttp.ResponseError
			if !errors.As(err, &re) || re.HTTPStatusCode() != tc.status {
				t.Fatalf("error %v does not carry the response's status %d", err, tc.status)
			}
			// The client itself allocates some tens of kilobytes.
			if limit := uint64(4*len(tc.body)) + 256<<10; n > limit {
				t.Errorf("allocated %d bytes for a %d-byte body, more than %d", n, len(tc.body), limit)
			}
		})
	}
}
