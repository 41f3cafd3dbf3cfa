package waiters_test

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tidwall/gjson"
)

// TestCorpusWaiters generates every model of the shared corpus that has
// waiters, with all its waiters, and builds and vets the packages.
func TestCorpusWaiters(t *testing.T) {
	paths, _ := filepath.Glob(filepath.Join(sharedDir(t), "models", "smithy", "*.json"))
	dir, prefix := scratchDir(t)
	models, want, got := 0, 0, 0
	for _, p := range paths {
		src := readModel(t, p)
		if !bytes.Contains(src.Data, []byte(`"smithy.waiters#waitable"`)) {
			continue
		}
		gjson.GetBytes(src.Data, "shapes").ForEach(func(_, s gjson.Result) bool {
			want += len(s.Get(`traits.smithy\.waiters#waitable`).Map())
			return true
		})
		pkg := strings.ReplaceAll(strings.TrimSuffix(filepath.Base(p), ".json"), "-", "")
		a := loadAPI(t, prefix+"/"+pkg, src)
		files, n, err := generate(a)
		if err != nil {
			t.Errorf("%s: %v", filepath.Base(p), err)
			continue
		}
		writeFiles(t, filepath.Join(dir, pkg), files)
		models++
		got += n
	}
	if models == 0 {
		t.Fatal("no model with waiters in the corpus")
	}
	if got != want {
		t.Errorf("generated %d waiters; the corpus has %d", got, want)
	}
	t.Logf("%d waiters of %d models", got, models)
	if t.Failed() {
		return
	}
	goCmd(t, dir, "vet", "./...")
}
