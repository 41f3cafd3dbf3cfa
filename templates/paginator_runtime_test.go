package templates

// pagersModel is a restJson1 service whose operations paginate with the
// token kinds the default model lacks: a string with a default (value
// token and page size), a token and items nested in an output structure, a
// map token with map items.
const pagersModel = `{
  "smithy": "2.0",
  "shapes": {
    "example.pagers#Pagers": {"type": "service", "version": "2024-01-01",
      "operations": [{"target": "example.pagers#ListPlain"}, {"target": "example.pagers#ListNested"},
        {"target": "example.pagers#ListByKey"}],
      "traits": {"aws.api#service": {"sdkId": "Pagers"}, "aws.auth#sigv4": {"name": "pagers"},
        "aws.protocols#restJson1": {}}},
    "example.pagers#ListPlain": {"type": "operation",
      "input": {"target": "example.pagers#ListPlainInput"}, "output": {"target": "example.pagers#ListPlainOutput"},
      "traits": {"smithy.api#http": {"method": "GET", "uri": "/plain", "code": 200}, "smithy.api#readonly": {},
        "smithy.api#paginated": {"inputToken": "token", "outputToken": "next", "pageSize": "size", "items": "items"}}},
    "example.pagers#ListPlainInput": {"type": "structure", "members": {
      "token": {"target": "smithy.api#String", "traits": {"smithy.api#default": "", "smithy.api#httpQuery": "token"}},
      "size": {"target": "smithy.api#Integer", "traits": {"smithy.api#default": 0, "smithy.api#httpQuery": "size"}}},
      "traits": {"smithy.api#input": {}}},
    "example.pagers#ListPlainOutput": {"type": "structure", "members": {
      "next": {"target": "smithy.api#String", "traits": {"smithy.api#default": ""}},
      "items": {"target": "example.pagers#Names"}},
      "traits": {"smithy.api#output": {}}},
    "example.pagers#Names": {"type": "list", "member": {"target": "smithy.api#String"}},
    "example.pagers#ListNested": {"type": "operation",
      "input": {"target": "example.pagers#ListNestedInput"}, "output": {"target": "example.pagers#ListNestedOutput"},
      "traits": {"smithy.api#http": {"method": "GET", "uri": "/nested", "code": 200}, "smithy.api#readonly": {},
        "smithy.api#paginated": {"inputToken": "token", "outputToken": "page.next", "items": "page.entries"}}},
    "example.pagers#ListNestedInput": {"type": "structure", "members": {
      "token": {"target": "smithy.api#String", "traits": {"smithy.api#httpQuery": "token"}}},
      "traits": {"smithy.api#input": {}}},
    "example.pagers#ListNestedOutput": {"type": "structure", "members": {
      "page": {"target": "example.pagers#PageInfo"}},
      "traits": {"smithy.api#output": {}}},
    "example.pagers#PageInfo": {"type": "structure", "members": {
      "next": {"target": "smithy.api#String"}, "entries": {"target": "example.pagers#Names"}}},
    "example.pagers#ListByKey": {"type": "operation",
      "input": {"target": "example.pagers#ListByKeyInput"}, "output": {"target": "example.pagers#ListByKeyOutput"},
      "traits": {"smithy.api#http": {"method": "POST", "uri": "/keys", "code": 200},
        "smithy.api#paginated": {"inputToken": "startKey", "outputToken": "lastKey", "pageSize": "limit", "items": "counts"}}},
    "example.pagers#ListByKeyInput": {"type": "structure", "members": {
      "startKey": {"target": "example.pagers#KeyMap"}, "limit": {"target": "smithy.api#Integer"}},
      "traits": {"smithy.api#input": {}}},
    "example.pagers#ListByKeyOutput": {"type": "structure", "members": {
      "lastKey": {"target": "example.pagers#KeyMap"}, "counts": {"target": "example.pagers#CountMap"}},
      "traits": {"smithy.api#output": {}}},
    "example.pagers#KeyMap": {"type": "map", "key": {"target": "smithy.api#String"}, "value": {"target": "smithy.api#String"}},
    "example.pagers#CountMap": {"type": "map", "key": {"target": "smithy.api#String"}, "value": {"target": "smithy.api#Integer"}}
  }
}`

