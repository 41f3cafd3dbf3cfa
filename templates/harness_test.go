package templates

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/packages"

	"github.com/smithygen/smithygen/model"
)

const modulePath = "github.com/smithygen/smithygen"

// TestMain removes the generated test packages after the tests.
func TestMain(m *testing.M) {
	code := m.Run()
	if gen.dir != "" {
		os.RemoveAll(gen.dir)
	}
	os.Exit(code)
}

// moduleRoot is the directory of go.mod at or above the working directory.
func moduleRoot(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the working directory")
		}
		dir = parent
	}
}

// sharedData is the shared reference data directory: $SMITHY_SHARED, else
// ../shared beside the module root. Tests fail when it is missing.
func sharedData(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("SMITHY_SHARED")
	if dir == "" {
		dir = filepath.Join(moduleRoot(t), "..", "shared")
	}
	if _, err := os.Stat(filepath.Join(dir, "models", "smithy")); err != nil {
		t.Fatalf("shared reference data not found (set SMITHY_SHARED): %v", err)
	}
	return dir
}

// readSource reads a model file.
func readSource(t *testing.T, file string) *model.Source {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	return &model.Source{Name: filepath.Base(file), Data: data}
}

// buildAPI loads srcs and builds the API of their first service, rooted at
// importPath.
func buildAPI(t *testing.T, importPath string, srcs ...*model.Source) *model.API {
	t.Helper()
	m, err := model.Load(srcs...)
	if err != nil {
		t.Fatal(err)
	}
	svcs := m.Services()
	if len(svcs) == 0 {
		t.Fatal("model has no service")
	}
	c, err := m.Closure(svcs[0])
	if err != nil {
		t.Fatal(err)
	}
	a, err := BuildAPI(c, importPath, "")
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// writeFiles writes files under dir.
func writeFiles(t *testing.T, dir string, files []File) {
	t.Helper()
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// genPackage is a package generated from a model for the tests, with test
// files in which PKGPATH, PKGNAME and TYPES_PATH stand for its import path,
// package name and types import path.
type genPackage struct {
	dir   string
	src   *model.Source
	tests []File
}

// genPackages are the generated test packages. Tests of the same model
// share its package.
func genPackages(t *testing.T) []genPackage {
	fake := File{"fake_http_test.go", []byte(clientFakeHTTPSource)}
	tmpl := func(name, file string) File {
		return File{name, readSource(t, filepath.Join("testdata", file)).Data}
	}
	return []genPackage{
		{"cleanroomsml", model.DefaultSource(), []File{fake, {"client_test.go", []byte(clientCleanroomsTestSource)},
			tmpl("restjson_test.go", "restjson_default_pkg_test.go.tmpl"),
			tmpl("validators_test.go", "default_pkg_test.go.tmpl")}},
		{"pagers", &model.Source{Name: "pagers.json", Data: []byte(pagersModel)},
			[]File{fake, {"client_test.go", []byte(pagersTestSource)}}},
		{"serde", readSource(t, filepath.Join("testdata", "restjson_serde.json")),
			[]File{tmpl("restjson_test.go", "restjson_pkg_test.go.tmpl")}},
		{"validation", readSource(t, filepath.Join("testdata", "validation.json")),
			[]File{tmpl("validators_test.go", "validation_pkg_test.go.tmpl")}},
		{"awsjsonevents", readSource(t, filepath.Join("testdata", "awsjson_events.json")),
			[]File{tmpl("events_test.go", "awsjson_events_pkg_test.go.tmpl")}},
		{"features", &model.Source{Name: "features.json", Data: []byte(featureModel)},
			[]File{{"types/errors_test.go", []byte(errorBehaviourTest)}}},
	}
}

// genSuite is the generated test packages, in a scratch directory of the
// module (ignored by git and, as its name starts with ".", by ./... patterns).
// It is generated once per test binary; each go test run and the
// type-checking are done once, on first use, for all the tests that need them.
type genSuite struct {
	once      sync.Once
	root, dir string
	files     map[string][]File // generated and test files by genPackage.dir
	pkgs      []string          // go command arguments
	runs      map[string]*goTestRun
	typed     map[string]*packages.Package
}

var gen genSuite

// generated writes the generated test packages on first use.
func generated(t *testing.T) *genSuite {
	t.Helper()
	gen.once.Do(func() { gen.generate(t) })
	if gen.pkgs == nil {
		t.Fatal("generating the test packages failed in an earlier test")
	}
	return &gen
}

func (s *genSuite) generate(t *testing.T) {
	s.root = moduleRoot(t)
	dir, err := os.MkdirTemp(s.root, ".scratch-gentest-")
	if err != nil {
		t.Fatal(err)
	}
	s.dir, s.files, s.runs = dir, map[string][]File{}, map[string]*goTestRun{}
	var pkgs []string
	for _, p := range genPackages(t) {
		a := buildAPI(t, s.importPath(p.dir), p.src)
		files, err := Files(a)
		if err != nil {
			t.Fatal(err)
		}
		r := strings.NewReplacer("PKGPATH", a.ImportPath, "PKGNAME", a.Package, "TYPES_PATH", a.TypesPath)
		for _, f := range p.tests {
			files = append(files, File{f.Path, []byte(r.Replace(string(f.Data)))})
		}
		writeFiles(t, filepath.Join(dir, p.dir), files)
		s.files[p.dir] = files
		for _, f := range files {
			pkgs = append(pkgs, s.goArg(path.Join(p.dir, path.Dir(f.Path))))
		}
	}
	slices.Sort(pkgs)
	s.pkgs = slices.Compact(pkgs)
}

func (s *genSuite) importPath(dir string) string {
	return path.Join(modulePath, filepath.Base(s.dir), dir)
}

// goArg names the package in dir to the go command.
func (s *genSuite) goArg(dir string) string {
	return "./" + path.Join(filepath.Base(s.dir), dir)
}

// file returns a generated or test file of the package in dir.
func (s *genSuite) file(t *testing.T, dir, name string) string {
	t.Helper()
	for _, f := range s.files[dir] {
		if f.Path == name {
			return string(f.Data)
		}
	}
	t.Fatalf("%s: no file %s", dir, name)
	return ""
}

// goTestRun is what a go test -json run reported: the last action and the
// output of every package (key "pkg") and test (key "pkg Test"), and for
// each package that failed to build or vet, the package whose build failed.
type goTestRun struct {
	action, output, broken map[string]string
}

type testEvent struct {
	ImportPath, Package, Test, Action, Output, FailedBuild string
}

// goTest runs go test -json with args in the module root, once per set of
// arguments, and returns what it reported.
func (s *genSuite) goTest(t *testing.T, args ...string) *goTestRun {
	t.Helper()
	key := strings.Join(args, " ")
	if r := s.runs[key]; r != nil {
		return r
	}
	cmd := exec.Command("go", append([]string{"test", "-count=1", "-json"}, args...)...)
	cmd.Dir = s.root
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if _, exit := err.(*exec.ExitError); err != nil && !exit {
		t.Fatal(err)
	}
	s.runs[key] = parseTestEvents(t, out, stderr.String())
	return s.runs[key]
}

func parseTestEvents(t *testing.T, out []byte, stderr string) *goTestRun {
	t.Helper()
	r := &goTestRun{action: map[string]string{}, output: map[string]string{}, broken: map[string]string{}}
	dec := json.NewDecoder(bytes.NewReader(out))
	for dec.More() {
		var e testEvent
		if err := dec.Decode(&e); err != nil {
			t.Fatalf("go test output: %v\n%s%s", err, out, stderr)
		}
		key := strings.TrimSpace(e.Package + " " + e.Test)
		if e.ImportPath != "" { // build output, of "pkg" or "pkg [pkg.test]"
			key = strings.Fields(e.ImportPath)[0]
		}
		switch {
		case e.Action == "output" || e.Action == "build-output":
			r.output[key] += e.Output
		case e.Action == "build-fail":
			r.broken[key] = key
		case e.FailedBuild != "":
			r.broken[key] = strings.Fields(e.FailedBuild)[0]
		default:
			r.action[key] = e.Action
		}
	}
	if len(r.action) == 0 {
		t.Fatalf("go test reported nothing:\n%s", stderr)
	}
	return r
}

var (
	testFuncs  = regexp.MustCompile(`(?m)^func ((?:Test|Benchmark)\w+)\(`)
	benchLines = regexp.MustCompile(`(?m)^Benchmark\S*\s+\d+\s.*$`)
)

// wantPassed fails t unless the package in dir and its subpackages built and
// vetted cleanly and every test and benchmark its test file declares passed.
// One go test run covers all the generated packages; benchmarks run apart,
// since go test runs benchmark packages in turn and fails those queued behind
// a package that did not build. Benchmark results are logged.
func (s *genSuite) wantPassed(t *testing.T, dir, testFile string) {
	t.Helper()
	tests := s.goTest(t, append([]string{"-vet=all"}, s.pkgs...)...)
	if !s.wantBuilt(t, tests, dir) {
		return
	}
	pkg := path.Join(dir, path.Dir(testFile))
	names := testFuncs.FindAllStringSubmatch(s.file(t, dir, testFile), -1)
	if len(names) == 0 {
		t.Fatalf("%s/%s declares no tests", dir, testFile)
	}
	for _, n := range names {
		run := tests
		if strings.HasPrefix(n[1], "Benchmark") {
			run = s.goTest(t, "-vet=off", "-run=^$", "-bench=.", "-benchtime=2000x", s.goArg(pkg))
		}
		wantTestPassed(t, run, s.importPath(pkg), n[1])
	}
}

// wantBuilt reports whether the package in dir and its subpackages built and
// vetted cleanly in run, failing t if not.
func (s *genSuite) wantBuilt(t *testing.T, run *goTestRun, dir string) bool {
	t.Helper()
	ok := true
	for _, p := range slices.Sorted(maps.Keys(run.broken)) {
		if p == s.importPath(dir) || strings.HasPrefix(p, s.importPath(dir)+"/") {
			out := run.output[p]
			if q := run.broken[p]; q != p {
				out = run.output[q] + out
			}
			t.Errorf("%s failed to build or vet:\n%s", p, out)
			ok = false
		}
	}
	return ok
}

// wantTestPassed fails t unless test or benchmark name of pkg passed in run.
// A passing benchmark's last action is "run".
func wantTestPassed(t *testing.T, run *goTestRun, pkg, name string) {
	t.Helper()
	key := pkg + " " + name
	switch act := run.action[key]; {
	case act == "pass", act == "run" && strings.HasPrefix(name, "Benchmark"):
		for _, l := range benchLines.FindAllString(run.output[key], -1) {
			t.Log(l)
		}
	case act == "":
		t.Errorf("%s did not run", key)
	default:
		t.Errorf("%s: %s\n%s", key, act, run.output[key])
	}
}

// typeChecked returns the root and types packages of the package in dir,
// type-checked from source, failing on any type error. All the generated
// packages are loaded on first use.
func (s *genSuite) typeChecked(t *testing.T, dir string) (root, types *packages.Package) {
	t.Helper()
	if s.typed == nil {
		cfg := &packages.Config{Dir: s.root, Mode: packages.NeedName | packages.NeedTypes | packages.NeedSyntax | packages.NeedImports}
		pkgs, err := packages.Load(cfg, s.pkgs...)
		if err != nil {
			t.Fatal(err)
		}
		s.typed = map[string]*packages.Package{}
		for _, p := range pkgs {
			s.typed[p.PkgPath] = p
		}
	}
	root, types = s.typed[s.importPath(dir)], s.typed[s.importPath(dir)+"/types"]
	if root == nil || types == nil {
		t.Fatalf("packages %s and its types not generated; got %d packages", s.importPath(dir), len(s.typed))
	}
	var errs []string
	for _, p := range []*packages.Package{root, types} {
		for _, e := range p.Errors {
			errs = append(errs, fmt.Sprintf("%s: %v", p.PkgPath, e))
		}
	}
	if len(errs) > 0 {
		t.Fatal(strings.Join(errs, "\n"))
	}
	return root, types
}
