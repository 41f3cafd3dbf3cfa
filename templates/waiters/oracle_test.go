package waiters_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jmespath/go-jmespath"

	"github.com/smithygen/smithygen/templates"
)

// The oracle's model, testdata/things.smithy, is a restJson1 service whose
// GetThing output has a member of every kind the compiler reads. WAITABLE
// stands for the waitable trait.

// oracleSamples are GetThing output bodies. They use the JMESPath data
// model's forms, so that the oracle reads them as the Go values are read:
// no null in lists that are not sparse, no empty enum, epoch-seconds
// timestamps, base64 blobs.
var oracleSamples = []string{
	`{}`,
	`{"name": "a", "status": "ACTIVE", "count": 3, "size": 10, "ratio": 0.5, "enabled": true,
	  "created": 1700000000.5, "data": "aGk=", "tags": ["x", "y"], "sparse": [null, "x"],
	  "items": [{"name": "i1", "state": "ACTIVE", "size": 2, "labels": ["l"], "ok": true,
	             "children": [{"name": "c", "state": "FAILED"}]},
	            {"name": "i2", "state": "PENDING", "size": 5, "ok": false, "labels": ["z"]}],
	  "nested": [["a", "b"], ["c"], []], "attrs": {"k": "v", "k2": "v"},
	  "itemMap": {"m": {"name": "mm", "state": "ACTIVE"}}, "choice": {"text": "t"},
	  "counts": [1, 2, 3], "inner": {"name": "in", "state": "FAILED", "labels": []}}`,
	`{"tags": [], "items": [], "nested": [], "attrs": {}, "counts": [], "itemMap": {}, "sparse": [],
	  "name": "", "enabled": false, "count": 0}`,
	`{"status": "PENDING", "enabled": false, "count": 7, "size": 3, "ratio": 2,
	  "items": [{"state": "ACTIVE", "size": 4, "labels": ["l", "m"], "ok": true}, {"state": "ACTIVE", "labels": []},
	            {"name": "third", "state": "FAILED", "labels": []}],
	  "tags": ["x"], "nested": [["c"], ["c"]], "itemMap": {"p": {"state": "ACTIVE"}, "q": {"state": "ACTIVE"}},
	  "counts": [5, 4], "sparse": [null, null], "attrs": {"k": "w"}}`,
	`{"name": "b", "choice": {"item": {"name": "ci", "state": "PENDING"}}, "created": 1600000000,
	  "items": [{"name": "n"}, {"state": "ACTIVE", "children": []}], "inner": {"labels": ["q"], "name": "b"},
	  "itemMap": {"m": {"name": "mm"}}, "tags": ["y", "y"], "sparse": ["x"], "counts": [2]}`,
}

type oracleCase struct{ path, comparator, expected string }

