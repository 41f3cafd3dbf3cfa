package dynamodb_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"reflect"
	"strconv"
	"testing"
	"time"

	"github.com/smithygen/smithygen/integration/dynamodb/internal/dynalite"
)

var server *dynalite.Server

func TestMain(m *testing.M) {
	var stop func()
	server, stop = dynalite.StartMain()
	code := m.Run()
	stop()
	os.Exit(code)
}

func endpoint(t *testing.T) string {
	t.Helper()
	if server == nil {
		t.Skip("dynalite is not installed")
	}
	return server.Endpoint
}

// everyKind is an item with an attribute of every AttributeValue kind,
// nested lists and maps included.
func everyKind(pk string, sk int) item {
	return item{
		"pk":   s(pk),
		"sk":   n(strconv.Itoa(sk)),
		"str":  s("héllo ☃ \"quoted\" \\ \u0001 tab\t end"),
		"num":  n("-12.5"),
		"big":  n("12345678901234567890123456789012345678"),
		"bin":  b(0, 1, 2, 0xfe, 0xff),
		"yes":  boolv(true),
		"no":   boolv(false),
		"nil":  null(),
		"ss":   ss("a", "b", "ü"),
		"ns":   ns("1", "2.5", "-3"),
		"bs":   bs([]byte{1}, []byte{2, 3}),
		"list": l(s("x"), n("7"), boolv(false), null(), l(n("1"), l()), m(item{"k": s("v")})),
		"map": m(item{
			"inner": m(item{"deep": l(ss("p", "q"), b(9))}),
			"empty": m(item{}),
			"e":     s(""),
		}),
	}
}

// transcript is everything the sequence observes.
type transcript struct {
	Created     tableInfo
	Got         item
	Missing     item
	Conditional apiError
	Unprocessed int
	Queried     []item
	QueryCalls  int
	Deleted     tableInfo
}

// sequence runs the operations of the test on c against table.
func sequence(ctx context.Context, c client, table string) (*transcript, error) {
	var tr transcript
	var err error
	if tr.Created, err = c.createTable(ctx, table); err != nil {
		return nil, fmt.Errorf("CreateTable: %w", err)
	}
	tr.Created.Name = ""
	// A server may create the table asynchronously (dynalite does): both
	// clients wait for it with their TableExists waiter.
	if err := c.waitTable(ctx, table); err != nil {
		return nil, fmt.Errorf("TableExists: %w", err)
	}
	want := everyKind("item", 1)
	if err := c.putItem(ctx, table, want, false); err != nil {
		return nil, fmt.Errorf("PutItem: %w", err)
	}
	if tr.Got, err = c.getItem(ctx, table, item{"pk": s("item"), "sk": n("1")}); err != nil {
		return nil, fmt.Errorf("GetItem: %w", err)
	}
	if tr.Missing, err = c.getItem(ctx, table, item{"pk": s("absent"), "sk": n("1")}); err != nil {
		return nil, fmt.Errorf("GetItem of a missing item: %w", err)
	}
	err = c.putItem(ctx, table, want, true)
	var ce conditionalError
	if !errors.As(err, &ce) {
		return nil, fmt.Errorf("conditional PutItem of an existing item: got %v, want ConditionalCheckFailedException", err)
	}
	tr.Conditional = ce.apiError
	for start := 0; start < 250; start += 25 {
		var batch []item
		for i := start; i < start+25; i++ {
			batch = append(batch, item{"pk": s("q"), "sk": n(strconv.Itoa(i)), "doc": m(item{"i": n(strconv.Itoa(i)), "tags": ss("t" + strconv.Itoa(i%3))})})
		}
		u, err := c.batchWrite(ctx, table, batch)
		if err != nil {
			return nil, fmt.Errorf("BatchWriteItem: %w", err)
		}
		tr.Unprocessed += u
	}
	if tr.Queried, tr.QueryCalls, err = c.query(ctx, table, "q", 25); err != nil {
		return nil, fmt.Errorf("Query: %w", err)
	}
	if tr.Deleted, err = c.deleteTable(ctx, table); err != nil {
		return nil, fmt.Errorf("DeleteTable: %w", err)
	}
	tr.Deleted.Name = ""
	return &tr, nil
}

func TestSequence(t *testing.T) {
	ep := endpoint(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	got, err := sequence(ctx, newOurs(ep), "sequence-smithygen")
	if err != nil {
		t.Fatalf("smithygen: %v", err)
	}
	ref, err := sequence(ctx, newV2(ep), "sequence-aws-sdk-go-v2")
	if err != nil {
		t.Fatalf("aws-sdk-go-v2: %v", err)
	}

	wantTable := tableInfo{Status: "ACTIVE", Keys: []string{"pk:HASH", "sk:RANGE"}, Attributes: []string{"pk:S", "sk:N"}}
	if c := got.Created; c.Status == "CREATING" {
		wantTable.Status = c.Status // a server may report a new table as still being created
	}
	if !reflect.DeepEqual(got.Created, wantTable) {
		t.Errorf("CreateTable: got %+v, want %+v", got.Created, wantTable)
	}
	if want := canonicalItem(everyKind("item", 1)); !reflect.DeepEqual(canonicalItem(got.Got), want) {
		t.Errorf("GetItem:\n got %v\nwant %v", m(got.Got), m(want))
	}
	if len(got.Missing) != 0 {
		t.Errorf("GetItem of a missing item: got %v", got.Missing)
	}
	if c := got.Conditional; !c.IsConditional || c.Code != "ConditionalCheckFailedException" {
		t.Errorf("conditional PutItem: got %+v", c)
	}
	if got.Unprocessed != 0 {
		t.Errorf("BatchWriteItem left %d items unprocessed", got.Unprocessed)
	}
	if len(got.Queried) != 250 {
		t.Errorf("Query: got %d items, want 250", len(got.Queried))
	}
	for i, it := range got.Queried {
		if it["sk"] != n(strconv.Itoa(i)) {
			t.Fatalf("Query: item %d has sk %v", i, it["sk"])
		}
	}
	// 10 full pages, then the empty page after the last LastEvaluatedKey.
	if got.QueryCalls != 11 {
		t.Errorf("Query: %d calls, want 11", got.QueryCalls)
	}
	if got.Deleted.Status != "DELETING" && got.Deleted.Status != "ACTIVE" {
		t.Errorf("DeleteTable: status %q", got.Deleted.Status)
	}

	// Both clients saw the same results.
	canon := func(tr *transcript) *transcript {
		c := *tr
		c.Got = canonicalItem(c.Got)
		c.Queried = nil
		for _, it := range tr.Queried {
			c.Queried = append(c.Queried, canonicalItem(it))
		}
		return &c
	}
	if a, b := canon(got), canon(ref); !reflect.DeepEqual(a, b) {
		t.Errorf("smithygen and aws-sdk-go-v2 differ:\nsmithygen:     %+v\naws-sdk-go-v2: %+v", a, b)
	}
}
