package templates

import (
	"go/types"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dave/jennifer/jen"
	"golang.org/x/tools/go/packages"

	"github.com/smithygen/smithygen/model"
)

// findModuleRoot is the directory of the module's go.mod, found from the test's
// working directory.
func findModuleRoot(t *testing.T) string {
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

// moduleTempDir makes a directory inside the module, so that generated code
// resolves the module's dependencies, and returns it with its import path.
func moduleTempDir(t *testing.T) (dir, importPath string) {
	t.Helper()
	root := findModuleRoot(t)
	dir, err := os.MkdirTemp(root, ".typestest-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	return dir, "github.com/smithygen/smithygen/" + filepath.Base(dir)
}

// loadAPI loads sources and builds the API of their first service.
func loadAPI(t *testing.T, importPath string, srcs ...*model.Source) *model.API {
	t.Helper()
	m, err := model.Load(srcs...)
	if err != nil {
		t.Fatal(err)
	}
	return apiOf(t, m, importPath)
}

func apiOf(t *testing.T, m *model.Model, importPath string) *model.API {
	t.Helper()
	svcs := m.Services()
	if len(svcs) == 0 {
		t.Fatal("model has no service")
	}
	c, err := m.Closure(svcs[0])
	if err != nil {
		t.Fatal(err)
	}
	a, err := model.BuildAPI(c, importPath, "")
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// writeTypeDecls writes what the type emitters produce for an API: the
// types package and, per operation, a file with its input and output.
func writeTypeDecls(t *testing.T, dir string, a *model.API) {
	t.Helper()
	plan := []struct {
		name string
		emit emitter
	}{{"types/types.go", typesFile}, {"types/enums.go", enumsFile}, {"types/errors.go", errorsFile}}
	for _, p := range plan {
		if f := p.emit(a); f != nil {
			writeRendered(t, dir, p.name, f)
		}
	}
	for _, op := range a.Operations {
		f := newFile(a, "")
		ioDecls(f, a, op)
		writeRendered(t, dir, op.File, f)
	}
}

func writeRendered(t *testing.T, dir, name string, f *jen.File) {
	t.Helper()
	out, err := render(name, f)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, out.Data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// typeCheckDir parses and type-checks the packages under dir, failing on any
// error, and returns them by import path.
func typeCheckDir(t *testing.T, dir string) map[string]*packages.Package {
	t.Helper()
	cfg := &packages.Config{Dir: dir, Mode: packages.NeedName | packages.NeedTypes | packages.NeedSyntax | packages.NeedImports}
	pkgs, err := packages.Load(cfg, "./...")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]*packages.Package{}
	for _, p := range pkgs {
		for _, e := range p.Errors {
			t.Errorf("%s: %v", p.PkgPath, e)
		}
		out[p.PkgPath] = p
	}
	if t.Failed() {
		t.FailNow()
	}
	return out
}

// lookupType returns the named type declared as name in p.
func lookupType(t *testing.T, p *packages.Package, name string) *types.Named {
	t.Helper()
	obj, ok := p.Types.Scope().Lookup(name).(*types.TypeName)
	if !ok {
		t.Fatalf("%s: no type %s", p.PkgPath, name)
	}
	return obj.Type().(*types.Named)
}

// typeStr spells a type with package names, as source does.
func typeStr(typ types.Type) string {
	return types.TypeString(typ, func(p *types.Package) string { return p.Name() })
}

// fieldsOf returns a struct type's fields as "Name Type" in order.
func fieldsOf(t *testing.T, p *packages.Package, name string) []string {
	t.Helper()
	st, ok := lookupType(t, p, name).Underlying().(*types.Struct)
	if !ok {
		t.Fatalf("%s is not a struct", name)
	}
	var out []string
	for i := range st.NumFields() {
		f := st.Field(i)
		out = append(out, f.Name()+" "+typeStr(f.Type()))
	}
	return out
}

func wantFields(t *testing.T, p *packages.Package, name string, want ...string) {
	t.Helper()
	if got := fieldsOf(t, p, name); strings.Join(got, "; ") != strings.Join(want, "; ") {
		t.Errorf("%s fields:\n got  %q\n want %q", name, got, want)
	}
}
