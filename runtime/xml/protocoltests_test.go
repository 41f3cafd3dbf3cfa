package xml

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// xmlBody matches a body of a protocol test case followed by the XML media
// type, in Smithy IDL: body: """…""" then bodyMediaType: "application/xml".
var xmlBody = regexp.MustCompile(`(?s)body:\s*"""\n(.*?)"""\s*bodyMediaType:\s*"application/xml"`)

// TestProtocolTestBodies decodes every XML body of Smithy's restXml,
// awsQuery and ec2Query protocol tests and checks that it reads as
// encoding/xml reads it.
func TestProtocolTestBodies(t *testing.T) {
	shared := os.Getenv("SMITHY_SHARED")
	if shared == "" {
		shared = filepath.Join("..", "..", "..", "shared")
	}
	var files []string
	for _, dir := range []string{"restXml", "restXml/services", "restXmlWithNamespace", "awsQuery", "ec2Query"} {
		m, err := filepath.Glob(filepath.Join(shared, "protocol-tests", dir, "*.smithy"))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	if len(files) == 0 {
		t.Fatalf("no protocol tests under %s (set SMITHY_SHARED)", shared)
	}
	n := 0
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range xmlBody.FindAllSubmatch(src, -1) {
			body := []byte(unindent(string(m[1])))
			n++
			if err := walk(NewDecoder(body)); err != nil {
				t.Errorf("%s: %v\n%s", filepath.Base(f), err, body)
				continue
			}
			tree, ok := stdTree(body)
			if !ok {
				continue // an empty body
			}
			d := NewDecoder(body)
			d.Root()
			if err := compare(t, d, tree); err != nil {
				t.Errorf("%s: %v\n%s", filepath.Base(f), err, body)
			}
		}
	}
	if n < 100 {
		t.Errorf("found only %d XML bodies", n)
	}
}

// unindent removes the indentation of a Smithy text block and unescapes it.
func unindent(s string) string {
	lines := strings.Split(s, "\n")
	indent := -1
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			continue
		}
		if k := len(l) - len(strings.TrimLeft(l, " ")); indent < 0 || k < indent {
			indent = k
		}
	}
	for i, l := range lines {
		if len(l) >= indent && indent > 0 {
			lines[i] = l[indent:]
		}
	}
	return strings.NewReplacer(`\"`, `"`, `\\`, `\`).Replace(strings.Join(lines, "\n"))
}
