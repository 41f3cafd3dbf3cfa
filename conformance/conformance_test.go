package conformance

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/smithygen/smithygen/model"
)

const restJSON1 = "aws.protocols#restJson1"

// tally counts the reported cases; TestMain prints it last.
type tally struct{ passed, failed, skipped int }

var summary *tally

func TestMain(m *testing.M) {
	code := m.Run()
	if summary != nil {
		fmt.Printf("%d passed, %d failed, %d skipped\n", summary.passed, summary.failed, summary.skipped)
	}
	os.Exit(code)
}

// service is a protocol test service with client cases.
type service struct {
	dir     string // directory and import path element in the scratch module
	closure *model.Closure
	cases   []Case
}

// testServices returns the restJson1 services of the model that have client
// cases, in shape ID order.
func testServices(t *testing.T, m *model.Model) []service {
	var out []service
	for _, svc := range m.Services() {
		if !hasProtocol(svc, restJSON1) {
			continue
		}
		c, err := m.Closure(svc)
		if err != nil {
			t.Fatalf("%s: %v", svc.ID, err)
		}
		if cases := Cases(c, restJSON1); len(cases) > 0 {
			out = append(out, service{dir: strings.ToLower(svc.Name()), closure: c, cases: cases})
		}
	}
	return out
}

func hasProtocol(svc *model.Shape, id string) bool {
	for _, p := range svc.Traits.Protocols {
		if p.ID == id {
			return true
		}
	}
	return false
}

func readSkipList(t *testing.T, services []service) SkipList {
	f, err := os.Open("skip.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	skips, err := ParseSkipList(f)
	if err != nil {
		t.Fatal(err)
	}
	known := map[string]bool{}
	for _, s := range services {
		for _, c := range s.cases {
			known[c.Name()] = true
		}
	}
	for name := range skips {
		if !known[name] {
			t.Errorf("skip.txt names %s, which is not a client case", name)
		}
	}
	return skips
}

// TestConformance generates the clients of the restJson1 protocol test
// services and a Go test per client case, runs them in a scratch module and
// reports every case as a subtest: service/kind/ID.
func TestConformance(t *testing.T) {
	root := moduleRoot(t)
	m := loadRestJSON(t, sharedDir(t, root))
	services := testServices(t, m)
	skips := readSkipList(t, services)
	work := scratchModule(t, root)
	for _, s := range services {
		var run []Case
		for _, c := range s.cases {
			if _, skip := skips[c.Name()]; !skip {
				run = append(run, c)
			}
		}
		generateClient(t, work, s.dir, s.closure, run)
	}
	res := runTests(t, work)
	summary = &tally{}
	for _, s := range services {
		for i := range s.cases {
			report(t, res, "conformance/"+s.dir, &s.cases[i], skips)
		}
	}
}

// report runs the subtest of one case.
func report(t *testing.T, res *results, pkg string, c *Case, skips SkipList) {
	t.Run(c.Name(), func(t *testing.T) {
		if reason, ok := skips[c.Name()]; ok {
			summary.skipped++
			t.Skip(reason)
		}
		o := res.tests[pkg+"."+TestName(c)]
		switch {
		case o != nil && o.action == "pass":
			summary.passed++
		case o != nil && o.action != "":
			summary.failed++
			t.Errorf("%s:\n%s", o.action, o.output.String())
		default:
			summary.failed++
			t.Errorf("the test did not run:\n%s", res.pkg(pkg).String())
		}
	})
}
