package waiters_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/templates/waiters"
)

// errorsModel has one operation, GetThing; WAITABLE stands for its
// waitable trait and OTHER for that of GetOther.
const errorsModel = `$version: "2"
namespace smithygen.test.bad

use aws.protocols#restJson1

@restJson1
service Bad {
    version: "2024-01-01"
    operations: [GetThing, GetOther]
}

@http(method: "GET", uri: "/thing")
operation GetThing {
    output := {
        name: String
        count: Integer
        enabled: Boolean
        tags: Tags
        items: Items
        doc: Document
        inner: Item
    }
}

@http(method: "GET", uri: "/other")
operation GetOther {}

structure Item {
    name: String
}

list Tags {
    member: String
}

list Items {
    member: Item
}

apply GetThing @smithy.waiters#waitable(WAITABLE)
apply GetOther @smithy.waiters#waitable(OTHER)
`

const okWaiter = `{"Other": {"acceptors": [{"state": "success", "matcher": {"success": true}}]}}`

// declsFor builds GetThing's waiters from a waitable trait value.
func declsFor(t *testing.T, waitable, other string) error {
	t.Helper()
	src := strings.NewReplacer("WAITABLE", waitable, "OTHER", other).Replace(errorsModel)
	a := loadIDL(t, "example.com/bad", "bad.smithy", src)
	var op *model.Op
	for _, o := range a.Operations {
		if o.Name == "GetThing" {
			op = o
		}
	}
	_, err := waiters.Decls(a, op, waiters.Env{Client: true})
	return err
}

// pathWaiter is a waitable trait with one acceptor on path.
func pathWaiter(path, comparator, expected string) string {
	b, _ := json.Marshal(map[string]any{"Ready": map[string]any{"acceptors": []any{
		map[string]any{"state": "success", "matcher": map[string]any{"output": map[string]string{
			"path": path, "comparator": comparator, "expected": expected}}}}}})
	return string(b)
}

func TestExpressionErrors(t *testing.T) {
	for _, c := range []struct {
		path, comparator string
		offset           int
		msg              string
	}{
		{"inner.[", "stringEquals", 7, "unexpected end of expression"},
		{"name ==", "booleanEquals", 7, "unexpected end"},
		{"inner.nmae", "stringEquals", 6, `structure smithygen.test.bad#Item has no member "nmae"`},
		{"Name", "stringEquals", 0, `structure smithygen.test.bad#GetThingOutput has no member "Name"`},
		{"length(count) > `0`", "booleanEquals", 0, "length() of a number"},
		{"enabled", "stringEquals", 0, "stringEquals needs a string; the path gives a boolean"},
		{"name", "booleanEquals", 0, "booleanEquals needs a boolean; the path gives a string"},
		{"name", "allStringEquals", 0, "allStringEquals needs an array of string; the path gives a string"},
		{"items", "anyStringEquals", 0, "needs an array of string; the path gives a array of structure smithygen.test.bad#Item"},
		{"name == `1`", "booleanEquals", 5, "compares a string with a number"},
		{"name < 'b'", "booleanEquals", 5, "< orders numbers, not a string"},
		{"sort(tags)", "allStringEquals", 0, "function sort() is not supported"},
		{"frobnicate(tags)", "allStringEquals", 0, "unknown function frobnicate()"},
		{"length(tags, name)", "booleanEquals", 0, "length() takes 1 argument(s), not 2"},
		{"items.name", "stringEquals", 6, `member "name" of a array of structure smithygen.test.bad#Item, which has no members`},
		{"name[*]", "anyStringEquals", 4, "projection of a string, not an array"},
		{"inner.{n: name}", "stringEquals", 6, "multi-select hashes are not supported"},
		{"doc", "stringEquals", 0, `member "doc": document values are not supported`},
		{"`null`.name", "stringEquals", 7, "always null"},
		{"name || count", "stringEquals", 5, "the operands are a string and a number"},
		{"[name, count]", "anyStringEquals", 7, "must have one type"},
		{"!inner", "booleanEquals", 1, "the truth of a structure smithygen.test.bad#Item is not supported"},
		{"contains(tags, `1`)", "booleanEquals", 15, "contains() searches an array of string for a number"},
	} {
		err := declsFor(t, pathWaiter(c.path, c.comparator, "true"), okWaiter)
		var we *waiters.Error
		if !errors.As(err, &we) {
			t.Errorf("%s: got %v, want a *waiters.Error", c.path, err)
			continue
		}
		if we.Waiter != "Ready" || we.Shape != "smithygen.test.bad#GetThing" || we.Acceptor != 0 || we.Path != c.path ||
			we.Offset != c.offset || !strings.Contains(we.Msg, c.msg) {
			t.Errorf("%s: got %+v, want offset %d and %q", c.path, *we, c.offset, c.msg)
		}
		if !strings.HasPrefix(err.Error(), "bad.smithy:") || !strings.Contains(err.Error(), "shape smithygen.test.bad#GetThing: waiter Ready acceptor 0: path") {
			t.Errorf("%s: message %q", c.path, err)
		}
	}
}

