package templates

import (
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/smithygen/smithygen/model"
)

// The tests below generate packages into a temporary directory of the
// module (named with a leading "_" so that ./... patterns skip it), then
// build, vet and test them with the go command. A package holds what
// validators.go needs: validators.go, the operation input and output
// structs, and the types package.

const vldModule = "github.com/smithygen/smithygen"

// vldRoot returns the module root.
func vldRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("module root not found: %v", err)
	}
	return root
}

// vldShared locates the shared reference data: $SMITHY_SHARED, else
// ../shared from the module root. Tests fail when it is missing.
func vldShared(t *testing.T) string {
	dir := os.Getenv("SMITHY_SHARED")
	if dir == "" {
		dir = filepath.Join(vldRoot(t), "..", "shared")
	}
	if _, err := os.Stat(filepath.Join(dir, "models", "smithy")); err != nil {
		t.Fatalf("shared reference data not found (set SMITHY_SHARED): %v", err)
	}
	return dir
}

// vldTempDir creates a directory in the module, removed after the test.
func vldTempDir(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp(vldRoot(t), "_validators")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	return dir
}

// vldAPI loads a model and builds the API of its first service, rooted at
// the module directory dir.
func vldAPI(t *testing.T, dir string, srcs ...*model.Source) *model.API {
	t.Helper()
	m, err := model.Load(srcs...)
	if err != nil {
		t.Fatal(err)
	}
	svcs := m.Services()
	if len(svcs) == 0 {
		t.Fatal("no service")
	}
	c, err := m.Closure(svcs[0])
	if err != nil {
		t.Fatal(err)
	}
	rel, err := filepath.Rel(vldRoot(t), dir)
	if err != nil {
		t.Fatal(err)
	}
	a, err := model.BuildAPI(c, path.Join(vldModule, filepath.ToSlash(rel)), "")
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func vldSource(t *testing.T, file string) *model.Source {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	return &model.Source{Name: file, Data: data}
}

// vldWrite writes the package of a into dir and returns validators.go.
func vldWrite(t *testing.T, a *model.API, dir string) string {
	t.Helper()
	io := newFile(a, "")
	for _, op := range a.Operations {
		ioDecls(io, a, op)
	}
	var out []File
	for _, p := range []struct {
		name string
		emit emitter
	}{{"validators.go", validatorsFile}, {"types/types.go", typesFile}, {"types/enums.go", enumsFile}, {"types/errors.go", errorsFile}} {
		if jf := p.emit(a); jf != nil {
			f, err := render(p.name, jf)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, f)
		}
	}
	f, err := render("io.go", io)
	if err != nil {
		t.Fatal(err)
	}
	out = append(out, f)
	for _, f := range out {
		vldWriteFile(t, filepath.Join(dir, f.Path), f.Data)
	}
	return string(out[0].Data)
}

func vldWriteFile(t *testing.T, name string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// vldGo runs the go command in the module root.
func vldGo(t *testing.T, args ...string) {
	t.Helper()
	cmd := exec.Command("go", args...)
	cmd.Dir = vldRoot(t)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go %s: %v\n%s", strings.Join(args[:1], " "), err, out)
	}
}

// vldPackages are the go command arguments of the packages under dir.
func vldPackages(t *testing.T, dir string) []string {
	t.Helper()
	seen := map[string]bool{}
	var pkgs []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".go") {
			return err
		}
		rel, err := filepath.Rel(vldRoot(t), filepath.Dir(p))
		if err == nil && !seen[rel] {
			seen[rel] = true
			pkgs = append(pkgs, "./"+filepath.ToSlash(rel))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return pkgs
}

// vldRunPackageTest generates a package, adds the test template and runs
// go vet and go test on it.
func vldRunPackageTest(t *testing.T, a *model.API, dir, tmpl string) string {
	t.Helper()
	src := vldWrite(t, a, dir)
	test, err := os.ReadFile(filepath.Join("testdata", tmpl))
	if err != nil {
		t.Fatal(err)
	}
	test = []byte(strings.ReplaceAll(string(test), "TYPES_PATH", a.TypesPath))
	vldWriteFile(t, filepath.Join(dir, "validators_test.go"), test)
	pkgs := vldPackages(t, dir)
	vldGo(t, append([]string{"vet"}, pkgs...)...)
	vldGo(t, "test", "-count=1", pkgs[0])
	return src
}

func TestValidatorsConstraintKinds(t *testing.T) {
	dir := filepath.Join(vldTempDir(t), "validation")
	a := vldAPI(t, dir, vldSource(t, filepath.Join("testdata", "validation.json")))
	src := vldRunPackageTest(t, a, dir, "validation_pkg_test.go.tmpl")
	helpers := regexp.MustCompile(`(?m)^func (validate\w+)\(`).FindAllStringSubmatch(src, -1)
	var names []string
	for _, h := range helpers {
		names = append(names, h[1])
	}
	want := "validateOpCheckAllInput validateOpNothingInput validateChoice validateInner validateItem validateNode"
	if got := strings.Join(names, " "); got != want {
		t.Errorf("functions %s, want %s", got, want)
	}
	// NameString's pattern is used by three members, compiled once.
	if n := strings.Count(src, "NewPattern("); n != 3 {
		t.Errorf("%d pattern variables, want 3", n)
	}
}

func TestValidatorsDefaultModel(t *testing.T) {
	dir := filepath.Join(vldTempDir(t), "cleanroomsml")
	vldRunPackageTest(t, vldAPI(t, dir, model.DefaultSource()), dir, "default_pkg_test.go.tmpl")
}

