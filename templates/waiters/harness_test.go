package waiters_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/model/idl"
	"github.com/smithygen/smithygen/templates"
	"github.com/smithygen/smithygen/templates/waiters"
)

const modulePath = "github.com/smithygen/smithygen"

// moduleRoot is the directory of the root go.mod.
func moduleRoot(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "go.mod")); err != nil {
		t.Fatal(err)
	}
	return dir
}

// sharedDir is the shared reference data: $SMITHY_SHARED, else ../shared
// beside the module root. Tests fail when it is missing.
func sharedDir(t *testing.T) string {
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

// loadAPI loads model files and builds the API of their first service.
func loadAPI(t *testing.T, importPath string, srcs ...*model.Source) *model.API {
	t.Helper()
	m, err := model.Load(srcs...)
	if err != nil {
		t.Fatal(err)
	}
	c, err := m.Closure(m.Services()[0])
	if err != nil {
		t.Fatal(err)
	}
	a, err := templates.BuildAPI(c, importPath, "")
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// loadIDL builds the API of the first service of a Smithy IDL model.
func loadIDL(t *testing.T, importPath, name, src string) *model.API {
	t.Helper()
	docs, err := idl.Convert([]idl.Source{{Name: name, Data: []byte(src)}})
	if err != nil {
		t.Fatal(err)
	}
	var srcs []*model.Source
	for _, d := range docs {
		srcs = append(srcs, &model.Source{Name: d.Name, Data: d.JSON, PosFunc: d.Pos})
	}
	return loadAPI(t, importPath, srcs...)
}

func readModel(t *testing.T, path string) *model.Source {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return &model.Source{Name: filepath.Base(path), Data: data}
}

// generate returns the files of a's package, whose operation files hold
// their waiters, and the number of waiters the API has.
func generate(a *model.API) ([]templates.File, int, error) {
	files, err := templates.Files(a)
	if err != nil {
		return nil, 0, err
	}
	count := 0
	for _, op := range a.Operations {
		ws, err := waiters.Waiters(op.Shape)
		if err != nil {
			return nil, 0, err
		}
		count += len(ws)
	}
	return files, count, nil
}

func writeFiles(t *testing.T, dir string, files []templates.File) {
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

// scratchDir is a directory inside the module (so that generated code
// builds with the module's dependencies), removed after the test. Its name
// starts with ".", which ./... patterns skip; SMITHYGEN_KEEP_SCRATCH=1 keeps
// it for inspection.
func scratchDir(t *testing.T) (dir, importPrefix string) {
	t.Helper()
	root := moduleRoot(t)
	dir, err := os.MkdirTemp(root, ".scratch-waiters-")
	if err != nil {
		t.Fatal(err)
	}
	if os.Getenv("SMITHYGEN_KEEP_SCRATCH") == "" {
		t.Cleanup(func() { os.RemoveAll(dir) })
	}
	return dir, modulePath + "/" + filepath.Base(dir)
}

// goCmd runs the go command in dir, failing t with its output.
func goCmd(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}
