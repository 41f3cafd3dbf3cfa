package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
)

// The benchmarks below run the built command as a whole process, as a user
// would, and report its peak resident memory.

func sharedDir(b *testing.B) string {
	dir := os.Getenv("SMITHY_SHARED")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared")
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(abs, "models", "smithy")); err != nil {
		b.Fatalf("shared reference data not found (set SMITHY_SHARED): %v", err)
	}
	return abs
}

// buildGen builds this command once into a temporary directory.
func buildGen(b *testing.B) string {
	bin := filepath.Join(b.TempDir(), "gen")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// outModule makes a module directory for generated output.
func outModule(b *testing.B) string {
	dir, err := os.MkdirTemp("", "genbench-")
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { os.RemoveAll(dir) })
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module bench.example\n\ngo 1.26\n"), 0o644); err != nil {
		b.Fatal(err)
	}
	return dir
}

func benchProcess(b *testing.B, args ...string) {
	bin := buildGen(b)
	var peak int64
	for b.Loop() {
		cmd := exec.Command(bin, args...)
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("gen: %v\n%s", err, out)
		}
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			peak = max(peak, ru.Maxrss)
		}
	}
	b.ReportMetric(float64(peak)/1024, "peak-MB")
}

// BenchmarkGenerateCleanRoomsML generates the full Clean Rooms ML client.
func BenchmarkGenerateCleanRoomsML(b *testing.B) {
	out := filepath.Join(outModule(b), "cleanroomsml")
	benchProcess(b, "-model", filepath.Join(sharedDir(b), "models", "smithy", "cleanroomsml.json"), "-out", out)
}

// BenchmarkGenerateCorpus generates every model of the shared corpus in one
// process (-each).
func BenchmarkGenerateCorpus(b *testing.B) {
	benchProcess(b, "-each", "-model", filepath.Join(sharedDir(b), "models", "smithy"), "-out", outModule(b))
}
