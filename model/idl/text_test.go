package idl

import "testing"

func TestTextBlocks(t *testing.T) {
	cases := []struct{ name, block, want string }{
		{"closing on own line", "\"\"\"\n    <div>\n        <p>Hello!</p>\n    </div>\n    \"\"\"", "<div>\n    <p>Hello!</p>\n</div>\n"},
		{"closing after content", "\"\"\"\n    <div>\n        <p>Hello!</p>\n    </div>\"\"\"", "<div>\n    <p>Hello!</p>\n</div>"},
		{"blank lines ignored", "\"\"\"\n    Foo\n        Baz\n\n  \n    Bar\n    \"\"\"", "Foo\n    Baz\n\n\nBar\n"},
		{"closing at margin", "\"\"\"\n    Foo\n        Baz\n    Bar\n\"\"\"", "    Foo\n        Baz\n    Bar\n"},
		{"closing right of content", "\"\"\"\n    Foo\n        Baz\n    Bar\n            \"\"\"", "Foo\n    Baz\nBar\n"},
		{"escapes after stripping", "\"\"\"\n  <div>\n    <p>Hi\\n    bar</p>\n  </div>\n  \"\"\"", "<div>\n  <p>Hi\n    bar</p>\n</div>\n"},
		{"quotes", "\"\"\"\n    \"hello!\"\n    \"\"\"", "\"hello!\"\n"},
		{"escaped delimiter", "\"\"\"\n    foo \\\"\"\"\n    baz\"\"\"", "foo \"\"\"\nbaz"},
		{"escaped newlines", "\"\"\"\n    Foo \\\n    Baz \\\n    Bam\"\"\"", "Foo Baz Bam"},
		{"mixed newlines", "\"\"\"\n    Foo\n    Baz \\\n    Bam\"\"\"", "Foo\nBaz Bam"},
		{"crlf", "\"\"\"\r\n    a\r\n    b\r\n    \"\"\"", "a\nb\n"},
		{"trailing spaces", "\"\"\"\n    a   \n    b\"\"\"", "a\nb"},
		{"empty", "\"\"\"\n\"\"\"", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc := convert(t, "metadata v = "+c.block+"\n")[0]
			if got := at(doc, "metadata", "v"); got != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}

func TestQuotedStrings(t *testing.T) {
	cases := []struct{ name, lit, want string }{
		{"simple escapes", `"\"\\\/\b\f\n\r\t"`, "\"\\/\b\f\n\r\t"},
		{"unicode", `"\u00e9\u00E9"`, "éé"},
		{"surrogate pair", `"\uD83D\uDE00"`, "😀"},
		{"escaped newline", "\"a\\\nb\"", "ab"},
		{"literal newlines", "\"a\r\nb\rc\"", "a\nb\nc"},
		{"utf-8", `"ü ∑ 😀"`, "ü ∑ 😀"},
		{"empty", `""`, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc := convert(t, "metadata v = "+c.lit+"\n")[0]
			if got := at(doc, "metadata", "v"); got != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}

func TestInvalidStrings(t *testing.T) {
	cases := []struct {
		name, lit string
		line, col int
	}{
		{"bad escape", `"\q"`, 1, 14},
		{"short unicode", `"\u12"`, 1, 14},
		{"bad unicode", `"\u12g4"`, 1, 14},
		{"block on same line", `"""abc"""`, 1, 14},
		{"unclosed at end of file", `"abc`, 2, 1},
		{"unclosed block at end of file", "\"\"\"\nabc", 3, 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e := convertErr(t, "metadata v = "+c.lit+"\n")
			if e.Line != c.line || e.Col != c.col {
				t.Errorf("error at %d:%d, want %d:%d: %v", e.Line, e.Col, c.line, c.col, e)
			}
		})
	}
}
