package pattern

import (
	"encoding/json"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
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

// corpusPatterns returns how often each smithy.api#pattern value occurs in
// the AWS models.
func corpusPatterns(t *testing.T) map[string]int {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(sharedDir(t), "models", "smithy", "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no models found: %v", err)
	}
	counts := map[string]int{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var v any
		if err := json.Unmarshal(b, &v); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		collectPatterns(v, counts)
	}
	return counts
}

func collectPatterns(v any, counts map[string]int) {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			if s, ok := x.(string); ok && k == "smithy.api#pattern" {
				counts[s]++
			}
			collectPatterns(x, counts)
		}
	case []any:
		for _, x := range v {
			collectPatterns(x, counts)
		}
	}
}

// unsupported lists the AWS patterns that RE2 cannot express, with the
// construct Translate must name.
var unsupported = map[string]string{
	`^((?!.*-s3alias)(?!xn--.*)[a-z0-9][-a-z0-9.]*)?[a-z0-9]$`: `lookahead (?!.*-s3alias)`,
	`^(^\$LATEST$)|((?!^[0-9]+$)([a-zA-Z0-9-_]+))$`:            `lookahead (?!^[0-9]+$)`,
	`^([\-]?\d{4}(?!\d{2}\b))((-?)((0[1-9]|1[0-2])(\3([12]\d|0[1-9]|3[01]))?|W([0-4]\d|5[0-2])(-?[1-7])?|` +
		`(00[1-9]|0[1-9]\d|[12]\d{2}|3([0-5]\d|6[1-6])))([T\s]((([01]\d|2[0-3])((:?)[0-5]\d)?|24\:?00)` +
		`([\.,]\d(?!:))?)?(\17[0-5]\d([\.,]\d)?)?([zZ]|([\-])([01]\d|2[0-3]):?([0-5]\d)?)?)?)?$`: `backreference \3`,
}

// TestCorpus translates every pattern of the AWS models: all must
// translate except the known unsupported ones, which must fail naming the
// construct.
func TestCorpus(t *testing.T) {
	counts := corpusPatterns(t)
	pats := slices.Sorted(maps.Keys(counts))
	total, translated, distinct := 0, 0, 0
	for _, p := range pats {
		total += counts[p]
		_, err := Translate(p)
		want, known := unsupported[p]
		switch {
		case err == nil && known:
			t.Errorf("%q now translates; remove it from the unsupported list", p)
		case err == nil:
			translated += counts[p]
			distinct++
		case !known:
			t.Errorf("%v", err)
		case !strings.Contains(err.Error(), want):
			t.Errorf("%q: error %q does not name %q", p, err, want)
		default:
			t.Logf("unsupported: %v", err)
		}
	}
	for p := range unsupported {
		if counts[p] == 0 {
			t.Errorf("unsupported pattern %q is not in the models", p)
		}
	}
	t.Logf("%d of %d pattern occurrences translate (%d of %d distinct patterns)",
		translated, total, distinct, len(pats))
}