var oracleCases = []oracleCase{
	{"name", "stringEquals", "a"},
	{"status", "stringEquals", "ACTIVE"},
	{"inner.name", "stringEquals", "in"},
	{"inner.state", "stringEquals", "FAILED"},
	{"items[0].name", "stringEquals", "i1"},
	{"items[-1].state", "stringEquals", "PENDING"},
	{"items[2].name", "stringEquals", "third"},
	{"data", "stringEquals", "aGk="},
	{"choice.text", "stringEquals", "t"},
	{"choice.item.name", "stringEquals", "ci"},
	{"attrs.k", "stringEquals", "v"},
	{"itemMap.m.state", "stringEquals", "ACTIVE"},
	{"tags[0]", "stringEquals", "x"},
	{"sparse[1]", "stringEquals", "x"},
	{"nested[0][1]", "stringEquals", "b"},
	{"items[0].children[0].state", "stringEquals", "FAILED"},
	{"name || 'none'", "stringEquals", "none"},
	{"name && status", "stringEquals", "ACTIVE"},
	{"items[?state=='PENDING'] | [0].name", "stringEquals", "i2"},
	{"@.name", "stringEquals", "a"},
	{"items[0:1] | [0].name", "stringEquals", "i1"},
	{"nested[1][0]", "stringEquals", "c"},
	{"name", "stringEquals", ""},
	{"enabled", "booleanEquals", "true"},
	{"enabled", "booleanEquals", "false"},
	{"!enabled", "booleanEquals", "true"},
	{"length(tags) > `1`", "booleanEquals", "true"},
	{"length(items) == `0`", "booleanEquals", "true"},
	{"count > `2`", "booleanEquals", "true"},
	{"count < size", "booleanEquals", "true"},
	{"count == `3`", "booleanEquals", "true"},
	{"ratio >= `0.5`", "booleanEquals", "true"},
	{"status != 'ACTIVE'", "booleanEquals", "true"},
	{"status == 'ACTIVE' && enabled", "booleanEquals", "true"},
	{"contains(tags, 'y')", "booleanEquals", "true"},
	{"contains(name, 'a')", "booleanEquals", "true"},
	{"contains(items[].state, 'FAILED')", "booleanEquals", "false"},
	{"contains(items[].[length(labels) > `0`][], `false`)", "booleanEquals", "true"},
	{"contains(items[].[length(labels) > `0`][], `false`)", "booleanEquals", "false"},
	{"!items", "booleanEquals", "true"},
	{"!name", "booleanEquals", "true"},
	{"name == `null`", "booleanEquals", "true"},
	{"created > `1650000000`", "booleanEquals", "true"},
	{"created == `1700000000.5`", "booleanEquals", "true"},
	{"length(attrs) == `2`", "booleanEquals", "true"},
	{"length(name) == `1`", "booleanEquals", "true"},
	{"items[0].ok", "booleanEquals", "true"},
	{"length(items[?ok]) == `1`", "booleanEquals", "true"},
	{"counts[0] < counts[1]", "booleanEquals", "true"},
	{"length(sparse) == `2`", "booleanEquals", "true"},
	{"contains(sparse, `null`)", "booleanEquals", "true"},
	{"inner.labels == `null`", "booleanEquals", "true"},
	{"enabled || count > `5`", "booleanEquals", "true"},
	{"choice.text == 't'", "booleanEquals", "true"},
	{"length(items[?size > `3`]) == `1`", "booleanEquals", "true"},
	{"!(count > `5`)", "booleanEquals", "true"},
	{"contains(counts, `2`)", "booleanEquals", "true"},
	{"contains(nested[], 'c')", "booleanEquals", "true"},
	{"length(nested[]) == `3`", "booleanEquals", "true"},
	{"length(itemMap.*.name) == `1`", "booleanEquals", "true"},
	{"length(items[*].children[]) == `1`", "booleanEquals", "true"},
	{"length(items[].labels[]) >= `2`", "booleanEquals", "true"},
	{"size == `10`", "booleanEquals", "true"},
	{"length(data) == `4`", "booleanEquals", "true"},
	{"items[0].size < items[1].size", "booleanEquals", "true"},
	{"enabled == `true`", "booleanEquals", "true"},
	{"length(tags[?@ == 'y']) == `2`", "booleanEquals", "true"},
	{"contains(`[\"a\", \"z\"]`, name)", "booleanEquals", "false"},
	{"items[].state", "allStringEquals", "ACTIVE"},
	{"tags", "allStringEquals", "x"},
	{"items[*].state", "allStringEquals", "ACTIVE"},
	{"nested[]", "allStringEquals", "c"},
	{"[status]", "allStringEquals", "ACTIVE"},
	{"itemMap.*.state", "allStringEquals", "ACTIVE"},
	{"items[?size > `1`].state", "allStringEquals", "ACTIVE"},
	{"sparse", "allStringEquals", "x"},
	{"items[].children[].state", "allStringEquals", "FAILED"},
	{"[name, inner.name]", "allStringEquals", "b"},
	{"items[].state", "anyStringEquals", "PENDING"},
	{"tags", "anyStringEquals", "y"},
	{"nested[]", "anyStringEquals", "c"},
	{"sparse", "anyStringEquals", "x"},
	{"items[].labels[]", "anyStringEquals", "m"},
	{"attrs.*", "anyStringEquals", "w"},
	{"[name, status]", "anyStringEquals", "ACTIVE"},
	{"items[::-1].name", "anyStringEquals", "i2"},
	{"items[1:].name", "anyStringEquals", "i2"},
	{"[choice.text, choice.item.name]", "anyStringEquals", "ci"},
}

// oracleInputs are GetThing inputs: Go literals and their JSON forms.
var oracleInputs = []struct{ goLit, json string }{
	{"&GetThingInput{}", `{}`},
	{`&GetThingInput{Wanted: ptr("a"), Names: []string{"x", "y"}}`, `{"wanted": "a", "names": ["x", "y"]}`},
	{`&GetThingInput{Wanted: ptr("b"), Names: []string{}}`, `{"wanted": "b", "names": []}`},
}

