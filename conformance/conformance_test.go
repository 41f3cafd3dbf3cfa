package conformance

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/templates/protocols"
)

// suites are the folders of ../shared/protocol-tests, named as Smithy names
// their protocols, in the order they are reported.
var suites = []string{"restJson1", "awsJson1_0", "awsJson1_1", "restXml", "restXmlWithNamespace", "awsQuery", "ec2Query", "rpcv2Cbor"}

// tally counts the reported cases of a suite.
type tally struct{ passed, failed, skipped int }

func (t *tally) add(o tally) { t.passed += o.passed; t.failed += o.failed; t.skipped += o.skipped }

func (t tally) String() string {
	return fmt.Sprintf("%d passed, %d failed, %d skipped", t.passed, t.failed, t.skipped)
}

// summary holds the tally of each suite; TestMain prints it, the total last.
var summary map[string]*tally

func TestMain(m *testing.M) {
	code := m.Run()
	if summary != nil {
		var total tally
		for _, s := range suites {
			if t := summary[s]; t != nil {
				fmt.Printf("%s: %s\n", s, t)
				total.add(*t)
			}
		}
		fmt.Println(total)
	}
	os.Exit(code)
}

// service is a protocol test service with client cases.
type service struct {
	suite   string
	dir     string // directory and import path in the scratch module
	closure *model.Closure
	cases   []Case
	// client reports whether a client is generated for the cases' protocol;
	// without one the cases are reported skipped.
	client bool
}

// testServices returns the services of a suite's model that have client
// cases, in shape ID order.
func testServices(t *testing.T, suite string, m *model.Model) []service {
	var out []service
	for _, svc := range m.Services() {
		if len(svc.Traits.Protocols) == 0 {
			continue
		}
		c, err := m.Closure(svc)
		if err != nil {
			t.Fatalf("%s: %v", svc.ID, err)
		}
		id := svc.Traits.Protocols[0].ID
		if cases := Cases(c, id); len(cases) > 0 {
			p := protocols.For(svc)
			out = append(out, service{suite: suite, dir: strings.ToLower(suite) + "/" + strings.ToLower(svc.Name()),
				closure: c, cases: cases, client: p != nil && p.ID() == id})
		}
	}
	return out
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

// TestConformance generates the clients of every suite's protocol test
// services and a Go test per client case, runs them all in one scratch
// module and reports every case as a subtest: service/kind/ID.
func TestConformance(t *testing.T) {
	root := moduleRoot(t)
	shared := sharedDir(t, root)
	var services []service
	for _, suite := range suites {
		services = append(services, testServices(t, suite, loadSuite(t, shared, suite))...)
	}
	skips := readSkipList(t, services)
	work := scratchModule(t, root)
	for _, s := range services {
		if !s.client {
			continue
		}
		var run []Case
		for _, c := range s.cases {
			if _, skip := skips[c.Name()]; !skip {
				run = append(run, c)
			}
		}
		generateClient(t, work, s.dir, s.closure, run)
	}
	res := runTests(t, work)
	summary = map[string]*tally{}
	for _, s := range services {
		tl := summary[s.suite]
		if tl == nil {
			tl = &tally{}
			summary[s.suite] = tl
		}
		for i := range s.cases {
			report(t, res, s, &s.cases[i], skips, tl)
		}
	}
}

// report runs the subtest of one case.
func report(t *testing.T, res *results, s service, c *Case, skips SkipList, summary *tally) {
	pkg := "conformance/" + s.dir
	t.Run(s.suite+"/"+c.Name(), func(t *testing.T) {
		if reason, ok := skips[c.Name()]; ok {
			summary.skipped++
			t.Skip(reason)
		}
		if !s.client {
			summary.skipped++
			t.Skip("no client is generated for " + s.closure.Service.Traits.Protocols[0].ID)
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
