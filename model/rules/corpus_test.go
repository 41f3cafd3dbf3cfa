package rules_test

import (
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/model/rules"
	rt "github.com/smithygen/smithygen/runtime/rules"
	"github.com/smithygen/smithygen/runtime/rules/rulestest"
)

func sharedModels(t testing.TB) []string {
	t.Helper()
	dir := os.Getenv("SMITHY_SHARED")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared")
	}
	paths, _ := filepath.Glob(filepath.Join(dir, "models", "smithy", "*.json"))
	if len(paths) == 0 {
		t.Fatalf("no models in %s (set SMITHY_SHARED)", dir)
	}
	sort.Strings(paths)
	return paths
}

type service struct {
	path  string
	rs    *rules.RuleSet
	tests []rules.TestCase
}

// loadServices loads the rule set and tests of every shared model.
func loadServices(t testing.TB) []service {
	t.Helper()
	var out []service
	for _, p := range sharedModels(t) {
		m, err := model.LoadFiles(p)
		if err != nil {
			t.Fatal(err)
		}
		svc := m.Services()[0]
		rs, err := rules.Load(svc)
		if err != nil {
			t.Errorf("%s: %v", p, err)
			continue
		}
		tests, err := rules.Tests(svc)
		if err != nil {
			t.Errorf("%s: %v", p, err)
			continue
		}
		out = append(out, service{p, rs, tests})
	}
	return out
}

// TestCorpusEval evaluates every test case that gives its parameters with
// the interpreter, against the partition data the models were tested with.
func TestCorpusEval(t *testing.T) {
	var tables []*rt.Partitions
	for _, name := range []string{"", "v1.38.0"} {
		var p *rt.Partitions
		var err error
		if name == "" {
			p, err = rt.DefaultPartitions()
		} else {
			data, rerr := os.ReadFile("../../runtime/rules/testdata/partitions-" + name + ".json")
			if rerr != nil {
				t.Fatal(rerr)
			}
			p, err = rt.ParsePartitions(data)
		}
		if err != nil {
			t.Fatal(err)
		}
		tables = append(tables, p)
	}
	pass, fail, drift := 0, 0, 0
	counts := map[string]int{}
	for _, s := range loadServices(t) {
		data := rt.Encode(s.rs.Program)
		prog, err := rt.Decode(string(data))
		if err != nil {
			t.Fatalf("%s: %v", s.path, err)
		}
		for i, tc := range s.tests {
			args := make([]rt.Value, len(s.rs.Params))
			for _, a := range tc.Params {
				for j, p := range s.rs.Params {
					if p.Name == a.Name {
						args[j] = a.Value
					}
				}
			}
			want := rulestest.Expect{IsError: tc.Expect.IsError, Error: tc.Expect.Error, URL: tc.Expect.URL, Headers: tc.Expect.Headers, Properties: tc.Expect.Properties.Raw}
			var errs []error
			key := ""
			for _, parts := range tables {
				ep, err := prog.Eval(args, parts)
				err = rulestest.Check(ep, err, want)
				errs = append(errs, err)
				if err == nil {
					key += "P"
				} else {
					key += "F"
				}
			}
			counts[key]++
			switch {
			case errs[0] == nil:
				pass++
			case errs[1] == nil:
				drift++
			default:
				fail++
				if fail < 40 {
					t.Errorf("%s case %d (%s): %v", filepath.Base(s.path), i, tc.Doc, errs[0])
				}
			}
		}
	}
	t.Logf("%d passed, %d failed, %d drift %v", pass, fail, drift, counts)
}
