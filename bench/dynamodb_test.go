package bench

import (
	"bytes"
	"context"
	"fmt"
	"hash/crc32"
	"io"
	"net/http"
	"reflect"
	"strconv"
	"testing"

	v2 "github.com/aws/aws-sdk-go-v2/service/dynamodb"
	v2types "github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	ours "github.com/smithygen/smithygen/bench/gen/dynamodb"
	"github.com/smithygen/smithygen/bench/gen/dynamodb/types"
)

// queryPage returns a Query response body with n items of ten attributes,
// one of each AttributeValue kind, the map holding a list and the list a
// map.
func queryPage(n int) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, `{"Count":%d,"ScannedCount":%d,"Items":[`, n, n)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"pk":{"S":"customer#%08d"},"sk":{"N":"%d"},"avatar":{"B":"AAECAwQFBgcICQ=="},`+
			`"active":{"BOOL":%t},"deleted":{"NULL":true},"tags":{"SS":["gold","priority","region-eu"]},`+
			`"scores":{"NS":["1","2.5","%d"]},"keys":{"BS":["AQI=","AwQ="]},`+
			`"address":{"M":{"street":{"S":"%d Main Street"},"city":{"S":"Springfield"},"zip":{"N":"12345"},`+
			`"geo":{"L":[{"N":"52.52"},{"N":"13.405"}]}}},`+
			`"orders":{"L":[{"S":"o-%d"},{"N":"19.99"},{"BOOL":false},{"M":{"id":{"S":"o-%d-1"},"total":{"N":"5"}}}]}}`,
			i, i, i%2 == 0, i, i, i, i)
	}
	b.WriteString(`],"LastEvaluatedKey":{"pk":{"S":"customer#last"},"sk":{"N":"999999"}}}`)
	return b.Bytes()
}

// ddbClient answers every request with the same DynamoDB response,
// checksummed as DynamoDB checksums it.
type ddbClient struct {
	body []byte
	crc  string
}

func newDDBClient(body []byte) *ddbClient {
	return &ddbClient{body, strconv.FormatUint(uint64(crc32.ChecksumIEEE(body)), 10)}
}

func (f *ddbClient) Do(r *http.Request) (*http.Response, error) {
	if r.Body != nil {
		_, _ = io.Copy(io.Discard, r.Body)
		r.Body.Close()
	}
	return &http.Response{
		StatusCode: 200,
		Header: http.Header{"Content-Type": {"application/x-amz-json-1.0"}, "X-Amzn-Requestid": {"req-1"},
			"X-Amz-Crc32": {f.crc}},
		Body:          io.NopCloser(bytes.NewReader(f.body)),
		ContentLength: int64(len(f.body)),
		Request:       r,
	}, nil
}

func newOursDDB(body []byte) *ours.Client {
	return ours.New(ours.Options{Region: "us-east-1", Credentials: creds, HTTPClient: newDDBClient(body)})
}

func newV2DDB(body []byte) *v2.Client {
	return v2.New(v2.Options{Region: "us-east-1", Credentials: creds, HTTPClient: newDDBClient(body)})
}

func oursQueryInput() *ours.QueryInput {
	return &ours.QueryInput{TableName: ptr("customers"), KeyConditionExpression: ptr("pk = :pk"),
		ExpressionAttributeValues: map[string]types.AttributeValue{":pk": &types.AttributeValueMemberS{Value: "customer"}}}
}

func v2QueryInput() *v2.QueryInput {
	return &v2.QueryInput{TableName: ptr("customers"), KeyConditionExpression: ptr("pk = :pk"),
		ExpressionAttributeValues: map[string]v2types.AttributeValue{":pk": &v2types.AttributeValueMemberS{Value: "customer"}}}
}

func ptr[T any](v T) *T { return &v }

func BenchmarkQuery(b *testing.B) {
	for _, n := range sizes {
		body := queryPage(n)
		b.Run(fmt.Sprintf("items=%d/client=smithygen", n), func(b *testing.B) {
			c := newOursDDB(body)
			run(b, len(body), n, func(ctx context.Context) (int, error) {
				out, err := c.Query(ctx, oursQueryInput())
				if err != nil {
					return 0, err
				}
				return len(out.Items), nil
			})
		})
		b.Run(fmt.Sprintf("items=%d/client=aws-sdk-go-v2", n), func(b *testing.B) {
			c := newV2DDB(body)
			run(b, len(body), n, func(ctx context.Context) (int, error) {
				out, err := c.Query(ctx, v2QueryInput())
				if err != nil {
					return 0, err
				}
				return len(out.Items), nil
			})
		})
	}
}

// BenchmarkGetItem is a GetItem of an item that does not exist: the
// response is an empty object.
func BenchmarkGetItem(b *testing.B) {
	body := []byte(`{}`)
	b.Run("items=0/client=smithygen", func(b *testing.B) {
		c := newOursDDB(body)
		run(b, len(body), 0, func(ctx context.Context) (int, error) {
			out, err := c.GetItem(ctx, &ours.GetItemInput{TableName: ptr("customers"),
				Key: map[string]types.AttributeValue{"pk": &types.AttributeValueMemberS{Value: "nobody"}}})
			if err != nil {
				return 0, err
			}
			return len(out.Item), nil
		})
	})
	b.Run("items=0/client=aws-sdk-go-v2", func(b *testing.B) {
		c := newV2DDB(body)
		run(b, len(body), 0, func(ctx context.Context) (int, error) {
			out, err := c.GetItem(ctx, &v2.GetItemInput{TableName: ptr("customers"),
				Key: map[string]v2types.AttributeValue{"pk": &v2types.AttributeValueMemberS{Value: "nobody"}}})
			if err != nil {
				return 0, err
			}
			return len(out.Item), nil
		})
	})
}

// TestSameQueryResult checks both clients decode the 100-item Query page
// to the same values, so the benchmark compares equal work.
func TestSameQueryResult(t *testing.T) {
	body := queryPage(100)
	ctx := context.Background()
	a, err := newOursDDB(body).Query(ctx, oursQueryInput())
	if err != nil {
		t.Fatal(err)
	}
	v, err := newV2DDB(body).Query(ctx, v2QueryInput())
	if err != nil {
		t.Fatal(err)
	}
	if a.Count != v.Count || a.ScannedCount != v.ScannedCount || len(a.Items) != 100 || len(v.Items) != 100 {
		t.Fatalf("counts differ: %d/%d/%d, %d/%d/%d", a.Count, a.ScannedCount, len(a.Items), v.Count, v.ScannedCount, len(v.Items))
	}
	if !reflect.DeepEqual(plainItem(a.LastEvaluatedKey), plainItem(v.LastEvaluatedKey)) {
		t.Fatal("LastEvaluatedKey differs")
	}
	for i := range a.Items {
		x, y := plainItem(a.Items[i]), plainItem(v.Items[i])
		if !reflect.DeepEqual(x, y) || len(x) != 10 {
			t.Fatalf("item %d differs:\n%v\n%v", i, x, y)
		}
	}
}

// plainItem converts an item of either client to plain Go values tagged
// by kind, by reflection on the member types, which both clients name
// alike.
func plainItem[M ~map[string]V, V any](m M) map[string]any {
	out := map[string]any{}
	for k, v := range m {
		out[k] = plainValue(reflect.ValueOf(v))
	}
	return out
}

func plainValue(v reflect.Value) any {
	if v.Kind() == reflect.Interface {
		v = v.Elem()
	}
	if v.Kind() == reflect.Pointer {
		kind := v.Elem().Type().Name()
		val := v.Elem().Field(0)
		switch val.Kind() {
		case reflect.Map:
			m := map[string]any{}
			for _, k := range val.MapKeys() {
				m[k.String()] = plainValue(val.MapIndex(k))
			}
			return []any{kind, m}
		case reflect.Slice:
			if val.Type().Elem().Kind() == reflect.Interface {
				var l []any
				for i := range val.Len() {
					l = append(l, plainValue(val.Index(i)))
				}
				return []any{kind, l}
			}
		}
		return []any{kind, val.Interface()}
	}
	return fmt.Sprintf("unexpected %v", v.Type())
}

// BenchmarkQueryMapsAlone rebuilds only the maps of a decoded 1000-item
// Query result (items and nested M values, same keys and values): the part
// of a Query's cost that map[string]types.AttributeValue, aws-sdk-go-v2's
// API type, imposes on any decoder.
func BenchmarkQueryMapsAlone(b *testing.B) {
	body := queryPage(1000)
	out, err := newOursDDB(body).Query(context.Background(), oursQueryInput())
	if err != nil {
		b.Fatal(err)
	}
	var rebuild func(m map[string]types.AttributeValue) map[string]types.AttributeValue
	rebuild = func(m map[string]types.AttributeValue) map[string]types.AttributeValue {
		c := make(map[string]types.AttributeValue, len(m))
		for k, v := range m {
			if mv, ok := v.(*types.AttributeValueMemberM); ok {
				v = &types.AttributeValueMemberM{Value: rebuild(mv.Value)}
			}
			c[k] = v
		}
		return c
	}
	b.ReportAllocs()
	for b.Loop() {
		items := make([]map[string]types.AttributeValue, len(out.Items))
		for i, it := range out.Items {
			items[i] = rebuild(it)
		}
	}
}
