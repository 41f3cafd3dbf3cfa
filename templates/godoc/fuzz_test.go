package godoc

import (
	"slices"
	"testing"
)

func FuzzLines(f *testing.F) {
	for _, seed := range []string{
		"",
		"plain text with a < sign & an ampersand",
		"<p>Hello <b>world</b>.</p><p>Second</p>",
		`<ul><li><p><code>A</code> - first</p><ul><li>nested</li></ul></li><li>second</li></ul>`,
		`<ol><li>one</li><li>two<ol><li>inner</li></ol></li></ol><p>after</p>`,
		`<p>See <a href="https://example.com/a">the guide</a> and <a href="https://example.com/b">the guide</a>.</p>`,
		`<pre>  func main() {
	    fmt.Println("x")
	  }</pre><h2>Title</h2><dl><dt>Term</dt><dd>Definition</dd></dl>`,
		`<note><p>Format: <region>:<account-id>, <code><a><b>x</b></a></code></p></note>`,
		"<p>&amp;&lt;&gt;&quot;&#39;&#x263A;&#0;&bogus; &nbsp;'' ``</p>",
		"<p># not a heading</p><p>Valid Values</p><p>- x</p>",
		"<p>[x]: https://example.com</p><p>//go:generate x</p>",
		"<p><b><i>unbalanced</b></p></i></li></ul><ul><li>",
		"<!-- comment --><![CDATA[<raw>]]><br/><hr><img src=x>",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, html string) {
		lines := Lines(html)
		if again := Lines(html); !slices.Equal(lines, again) {
			t.Fatalf("not deterministic for %q", html)
		}
		checkLines(t, html, lines)
	})
}
