package waiters

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/dave/jennifer/jen"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/model/idl"
	"github.com/smithygen/smithygen/model/jmespath"
	"github.com/smithygen/smithygen/templates/protocols/restjson1"
)

// fuzzOp is GetThing of the oracle test's model (testdata/things.smithy).
func fuzzOp(f *testing.F) *model.Op {
	src, err := os.ReadFile("testdata/things.smithy")
	if err != nil {
		f.Fatal(err)
	}
	src = bytes.Replace(src, []byte("WAITABLE"), []byte(`{"W": {"acceptors": [{"state": "success", "matcher": {"success": true}}]}}`), 1)
	docs, err := idl.Convert([]idl.Source{{Name: "things.smithy", Data: src}})
	if err != nil {
		f.Fatal(err)
	}
	m, err := model.Load(&model.Source{Name: "things.json", Data: docs[0].JSON})
	if err != nil {
		f.Fatal(err)
	}
	c, err := m.Closure(m.Services()[0])
	if err != nil {
		f.Fatal(err)
	}
	a, err := model.BuildAPI(c, "example.com/things", "", restjson1.Protocol{}.Bindings())
	if err != nil {
		f.Fatal(err)
	}
	return a.Operations[0]
}

// FuzzCompile checks that any expression compiles to Go that renders, or
// fails with a syntax or compile error, without panicking.
func FuzzCompile(f *testing.F) {
	op := fuzzOp(f)
	for _, s := range []string{
		"name", "items[].state", "items[?state == 'ACTIVE'].name | [0]", "length(tags) > `1`",
		"contains(items[].[length(labels) > `0`][], `false`)", "itemMap.*.state", "choice.item.name",
		"[name, inner.name]", "status != 'A' && status != 'B'", "nested[][]", "items[::-1].children[0].name",
		"input.wanted == output.name", "!(count > `5`) || enabled", "sparse[?@ == `null`]",
	} {
		for _, cmp := range []string{"stringEquals", "booleanEquals", "allStringEquals", "anyStringEquals"} {
			f.Add(s, cmp)
		}
	}
	f.Fuzz(func(t *testing.T, path, cmp string) {
		acc := &Acceptor{State: Success, Kind: MatchOutput, Path: path, Expect: "true", Compare: cmp}
		if strings.HasPrefix(path, "input") {
			acc.Kind = MatchInputOutput
		}
		code, err := matcherFunc(op, "m", acc)
		if err != nil {
			var ce *compileError
			var se *jmespath.SyntaxError
			if !errors.As(err, &ce) && !errors.As(err, &se) {
				t.Fatalf("%q: %T %v", path, err, err)
			}
			return
		}
		file := jen.NewFile("things")
		file.Add(code)
		var buf bytes.Buffer
		if err := file.Render(&buf); err != nil {
			t.Fatalf("%q %s: %v", path, cmp, err)
		}
	})
}
