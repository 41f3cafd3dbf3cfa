// Package chaos runs the generated DynamoDB client against dynalite through
// toxiproxy's TCP faults and injected HTTP faults, and checks what must hold
// whatever the faults: no wrong data, no write applied without a success or
// an error that admits it may have been, no call past its deadline, no
// goroutine left behind.
package chaos

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/ratelimit"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/smithy-go"
	"go.uber.org/goleak"

	ddb "github.com/smithygen/smithygen/integration/dynamodb/gen/dynamodb"
	"github.com/smithygen/smithygen/integration/dynamodb/gen/dynamodb/types"
	"github.com/smithygen/smithygen/integration/dynamodb/internal/dynalite"
)

const (
	callers     = 64
	callsEach   = 20
	maxAttempts = 8
	deadline    = 10 * time.Second
	table       = "chaos"
)

var creds = aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
	return aws.Credentials{AccessKeyID: "AKIDEXAMPLE", SecretAccessKey: "secret", Source: "chaos"}, nil
})

func newClient(endpoint string, hc ddb.HTTPClient) *ddb.Client {
	return ddb.New(ddb.Options{
		Region: "us-east-1", Credentials: creds, BaseEndpoint: aws.String(endpoint), HTTPClient: hc,
		Retryer: retry.NewStandard(func(o *retry.StandardOptions) {
			o.MaxAttempts = maxAttempts
			o.MaxBackoff = 100 * time.Millisecond
			o.RateLimiter = ratelimit.None
		}),
	})
}

// item is the data written under a key: every field follows from it, so a
// read can tell right data from wrong.
func item(w, i int) map[string]types.AttributeValue {
	id := fmt.Sprintf("w%02d-%02d", w, i)
	return map[string]types.AttributeValue{
		"pk":      &types.AttributeValueMemberS{Value: fmt.Sprintf("w%02d", w)},
		"sk":      &types.AttributeValueMemberN{Value: strconv.Itoa(i)},
		"payload": &types.AttributeValueMemberS{Value: "payload of " + id + " " + strings.Repeat(id, 40)},
		"nested":  &types.AttributeValueMemberM{Value: map[string]types.AttributeValue{"id": &types.AttributeValueMemberS{Value: id}, "n": &types.AttributeValueMemberN{Value: strconv.Itoa(w*1000 + i)}}},
		"tags":    &types.AttributeValueMemberSS{Value: []string{"a" + id, "b" + id}},
	}
}

// sameItem reports whether got holds exactly the data of item(w, i).
func sameItem(got map[string]types.AttributeValue, w, i int) bool {
	want := item(w, i)
	if len(got) != len(want) {
		return false
	}
	var str func(m map[string]types.AttributeValue, k string) string
	str = func(m map[string]types.AttributeValue, k string) string {
		switch v := m[k].(type) {
		case *types.AttributeValueMemberS:
			return "S" + v.Value
		case *types.AttributeValueMemberN:
			return "N" + v.Value
		case *types.AttributeValueMemberSS:
			return "SS" + strings.Join(sortedCopy(v.Value), ",")
		case *types.AttributeValueMemberM:
			return "M" + str(v.Value, "id") + str(v.Value, "n")
		}
		return "?"
	}
	for k := range want {
		if str(got, k) != str(want, k) {
			return false
		}
	}
	return true
}

func sortedCopy(s []string) []string {
	c := append([]string(nil), s...)
	for i := 1; i < len(c); i++ {
		for j := i; j > 0 && c[j] < c[j-1]; j-- {
			c[j], c[j-1] = c[j-1], c[j]
		}
	}
	return c
}

// outcome is what a caller saw of one call.
type outcome struct {
	op      string
	w, i    int // the key written or read
	err     error
	wrong   string // why the returned data is wrong
	elapsed time.Duration
}