// pagersTestSource tests the paginators of pagersModel against a fake
// HTTPClient.
const pagersTestSource = `package pagers_test

import (
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"

	"PKGPATH"
)

func newClient(f *fakeHTTP) *pagers.Client {
	return pagers.New(pagers.Options{Region: "us-east-1", BaseEndpoint: aws.String("https://pagers.example.com"),
		HTTPClient: f, Credentials: aws.AnonymousCredentials{},
		Retryer: fastRetryer()})
}

// byQuery answers with bodies[token query parameter].
func byQuery(bodies map[string]string) *fakeHTTP {
	return &fakeHTTP{respond: func(_ int, r *http.Request, _ string) *http.Response {
		return jsonResponse(200, bodies[r.URL.Query().Get("token")])
	}}
}

func TestValueToken(t *testing.T) {
	f := byQuery(map[string]string{"": "{\"next\":\"t1\",\"items\":[\"a\"]}", "t1": "{\"items\":[\"b\"]}"})
	p := pagers.NewListPlainPaginator(newClient(f), &pagers.ListPlainInput{Size: aws.Int32(3)})
	var items []string
	for it, err := range p.Items(ctx) {
		if err != nil {
			t.Fatal(err)
		}
		items = append(items, it)
	}
	if strings.Join(items, ",") != "a,b" || f.count() != 2 {
		t.Fatalf("items %v in %d requests, want a,b in 2", items, f.count())
	}
	r, _ := f.request(t, 1)
	if q := r.URL.Query(); q.Get("token") != "t1" || q.Get("size") != "3" {
		t.Errorf("second request query %q, want token=t1 size=3", r.URL.RawQuery)
	}
}

func TestValueTokenDuplicate(t *testing.T) {
	f := byQuery(map[string]string{"": "{\"next\":\"same\"}", "same": "{\"next\":\"same\"}"})
	p := pagers.NewListPlainPaginator(newClient(f), nil, func(o *pagers.ListPlainPaginatorOptions) {
		o.StopOnDuplicateToken = true
	})
	for _, err := range p.Pages(ctx) {
		if err != nil {
			t.Fatal(err)
		}
		if f.count() == 5 {
			break
		}
	}
	if f.count() != 2 {
		t.Errorf("%d requests, want 2", f.count())
	}
}

func TestNestedTokenAndItems(t *testing.T) {
	f := byQuery(map[string]string{"": "{\"page\":{\"next\":\"n1\",\"entries\":[\"a\",\"b\"]}}", "n1": "{}"})
	p := pagers.NewListNestedPaginator(newClient(f), nil)
	var items []string
	for it, err := range p.Items(ctx) {
		if err != nil {
			t.Fatal(err)
		}
		items = append(items, it)
	}
	if strings.Join(items, ",") != "a,b" || f.count() != 2 || p.HasMorePages() {
		t.Errorf("items %v in %d requests (more: %v), want a,b in 2", items, f.count(), p.HasMorePages())
	}
	if r, _ := f.request(t, 1); r.URL.Query().Get("token") != "n1" {
		t.Errorf("second request query %q, want token=n1", r.URL.RawQuery)
	}
}

type keysRequest struct {
	StartKey map[string]string
	Limit    *int32
}

// keys answers the first request with lastKey {k: 1}, a request from that
// key with last, and anything else with an error.
func keys(last string) *fakeHTTP {
	return &fakeHTTP{respond: func(_ int, _ *http.Request, body string) *http.Response {
		var in keysRequest
		if err := json.Unmarshal([]byte(body), &in); err != nil && body != "" {
			return jsonResponse(400, "{}")
		}
		switch {
		case len(in.StartKey) == 0:
			return jsonResponse(200, "{\"lastKey\":{\"k\":\"1\"},\"counts\":{\"a\":1}}")
		case in.StartKey["k"] == "1":
			return jsonResponse(200, "{\"lastKey\":"+last+",\"counts\":{\"b\":2}}")
		}
		return jsonResponse(400, "{}")
	}}
}

func TestMapToken(t *testing.T) {
	f := keys("{}")
	p := pagers.NewListByKeyPaginator(newClient(f), nil, func(o *pagers.ListByKeyPaginatorOptions) { o.Limit = 9 })
	var counts []int32
	for n, err := range p.Items(ctx) {
		if err != nil {
			t.Fatal(err)
		}
		counts = append(counts, n)
	}
	if !slices.Equal(counts, []int32{1, 2}) || f.count() != 2 {
		t.Fatalf("counts %v in %d requests, want [1 2] in 2", counts, f.count())
	}
	var in keysRequest
	if _, body := f.request(t, 1); json.Unmarshal([]byte(body), &in) != nil || in.StartKey["k"] != "1" || in.Limit == nil || *in.Limit != 9 {
		t.Errorf("second request body %s, want startKey k=1 and limit 9", body)
	}
}

func TestMapTokenDuplicate(t *testing.T) {
	f := keys("{\"k\":\"1\"}")
	p := pagers.NewListByKeyPaginator(newClient(f), nil, func(o *pagers.ListByKeyPaginatorOptions) {
		o.StopOnDuplicateToken = true
	})
	for _, err := range p.Pages(ctx) {
		if err != nil {
			t.Fatal(err)
		}
		if f.count() == 5 {
			break
		}
	}
	if f.count() != 2 {
		t.Errorf("%d requests, want 2", f.count())
	}
}
`
