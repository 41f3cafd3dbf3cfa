package model

import (
	"os"
	"path/filepath"
	"testing"
)

// sharedDir locates the shared reference data: $SMITHY_SHARED, else
// ../../shared from this package. Tests fail when it is missing.
func sharedDir(t testing.TB) string {
	dir := os.Getenv("SMITHY_SHARED")
	if dir == "" {
		dir = filepath.Join("..", "..", "shared")
	}
	if _, err := os.Stat(filepath.Join(dir, "models", "smithy")); err != nil {
		t.Fatalf("shared reference data not found (set SMITHY_SHARED): %v", err)
	}
	return dir
}

func corpusFiles(t testing.TB) []string {
	files, err := filepath.Glob(filepath.Join(sharedDir(t), "models", "smithy", "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no models found: %v", err)
	}
	return files
}
