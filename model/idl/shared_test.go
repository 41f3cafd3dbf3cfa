package idl

import (
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// sharedDir locates the shared reference data: $SMITHY_SHARED, or ../shared
// next to the module root.
func sharedDir(tb testing.TB) string {
	tb.Helper()
	dir := os.Getenv("SMITHY_SHARED")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared")
	}
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		tb.Fatalf("shared reference data not found at %q (set SMITHY_SHARED): %v", dir, err)
	}
	return dir
}

// smithyFiles lists the .smithy files under dir, sorted.
func smithyFiles(tb testing.TB, dir string) []string {
	tb.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".smithy") {
			out = append(out, path)
		}
		return err
	})
	if err != nil {
		tb.Fatal(err)
	}
	sort.Strings(out)
	return out
}

func readSources(tb testing.TB, paths ...string) []Source {
	tb.Helper()
	out := make([]Source, len(paths))
	for i, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		out[i] = Source{Name: p, Data: data}
	}
	return out
}

// protocolSets returns, per protocol test folder, the files converted
// together: the folder's files, the shared types and the trait definitions.
func protocolSets(tb testing.TB) map[string][]Source {
	tb.Helper()
	shared := sharedDir(tb)
	root := filepath.Join(shared, "protocol-tests")
	common := smithyFiles(tb, filepath.Join(shared, "smithy-traits"))
	common = append(common, filepath.Join(root, "shared-types.smithy"), filepath.Join(root, "aws-config.smithy"))
	entries, err := os.ReadDir(root)
	if err != nil {
		tb.Fatal(err)
	}
	sets := map[string][]Source{}
	for _, e := range entries {
		if e.IsDir() {
			files := append(smithyFiles(tb, filepath.Join(root, e.Name())), common...)
			sets[e.Name()] = readSources(tb, files...)
		}
	}
	if len(sets) == 0 {
		tb.Fatalf("no protocol test folders in %s", root)
	}
	return sets
}
