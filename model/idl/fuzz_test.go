package idl

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// FuzzConvert checks that any input converts or fails cleanly, and that
// converted output is valid JSON.
func FuzzConvert(f *testing.F) {
	dir := filepath.Join(sharedDir(f), "smithy-loader-tests")
	for _, path := range smithyFiles(f, dir) {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("metadata m = \"\"\"\n  a\\\n  \"\"\"\n"))
	f.Add([]byte("namespace a\napply X$y @tags([\"\\uD83D\\uDE00\"])\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		docs, err := Convert([]Source{{Name: "fuzz.smithy", Data: data}})
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty error message")
			}
			return
		}
		for _, d := range docs {
			if !json.Valid(d.JSON) {
				t.Fatalf("invalid JSON output: %s", d.JSON)
			}
			for off := range d.JSON {
				d.Pos(off)
			}
		}
	})
}
