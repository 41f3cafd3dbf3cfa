package fuzz

import (
	"context"
	"errors"
	"strings"
	"testing"

	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/smithy-go"

	"github.com/smithygen/smithygen/fuzz/gen/dynamodb"
	"github.com/smithygen/smithygen/fuzz/gen/dynamodb/types"
)

func getItem(t *testing.T, status int, body string) (*dynamodb.GetItemOutput, error) {
	t.Helper()
	var out *dynamodb.GetItemOutput
	err := checkCall(t, func(ctx context.Context, r response) (any, error) {
		o, err := ddbClient(r).GetItem(ctx, &dynamodb.GetItemInput{TableName: strp("t"), Key: key})
		out = o
		return o, err
	}, response{status: status, body: []byte(body)})
	return out, err
}

func query(t *testing.T, body string) (*dynamodb.QueryOutput, error) {
	t.Helper()
	var out *dynamodb.QueryOutput
	err := checkCall(t, func(ctx context.Context, r response) (any, error) {
		o, err := ddbClient(r).Query(ctx, &dynamodb.QueryInput{TableName: strp("t")})
		out = o
		return o, err
	}, response{status: 200, body: []byte(body)})
	return out, err
}

func strp(s string) *string { return &s }

func wantDeserializationError(t *testing.T, what string, err error) {
	t.Helper()
	var de *smithy.DeserializationError
	if !errors.As(err, &de) {
		t.Errorf("%s: got %v, want a *smithy.DeserializationError", what, err)
	}
}

func TestHostileNesting(t *testing.T) {
	const depth = 1_000_000
	_, err := getItem(t, 200, `{"Item":{"a":`+strings.Repeat(`{"L":[`, depth)+strings.Repeat(`]}`, depth)+`}}`)
	wantDeserializationError(t, "nested attribute values", err)
	_, err = getItem(t, 200, `{"Unknown":`+strings.Repeat(`[`, depth)+strings.Repeat(`]`, depth)+`}`)
	wantDeserializationError(t, "nested unknown member", err)
	_, err = getItem(t, 400, `{"__type":"X","extra":`+strings.Repeat(`{"a":`, depth)+`1`+strings.Repeat(`}`, depth)+`}`)
	wantDeserializationError(t, "nested error body", err)
}

func TestHostileNullArrays(t *testing.T) {
	nulls := "null" + strings.Repeat(",null", 10_000_000-1)
	out, err := query(t, `{"Items":[`+nulls+`],"Count":0}`)
	if err != nil || len(out.Items) != 0 {
		t.Errorf("dense list of nulls: %v, %d items", err, len(out.Items))
	}
	item, err := getItem(t, 200, `{"Item":{"l":{"L":[`+nulls+`]}},"Unknown":[`+nulls+`]}`)
	if err != nil {
		t.Fatal(err)
	}
	if l, ok := item.Item["l"].(*types.AttributeValueMemberL); !ok || len(l.Value) != 0 {
		t.Errorf("list of null attribute values: %#v", item.Item["l"])
	}
}

func TestHostileNumbers(t *testing.T) {
	digits := strings.Repeat("9", 100_000)
	for _, body := range []string{`{"Count":1e400}`, `{"Count":` + digits + `}`, `{"Count":-` + digits + `}`,
		`{"Count":1.5}`, `{"ConsumedCapacity":{"CapacityUnits":1e400}}`, `{"ConsumedCapacity":{"CapacityUnits":` + digits + `}}`} {
		_, err := query(t, body)
		wantDeserializationError(t, body[:min(len(body), 40)], err)
	}
	// Numbers of attribute values are strings: kept as sent.
	item, err := getItem(t, 200, `{"Item":{"n":{"N":"1e400"},"d":{"N":"`+digits+`"}}}`)
	if err != nil || item.Item["n"].(*types.AttributeValueMemberN).Value != "1e400" || len(item.Item["d"].(*types.AttributeValueMemberN).Value) != len(digits) {
		t.Errorf("number strings: %v", err)
	}
	// A number of 10⁵ digits that fits a float reads as its value.
	out, err := query(t, `{"ConsumedCapacity":{"CapacityUnits":0.`+digits+`}}`)
	if err != nil || *out.ConsumedCapacity.CapacityUnits != 1 {
		t.Errorf("long fraction: %v", err)
	}
}

