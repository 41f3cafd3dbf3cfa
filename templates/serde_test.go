package templates

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/smithygen/smithygen/model"
)

// serdeRoot is the module root, found from the test's working directory.
func serdeRoot(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		if filepath.Dir(dir) == dir {
			t.Fatal("no go.mod above the working directory")
		}
		dir = filepath.Dir(dir)
	}
}

// serdeShared locates the shared reference data: $SMITHY_SHARED, else
// ../shared next to the module root. Missing data fails the test.
func serdeShared(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("SMITHY_SHARED")
	if dir == "" {
		dir = filepath.Join(serdeRoot(t), "..", "shared")
	}
	if _, err := os.Stat(filepath.Join(dir, "models", "smithy")); err != nil {
		t.Fatalf("shared reference data not found (set SMITHY_SHARED): %v", err)
	}
	return dir
}

// serdeAPI loads sources and builds the API of their first service.
func serdeAPI(t *testing.T, importPath string, srcs ...*model.Source) *model.API {
	t.Helper()
	m, err := model.Load(srcs...)
	if err != nil {
		t.Fatal(err)
	}
	c, err := m.Closure(m.Services()[0])
	if err != nil {
		t.Fatal(err)
	}
	a, err := model.BuildAPI(c, importPath, "")
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// serdeGenerate writes the package of a model into a new directory inside
// the module, with the package test tmpl (TYPES_PATH replaced), and returns
// its packages as paths relative to the module root.
func serdeGenerate(t *testing.T, tmpl string, srcs ...*model.Source) []string {
	t.Helper()
	root := serdeRoot(t)
	dir, err := os.MkdirTemp(root, ".serdetest-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	importPath := "github.com/smithygen/smithygen/" + filepath.Base(dir)
	a := serdeAPI(t, importPath, srcs...)
	files, err := Files(a)
	if err != nil {
		t.Fatal(err)
	}
	if tmpl != "" {
		src, err := os.ReadFile(filepath.Join("testdata", tmpl))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, File{Path: "restjson_test.go", Data: bytes.ReplaceAll(src, []byte("TYPES_PATH"), []byte(a.TypesPath))})
	}
	for _, f := range files {
		p := filepath.Join(dir, f.Path)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	pkg := "./" + filepath.Base(dir)
	return []string{pkg, pkg + "/types"}
}

// serdeGo runs the go command in the module root.
func serdeGo(t *testing.T, args ...string) {
	t.Helper()
	cmd := exec.Command("go", args...)
	cmd.Dir = serdeRoot(t)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

func TestSerdeTestModelPackage(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "restjson_serde.json"))
	if err != nil {
		t.Fatal(err)
	}
	pkgs := serdeGenerate(t, "restjson_pkg_test.go.tmpl", &model.Source{Name: "restjson_serde.json", Data: data})
	serdeGo(t, append([]string{"vet"}, pkgs...)...)
	serdeGo(t, "test", "-count=1", pkgs[0])
}

func TestSerdeDefaultModelPackage(t *testing.T) {
	pkgs := serdeGenerate(t, "restjson_default_pkg_test.go.tmpl", model.DefaultSource())
	serdeGo(t, append([]string{"vet"}, pkgs...)...)
	serdeGo(t, "test", "-count=1", pkgs[0])
}

