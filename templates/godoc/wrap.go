package godoc

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// wrap breaks text into lines of at most lineWidth columns, the first
// starting with first and the others with rest. A word that go doc would
// misread at the start of a line stays on the line before, even if that
// makes the line longer; so does a word longer than the width. If go doc
// would take all the lines for link definitions, the first line is broken
// right after its "]:".
func wrap(text, first, rest string) []string {
	units := wrapUnits(strings.Split(text, " "))
	lines := pack(units, first, rest, -1)
	if allLinkDefs(lines, first, rest) {
		for i, u := range units {
			if slices.ContainsFunc(u, func(w string) bool { return strings.Contains(w, "]:") }) {
				lines = pack(units, first, rest, i)
				break
			}
		}
	}
	return lines
}

// wrapUnits groups words into units that must stay on one line: each word
// that must not start a line joins the unit before it.
func wrapUnits(words []string) [][]string {
	var units [][]string
	start := 0
	for i, w := range words {
		if i > 0 && !mustNotStartLine(w) {
			units = append(units, words[start:i])
			start = i
		}
	}
	return append(units, words[start:])
}

// mustNotStartLine reports whether a line starting with word could be read
// as a list item, or as a comment of its own.
func mustNotStartLine(word string) bool {
	return markerKind(word) != noMarker || startsComment(word)
}

// pack fills lines greedily with units, breaking after units[breakAfter].
func pack(units [][]string, first, rest string, breakAfter int) []string {
	var lines []string
	var line strings.Builder
	line.WriteString(first)
	width, empty := utf8.RuneCountInString(first), true
	newLine := func() {
		lines = append(lines, line.String())
		line.Reset()
		line.WriteString(rest)
		width, empty = utf8.RuneCountInString(rest), true
	}
	for i, u := range units {
		n := len(u) - 1
		for _, w := range u {
			n += utf8.RuneCountInString(w)
		}
		if !empty && width+1+n > lineWidth {
			newLine()
		}
		if !empty {
			line.WriteByte(' ')
			width++
		}
		line.WriteString(strings.Join(u, " "))
		width += n
		empty = false
		if i == breakAfter && i+1 < len(units) {
			newLine()
		}
	}
	return append(lines, line.String())
}

// allLinkDefs reports whether go doc would read every line as a link
// definition "[text]: url", dropping the paragraph.
func allLinkDefs(lines []string, first, rest string) bool {
	for i, line := range lines {
		prefix := rest
		if i == 0 {
			prefix = first
		}
		if !isLinkDef(strings.TrimPrefix(line, prefix)) {
			return false
		}
	}
	return true
}

func isLinkDef(line string) bool {
	if !strings.HasPrefix(line, "[") {
		return false
	}
	i := strings.Index(line, "]:")
	if i < 0 || i+3 >= len(line) || line[i+2] != ' ' && line[i+2] != '\t' {
		return false
	}
	scheme, _, ok := strings.Cut(strings.TrimSpace(line[i+3:]), "://")
	return ok && isScheme(scheme)
}
