package size

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

const mb = 1 << 20

// build builds ./cmd/name into dir and returns the binary's size in bytes.
func build(t *testing.T, dir, name string) int64 {
	t.Helper()
	out := filepath.Join(dir, name)
	cmd := exec.Command("go", "build", "-o", out, "./cmd/"+name)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build ./cmd/%s: %v\n%s", name, err, b)
	}
	fi, err := os.Stat(out)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Size()
}

// needGenerated fails the test when make size has not generated the
// clients it measures.
func needGenerated(t *testing.T) {
	t.Helper()
	for _, p := range []string{"gen/cleanrooms", "gen/connect"} {
		if _, err := os.Stat(p); err != nil {
			t.Fatalf("%s is missing: run make size", p)
		}
	}
}

func TestSize(t *testing.T) {
	needGenerated(t)
	dir := t.TempDir()
	size := map[string]int64{}
	for _, p := range []string{"base", "floor", "ours-one", "v2-one", "ours-twenty", "v2-twenty", "ours-connect", "v2-connect"} {
		size[p] = build(t, dir, p)
	}
	growth := func(p string) int64 { return size[p] - size["base"] }
	fmt.Printf("size: LoadDefaultConfig alone %.2f MB\n", float64(size["base"])/mb)
	line := func(what, ours, v2 string) {
		fmt.Printf("size: %s: smithygen +%.2f MB (%.2f MB), aws-sdk-go-v2 +%.2f MB (%.2f MB), growth ratio %.2f\n",
			what, float64(growth(ours))/mb, float64(size[ours])/mb, float64(growth(v2))/mb, float64(size[v2])/mb,
			float64(growth(ours))/float64(growth(v2)))
	}
	fmt.Printf("size: shared runtime floor (credentials, SigV4, retryer, HTTP client): +%.2f MB\n", float64(growth("floor"))/mb)
	line("cleanrooms, 1 operation", "ours-one", "v2-one")
	line("cleanrooms, 20 operations", "ours-twenty", "v2-twenty")
	line("connect, 1 operation", "ours-connect", "v2-connect")
	fmt.Printf("size: cleanrooms, 1 operation, above the floor: smithygen +%.2f MB, aws-sdk-go-v2 +%.2f MB\n",
		float64(size["ours-one"]-size["floor"])/mb, float64(size["v2-one"]-size["floor"])/mb)
	perOp := func(one, twenty string) float64 { return float64(size[twenty]-size[one]) / 19 / 1024 }
	fmt.Printf("size: per further operation: smithygen %.1f KB, aws-sdk-go-v2 %.1f KB\n",
		perOp("ours-one", "ours-twenty"), perOp("v2-one", "v2-twenty"))

	// Dead-code elimination: operations cost only when called, so twenty
	// operations cost more than one, and a model of 283 operations costs
	// about what one of 84 does when a program calls one of them.
	if size["ours-twenty"] <= size["ours-one"] {
		t.Errorf("twenty operations (%d bytes) cost no more than one (%d bytes): unused operations are linked", size["ours-twenty"], size["ours-one"])
	}
	if g, c := growth("ours-connect"), growth("ours-one"); g > c+c/2 {
		t.Errorf("one Connect operation grows the binary by %d bytes, one Clean Rooms operation by %d: size follows the model, not the calls", g, c)
	}
}

// packages lists the packages matched by patterns, and the packages they
// depend on that patterns do not match.
func packages(t *testing.T, patterns ...string) (matched, deps []string) {
	t.Helper()
	out, err := exec.Command("go", append([]string{"list"}, patterns...)...).Output()
	if err != nil {
		t.Fatalf("go list %v: %v", patterns, err)
	}
	matched = strings.Fields(string(out))
	out, err = exec.Command("go", append([]string{"list", "-deps"}, patterns...)...).Output()
	if err != nil {
		t.Fatalf("go list -deps %v: %v", patterns, err)
	}
	for _, p := range strings.Fields(string(out)) {
		if !slices.Contains(matched, p) {
			deps = append(deps, p)
		}
	}
	return matched, deps
}