func TestHostileStrings(t *testing.T) {
	item, err := getItem(t, 200, "{\"Item\":{\"a\":{\"S\":\"x\xff\xfey\"},\"b\":{\"S\":\"\\ud800z\"},\"c\":{\"S\":\"\\udc00\\ud83d\\ude00\"}}}")
	if err != nil {
		t.Fatal(err)
	}
	for k, want := range map[string]string{"a": "x\uFFFD\uFFFDy", "b": "\uFFFDz", "c": "\uFFFD😀"} {
		if got := item.Item[k].(*types.AttributeValueMemberS).Value; got != want {
			t.Errorf("%s: got %q, want %q", k, got, want)
		}
	}
	_, err = getItem(t, 200, `{"Item":{"a":{"S":"\u12"}}}`)
	wantDeserializationError(t, "bad escape", err)
	_, err = getItem(t, 200, "{\"Item\":{\"a\":{\"S\":\"tab\there\"}}}")
	wantDeserializationError(t, "control character", err)
}

func TestHostileDuplicateKeys(t *testing.T) {
	item, err := getItem(t, 200, `{"Item":{"a":{"S":"1"},"a":{"S":"2"}},"Item":{"a":{"S":"3"}}}`)
	if err != nil || item.Item["a"].(*types.AttributeValueMemberS).Value != "3" {
		t.Errorf("duplicate members: %v %v", err, item.Item)
	}
	// Of a union's members, the first that is not null is kept.
	item, err = getItem(t, 200, `{"Item":{"a":{"NULL":null,"S":"first","N":"2"}}}`)
	if err != nil || item.Item["a"].(*types.AttributeValueMemberS).Value != "first" {
		t.Errorf("union with several members: %v %#v", err, item.Item["a"])
	}
}

func TestHostileErrors(t *testing.T) {
	_, err := getItem(t, 400, `{"__type":"com.example#SomethingNew","message":"new"}`)
	var ae smithy.APIError
	if !errors.As(err, &ae) || ae.ErrorCode() != "SomethingNew" || ae.ErrorMessage() != "new" {
		t.Errorf("unknown __type: %v", err)
	}
	_, err = getItem(t, 503, "<html><head><title>503 Service Unavailable</title></head><body>busy</body></html>")
	var re *awshttp.ResponseError
	if !errors.As(err, &re) || re.HTTPStatusCode() != 503 {
		t.Errorf("HTML 503: %v", err)
	}
	body := `{"__type":"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException","message":"no","Item":{"a":{"S":"x"}}}`
	err = checkCall(t, ddbCalls[2], response{status: 400, body: []byte(body)}) // PutItem
	var ccf *types.ConditionalCheckFailedException
	if !errors.As(err, &ccf) || ccf.Item["a"].(*types.AttributeValueMemberS).Value != "x" {
		t.Errorf("modeled error: %v", err)
	}
	// GetItem does not declare that error: it is generic, with its code.
	_, err = getItem(t, 400, body)
	if !errors.As(err, &ae) || errors.As(err, &ccf) || ae.ErrorCode() != "ConditionalCheckFailedException" {
		t.Errorf("undeclared error: %v", err)
	}
}

func TestHostileMalformed(t *testing.T) {
	for _, body := range []string{
		`{"Item":{"a":{"S":"x"`, `{"Item":{"a":{"S":"x"}}`, `{"Item"`, `{`, `[`, `nul`, `{"Item":{"a":{"S":"x"}},}`,
		`{"Item":[]}`, `{"Item":{"a":[]}}`, `{"Item":{"a":{"S":1}}}`, `{"Item":{"a":{"BOOL":"true"}}}`,
		`{"Item":{"a":{"B":"not base64!"}}}`, `{"Item":{"a":{"SS":"x"}}}`, `{"ConsumedCapacity":[]}`, `"string"`, `{"Item":{"a":{"S":"x"}}} trailing`,
	} {
		_, err := getItem(t, 200, body)
		if body == `{"Item":{"a":{"S":"x"}}} trailing` {
			// Data after the document is not read.
			continue
		}
		wantDeserializationError(t, body, err)
	}
}