func TestTraitErrors(t *testing.T) {
	acc := func(state, matcher string) string {
		return `{"state": "` + state + `", "matcher": ` + matcher + `}`
	}
	success := acc("success", `{"success": true}`)
	for _, c := range []struct {
		waitable, other string
		acceptor        int
		msg             string
	}{
		{`{"ready": {"acceptors": [` + success + `]}}`, okWaiter, -1, "not UpperCamelCase"},
		{`{"Ready": {"acceptors": []}}`, okWaiter, -1, "no acceptors"},
		{`{"Ready": {"acceptors": [` + acc("retry", `{"success": false}`) + `]}}`, okWaiter, -1, "no acceptor has the success state"},
		{`{"Ready": {"minDelay": 30, "maxDelay": 10, "acceptors": [` + success + `]}}`, okWaiter, -1, "minDelay 30 is greater than maxDelay 10"},
		{`{"Ready": {"minDelay": 0, "acceptors": [` + success + `]}}`, okWaiter, -1, "minDelay is not an integer of at least 1"},
		{`{"Ready": {"acceptors": [` + success + `, ` + acc("done", `{"success": true}`) + `]}}`, okWaiter, 1, `unknown state "done"`},
		{`{"Ready": {"acceptors": [` + acc("success", `{"success": true, "errorType": "X"}`) + `]}}`, okWaiter, 0, "exactly one"},
		{`{"Ready": {"acceptors": [` + acc("success", `{"output": {"path": "name", "expected": "a", "comparator": "equals"}}`) + `]}}`, okWaiter, 0, `unknown comparator "equals"`},
		{`{"Ready": {"acceptors": [` + acc("success", `{"output": {"path": "enabled", "expected": "yes", "comparator": "booleanEquals"}}`) + `]}}`, okWaiter, 0, `not "yes"`},
		{`{"Ready": {"acceptors": [{"state": "success", "message": "name", "matcher": {"success": true}}]}}`, okWaiter, 0, "only failure acceptors have a message"},
		{`{"Ready": {"acceptors": [` + success + `, {"state": "failure", "message": "count", "matcher": {"success": false}}]}}`, okWaiter, 1, "a message must be a string or an array of string; the path gives a number"},
		{`{"Ready": {"acceptors": [` + success + `]}}`, `{"READY": {"acceptors": [` + success + `]}}`, -1, "operation smithygen.test.bad#GetOther has a waiter named READY too"},
	} {
		err := declsFor(t, c.waitable, c.other)
		var we *waiters.Error
		if !errors.As(err, &we) || we.Acceptor != c.acceptor || !strings.Contains(we.Msg, c.msg) {
			t.Errorf("%s: got %v, want acceptor %d and %q", c.waitable, err, c.acceptor, c.msg)
		}
	}
}

func TestWaitersDefaults(t *testing.T) {
	a := loadIDL(t, "example.com/bad", "bad.smithy", strings.NewReplacer("WAITABLE",
		`{"B": {"deprecated": true, "documentation": "Waits.", "tags": ["t"], "maxDelay": 7, "acceptors": [{"state": "success", "matcher": {"success": true}}]},
		  "A": {"acceptors": [{"state": "success", "matcher": {"errorType": "smithygen.test.bad#Gone"}}, {"state": "failure", "matcher": {"inputOutput": {"path": "output.name", "expected": "x", "comparator": "stringEquals"}}}]}}`,
		"OTHER", okWaiter).Replace(errorsModel))
	ws, err := waiters.Waiters(a.Operations[1].Shape)
	if err != nil {
		t.Fatal(err)
	}
	if len(ws) != 2 || ws[0].Name != "A" || ws[1].Name != "B" {
		t.Fatalf("waiters %+v", ws)
	}
	if ws[0].MinDelay != 2 || ws[0].MaxDelay != 120 || ws[1].MaxDelay != 7 || !ws[1].Deprecated || ws[1].Doc != "Waits." || ws[1].Tags[0] != "t" {
		t.Errorf("defaults or fields wrong: %+v %+v", ws[0], ws[1])
	}
	want := waiters.Acceptor{State: waiters.Failure, Kind: waiters.MatchInputOutput, Path: "output.name", Expect: "x", Compare: "stringEquals"}
	if ws[0].Acceptors[1] != want || ws[0].Acceptors[0].Error != "smithygen.test.bad#Gone" {
		t.Errorf("acceptors %+v", ws[0].Acceptors)
	}
	if ws, err := waiters.Waiters(a.Operations[0].Shape); err != nil || len(ws) != 1 {
		t.Errorf("GetOther: %v, %v", ws, err)
	}
}
