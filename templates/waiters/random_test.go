package waiters_test

import (
	"encoding/json"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tidwall/gjson"

	"github.com/smithygen/smithygen/templates/waiters"
)

// exprGen writes random JMESPath expressions over GetThing's output of
// testdata/things.smithy.
type exprGen struct{ r *rand.Rand }

var (
	genFields   = []string{"name", "status", "count", "size", "ratio", "enabled", "created", "data", "tags", "sparse", "items", "nested", "attrs", "itemMap", "choice", "counts", "inner"}
	genMembers  = []string{"name", "state", "size", "labels", "ok", "children", "text", "item", "k", "m"}
	genSuffixes = []string{"[0]", "[-1]", "[]", "[*]", "[?state == 'ACTIVE']", "[?ok]", "[?size > `2`]", "[1:]", "[::-1]", ".*", "[?@ == 'x']"}
	genLiterals = []string{"'a'", "'ACTIVE'", "'x'", "`1`", "`3`", "`true`", "`false`", "`null`", "'l'"}
)

func (g *exprGen) pick(s []string) string { return s[g.r.IntN(len(s))] }

func (g *exprGen) path(depth int) string {
	p := g.pick(genFields)
	for range g.r.IntN(depth + 2) {
		if g.r.IntN(2) == 0 {
			p += g.pick(genSuffixes)
		} else {
			p += "." + g.pick(genMembers)
		}
	}
	return p
}

func (g *exprGen) expr(depth int) string {
	if depth == 0 {
		if g.r.IntN(4) == 0 {
			return g.pick(genLiterals)
		}
		return g.path(1)
	}
	d := depth - 1
	switch g.r.IntN(10) {
	case 0:
		return "length(" + g.expr(d) + ")"
	case 1:
		return "contains(" + g.expr(d) + ", " + g.expr(0) + ")"
	case 2:
		return g.expr(d) + " " + g.pick([]string{"==", "!=", "<", ">="}) + " " + g.expr(d)
	case 3:
		return g.expr(d) + " " + g.pick([]string{"&&", "||"}) + " " + g.expr(d)
	case 4:
		return "!" + g.expr(d)
	case 5:
		return "[" + g.expr(d) + ", " + g.expr(d) + "]"
	case 6:
		return g.path(1) + " | " + g.pick([]string{"[0]", "@", "length(@)", "[]"})
	case 7:
		return "(" + g.expr(d) + ")"
	case 8:
		return g.pick(genFields) + "[].[" + g.expr(d) + "][]"
	}
	return g.path(2)
}

// randomCases returns n random expressions that the compiler accepts, with
// each comparator that suits them.
func randomCases(t *testing.T, n int) []oracleCase {
	src, err := os.ReadFile(filepath.Join("testdata", "things.smithy"))
	if err != nil {
		t.Fatal(err)
	}
	g := &exprGen{r: rand.New(rand.NewPCG(1, 2))}
	expected := map[string][]string{"stringEquals": {"a", "ACTIVE", "x"}, "booleanEquals": {"true", "false"},
		"allStringEquals": {"ACTIVE", "x"}, "anyStringEquals": {"ACTIVE", "x", "l"}}
	// One API; each candidate replaces the value of its waitable trait.
	a := loadIDL(t, "example.com/things", "things.smithy", strings.Replace(string(src), "WAITABLE", "{}", 1))
	op := a.Operations[0]
	trait := -1
	for i, tr := range op.Shape.Traits.All {
		if tr.ID == "smithy.waiters#waitable" {
			trait = i
		}
	}
	var out []oracleCase
	seen := map[string]bool{}
	for tries := 0; len(out) < n && tries < 100*n; tries++ {
		path := g.expr(g.r.IntN(3))
		for _, cmp := range []string{"stringEquals", "booleanEquals", "allStringEquals", "anyStringEquals"} {
			c := oracleCase{path, cmp, g.pick(expected[cmp])}
			if seen[c.path+cmp] {
				continue
			}
			b, _ := json.Marshal(map[string]any{"W": map[string]any{"acceptors": []any{map[string]any{"state": "success",
				"matcher": map[string]any{"output": map[string]string{"path": c.path, "comparator": cmp, "expected": c.expected}}}}}})
			op.Shape.Traits.All[trait].Value = gjson.ParseBytes(b)
			if _, err := waiters.Decls(a, op, waiters.Env{Client: true}); err == nil {
				seen[c.path+cmp] = true
				out = append(out, c)
			}
		}
	}
	return out
}
