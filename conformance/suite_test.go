package conformance

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/templates"
)

const modulePath = "github.com/smithygen/smithygen"

// moduleRoot is the directory of the module's go.mod.
func moduleRoot(t *testing.T) string {
	dir, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("go.mod not found")
		}
		dir = parent
	}
}

// sharedDir is $SMITHY_SHARED, else ../shared beside the module root.
func sharedDir(t *testing.T, root string) string {
	dir := os.Getenv("SMITHY_SHARED")
	if dir == "" {
		dir = filepath.Join(root, "..", "shared")
	}
	if _, err := os.Stat(filepath.Join(dir, "protocol-tests", "restJson1")); err != nil {
		t.Fatalf("shared reference data not found (set SMITHY_SHARED): %v", err)
	}
	return dir
}

// loadSuite loads the protocol test models of one suite folder, with the
// endpoint traits of EndpointRuleSources applied to their services.
func loadSuite(t *testing.T, shared, suite string) *model.Model {
	pt := filepath.Join(shared, "protocol-tests")
	files := []string{filepath.Join(pt, suite), filepath.Join(pt, "shared-types.smithy"),
		filepath.Join(pt, "aws-config.smithy"), filepath.Join(shared, "smithy-traits")}
	m, err := model.LoadFiles(files...)
	if err != nil {
		t.Fatal(err)
	}
	var extra []string
	for id, file := range EndpointRuleSources {
		svc := m.Shape(id)
		if svc == nil {
			continue
		}
		c, err := m.Closure(svc)
		if err != nil {
			t.Fatal(err)
		}
		real, err := os.ReadFile(filepath.Join(shared, "models", "smithy", file))
		if err != nil {
			t.Fatal(err)
		}
		doc, err := EndpointTraits(c, real)
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(t.TempDir(), "endpoint-rules.json")
		writeFile(t, path, doc)
		extra = append(extra, path)
	}
	if len(extra) == 0 {
		return m
	}
	if m, err = model.LoadFiles(append(files, extra...)...); err != nil {
		t.Fatal(err)
	}
	return m
}

// scratchModule creates a module outside the repository that requires this
// one through a replace directive: in $SMITHYGEN_CONFORMANCE_DIR when set,
// to keep it for inspection, else in a temporary directory.
func scratchModule(t *testing.T, root string) string {
	work := os.Getenv("SMITHYGEN_CONFORMANCE_DIR")
	if work == "" {
		work = t.TempDir()
	} else if err := os.RemoveAll(work); err != nil {
		t.Fatal(err)
	}
	gomod := "module conformance\n\ngo 1.26\n\nrequire " + modulePath + " v0.0.0\n\nreplace " + modulePath + " => " + root + "\n"
	writeFile(t, filepath.Join(work, "go.mod"), []byte(gomod))
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(work, "go.sum"), sum)
	return work
}

// generateClient writes a service's client and its test file into the
// scratch module under dir.
func generateClient(t *testing.T, work, dir string, c *model.Closure, cases []Case) {
	api, err := templates.BuildAPI(c, "conformance/"+dir, "")
	if err != nil {
		t.Fatalf("%s: %v", c.Service.ID, err)
	}
	files, err := templates.Files(api)
	if err != nil {
		t.Fatalf("%s: %v", c.Service.ID, err)
	}
	for _, f := range files {
		writeFile(t, filepath.Join(work, dir, f.Path), f.Data)
	}
	src, err := TestFile(api, cases)
	if err != nil {
		t.Fatalf("%s: test file: %v", c.Service.ID, err)
	}
	writeFile(t, filepath.Join(work, dir, "protocol_test.go"), src)
}

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// testEvent is one line of `go test -json`.
type testEvent struct {
	Action     string
	Package    string
	ImportPath string
	Test       string
	Output     string
}

// outcome is the result of one generated test.
type outcome struct {
	action string // "pass", "fail" or "skip"; "" when the test never ran
	output strings.Builder
}

// results are the outcomes of a `go test -json` run by package and test,
// and each package's output outside tests (build errors included).
type results struct {
	tests    map[string]*outcome // "pkg.TestName"
	packages map[string]*strings.Builder
}

func (r *results) pkg(p string) *strings.Builder {
	if r.packages[p] == nil {
		r.packages[p] = &strings.Builder{}
	}
	return r.packages[p]
}

// runTests runs every test of the scratch module and collects the results.
func runTests(t *testing.T, work string) *results {
	cmd := exec.Command("go", "test", "-json", "-count=1", "./...")
	cmd.Dir = work
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	r := &results{tests: map[string]*outcome{}, packages: map[string]*strings.Builder{}}
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		var e testEvent
		if json.Unmarshal(sc.Bytes(), &e) != nil {
			continue
		}
		r.add(e)
	}
	if err != nil && len(r.tests) == 0 {
		t.Logf("go test: %v\n%s", err, stderr.String())
	}
	for p := range r.packages {
		r.pkg(p).WriteString(stderr.String())
	}
	return r
}

func (r *results) add(e testEvent) {
	switch {
	case e.Action == "build-output":
		r.pkg(e.ImportPath).WriteString(e.Output)
	case e.Test == "" && e.Action == "output":
		r.pkg(e.Package).WriteString(e.Output)
	case e.Test != "":
		key := e.Package + "." + e.Test
		o := r.tests[key]
		if o == nil {
			o = &outcome{}
			r.tests[key] = o
		}
		switch e.Action {
		case "output":
			o.output.WriteString(e.Output)
		case "pass", "fail", "skip":
			o.action = e.Action
		}
	}
}
