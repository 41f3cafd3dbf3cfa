package godoc

import (
	"encoding/json"
	"go/doc/comment"
	"go/format"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// maxLine is the longest line allowed unless it cannot be broken.
const maxLine = 100

// sharedDir returns the shared reference data folder: $SMITHY_SHARED, or
// ../shared next to the module root.
func sharedDir(t testing.TB) string {
	t.Helper()
	dir := os.Getenv("SMITHY_SHARED")
	if dir == "" {
		root, err := filepath.Abs(".")
		if err != nil {
			t.Fatal(err)
		}
		for {
			if _, err := os.Stat(filepath.Join(root, "go.mod")); err == nil {
				break
			}
			parent := filepath.Dir(root)
			if parent == root {
				t.Fatal("go.mod not found above the test directory")
			}
			root = parent
		}
		dir = filepath.Join(root, "..", "shared")
	}
	if _, err := os.Stat(filepath.Join(dir, "models", "smithy")); err != nil {
		t.Fatalf("shared reference data not found (set SMITHY_SHARED): %v", err)
	}
	return dir
}

// modelDocs returns every documentation trait value of the model file.
func modelDocs(t testing.TB, path string) []string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var model any
	if err := json.Unmarshal(data, &model); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	var docs []string
	collectDocs(model, &docs)
	return docs
}

func collectDocs(v any, docs *[]string) {
	switch v := v.(type) {
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			if s, ok := v[k].(string); ok && k == "smithy.api#documentation" {
				*docs = append(*docs, s)
				continue
			}
			collectDocs(v[k], docs)
		}
	case []any:
		for _, e := range v {
			collectDocs(e, docs)
		}
	}
}

// commentSource returns a Go file whose only declaration carries the lines
// as its doc comment, written the way gofmt writes comments.
func commentSource(lines []string) string {
	var b strings.Builder
	b.WriteString("package p\n\n")
	for _, line := range lines {
		switch {
		case line == "":
			b.WriteString("//\n")
		case strings.HasPrefix(line, "\t"):
			b.WriteString("//" + line + "\n")
		default:
			b.WriteString("// " + line + "\n")
		}
	}
	b.WriteString("var X int\n")
	return b.String()
}

// headingSource matches the HTML that may give a heading: a heading
// element, or emphasis that may span a whole paragraph.
var headingSource = regexp.MustCompile(`(?i)<(h[1-6]|b|strong|i|em|u)\b`)

// checkLines reports every way in which lines, the output for html, break
// the promises of Lines.
func checkLines(t testing.TB, html string, lines []string) {
	t.Helper()
	fail := func(format string, args ...any) {
		t.Helper()
		t.Errorf("input %q:\n%s\n"+format, append([]any{html, strings.Join(lines, "\n")}, args...)...)
	}
	if lines != nil && len(lines) == 0 {
		fail("empty non-nil result")
	}
	for i, line := range lines {
		switch {
		case !utf8.ValidString(line) || strings.ContainsAny(line, "\x00\ufeff\n\r"):
			fail("line %d: invalid characters", i)
		case strings.TrimRightFunc(line, unicode.IsSpace) != line:
			fail("line %d ends with space", i)
		case strings.HasPrefix(line, "//") || strings.HasPrefix(line, "/*"):
			fail("line %d starts like a comment", i)
		case line == "" && (i == 0 || i == len(lines)-1 || lines[i-1] == ""):
			fail("line %d: misplaced blank line", i)
		case utf8.RuneCountInString(line) > maxLine && !unbreakable(line):
			fail("line %d is too long", i)
		}
	}
	if len(lines) == 0 {
		return
	}
	src := commentSource(lines)
	formatted, err := format.Source([]byte(src))
	if err != nil {
		fail("format: %v", err)
		return
	}
	if string(formatted) != src {
		fail("gofmt changes the comment to:\n%s", formatted)
	}
	checkParsed(t, html, lines, fail)
}

// checkParsed checks how go doc reads the comment: headings only for
// HTML headings, emphasized paragraphs and single words, and every link
// definition used.
func checkParsed(t testing.TB, html string, lines []string, fail func(string, ...any)) {
	t.Helper()
	var p comment.Parser
	doc := p.Parse(strings.Join(lines, "\n"))
	for _, b := range doc.Content {
		h, ok := b.(*comment.Heading)
		if ok && !headingSource.MatchString(html) && strings.Contains(headingText(h), " ") {
			fail("unexpected heading")
		}
	}
	for _, def := range doc.Links {
		if !def.Used {
			fail("link definition %q is not used", def.Text)
		}
	}
}

// unbreakable reports whether a long line is a code line, a link
// definition, or a single word after any list marker or heading mark,
// possibly followed by words that must not start a line.
func unbreakable(line string) bool {
	if strings.HasPrefix(line, "\t") || isLinkDef(line) {
		return true
	}
	words := strings.Fields(line)
	if strings.HasPrefix(line, "# ") || strings.HasPrefix(line, " ") && markerKind(words[0]) != noMarker {
		words = words[1:]
	}
	for _, w := range words[1:] {
		if !mustNotStartLine(w) {
			return false
		}
	}
	return true
}

func headingText(h *comment.Heading) string {
	var b strings.Builder
	for _, t := range h.Text {
		if p, ok := t.(comment.Plain); ok {
			b.WriteString(string(p))
		}
	}
	return b.String()
}
