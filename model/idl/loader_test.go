package idl

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// TestLoaderValid converts every valid Smithy loader case and compares it
// with the JSON AST the reference loader produces.
func TestLoaderValid(t *testing.T) {
	dir := filepath.Join(sharedDir(t), "smithy-loader-tests", "valid")
	sharedShapes := readShapes(t, filepath.Join(dir, "__shared.json"))
	files := smithyFiles(t, dir)
	compared := 0
	for _, path := range files {
		name, _ := filepath.Rel(dir, path)
		t.Run(name, func(t *testing.T) {
			docs, err := Convert(readSources(t, path))
			if err != nil {
				t.Fatalf("convert: %v", err)
			}
			want := strings.TrimSuffix(path, ".smithy") + ".json"
			if strings.HasSuffix(path, ".flattened.smithy") {
				return
			}
			if _, err := os.Stat(want); err != nil {
				return
			}
			compared++
			compareDoc(t, docs[0].JSON, want, sharedShapes)
		})
	}
	if compared < 40 {
		t.Errorf("compared only %d cases with a JSON pair", compared)
	}
	t.Logf("%d files converted, %d compared with their JSON AST", len(files), compared)
}

func readShapes(t *testing.T, path string) map[string]any {
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := decodeJSON(data)
	if err != nil {
		t.Fatal(err)
	}
	return doc["shapes"].(map[string]any)
}

func compareDoc(t *testing.T, got []byte, wantPath string, others map[string]any) {
	t.Helper()
	gotDoc, err := decodeJSON(got)
	if err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, got)
	}
	data, err := os.ReadFile(wantPath)
	if err != nil {
		t.Fatal(err)
	}
	wantDoc, err := decodeJSON(data)
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"metadata"} {
		if !jsonEqual(gotDoc[key], wantDoc[key]) {
			t.Errorf("%s differs:\n got %s\nwant %s", key, show(gotDoc[key]), show(wantDoc[key]))
		}
	}
	gotShapes, _ := gotDoc["shapes"].(map[string]any)
	wantShapes, _ := wantDoc["shapes"].(map[string]any)
	if gotShapes == nil {
		gotShapes = map[string]any{}
	}
	if wantShapes == nil {
		wantShapes = map[string]any{}
	}
	normalizeShapes(gotShapes, others)
	normalizeShapes(wantShapes, others)
	for _, id := range sortedKeys(wantShapes) {
		if !jsonEqual(gotShapes[id], wantShapes[id]) {
			t.Errorf("shape %s differs:\n got %s\nwant %s", id, show(gotShapes[id]), show(wantShapes[id]))
		}
	}
	for _, id := range sortedKeys(gotShapes) {
		if _, ok := wantShapes[id]; !ok {
			t.Errorf("unexpected shape %s: %s", id, show(gotShapes[id]))
		}
	}
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func show(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
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

// loaderOnly lists the invalid cases whose error needs the assembled model
// (mixin flattening or trait validation), which the JSON loader checks.
var loaderOnly = map[string]string{
	"elision/elided-property-type-conflicts.smithy": "the resource's property and the mixin member differ in target: a mixin member conflict, found when flattening",
	"elision/elided-type-conflicts.smithy":          "the resource's identifier and the mixin member differ in target: a mixin member conflict, found when flattening",
	"mixins/member-mixin-conflict-1.smithy":         "a local member redefines a mixin member with another target: found when flattening",
}

// TestLoaderInvalid checks that every invalid Smithy loader case is
// rejected, at the reported line and column when the case gives them and
// with Smithy's message.
func TestLoaderInvalid(t *testing.T) {
	dir := filepath.Join(sharedDir(t), "smithy-loader-tests", "invalid")
	files := smithyFiles(t, dir)
	rejected := 0
	for _, path := range files {
		name, _ := filepath.Rel(dir, path)
		t.Run(name, func(t *testing.T) {
			srcs := readSources(t, path)
			first, _, _ := strings.Cut(string(srcs[0].Data), "\n")
			_, err := Convert(srcs)
			if reason, ok := loaderOnly[name]; ok {
				if err != nil {
					t.Fatalf("listed as needing the loader (%s) but rejected: %v", reason, err)
				}
				return
			}
			if err == nil {
				t.Fatalf("accepted; expected %s", first)
			}
			rejected++
			checkErrorPos(t, err, first)
		})
	}
	t.Logf("%d of %d invalid cases rejected by the parser; %d need the loader", rejected, len(files), len(loaderOnly))
}

func checkErrorPos(t *testing.T, err error, comment string) {
	t.Helper()
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("error %T is not an *Error: %v", err, err)
	}
	if want := expectedMessage(comment); !strings.Contains(e.Msg, want) {
		t.Errorf("message %q does not say %q", e.Msg, want)
	}
	m := expectedPos.FindStringSubmatch(comment)
	if m == nil {
		return
	}
	want := "line " + m[1]
	got := fmt.Sprintf("line %d", e.Line)
	if m[2] != "" {
		want += ", column " + m[2]
		got += fmt.Sprintf(", column %d", e.Col)
	}
	if got != want {
		t.Errorf("error at %s, want %s\n  error: %v\n  expected: %s", got, want, err, comment)
	}
}
