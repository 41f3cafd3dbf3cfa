package botocore_test

import (
	"os"
	"path/filepath"
	"sort"
	"sync"
	"testing"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/templates"
)

const modulePath = "github.com/smithygen/smithygen"

// sharedDir locates the shared reference data: $SMITHY_SHARED, else
// ../../../shared from this package. Tests fail when it is missing.
func sharedDir(t testing.TB) string {
	dir := os.Getenv("SMITHY_SHARED")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared")
	}
	if _, err := os.Stat(filepath.Join(dir, "models", "botocore")); err != nil {
		t.Fatalf("shared reference data not found (set SMITHY_SHARED): %v", err)
	}
	abs, _ := filepath.Abs(dir)
	return abs
}

// side is one service generated from one of its two model forms.
type side struct {
	model *model.Model
	api   *model.API
	files []templates.File
}

// pair is a service generated from its Smithy JSON and from its botocore
// JSON, into one scratch module: <module>/<name>/smithy and …/boto.
type pair struct {
	name          string
	smithy, boto  *side
	smithyDir     string
	botoDir       string
	smithyImport  string
	botocoreInput string
}

var (
	pairsOnce sync.Once
	pairsWork string
	pairsAll  []*pair
	pairsErr  []string
)

// pairs generates every service of models/botocore in both forms, once per
// test binary, into a scratch module.
func pairs(t *testing.T) (string, []*pair) {
	t.Helper()
	shared := sharedDir(t)
	pairsOnce.Do(func() {
		work, err := os.MkdirTemp("", "botocore-pairs")
		if err != nil {
			pairsErr = append(pairsErr, err.Error())
			return
		}
		pairsWork = work
		if err := writeModule(work); err != nil {
			pairsErr = append(pairsErr, err.Error())
			return
		}
		dirs, _ := filepath.Glob(filepath.Join(shared, "models", "botocore", "*"))
		sort.Strings(dirs)
		for _, d := range dirs {
			name := filepath.Base(d)
			p := &pair{name: name, botocoreInput: filepath.Join(d, "service-2.json")}
			var err error
			p.smithyImport = "pairs/" + name + "/smithy"
			if p.smithy, err = generate(filepath.Join(shared, "models", "smithy", name+".json"), p.smithyImport); err != nil {
				pairsErr = append(pairsErr, name+" (smithy): "+err.Error())
				continue
			}
			if p.boto, err = generate(p.botocoreInput, "pairs/"+name+"/boto"); err != nil {
				pairsErr = append(pairsErr, name+" (botocore): "+err.Error())
				continue
			}
			p.smithyDir, p.botoDir = filepath.Join(work, name, "smithy"), filepath.Join(work, name, "boto")
			for _, s := range []struct {
				dir   string
				files []templates.File
			}{{p.smithyDir, p.smithy.files}, {p.botoDir, p.boto.files}} {
				for _, f := range s.files {
					if err := writeFile(filepath.Join(s.dir, f.Path), f.Data); err != nil {
						pairsErr = append(pairsErr, err.Error())
					}
				}
			}
			pairsAll = append(pairsAll, p)
		}
	})
	for _, e := range pairsErr {
		t.Error(e)
	}
	if len(pairsAll) < 5 {
		t.Fatalf("generated %d service pairs, want the 5 of models/botocore", len(pairsAll))
	}
	return pairsWork, pairsAll
}

func generate(path, importPath string) (*side, error) {
	m, err := model.LoadFiles(path)
	if err != nil {
		return nil, err
	}
	c, err := m.Closure(m.Services()[0])
	if err != nil {
		return nil, err
	}
	api, err := templates.BuildAPI(c, importPath, "")
	if err != nil {
		return nil, err
	}
	files, err := templates.Files(api)
	if err != nil {
		return nil, err
	}
	return &side{model: m, api: api, files: files}, nil
}

// writeModule writes a go.mod requiring this module through a replace
// directive, and this module's go.sum.
func writeModule(work string) error {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		return err
	}
	gomod := "module pairs\n\ngo 1.26\n\nrequire " + modulePath + " v0.0.0\n\nreplace " + modulePath + " => " + root + "\n"
	if err := writeFile(filepath.Join(work, "go.mod"), []byte(gomod)); err != nil {
		return err
	}
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		return err
	}
	return writeFile(filepath.Join(work, "go.sum"), sum)
}

func writeFile(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o644)
}

func TestMain(m *testing.M) {
	code := m.Run()
	if pairsWork != "" {
		os.RemoveAll(pairsWork)
	}
	os.Exit(code)
}