// goIn runs the go command with its build cache at cache.
func goIn(t *testing.T, cache string, args ...string) time.Duration {
	t.Helper()
	cmd := exec.Command("go", args...)
	cmd.Env = append(os.Environ(), "GOCACHE="+cache)
	start := time.Now()
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go %v: %v\n%s", args, err, b)
	}
	return time.Since(start)
}

// TestCompileTime compiles the service packages of both clients with
// every dependency already in the build cache and none of the service's
// own packages: the cost a change to a model, or a first build on a
// machine with warm dependencies, adds.
func TestCompileTime(t *testing.T) {
	needGenerated(t)
	const v2 = "github.com/aws/aws-sdk-go-v2/service/cleanrooms"
	ours, oursDeps := packages(t, "./gen/cleanrooms/...")
	theirs, theirDeps := packages(t, v2+"/...")
	warm := t.TempDir()
	goIn(t, warm, append([]string{"build"}, append(oursDeps, theirDeps...)...)...)

	const runs = 3
	var o, v []time.Duration
	for i := range runs {
		cache := filepath.Join(t.TempDir(), "cache")
		if b, err := exec.Command("cp", "-a", warm, cache).CombinedOutput(); err != nil {
			t.Fatalf("copying the build cache: %v\n%s", err, b)
		}
		if i%2 == 0 {
			o = append(o, goIn(t, cache, append([]string{"build"}, ours...)...))
			v = append(v, goIn(t, cache, append([]string{"build"}, theirs...)...))
		} else {
			v = append(v, goIn(t, cache, append([]string{"build"}, theirs...)...))
			o = append(o, goIn(t, cache, append([]string{"build"}, ours...)...))
		}
	}
	slices.Sort(o)
	slices.Sort(v)
	fmt.Printf("compile: cleanrooms service packages, dependencies cached: smithygen %.2f s (%d packages), aws-sdk-go-v2 %.2f s (%d packages), ratio %.2f (median of %d)\n",
		o[runs/2].Seconds(), len(ours), v[runs/2].Seconds(), len(theirs), o[runs/2].Seconds()/v[runs/2].Seconds(), runs)
	if o[runs/2] >= v[runs/2] {
		t.Errorf("the generated package compiles no faster than aws-sdk-go-v2's: %v vs %v", o[runs/2], v[runs/2])
	}
}

// lines counts the lines of the Go files, tests excluded, under dir.
func lines(t *testing.T, dir string) (files, n int) {
	t.Helper()
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		files++
		n += bytes.Count(b, []byte{'\n'})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files, n
}

func TestLines(t *testing.T) {
	needGenerated(t)
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/aws/aws-sdk-go-v2/service/cleanrooms").Output()
	if err != nil {
		t.Fatal(err)
	}
	v2dir := strings.TrimSpace(string(out))
	of, on := lines(t, "gen/cleanrooms")
	vf, vn := lines(t, v2dir)
	fmt.Printf("lines: cleanrooms: smithygen %d in %d files, aws-sdk-go-v2 %d in %d files, ratio %.3f\n", on, of, vn, vf, float64(on)/float64(vn))
	if on >= vn {
		t.Errorf("generated %d lines, aws-sdk-go-v2 has %d", on, vn)
	}
}

// TestSameSource checks that each program differs from its aws-sdk-go-v2
// counterpart only in its doc comment and the client's import path: the
// generated client is a drop-in replacement.
func TestSameSource(t *testing.T) {
	pairs := [][3]string{
		{"ours-one", "v2-one", "cleanrooms"},
		{"ours-twenty", "v2-twenty", "cleanrooms"},
		{"ours-connect", "v2-connect", "connect"},
	}
	body := func(name, service string) string {
		b, err := os.ReadFile(filepath.Join("cmd", name, "main.go"))
		if err != nil {
			t.Fatal(err)
		}
		s := string(b)
		s = s[strings.Index(s, "package main"):]
		s = strings.Replace(s, "\n\n\t\"github.com/smithygen/smithygen/size/gen/"+service+"\"", "\n\t\"github.com/aws/aws-sdk-go-v2/service/"+service+"\"", 1)
		return s
	}
	for _, p := range pairs {
		if body(p[0], p[2]) != body(p[1], p[2]) {
			t.Errorf("cmd/%s and cmd/%s differ beyond the import path", p[0], p[1])
		}
	}
}
