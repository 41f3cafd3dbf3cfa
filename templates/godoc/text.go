package godoc

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// inline accumulates the text of a paragraph with whitespace collapsed.
type inline struct {
	buf   []byte
	space bool // whitespace is pending before the next word
}

func (in *inline) write(s string) {
	for _, r := range s {
		switch {
		case r == '\ufeff':
			// A byte order mark is not allowed inside Go source.
		case isSpace(r):
			in.space = true
		default:
			if in.space && len(in.buf) > 0 {
				in.buf = append(in.buf, ' ')
			}
			in.space = false
			in.buf = utf8.AppendRune(in.buf, r)
		}
	}
}

// take returns the collected text and resets in.
func (in *inline) take() string {
	s := string(in.buf)
	in.buf, in.space = in.buf[:0], false
	return s
}

// isSpace reports whether r separates words. Control characters count as
// space so that they never reach the generated source.
func isSpace(r rune) bool {
	return unicode.IsSpace(r) || unicode.IsControl(r)
}

// codeLines splits preformatted text into lines without trailing space,
// leading, trailing or repeated blank lines, or common indentation.
func codeLines(text string) []string {
	var lines []string
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimRight(strings.Map(codeRune, line), " \t")
		if line != "" || len(lines) > 0 && lines[len(lines)-1] != "" {
			lines = append(lines, line)
		}
	}
	if n := len(lines); n > 0 && lines[n-1] == "" {
		lines = lines[:n-1]
	}
	if len(lines) == 0 {
		return nil
	}
	prefix := leadingSpace(lines[0])
	for _, line := range lines[1:] {
		if line != "" {
			prefix = commonPrefix(prefix, leadingSpace(line))
		}
	}
	for i, line := range lines {
		lines[i] = strings.TrimPrefix(line, prefix)
	}
	return lines
}

func codeRune(r rune) rune {
	switch {
	case r == '\t':
		return r
	case r == '\ufeff':
		return -1
	case isSpace(r):
		return ' '
	}
	return r
}

func leadingSpace(s string) string {
	return s[:len(s)-len(strings.TrimLeft(s, " \t"))]
}

func commonPrefix(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	return a[:i]
}

// fixQuotes replaces each pair “ or ” by a plain double quote: gofmt
// turns such pairs into typographic quotes, but not inside every run of
// backquotes, so no pair is left at all.
func fixQuotes(s string) string {
	if !strings.Contains(s, "''") && !strings.Contains(s, "``") {
		return s
	}
	return quotePairs.Replace(s)
}

var quotePairs = strings.NewReplacer("``", `"`, "''", `"`)

// Bytes that enclose the text of a link in the text of a paragraph until
// the paragraph is complete. Control characters never come from the input.
const (
	linkStart = '\x01'
	linkEnd   = '\x02'
)

// writeLink writes the text of a link whose URL is resolved later.
func (in *inline) writeLink(text string) {
	if in.space && len(in.buf) > 0 {
		in.buf = append(in.buf, ' ')
	}
	in.space = false
	in.buf = append(in.buf, linkStart)
	in.buf = append(in.buf, text...)
	in.buf = append(in.buf, linkEnd)
}

// links collects the link definitions of one comment, in order of use.
type links struct {
	defs  []linkDef
	index map[string]string // text → URL
}

type linkDef struct{ text, url string }

// resolve replaces the links written by writeLink in the text of a
// paragraph, whose URLs are urls in order, by their doc comment form.
func (l *links) resolve(text string, urls []string) string {
	var b strings.Builder
	open := false // go doc has seen a '[' that no ']' has closed
	for len(urls) > 0 {
		before, rest, ok := strings.Cut(text, string(linkStart))
		if !ok {
			break
		}
		link, after, _ := strings.Cut(rest, string(linkEnd))
		open = bracketOpen(open, before)
		out := l.link(fixQuotes(link), urls[0], open)
		open = bracketOpen(open, out)
		b.WriteString(before)
		b.WriteString(out)
		text, urls = after, urls[1:]
	}
	b.WriteString(text)
	return b.String()
}

// link returns "[text]" with a link definition, or the text followed by the
// URL in parentheses where go doc would not find the definition: when a
// '[' precedes, when the text holds brackets, or when the text is already
// defined with another URL.
func (l *links) link(text, url string, open bool) string {
	if defined, ok := l.index[text]; !open && !strings.ContainsAny(text, "[]") && (!ok || defined == url) {
		if !ok {
			if l.index == nil {
				l.index = map[string]string{}
			}
			l.index[text] = url
			l.defs = append(l.defs, linkDef{text: text, url: url})
		}
		return "[" + text + "]"
	}
	return text + " (" + url + ")"
}

// bracketOpen reports whether a '[' is left unclosed after s, given
// whether one was before s.
func bracketOpen(open bool, s string) bool {
	i, j := strings.LastIndexByte(s, '['), strings.LastIndexByte(s, ']')
	if i < 0 && j < 0 {
		return open
	}
	return i > j
}

// cleanURL trims href and percent-encodes the space inside it.
func cleanURL(href string) string {
	href = strings.TrimFunc(href, isSpace)
	if !strings.ContainsFunc(href, isSpace) && !strings.ContainsRune(href, '\ufeff') {
		return href
	}
	var b strings.Builder
	for _, r := range href {
		switch {
		case r == '\ufeff':
		case isSpace(r):
			b.WriteString("%20")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isLinkURL reports whether go doc accepts url in a link definition.
func isLinkURL(url string) bool {
	scheme, rest, ok := strings.Cut(url, "://")
	return ok && rest != "" && isScheme(scheme)
}

// isScheme reports whether go doc recognises the URL scheme.
func isScheme(scheme string) bool {
	switch scheme {
	case "http", "https", "ftp", "file", "gopher", "mailto", "nntp":
		return true
	}
	return false
}