var oracleIOCases = []oracleCase{
	{"input.wanted == output.name", "booleanEquals", "true"},
	{"length(input.names) == length(output.tags)", "booleanEquals", "true"},
	{"contains(input.names, output.tags[0])", "booleanEquals", "true"},
	{"input.wanted", "stringEquals", "b"},
	{"[input.wanted, output.name]", "allStringEquals", "b"},
}

// oracleMatch is what a matcher must report: the comparator applied to
// go-jmespath's result on the JSON form. An evaluation error matches
// nothing.
func oracleMatch(t *testing.T, c oracleCase, data any) bool {
	t.Helper()
	r, err := jmespath.Search(c.path, data)
	if err != nil {
		return false
	}
	switch c.comparator {
	case "stringEquals":
		s, ok := r.(string)
		return ok && s == c.expected
	case "booleanEquals":
		b, ok := r.(bool)
		return ok && b == (c.expected == "true")
	}
	list, ok := r.([]any)
	if !ok {
		return false
	}
	all, any := len(list) > 0, false
	for _, e := range list {
		s, ok := e.(string)
		eq := ok && s == c.expected
		all, any = all && eq, any || eq
	}
	if c.comparator == "allStringEquals" {
		return all
	}
	return any
}

func decodeJSON(t *testing.T, s string) any {
	t.Helper()
	var v any
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		t.Fatalf("%s: %v", s, err)
	}
	return v
}

// TestOracle compiles each case, written and random, into a matcher of a
// generated package and checks it against go-jmespath on every sample.
func TestOracle(t *testing.T) {
	random := randomCases(t, 600)
	t.Logf("%d random expressions", len(random))
	cases := append(append([]oracleCase{}, oracleCases...), random...)
	var acceptors []map[string]any
	for _, cs := range [][]oracleCase{cases, oracleIOCases} {
		kind := "output"
		if len(acceptors) > 0 {
			kind = "inputOutput"
		}
		for _, c := range cs {
			acceptors = append(acceptors, map[string]any{"state": "success", "matcher": map[string]any{
				kind: map[string]string{"path": c.path, "comparator": c.comparator, "expected": c.expected}}})
		}
	}
	messaged := []map[string]any{
		{"state": "failure", "message": "items[].name", "matcher": map[string]any{"output": map[string]string{"path": "status", "comparator": "stringEquals", "expected": "FAILED"}}},
		{"state": "failure", "message": "name", "matcher": map[string]any{"output": map[string]string{"path": "status", "comparator": "stringEquals", "expected": "PENDING"}}},
		{"state": "success", "matcher": map[string]any{"success": true}},
	}
	trait, _ := json.Marshal(map[string]any{"Oracle": map[string]any{"acceptors": acceptors}, "Messaged": map[string]any{"acceptors": messaged}})
	dir, prefix := scratchDir(t)
	src, err := os.ReadFile(filepath.Join("testdata", "things.smithy"))
	if err != nil {
		t.Fatal(err)
	}
	a := loadIDL(t, prefix+"/things", "things.smithy", strings.Replace(string(src), "WAITABLE", string(trait), 1))
	files, _, err := generate(a)
	if err != nil {
		t.Fatal(err)
	}

	// want[i][s] for output cases, then want[i][in*len(samples)+s].
	var want [][]bool
	for _, c := range cases {
		var row []bool
		for _, s := range oracleSamples {
			row = append(row, oracleMatch(t, c, decodeJSON(t, s)))
		}
		want = append(want, row)
	}
	for _, c := range oracleIOCases {
		var row []bool
		for _, in := range oracleInputs {
			for _, s := range oracleSamples {
				row = append(row, oracleMatch(t, c, map[string]any{"input": decodeJSON(t, in.json), "output": decodeJSON(t, s)}))
			}
		}
		want = append(want, row)
	}
	// Each written case must tell samples apart, or it would test little.
	for i, row := range want[:len(oracleCases)] {
		if !strings.Contains(fmt.Sprint(row), "true") || !strings.Contains(fmt.Sprint(row), "false") {
			t.Errorf("case %d (%s) matches the same on every sample: %v", i, paths(cases)[i], row)
		}
	}
	table, _ := json.Marshal(map[string]any{"Samples": oracleSamples, "Want": want, "Paths": paths(cases)})
	test := strings.ReplaceAll(oracleTestSource(len(cases)), "PKGPATH", a.ImportPath)
	files = append(files, templates.File{Path: "oracle.json", Data: table}, templates.File{Path: "oracle_test.go", Data: []byte(test)})
	writeFiles(t, filepath.Join(dir, "things"), files)
	out := goCmd(t, filepath.Join(dir, "things"), "test", "-count=1", "-v", ".")
	for _, test := range []string{"TestMatchers", "TestMessages"} {
		if !strings.Contains(out, "--- PASS: "+test) {
			t.Errorf("%s did not pass:\n%s", test, out)
		}
	}
}

