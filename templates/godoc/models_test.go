package godoc

import (
	"path/filepath"
	"testing"
)

func TestModels(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(sharedDir(t), "models", "smithy", "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no models found")
	}
	total := 0
	for _, file := range files {
		for _, html := range modelDocs(t, file) {
			total++
			checkLines(t, html, Lines(html))
			if t.Failed() {
				t.Fatalf("%s: stopping at the first failure", filepath.Base(file))
			}
		}
	}
	t.Logf("%d documentation strings in %d models", total, len(files))
}

func BenchmarkLines(b *testing.B) {
	docs := modelDocs(b, filepath.Join(sharedDir(b), "models", "smithy", "cleanroomsml.json"))
	b.ResetTimer()
	for b.Loop() {
		for _, html := range docs {
			Lines(html)
		}
	}
}
