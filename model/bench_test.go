package model

import (
	"os"
	"path/filepath"
	"testing"
)

func readAll(b *testing.B, paths []string) ([]*Source, int64) {
	var srcs []*Source
	var n int64
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		srcs = append(srcs, &Source{Name: p, Data: data})
		n += int64(len(data))
	}
	return srcs, n
}

// BenchmarkLoadCleanRoomsML loads the full Clean Rooms ML model.
func BenchmarkLoadCleanRoomsML(b *testing.B) {
	srcs, n := readAll(b, []string{filepath.Join(sharedDir(b), "models", "smithy", "cleanroomsml.json")})
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(srcs...); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadCorpus loads every model of the shared corpus, one by one.
func BenchmarkLoadCorpus(b *testing.B) {
	srcs, n := readAll(b, corpusFiles(b))
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range srcs {
			if _, err := Load(s); err != nil {
				b.Fatal(err)
			}
		}
	}
}
