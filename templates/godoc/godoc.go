// Package godoc converts the HTML of Smithy documentation traits into Go
// doc comments.
//
// The output uses the Go doc comment syntax: paragraphs separated by blank
// lines, lists, code blocks indented by a tab, headings, and links written
// as [text] with their definitions at the end. Doc comment lists have a
// single level, so the items of a nested list become paragraphs of the
// enclosing item, marked "–" or "(n)"; definition lists become lists of
// terms. Lines are laid out so that go doc reads them as intended and gofmt
// leaves them unchanged: no line starts a list item or a comment by
// accident, and a one-line paragraph becomes a heading only when it is all
// in bold or italics, or a single word.
//
// Tags inside <code>, and unknown tags that are never closed, such as the
// placeholder in arn:aws:s3:::<bucket-name>, are kept as text.
package godoc

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// lineWidth is the width of wrapped text, leaving room for the "// " prefix
// within 80 columns.
const lineWidth = 77

// Lines converts documentation HTML into the lines of a Go doc comment
// (without the "// " prefix), wrapped at about 80 columns, with blank lines
// between paragraphs. It returns nil for documentation without text.
//
// Written as gofmt writes comments, "//" for a blank line, "//" followed
// directly by a code line (which starts with a tab) and "// " followed by
// any other line, the comment is already in gofmt's form.
func Lines(html string) []string {
	html = strings.ToValidUTF8(html, "\uFFFD")
	html = strings.NewReplacer("\r\n", "\n", "\r", "\n", "\x00", "\uFFFD").Replace(html)
	b := build(tokenize(html))
	blocks := layout(b.blocks, len(b.links.defs) > 0)
	if len(blocks) == 0 {
		return nil
	}
	var out []string
	for i := range blocks {
		if i > 0 {
			out = append(out, "")
		}
		out = append(out, renderBlock(blocks, i, len(b.links.defs) > 0)...)
	}
	if len(b.links.defs) > 0 {
		out = append(out, "")
		for _, d := range b.links.defs {
			out = append(out, "["+d.text+"]: "+d.url)
		}
	}
	return out
}

func renderBlock(blocks []block, i int, hasLinks bool) []string {
	b := blocks[i]
	switch b.kind {
	case headingBlock:
		return []string{"# " + fixQuotes(b.text)}
	case codeBlock:
		lines := make([]string, len(b.lines))
		for i, line := range b.lines {
			if line != "" {
				lines[i] = "\t" + line
			}
		}
		return lines
	case listBlock:
		return renderList(b)
	}
	lines := wrap(fixQuotes(b.text), "", "")
	if len(lines) == 1 {
		lines = avoidHeading(lines[0], blocks, i, hasLinks)
	}
	return guardCommentStart(lines)
}

// avoidHeading handles a one-line paragraph that go doc would read as a
// heading: "# text", or an old-style heading, a short capitalised line
// without punctuation between two unindented blocks. A paragraph all in
// bold or italics, or of a single word, is meant as a heading and becomes
// an explicit one; any other is broken before its last word.
func avoidHeading(line string, blocks []block, i int, hasLinks bool) []string {
	if strings.HasPrefix(line, "# ") {
		return splitLast(line)
	}
	followed := hasLinks
	if i+1 < len(blocks) {
		next := blocks[i+1].kind
		followed = next == paragraphBlock || next == headingBlock
	}
	if i == 0 || !followed || !isOldHeading(line) {
		return []string{line}
	}
	if blocks[i].emphasis || !strings.Contains(line, " ") {
		return []string{"# " + line}
	}
	return splitLast(line)
}

// isOldHeading implements the text rules of go doc's old-style headings.
func isOldHeading(line string) bool {
	first, _ := utf8.DecodeRuneInString(line)
	last, _ := utf8.DecodeLastRuneInString(line)
	if !unicode.IsLetter(first) || !unicode.IsUpper(first) || !unicode.IsLetter(last) && !unicode.IsDigit(last) {
		return false
	}
	if strings.ContainsAny(line, ";:!?+*/=[]{}_^°&§~%#@<\">\\") {
		return false
	}
	for rest := line; ; { // "'" only in "'s"
		var ok bool
		if _, rest, ok = strings.Cut(rest, "'"); !ok {
			break
		}
		if rest != "s" && !strings.HasPrefix(rest, "s ") {
			return false
		}
	}
	for rest := line; ; { // "." only followed by a non-space
		var ok bool
		if _, rest, ok = strings.Cut(rest, "."); !ok {
			break
		}
		if rest == "" || strings.HasPrefix(rest, " ") {
			return false
		}
	}
	return true
}

// splitLast breaks a line before its last word.
func splitLast(line string) []string {
	i := strings.LastIndexByte(line, ' ')
	if i < 0 {
		return []string{line}
	}
	return []string{line[:i], line[i+1:]}
}

func startsComment(s string) bool {
	return strings.HasPrefix(s, "//") || strings.HasPrefix(s, "/*")
}

// guardCommentStart puts a word starting a line with "//" or "/*", up to
// any '[' that may start a link, in backquotes: written out by tools that
// take such a line as a complete comment, it would otherwise be a
// directive or open a block comment.
func guardCommentStart(lines []string) []string {
	for i, line := range lines {
		if !startsComment(line) {
			continue
		}
		n := strings.IndexAny(line, " [")
		if n < 0 {
			n = len(line)
		}
		lines[i] = fixQuotes("`"+line[:n]+"`") + line[n:]
	}
	return lines
}

func renderList(b block) []string {
	loose := false
	for _, paras := range b.items {
		loose = loose || len(paras) > 1
	}
	var out []string
	for i, paras := range b.items {
		if i > 0 && loose {
			out = append(out, "")
		}
		for j, p := range paras {
			first := "    "
			if j == 0 {
				first = " " + itemMarker(b.numbered, i)
				if !b.numbered {
					first = " " + first
				}
			} else {
				out = append(out, "")
			}
			out = append(out, wrap(fixQuotes(p), first, "    ")...)
		}
	}
	return out
}

// itemMarker returns the marker of item i, followed by a space.
func itemMarker(numbered bool, i int) string {
	if numbered {
		return strconv.Itoa(i+1) + ". "
	}
	return "- "
}
