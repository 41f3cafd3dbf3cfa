package pattern

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// sharedDir returns the shared reference directory: $SMITHY_SHARED, or
// ../shared next to the module root.
func sharedDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("SMITHY_SHARED")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared")
	}
	if _, err := os.Stat(filepath.Join(dir, "models", "smithy")); err != nil {
		t.Fatalf("shared reference data not found (set SMITHY_SHARED): %v", err)
	}
	return dir
}

// corpusPatterns returns the distinct smithy.api#pattern values of the AWS
// models, sorted.
func corpusPatterns(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(sharedDir(t), "models", "smithy", "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no models found: %v", err)
	}
	seen := map[string]bool{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var v any
		if err := json.Unmarshal(b, &v); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		collectPatterns(v, seen)
	}
	var out []string
	for p := range seen {
		out = append(out, p)
	}
	slices.Sort(out)
	return out
}

func collectPatterns(v any, seen map[string]bool) {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			if s, ok := x.(string); ok && k == "smithy.api#pattern" {
				seen[s] = true
			}
			collectPatterns(x, seen)
		}
	case []any:
		for _, x := range v {
			collectPatterns(x, seen)
		}
	}
}

func TestCorpus(t *testing.T) {
	pats := corpusPatterns(t)
	failed := 0
	for _, p := range pats {
		if _, err := Translate(p); err != nil {
			failed++
			t.Logf("%v", err)
		}
	}
	t.Logf("%d of %d distinct patterns translate", len(pats)-failed, len(pats))
}
