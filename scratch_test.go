package smithygen

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/templates"
)

// buildAPI loads src and builds the API of its first service for a root
// package at importPath.
func buildAPI(t *testing.T, src *model.Source, importPath string) *model.API {
	t.Helper()
	m, err := model.Load(src)
	if err != nil {
		t.Fatal(err)
	}
	c, err := m.Closure(m.Services()[0])
	if err != nil {
		t.Fatal(err)
	}
	api, err := templates.BuildAPI(c, importPath, "")
	if err != nil {
		t.Fatal(err)
	}
	return api
}

// scratchModule creates a module called name in a temporary directory that
// requires this one through a replace directive, and returns its directory.
func scratchModule(t *testing.T, name string) string {
	t.Helper()
	root, _ := filepath.Abs(".")
	work := t.TempDir()
	gomod := "module " + name + "\n\ngo 1.26\n\nrequire " + modulePath + " v0.0.0\n\nreplace " + modulePath + " => " + root + "\n"
	writeOrFail(t, filepath.Join(work, "go.mod"), []byte(gomod))
	sum, err := os.ReadFile("go.sum")
	if err != nil {
		t.Fatal(err)
	}
	writeOrFail(t, filepath.Join(work, "go.sum"), sum)
	return work
}
