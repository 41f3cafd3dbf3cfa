package endpoints_test

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/dave/jennifer/jen"
	"golang.org/x/tools/imports"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/model/rules"
	"github.com/smithygen/smithygen/runtime/rules/rulestest"
	"github.com/smithygen/smithygen/templates"
	"github.com/smithygen/smithygen/templates/endpoints"
)

const modulePath = "github.com/smithygen/smithygen"

// snapshotData is the partition table the shared models' endpoint tests
// were written against (see runtime/rules/PARTITIONS.md).
const snapshotData = "../../runtime/rules/testdata/partitions-v1.38.0.json"

func sharedModels(t *testing.T) []string {
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

// TestEndpointCorpus generates, for every shared model, the client's
// endpoints.go (with the types of the operations its tests call) and a Go
// test holding all its endpoint test cases, builds them all in one scratch
// module and runs them. A case passes when it resolves as expected with
// the default partition data; it is drift when it only passes with the
// data the models were tested with (partitions-v1.38.0.json).
func TestEndpointCorpus(t *testing.T) {
	work := scratchModule(t)
	total := 0
	for _, path := range sharedModels(t) {
		total += generate(t, work, path)
	}
	snapshot, _ := filepath.Abs(snapshotData)
	cmd := exec.Command("go", "test", "-count=1", "-v", "./...")
	cmd.Dir = work
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", rulestest.SnapshotEnv+"="+snapshot)
	out, err := cmd.CombinedOutput()
	var pass, fail, drift, snapDrift int
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		f := strings.SplitN(sc.Text(), " ", 6)
		if len(f) < 6 || f[0] != "ENDPOINTCASE" {
			continue
		}
		def, snap := f[3] == "ok", f[4] == "ok"
		switch {
		case def:
			pass++
		case snap:
			drift++
		default:
			fail++
			t.Errorf("%s case %s: %s", f[1], f[2], f[5])
		}
		if def && !snap {
			snapDrift++
		}
	}
	if err != nil {
		t.Errorf("go test in the scratch module: %v\n%s", err, tail(out, 60))
	}
	if got := pass + fail + drift; got != total {
		t.Errorf("%d of %d cases reported", got, total)
	}
	fmt.Printf("endpoint tests: %d passed, %d failed, %d drift (failing with the default partition data, passing with v1.38.0's; %d pass with the default data but not with v1.38.0's)\n", pass, fail, drift, snapDrift)
}

func tail(b []byte, n int) string {
	lines := strings.Split(string(b), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

func scratchModule(t *testing.T) string {
	root, _ := filepath.Abs("../..")
	work := os.Getenv("SMITHYGEN_ENDPOINTS_DIR") // kept for inspection when set
	if work == "" {
		work = t.TempDir()
	} else if err := os.RemoveAll(work); err != nil {
		t.Fatal(err)
	}
	gomod := "module endpointcorpus\n\ngo 1.26\n\nrequire " + modulePath + " v0.0.0\n\nreplace " + modulePath + " => " + root + "\n"
	write(t, filepath.Join(work, "go.mod"), []byte(gomod))
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(work, "go.sum"), sum)
	return work
}

func write(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// generate writes one model's package and returns its number of cases.
func generate(t *testing.T, work, path string) int {
	t.Helper()
	m, err := model.LoadFiles(path)
	if err != nil {
		t.Fatal(err)
	}
	svc := m.Services()[0]
	tests, err := rules.Tests(svc)
	if err != nil {
		t.Fatal(err)
	}
	// Only the operations the tests call: their inputs and bindings.
	var ops []string
	seen := map[string]bool{}
	for _, tc := range tests {
		for _, in := range tc.Inputs {
			if !seen[in.Operation] {
				seen[in.Operation] = true
				ops = append(ops, in.Operation)
			}
		}
	}
	c := &model.Closure{Service: svc}
	if len(ops) > 0 {
		if c, err = m.Closure(svc, ops...); err != nil {
			t.Fatal(err)
		}
	}
	name := strings.ReplaceAll(strings.TrimSuffix(filepath.Base(path), ".json"), "-", "")
	api, err := templates.BuildAPI(c, "endpointcorpus/"+name, name)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(work, name)
	if len(ops) > 0 {
		files, err := templates.Files(api)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			write(t, filepath.Join(dir, f.Path), f.Data)
		}
	}
	decls, err := endpoints.Decls(api, nil)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	f := jen.NewFilePathName(api.ImportPath, api.Package)
	f.ImportName(api.TypesPath, "types")
	for _, d := range decls {
		f.Add(d).Line()
	}
	write(t, filepath.Join(dir, "endpoints.go"), render(t, f))
	rs, err := rules.Load(svc)
	if err != nil {
		t.Fatal(err)
	}
	tf, err := testFile(api, rs, tests)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	write(t, filepath.Join(dir, "endpoints_test.go"), render(t, tf))
	return len(tests)
}

func render(t *testing.T, f *jen.File) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := f.Render(&buf); err != nil {
		t.Fatal(err)
	}
	src, err := imports.Process("x.go", buf.Bytes(), &imports.Options{FormatOnly: true, Comments: true, TabIndent: true, TabWidth: 8})
	if err != nil {
		t.Fatal(err)
	}
	return src
}
