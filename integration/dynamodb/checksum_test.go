package dynamodb_test

import (
	"bytes"
	"context"
	"errors"
	"hash/crc32"
	"io"
	"net/http"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"

	ours "github.com/smithygen/smithygen/integration/dynamodb/gen/dynamodb"
	"github.com/smithygen/smithygen/integration/dynamodb/gen/dynamodb/types"
	"github.com/smithygen/smithygen/runtime/json"
)

// checksumServer answers every request with body and an X-Amz-Crc32 of
// crc, counting the requests.
type checksumServer struct {
	status int
	body   []byte
	crc    string
	calls  atomic.Int32
	length bool // send a Content-Length
}

func (f *checksumServer) Do(r *http.Request) (*http.Response, error) {
	f.calls.Add(1)
	if r.Body != nil {
		_, _ = io.Copy(io.Discard, r.Body)
	}
	h := http.Header{"Content-Type": {"application/x-amz-json-1.0"}}
	if f.crc != "" {
		h.Set("X-Amz-Crc32", f.crc)
	}
	n := int64(-1)
	if f.length {
		n = int64(len(f.body))
	}
	return &http.Response{StatusCode: f.status, Header: h, Body: io.NopCloser(bytes.NewReader(f.body)), ContentLength: n, Request: r}, nil
}

func crcOf(b []byte) string { return strconv.FormatUint(uint64(crc32.ChecksumIEEE(b)), 10) }

func newChecksumClient(f *checksumServer, optFns ...func(*ours.Options)) *ours.Client {
	return ours.New(ours.Options{
		Region: "us-east-1", Credentials: creds, HTTPClient: f, RetryMaxAttempts: 3,
		Retryer: retry.NewStandard(func(o *retry.StandardOptions) { o.Backoff = noBackoff{} }),
	}, optFns...)
}

type noBackoff struct{}

func (noBackoff) BackoffDelay(int, error) (time.Duration, error) { return 0, nil }

const getItemBody = `{"Item":{"pk":{"S":"a"},"n":{"N":"1"}}}`

func TestChecksumMatches(t *testing.T) {
	for _, length := range []bool{true, false} {
		body := []byte(getItemBody)
		f := &checksumServer{status: 200, body: body, crc: crcOf(body), length: length}
		out, err := newChecksumClient(f).GetItem(context.Background(), &ours.GetItemInput{TableName: aws.String("t"), Key: map[string]types.AttributeValue{}})
		if err != nil {
			t.Fatalf("length %v: %v", length, err)
		}
		if v, ok := out.Item["pk"].(*types.AttributeValueMemberS); !ok || v.Value != "a" || f.calls.Load() != 1 {
			t.Fatalf("length %v: item %v after %d calls", length, out.Item, f.calls.Load())
		}
	}
}

func TestChecksumMismatchIsRetried(t *testing.T) {
	for _, status := range []int{200, 400} {
		for _, length := range []bool{true, false} {
			body := []byte(getItemBody)
			if status == 400 {
				body = []byte(`{"__type":"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException","message":"no"}`)
			}
			f := &checksumServer{status: status, body: body, crc: crcOf(append([]byte("x"), body...)), length: length}
			_, err := newChecksumClient(f).GetItem(context.Background(), &ours.GetItemInput{TableName: aws.String("t"), Key: map[string]types.AttributeValue{}})
			var ce *json.ChecksumError
			var maxErr *retry.MaxAttemptsError
			if !errors.As(err, &ce) || !errors.As(err, &maxErr) {
				t.Fatalf("status %d, length %v: got %v, want a checksum error after the last attempt", status, length, err)
			}
			if n := f.calls.Load(); n != 3 {
				t.Errorf("status %d, length %v: %d attempts, want 3", status, length, n)
			}
		}
	}
}

func TestChecksumHeaderInvalid(t *testing.T) {
	body := []byte(getItemBody)
	f := &checksumServer{status: 200, body: body, crc: "not-a-number", length: true}
	_, err := newChecksumClient(f).GetItem(context.Background(), &ours.GetItemInput{TableName: aws.String("t"), Key: map[string]types.AttributeValue{}})
	var ce *json.ChecksumError
	if !errors.As(err, &ce) || ce.Header != "not-a-number" {
		t.Fatalf("got %v, want a checksum header error", err)
	}
	if n := f.calls.Load(); n != 1 {
		t.Errorf("%d attempts, want 1: an unparsable header is not retried", n)
	}
}

func TestChecksumValidationDisabled(t *testing.T) {
	body := []byte(getItemBody)
	f := &checksumServer{status: 200, body: body, crc: "1", length: true}
	disable := func(o *ours.Options) { o.DisableValidateResponseChecksum = true }
	in := &ours.GetItemInput{TableName: aws.String("t"), Key: map[string]types.AttributeValue{}}

	// Disabled for the client.
	if _, err := newChecksumClient(f, disable).GetItem(context.Background(), in); err != nil {
		t.Fatalf("client option: %v", err)
	}
	// Disabled for one call of a checking client.
	c := newChecksumClient(f)
	if _, err := c.GetItem(context.Background(), in, disable); err != nil {
		t.Fatalf("call option: %v", err)
	}
	if f.calls.Load() != 2 {
		t.Fatalf("%d attempts, want 2", f.calls.Load())
	}
	if _, err := c.GetItem(context.Background(), in); err == nil {
		t.Fatal("the client without the option accepted a wrong checksum")
	}
}
