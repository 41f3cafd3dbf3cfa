package model

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// validationCases lists the cases of testdata/validation/<kind>: each a
// model file or a directory of files loaded together, with the problems
// expected in NAME.errors (invalid) or NAME.warnings (valid), one
// "file:line:col: shape ID: message" per line, paths relative to the
// case's directory.
func validationCases(t *testing.T, kind string) (string, []string) {
	dir := filepath.Join("testdata", "validation", kind)
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var cases []string
	for _, e := range entries {
		if ext := filepath.Ext(e.Name()); e.IsDir() || ext == ".smithy" || ext == ".json" {
			cases = append(cases, e.Name())
		}
	}
	return dir, cases
}

func expected(t *testing.T, path string) []string {
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimSpace(string(data)), "\n")
}

func relative(dir string, list []*Error) []string {
	out := make([]string, len(list))
	for i, e := range list {
		out[i] = strings.ReplaceAll(e.Error(), dir+string(filepath.Separator), "")
	}
	return out
}

func compareLines(t *testing.T, what string, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("%s:\n got:\n\t%s\nwant:\n\t%s", what, strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
}

// TestInvalidModels loads each model breaking a rule the loader enforces
// and compares every error, position and message, with NAME.errors.
func TestInvalidModels(t *testing.T) {
	dir, cases := validationCases(t, "invalid")
	for _, name := range cases {
		t.Run(name, func(t *testing.T) {
			want := expected(t, filepath.Join(dir, strings.TrimSuffix(name, filepath.Ext(name))+".errors"))
			if len(want) == 0 {
				t.Fatal("no .errors file")
			}
			_, err := LoadFiles(filepath.Join(dir, name))
			if err == nil {
				t.Fatal("loaded")
			}
			var list ErrorList
			if !errors.As(err, &list) {
				// IDL syntax errors carry a position of their own.
				compareLines(t, "errors", []string{strings.ReplaceAll(err.Error(), dir+string(filepath.Separator), "")}, want)
				return
			}
			compareLines(t, "errors", relative(dir, list), want)
		})
	}
}

// TestValidModels loads models Smithy accepts, some near a rule's edge,
// and compares the warnings with NAME.warnings.
func TestValidModels(t *testing.T) {
	dir, cases := validationCases(t, "valid")
	for _, name := range cases {
		t.Run(name, func(t *testing.T) {
			m, err := LoadFiles(filepath.Join(dir, name))
			if err != nil {
				t.Fatal(err)
			}
			want := expected(t, filepath.Join(dir, strings.TrimSuffix(name, filepath.Ext(name))+".warnings"))
			compareLines(t, "warnings", relative(dir, m.Warnings), want)
		})
	}
}

// TestApplyReplacesInherited checks the traits of members inherited from a
// mixin once applied to directly: by an apply statement, an elided member
// or a redefinition, each replacing the inherited value (list values too).
func TestApplyReplacesInherited(t *testing.T) {
	m, err := LoadFiles(filepath.Join("testdata", "validation", "valid", "apply-inherited.smithy"))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ shape, doc, tags string }{
		{"ex#Thing", "specific", `["b"]`},
		{"ex#Other", "elided", `["a"]`},
		{"ex#Third", "redefined", `["a"]`},
	} {
		mem := m.Shape(c.shape).Member("id")
		tags, _ := mem.Traits.Get("smithy.api#tags")
		if mem.Traits.Documentation != c.doc || compactJSON(tags.Value) != c.tags {
			t.Errorf("%s$id: documentation %q, tags %s; want %q, %s", c.shape, mem.Traits.Documentation, tags.Value.Raw, c.doc, c.tags)
		}
	}
	m, err = LoadFiles(filepath.Join("testdata", "validation", "valid", "apply-inherited-json"))
	if err != nil {
		t.Fatal(err)
	}
	if d := m.Shape("ex#Thing").Member("id").Traits.Documentation; d != "specific" {
		t.Errorf("JSON apply on an inherited member: documentation %q", d)
	}
}
