package main

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/templates"
)

// staleError lists the files -check found out of date.
type staleError []string

func (e staleError) Error() string { return "stale: " + strings.Join(e, ", ") }

// outputDir returns the package directory and its import path, derived from
// the enclosing go.mod.
func outputDir(o *options, c *model.Closure) (dir, importPath string, err error) {
	dir = o.out
	if dir == "" {
		dir = filepath.Join("generated", cmp.Or(o.pkg, c.Package()))
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", "", err
	}
	root, mod, err := findModule(filepath.Dir(abs))
	if err != nil {
		return "", "", err
	}
	rel, err := filepath.Rel(root, abs)
	if err != nil {
		return "", "", err
	}
	return abs, mod + "/" + filepath.ToSlash(rel), nil
}

// findModule walks up from dir to the nearest go.mod and returns its
// directory and module path.
func findModule(dir string) (root, path string, err error) {
	for d := dir; ; d = filepath.Dir(d) {
		data, err := os.ReadFile(filepath.Join(d, "go.mod"))
		if err == nil {
			for _, line := range strings.Split(string(data), "\n") {
				if f := strings.Fields(line); len(f) >= 2 && f[0] == "module" {
					return d, strings.Trim(f[1], `"`), nil
				}
			}
			return "", "", fmt.Errorf("gen: %s has no module line", filepath.Join(d, "go.mod"))
		}
		if filepath.Dir(d) == d {
			return "", "", errors.New("gen: the output directory is not inside a Go module (no go.mod found)")
		}
	}
}

// check compares files with dir and lists every stale, missing or extra file.
func check(dir string, files []templates.File) error {
	var stale staleError
	want := map[string]bool{}
	for _, f := range files {
		want[f.Path] = true
		got, err := os.ReadFile(filepath.Join(dir, f.Path))
		if err != nil || !bytes.Equal(got, f.Data) {
			stale = append(stale, filepath.Join(dir, f.Path))
		}
	}
	existing, _ := listGoFiles(dir)
	for _, p := range existing {
		if !want[p] {
			stale = append(stale, filepath.Join(dir, p)+" (not generated)")
		}
	}
	sort.Strings(stale)
	if len(stale) > 0 {
		return stale
	}
	return nil
}

func listGoFiles(dir string) ([]string, error) {
	var out []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".go") && !strings.HasSuffix(p, "_test.go") {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	return out, err
}

// writeAtomic writes files into a fresh directory beside dir and swaps it in,
// so a failure leaves the previous output as it was. Hand-written _test.go
// files in dir are carried over.
func writeAtomic(dir string, files []templates.File) error {
	parent := filepath.Dir(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(dir)+".new-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	for _, f := range files {
		if err := writeFile(filepath.Join(tmp, f.Path), f.Data); err != nil {
			return err
		}
	}
	if err := carryTests(dir, tmp); err != nil {
		return err
	}
	old := tmp + ".old"
	if err := os.Rename(dir, old); err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	if err := os.Rename(tmp, dir); err != nil {
		_ = os.Rename(old, dir)
		return err
	}
	return os.RemoveAll(old)
}

func writeFile(p string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return os.WriteFile(p, data, 0o644)
}

// carryTests copies hand-written _test.go files from the old output.
func carryTests(from, to string) error {
	return filepath.WalkDir(from, func(p string, d os.DirEntry, err error) error {
		if errors.Is(err, os.ErrNotExist) {
			return filepath.SkipAll
		}
		if err != nil || d.IsDir() || !strings.HasSuffix(p, "_test.go") {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		return writeFile(filepath.Join(to, rel), data)
	})
}
