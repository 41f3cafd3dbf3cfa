package fuzz

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/smithy-go"

	"github.com/smithygen/smithygen/fuzz/gen/cleanroomsml"
	"github.com/smithygen/smithygen/fuzz/gen/dynamodb"
	ddbtypes "github.com/smithygen/smithygen/fuzz/gen/dynamodb/types"
)

// response is the one HTTP response a fake server sends.
type response struct {
	status int
	header http.Header
	body   []byte
}

// fakeHTTP answers every request with resp.
type fakeHTTP struct{ resp response }

func (f *fakeHTTP) Do(r *http.Request) (*http.Response, error) {
	if r.Body != nil {
		_, _ = io.Copy(io.Discard, r.Body)
	}
	h := f.resp.header.Clone()
	if h == nil {
		h = http.Header{}
	}
	return &http.Response{StatusCode: f.resp.status, Header: h, Body: io.NopCloser(bytes.NewReader(f.resp.body)),
		ContentLength: int64(len(f.resp.body)), Request: r}, nil
}

// parseHeader reads "Name: value" lines.
func parseHeader(s string) http.Header {
	h := http.Header{}
	for line := range strings.SplitSeq(s, "\n") {
		k, v, ok := strings.Cut(line, ":")
		if ok && k != "" {
			h.Add(strings.TrimSpace(k), strings.TrimSpace(v))
		}
	}
	return h
}

var creds = aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
	return aws.Credentials{AccessKeyID: "AKID", SecretAccessKey: "SECRET", Source: "fuzz"}, nil
})

// One attempt per call: the fuzzed response is seen once and no backoff
// slows the fuzzer down.
func ddbClient(resp response) *dynamodb.Client {
	return dynamodb.New(dynamodb.Options{Region: "us-east-1", Credentials: creds, HTTPClient: &fakeHTTP{resp}, RetryMaxAttempts: 1})
}

func crmlClient(resp response) *cleanroomsml.Client {
	return cleanroomsml.New(cleanroomsml.Options{Region: "us-east-1", Credentials: creds, HTTPClient: &fakeHTTP{resp}, RetryMaxAttempts: 1})
}

// call is one operation of a client, returning its output's presence.
type call func(ctx context.Context, resp response) (any, error)

var key = map[string]ddbtypes.AttributeValue{"pk": &ddbtypes.AttributeValueMemberS{Value: "k"}}

var ddbCalls = []call{
	func(ctx context.Context, r response) (any, error) {
		return ddbClient(r).GetItem(ctx, &dynamodb.GetItemInput{TableName: aws.String("t"), Key: key})
	},
	func(ctx context.Context, r response) (any, error) {
		return ddbClient(r).Query(ctx, &dynamodb.QueryInput{TableName: aws.String("t")})
	},
	func(ctx context.Context, r response) (any, error) {
		return ddbClient(r).PutItem(ctx, &dynamodb.PutItemInput{TableName: aws.String("t"), Item: key})
	},
	func(ctx context.Context, r response) (any, error) {
		return ddbClient(r).DescribeTable(ctx, &dynamodb.DescribeTableInput{TableName: aws.String("t")})
	},
	func(ctx context.Context, r response) (any, error) {
		return ddbClient(r).BatchGetItem(ctx, &dynamodb.BatchGetItemInput{RequestItems: map[string]ddbtypes.KeysAndAttributes{"t": {Keys: []map[string]ddbtypes.AttributeValue{key}}}})
	},
	func(ctx context.Context, r response) (any, error) {
		return ddbClient(r).TransactWriteItems(ctx, &dynamodb.TransactWriteItemsInput{TransactItems: []ddbtypes.TransactWriteItem{{Put: &ddbtypes.Put{TableName: aws.String("t"), Item: key}}}})
	},
}

const (
	membership = "11111111-2222-3333-4444-555555555555"
	modelARN   = "arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/11111111-2222-3333-4444-555555555555/trained-model/11111111-2222-3333-4444-555555555555"
)

var crmlCalls = []call{
	func(ctx context.Context, r response) (any, error) {
		return crmlClient(r).ListTrainedModels(ctx, &cleanroomsml.ListTrainedModelsInput{MembershipIdentifier: aws.String(membership)})
	},
	func(ctx context.Context, r response) (any, error) {
		return crmlClient(r).GetTrainedModel(ctx, &cleanroomsml.GetTrainedModelInput{MembershipIdentifier: aws.String(membership), TrainedModelArn: aws.String(modelARN)})
	},
	func(ctx context.Context, r response) (any, error) {
		return crmlClient(r).GetMLConfiguration(ctx, &cleanroomsml.GetMLConfigurationInput{MembershipIdentifier: aws.String(membership)})
	},
	func(ctx context.Context, r response) (any, error) {
		return crmlClient(r).ListTagsForResource(ctx, &cleanroomsml.ListTagsForResourceInput{ResourceArn: aws.String(modelARN)})
	},
}

// checkCall runs c against resp and fails unless it ends, within a
// second, with an output or a typed error.
func checkCall(t *testing.T, c call, resp response) error {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	start := time.Now()
	out, err := c(ctx, resp)
	if d := time.Since(start); d > 5*time.Second {
		t.Fatalf("call took %v", d)
	}
	if err == nil {
		if out == nil {
			t.Fatal("no output and no error")
		}
		return nil
	}
	if !typedError(err) {
		t.Fatalf("status %d: error is neither a DeserializationError nor an APIError: %T %v", resp.status, err, err)
	}
	return err
}

// typedError reports whether err is an operation error carrying a
// deserialization or service error, the errors a response can cause.
func typedError(err error) bool {
	var op *smithy.OperationError
	var de *smithy.DeserializationError
	var ae smithy.APIError
	return errors.As(err, &op) && (errors.As(err, &de) || errors.As(err, &ae))
}