func paths(cases []oracleCase) []string {
	var out []string
	for _, c := range append(append([]oracleCase{}, cases...), oracleIOCases...) {
		out = append(out, c.comparator+" "+c.expected+": "+c.path)
	}
	return out
}

// oracleTestSource is the test of the generated package: each matcher on
// each decoded sample (and input) against the table of oracle.json.
func oracleTestSource(n int) string {
	var out, io, inputs strings.Builder
	for i := range n {
		fmt.Fprintf(&out, "\toracleMatcher%d,\n", i)
	}
	for i := range oracleIOCases {
		fmt.Fprintf(&io, "\toracleMatcher%d,\n", n+i)
	}
	for _, in := range oracleInputs {
		fmt.Fprintf(&inputs, "\t%s,\n", in.goLit)
	}
	return `package things

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"testing"

	"github.com/smithygen/smithygen/runtime/transport"
	"github.com/smithygen/smithygen/runtime/waiter"

	"PKGPATH/types"
)

func ptr[T any](v T) *T { return &v }

var outputMatchers = []func(*GetThingOutput) bool{
` + out.String() + `}

var ioMatchers = []func(*GetThingInput, *GetThingOutput) bool{
` + io.String() + `}

var inputs = []*GetThingInput{
` + inputs.String() + `}

// TestMessages checks failure acceptors' messages: an array of strings
// joined, a string, and none on a null output.
func TestMessages(t *testing.T) {
	opErr := errors.New("op failed")
	for _, c := range []struct {
		out  *GetThingOutput
		err  error
		msg  string
		want error
	}{
		{&GetThingOutput{Status: types.StatusFailed, Items: []types.Item{{Name: ptr("i1")}, {}, {Name: ptr("i3")}}}, nil, "i1, i3", nil},
		{&GetThingOutput{Status: types.StatusPending, Name: ptr("busy")}, nil, "busy", nil},
		{&GetThingOutput{Status: types.StatusPending}, nil, "", nil},
	} {
		retry, err := messagedStateRetryable(context.Background(), nil, c.out, c.err)
		var fe *waiter.FailureError
		if retry || !errors.As(err, &fe) || fe.Message != c.msg {
			t.Errorf("%+v: got %v, %v; want message %q", c.out, retry, err, c.msg)
		}
	}
	if retry, err := messagedStateRetryable(context.Background(), nil, &GetThingOutput{Status: types.StatusActive}, nil); retry || err != nil {
		t.Errorf("success acceptor: %v, %v", retry, err)
	}
	if retry, err := messagedStateRetryable(context.Background(), nil, nil, opErr); retry || err != opErr {
		t.Errorf("unmatched error: %v, %v", retry, err)
	}
}

func TestMatchers(t *testing.T) {
	data, err := os.ReadFile("oracle.json")
	if err != nil {
		t.Fatal(err)
	}
	var table struct {
		Samples []string
		Want    [][]bool
		Paths   []string
	}
	if err := json.Unmarshal(data, &table); err != nil {
		t.Fatal(err)
	}
	for s, body := range table.Samples {
		out := &GetThingOutput{}
		if err := deserializeOpGetThing(&transport.Response{StatusCode: 200, Body: []byte(body)}, out); err != nil {
			t.Fatalf("sample %d: %v", s, err)
		}
		for i, m := range outputMatchers {
			if got := m(out); got != table.Want[i][s] {
				t.Errorf("%s, sample %d: got %v, want %v", table.Paths[i], s, got, table.Want[i][s])
			}
		}
		for j, m := range ioMatchers {
			i := len(outputMatchers) + j
			for k, in := range inputs {
				if got := m(in, out); got != table.Want[i][k*len(table.Samples)+s] {
					t.Errorf("%s, input %d, sample %d: got %v, want %v", table.Paths[i], k, s, got, !got)
				}
			}
		}
	}
}
`
}
