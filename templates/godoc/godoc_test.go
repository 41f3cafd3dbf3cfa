package godoc

import (
	"slices"
	"strings"
	"testing"
)

var linesTests = []struct {
	name string
	html string
	want []string
}{
	{"empty", "", nil},
	{"only markup and space", "<p> \n\t</p><ul><li></li></ul><br/>", nil},
	{"plain text", "Hello   world,\n\tagain.", []string{"Hello world, again."}},
	{"literal less-than", "a < b, 1<2, x <= y and <3", []string{"a < b, 1<2, x <= y and <3"}},
	{
		"entities",
		"&amp; &lt;b&gt; &quot;q&quot; &#39;s &#x41;&#66; &bogus; AT&T &#0; &nbsp;x",
		[]string{`& <b> "q" 's AB &bogus; AT&T ` + "\uFFFD x"},
	},
	{"paragraphs", "<p>One.</p>\n  <p>Two.</p>", []string{"One.", "", "Two."}},
	{"line breaks", "a<br>b<br/>c", []string{"a", "", "b", "", "c"}},
	{
		"inline markup dropped",
		"<p>Use <code>Foo</code> with <i>care</i>, <b>bold</b> <em>x</em><strong>y</strong><span>z</span>.</p>",
		[]string{"Use Foo with care, bold xyz."},
	},
	{
		"wrapping",
		"<p>" + strings.Repeat("word ", 20) + "https://example.com/" + strings.Repeat("x", 80) + " end</p>",
		[]string{
			strings.TrimSpace(strings.Repeat("word ", 15)),
			strings.TrimSpace(strings.Repeat("word ", 5)),
			"https://example.com/" + strings.Repeat("x", 80),
			"end",
		},
	},
	{
		"bullet list",
		"<p>Values:</p><ul><li>A</li><li><p>B</p></li></ul>",
		[]string{"Values:", "", "  - A", "  - B"},
	},
	{
		"numbered list",
		"<ol><li>first</li><li>second</li></ol><p>x</p>",
		[]string{" 1. first", " 2. second", "", "x"},
	},
	{
		"nested lists",
		"<p>Levels:</p><ul><li>A<ul><li>a1</li><li>a2</li></ul></li><li>B<ol><li>b1</li></ol></li></ul>",
		[]string{"Levels:", "", "  - A", "", "    – a1", "", "    – a2", "", "  - B", "", "    (1) b1"},
	},
	{
		"list item wrapping keeps markers off line starts",
		"<p>States:</p><ul><li><p><code>ACTIVE</code> " + strings.Repeat("a", 66) + " - the resource is ready</p></li></ul>",
		[]string{"States:", "", "  - ACTIVE", "    " + strings.Repeat("a", 66) + " - the", "    resource is ready"},
	},
	{
		"links",
		`<p>See <a href="https://e.com/a">the  guide</a>, <a href="https://e.com/b">https://e.com/b</a>, ` +
			`<a href="https://e.com/a">the guide</a> again, <a href="https://e.com/c">the guide</a>, ` +
			`<a href="Relative.html">relative</a> and <a href=" https://e.com/d x ">[1]</a>.</p>`,
		[]string{
			"See [the guide], https://e.com/b, [the guide] again, the guide",
			"(https://e.com/c), relative and [1] (https://e.com/d%20x).",
			"",
			"[the guide]: https://e.com/a",
		},
	},
	{
		"code block",
		"<p>Example:</p><pre>\n  {\n    \"a\": 1\n \n\n  }\n\n</pre><p>Done.</p>",
		[]string{"Example:", "", "\t{", "\t  \"a\": 1", "", "\t}", "", "Done."},
	},
	{
		"code in a list item",
		"<p>x</p><ul><li>Run:<pre>a\n  b</pre></li></ul>",
		[]string{"x", "", "  - Run:", "", "    a b"},
	},
	{
		"definition list",
		"<p>States:</p><dl><dt>ACTIVE</dt><dd><p>Running.</p></dd><dt>FAILED</dt><dd>Stopped.</dd></dl>",
		[]string{"States:", "", "  - ACTIVE", "", "    Running.", "", "  - FAILED", "", "    Stopped."},
	},
	{
		"headings",
		"<h2>Title</h2><p>Body</p><ul><li><h3>In a list</h3></li></ul>",
		[]string{"# Title", "", "Body", "", "  - In a list"},
	},
	{
		"notes",
		"<note><p>Careful.</p></note><important>Really.</important>",
		[]string{"Careful.", "", "Really."},
	},
	{
		"placeholders and unknown tags",
		"<p>arn:aws:s3:::<bucket-name>/<key> in <replaceable>region</replaceable>, " +
			"<code><Grantee><ID>x</ID></Grantee></code>, <folder name>/<janedoe@example.com></p>",
		[]string{
			"arn:aws:s3:::<bucket-name>/<key> in region, <Grantee><ID>x</ID></Grantee>,",
			"<folder name>/<janedoe@example.com>",
		},
	},
	{
		"malformed markup",
		"<p><b>unclosed <i>tags</ul></li></pre></a><p>next <a href='x",
		[]string{"unclosed tags", "", "next <a href='x"},
	},
	{
		"one-line paragraphs that go doc reads as headings",
		"<p>Intro.</p><p>Valid Values</p><p>Body.</p><p><b>Permissions and roles</b></p>" +
			"<p>Body.</p><p>Examples</p><p>Body.</p>",
		[]string{
			"Intro.", "", "Valid", "Values", "", "Body.", "", "# Permissions and roles", "",
			"Body.", "", "# Examples", "", "Body.",
		},
	},
	{"hash line", "<p># of items</p>", []string{"# of", "items"}},
	{"quote pairs", "<p>Use '' for empty, ``x``.</p>", []string{`Use " for empty, "x".`}},
	{
		"comment markers",
		"<p>//go:generate stuff</p><p>" + strings.Repeat("b", 72) + " end /* more</p>",
		[]string{"`//go:generate` stuff", "", strings.Repeat("b", 72), "end /* more"},
	},
	{"link definition text", "<p>[x]: https://example.com</p>", []string{"[x]:", "https://example.com"}},
	{"list only", "<ul><li>A</li><li>B</li></ul>", []string{"- A", "", "- B"}},
	{"code only", "<pre>x  y\nz</pre>", []string{"x y z"}},
	{
		"code next to a list",
		"<p>a</p><ul><li>x</li></ul><pre>y  z</pre>",
		[]string{"a", "", "  - x", "", "y z"},
	},
	{"code looking like a list", "<p>a</p><pre>- x\n- y</pre>", []string{"a", "", "- x - y"}},
	{
		"adjacent lists",
		"<p>a</p><ul><li>x</li></ul><ol><li>y</li></ol>",
		[]string{"a", "", "  - x", "  - y"},
	},
	{
		"item paragraph starting with a marker",
		"<p>x</p><ul><li><p>A</p><p>- B</p></li><li><p>C</p><p>1. D</p></li></ul>",
		[]string{"x", "", "  - A", "", "  - B", "", "  - C", "", "    1. D"},
	},
	{"control characters", "a\x00b\x01c\ufeffd\xff\r\ne", []string{"a\uFFFDb cd\uFFFD e"}},
	{"comments and CDATA", "a<!-- hidden -->b <![CDATA[<c>]]> <!DOCTYPE html>", []string{"ab <c>"}},
	{"empty items", "<p>x</p><ul><li></li><li>A</li></ul>", []string{"x", "", "  - A"}},
	{"unterminated comment", "a <!-- b", []string{"a <!-- b"}},
	{
		"link after an unclosed bracket",
		"<p>[a <a href='https://e.com'>x</a> [b] <a href='https://e.com'>x</a></p><p><a href='https://e.com'>x</a></p>",
		[]string{"[a x (https://e.com) [b] [x]", "", "[x]", "", "[x]: https://e.com"},
	},
	{
		"link variants",
		`<a name="x">anchor</a>, <a href="mailto:x@y.com">mail</a>, <a href="https://e.com"></a>, ` +
			`<A HREF='https://e.com/x'>X</A>`,
		[]string{"anchor, mail, https://e.com, [X]", "", "[X]: https://e.com/x"},
	},
	{
		"ten items",
		"<p>Steps:</p><ol>" + strings.Repeat("<li>step</li>", 9) + "<li>" + strings.Repeat("last ", 16) + "</li></ol>",
		[]string{
			"Steps:", "", " 1. step", " 2. step", " 3. step", " 4. step", " 5. step", " 6. step",
			" 7. step", " 8. step", " 9. step", " 10. " + strings.TrimSpace(strings.Repeat("last ", 14)),
			"    last last",
		},
	},
	{
		"one-line paragraph before a list",
		"<p>Intro.</p><p>Valid Values</p><ul><li>a</li></ul>",
		[]string{"Intro.", "", "Valid Values", "", "  - a"},
	},
	{
		"one-line paragraph before link definitions",
		"<p>Intro <a href='https://e.com'>x</a>.</p><p>Valid Values</p>",
		[]string{"Intro [x].", "", "Valid", "Values", "", "[x]: https://e.com"},
	},
	{
		"long heading",
		"<h1>" + strings.Repeat("Long ", 13) + "</h1><p>Body</p>",
		[]string{strings.TrimSpace(strings.Repeat("Long ", 13)), "", "Body"},
	},
}

func TestLines(t *testing.T) {
	for _, tt := range linesTests {
		t.Run(tt.name, func(t *testing.T) {
			got := Lines(tt.html)
			if !slices.Equal(got, tt.want) {
				t.Errorf("Lines(%q) =\n%q\nwant\n%q", tt.html, got, tt.want)
			}
			checkLines(t, tt.html, got)
		})
	}
}
