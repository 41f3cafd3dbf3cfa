package model

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestLoaderValidCases loads each IDL case of Smithy's loader tests and its
// JSON AST twin (each with valid/__shared.json) and compares the normalized
// AST output; a flattened variant must print the same too.
func TestLoaderValidCases(t *testing.T) {
	dir := filepath.Join(sharedDir(t), "smithy-loader-tests", "valid")
	shared := filepath.Join(dir, "__shared.json")
	var cases []string
	_ = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".smithy") && !strings.HasSuffix(p, ".flattened.smithy") {
			cases = append(cases, p)
		}
		return err
	})
	compared := 0
	for _, idlPath := range cases {
		base := strings.TrimSuffix(idlPath, ".smithy")
		t.Run(strings.TrimPrefix(base, dir+"/"), func(t *testing.T) {
			got := loadAST(t, idlPath, shared)
			for _, twin := range []string{base + ".json", base + ".flattened.smithy"} {
				if _, err := os.Stat(twin); err != nil {
					continue
				}
				compared++
				if want := loadAST(t, twin, shared); !bytes.Equal(got, want) {
					t.Errorf("%s and %s print different ASTs:\n%s\n---\n%s", idlPath, twin, got, want)
				}
			}
		})
	}
	if compared < 42+9 {
		t.Errorf("compared %d pairs, want at least 51", compared)
	}
}

func loadAST(t *testing.T, paths ...string) []byte {
	t.Helper()
	m, err := LoadFiles(paths...)
	if err != nil {
		t.Fatalf("%v", err)
	}
	return m.AST()
}

var expectedPos = regexp.MustCompile(`line (\d+)(?:, column (\d+))?`)

var (
	syntaxPrefix = regexp.MustCompile(`^Syntax error at line \d+(?:, column \d+)?(?:: |$)`)
	shapePrefix  = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_.]*#[A-Za-z0-9_$]+: `)
)

// expectedMessage is the message an invalid case's first-line comment
// states, without its position, shape and trailing " | Model"; "" when the
// comment gives only a position.
func expectedMessage(comment string) string {
	s := strings.TrimSuffix(strings.TrimPrefix(comment, "// "), " | Model")
	s = shapePrefix.ReplaceAllString(s, "")
	return syntaxPrefix.ReplaceAllString(s, "")
}

// TestLoaderInvalidCases checks every invalid IDL case is rejected, at the
// line (and column) its first-line comment names, with Smithy's message.
func TestLoaderInvalidCases(t *testing.T) {
	dir := filepath.Join(sharedDir(t), "smithy-loader-tests", "invalid")
	var n int
	_ = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || !strings.HasSuffix(p, ".smithy") {
			return err
		}
		n++
		t.Run(strings.TrimPrefix(p, dir+"/"), func(t *testing.T) { checkInvalid(t, p) })
		return nil
	})
	if n != 90 {
		t.Errorf("found %d invalid cases, want 90", n)
	}
}

func checkInvalid(t *testing.T, path string) {
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	first, _, _ := strings.Cut(string(data), "\n")
	_, err = LoadFiles(path)
	if err == nil {
		t.Fatalf("accepted; expected %s", first)
	}
	prefix := path + ":"
	if m := expectedPos.FindStringSubmatch(first); m != nil {
		prefix += m[1] + ":"
		if m[2] != "" {
			prefix += m[2] + ":"
		}
	}
	want := expectedMessage(first)
	msg := err.Error()
	for _, line := range strings.Split(msg, "\n") {
		if strings.HasPrefix(line, prefix) && strings.Contains(line, want) {
			return
		}
	}
	t.Errorf("want an error at %s saying %q (%s), got:\n%s", strings.TrimPrefix(prefix, path), want, first, msg)
}

// TestProtocolTestsLoad loads every protocol test folder with the shared
// trait definitions.
func TestProtocolTestsLoad(t *testing.T) {
	sh := sharedDir(t)
	pt := filepath.Join(sh, "protocol-tests")
	entries, err := os.ReadDir(pt)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		t.Run(e.Name(), func(t *testing.T) {
			m, err := LoadFiles(filepath.Join(pt, e.Name()), filepath.Join(pt, "shared-types.smithy"),
				filepath.Join(pt, "aws-config.smithy"), filepath.Join(sh, "smithy-traits"))
			if err != nil {
				t.Fatal(err)
			}
			if len(m.Services()) == 0 {
				t.Error("no service loaded")
			}
		})
	}
}