// mayHaveApplied reports whether a failed write's error admits that the
// write may have been applied: it says so, or the server reported the
// condition failing on a retry (the first attempt was applied), or the
// request reached the server and its response was lost or refused.
func mayHaveApplied(err error) bool {
	if strings.Contains(err.Error(), "may have been applied") {
		return true
	}
	var ccf *types.ConditionalCheckFailedException
	if errors.As(err, &ccf) {
		return true
	}
	var ae smithy.APIError
	var re *awshttp.ResponseError
	if errors.As(err, &ae) && errors.As(err, &re) && re.HTTPStatusCode() < 500 {
		return false // a 4xx answer: the server refused this attempt
	}
	return true
}

func TestChaos(t *testing.T) {
	srv := dynalite.Start(t)
	ignore := goleak.IgnoreCurrent()

	directTransport := &http.Transport{}
	direct := newClient(srv.Endpoint, &http.Client{Transport: directTransport})
	ctx := context.Background()
	_, err := direct.CreateTable(ctx, &ddb.CreateTableInput{
		TableName:            aws.String(table),
		AttributeDefinitions: []types.AttributeDefinition{{AttributeName: aws.String("pk"), AttributeType: types.ScalarAttributeTypeS}, {AttributeName: aws.String("sk"), AttributeType: types.ScalarAttributeTypeN}},
		KeySchema:            []types.KeySchemaElement{{AttributeName: aws.String("pk"), KeyType: types.KeyTypeHash}, {AttributeName: aws.String("sk"), KeyType: types.KeyTypeRange}},
		BillingMode:          types.BillingModePayPerRequest,
	})
	if err != nil {
		t.Fatal(err)
	}

	listen, stopProxy, err := startProxy(srv.Addr)
	if err != nil {
		t.Fatal(err)
	}
	var counts faultCounts
	hc, base := newHTTPClient(listen, &counts, 1)
	c := newClient("http://"+listen, hc)

	results := make([][]outcome, callers)
	var wg sync.WaitGroup
	for w := range callers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[w] = caller(c, w)
		}()
	}
	wg.Wait()
	base.CloseIdleConnections()
	stopProxy()

	// Writes: applied exactly once (the condition makes a second
	// application fail), or failed with an error that admits they may
	// have been applied.
	var calls, ok, failed, wrong int
	for w, rs := range results {
		for _, r := range rs {
			calls++
			if r.elapsed > deadline+time.Second {
				t.Errorf("%s w%02d-%02d took %v, past its %v deadline", r.op, w, r.i, r.elapsed, deadline)
			}
			switch {
			case r.wrong != "":
				wrong++
				t.Errorf("%s w%02d-%02d: %s", r.op, w, r.i, r.wrong)
				continue
			case r.op != "PutItem":
			default:
				got, err := direct.GetItem(ctx, &ddb.GetItemInput{TableName: aws.String(table), Key: keyOf(w, r.i), ConsistentRead: aws.Bool(true)})
				if err != nil {
					t.Fatal(err)
				}
				applied := len(got.Item) > 0
				if applied && !sameItem(got.Item, w, r.i) {
					wrong++
					t.Errorf("PutItem w%02d-%02d stored wrong data: %v", w, r.i, got.Item)
					continue
				}
				if r.err == nil && !applied {
					wrong++
					t.Errorf("PutItem w%02d-%02d succeeded but was not applied", w, r.i)
					continue
				}
				if r.err != nil && applied && !mayHaveApplied(r.err) {
					wrong++
					t.Errorf("PutItem w%02d-%02d was applied but failed with an error that denies it: %v", w, r.i, r.err)
					continue
				}
			}
			if r.err != nil {
				failed++
			} else {
				ok++
			}
		}
	}
	directTransport.CloseIdleConnections()
	leaked := 0
	// toxiproxy's own pipes may outlive its Stop; the goroutines checked
	// are the client's and its HTTP transport's.
	toxiproxyOwn := []goleak.Option{ignore,
		goleak.IgnoreAnyFunction("github.com/Shopify/toxiproxy/v2/toxics.(*ToxicStub).Run"),
		goleak.IgnoreAnyFunction("github.com/Shopify/toxiproxy/v2.(*ToxicLink).read"),
		goleak.IgnoreAnyFunction("github.com/Shopify/toxiproxy/v2.(*ToxicLink).write"),
	}
	if err := goleak.Find(toxiproxyOwn...); err != nil {
		leaked = strings.Count(err.Error(), "Goroutine ")
		t.Errorf("goroutines left: %v", err)
	}
	t.Logf("faults injected over HTTP: %d throttled, %d HTML 503, %d closed after sending",
		counts.throttled.Load(), counts.html503.Load(), counts.closed.Load())
	summary := fmt.Sprintf("chaos: %d calls, %d ok, %d failed, %d wrong, %d leaked", calls, ok, failed, wrong, leaked)
	fmt.Println(summary)
	printFailures(t, results)
}

func keyOf(w, i int) map[string]types.AttributeValue {
	it := item(w, i)
	return map[string]types.AttributeValue{"pk": it["pk"], "sk": it["sk"]}
}

// caller makes callsEach calls: puts of new items (each key written
// once, on the condition that it is absent), gets of items it wrote, and
// queries of its partition.
func caller(c *ddb.Client, w int) []outcome {
	var out []outcome
	var written []int // keys whose put succeeded
	next := 0
	for n := range callsEach {
		ctx, cancel := context.WithTimeout(context.Background(), deadline)
		start := time.Now()
		var r outcome
		switch {
		case n%3 == 0 || len(written) == 0 && n%3 == 1:
			i := next
			next++
			_, err := c.PutItem(ctx, &ddb.PutItemInput{TableName: aws.String(table), Item: item(w, i),
				ConditionExpression: aws.String("attribute_not_exists(pk)")})
			r = outcome{op: "PutItem", w: w, i: i, err: err}
			if err == nil {
				written = append(written, i)
			}
		case n%3 == 1:
			i := written[n%len(written)]
			got, err := c.GetItem(ctx, &ddb.GetItemInput{TableName: aws.String(table), Key: keyOf(w, i), ConsistentRead: aws.Bool(true)})
			r = outcome{op: "GetItem", w: w, i: i, err: err}
			if err == nil && !sameItem(got.Item, w, i) {
				r.wrong = fmt.Sprintf("read %v", got.Item)
			}
		default:
			got, err := c.Query(ctx, &ddb.QueryInput{TableName: aws.String(table), ConsistentRead: aws.Bool(true),
				KeyConditionExpression:    aws.String("pk = :pk"),
				ExpressionAttributeValues: map[string]types.AttributeValue{":pk": &types.AttributeValueMemberS{Value: fmt.Sprintf("w%02d", w)}}})
			r = outcome{op: "Query", w: w, i: -1, err: err}
			if err == nil {
				r.wrong = checkQuery(got.Items, w, written)
			}
		}
		r.elapsed = time.Since(start)
		cancel()
		out = append(out, r)
	}
	return out
}

// checkQuery checks that every item of the partition holds its key's data,
// in key order, and that every write known to have succeeded is there.
func checkQuery(items []map[string]types.AttributeValue, w int, written []int) string {
	seen := map[int]bool{}
	last := -1
	for _, it := range items {
		n, ok := it["sk"].(*types.AttributeValueMemberN)
		if !ok {
			return fmt.Sprintf("item without a numeric sk: %v", it)
		}
		i, err := strconv.Atoi(n.Value)
		if err != nil || i <= last || !sameItem(it, w, i) {
			return fmt.Sprintf("wrong or unordered item %v", it)
		}
		last = i
		seen[i] = true
	}
	for _, i := range written {
		if !seen[i] {
			return fmt.Sprintf("item %d, written before, is missing", i)
		}
	}
	return ""
}

// printFailures logs how many calls failed with each kind of error.
func printFailures(t *testing.T, results [][]outcome) {
	kinds := map[string]int{}
	for _, rs := range results {
		for _, r := range rs {
			if r.err == nil {
				continue
			}
			msg := r.err.Error()
			if i := strings.Index(msg, "api error"); i >= 0 {
				msg = msg[i:]
			} else if i := strings.LastIndex(msg, ", "); i >= 0 {
				msg = msg[i+2:]
			}
			if len(msg) > 90 {
				msg = msg[:90]
			}
			kinds[r.op+": "+msg]++
		}
	}
	for k, n := range kinds {
		t.Logf("%4d × %s", n, k)
	}
}
