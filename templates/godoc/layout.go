package godoc

import (
	"strings"
	"unicode/utf8"
)

// maxHeading is the longest heading text kept as a heading; a heading
// cannot be wrapped, so longer ones become paragraphs.
const maxHeading = 60

// layout adjusts the block sequence to what a doc comment can express:
// go doc joins adjacent indented blocks (lists and code) into one, and a
// comment without any unindented line loses its indentation entirely.
func layout(blocks []block, hasLinks bool) []block {
	blocks = mergeAdjacent(blocks)
	for i := range blocks {
		b := &blocks[i]
		switch {
		case b.kind == codeBlock && (nextTo(blocks, i, listBlock) || isListLine(b.lines[0])):
			*b = block{kind: paragraphBlock, text: collapse(b.lines)}
		case b.kind == headingBlock && utf8.RuneCountInString(b.text) > maxHeading:
			b.kind = paragraphBlock
		case b.kind == listBlock:
			b.items = splitMarkerParagraphs(b.items, b.numbered)
		}
	}
	if !hasLinks && !hasUnindented(blocks) {
		blocks = flatten(blocks)
	}
	return blocks
}

// mergeAdjacent joins consecutive lists into one list and consecutive code
// blocks into one code block.
func mergeAdjacent(blocks []block) []block {
	var out []block
	for _, b := range blocks {
		n := len(out)
		if n > 0 && out[n-1].kind == b.kind {
			switch b.kind {
			case listBlock:
				out[n-1].items = append(out[n-1].items, b.items...)
				continue
			case codeBlock:
				out[n-1].lines = append(append(out[n-1].lines, ""), b.lines...)
				continue
			}
		}
		out = append(out, b)
	}
	return out
}

func nextTo(blocks []block, i int, kind blockKind) bool {
	return i > 0 && blocks[i-1].kind == kind || i+1 < len(blocks) && blocks[i+1].kind == kind
}

// isListLine reports whether go doc reads an indented line as the start of
// a list item.
func isListLine(line string) bool {
	words := strings.Fields(line)
	return len(words) > 1 && markerKind(words[0]) != noMarker
}

type marker uint8

const (
	noMarker marker = iota
	bulletMarker
	numberMarker
)

// markerKind reports whether the word is a list marker for go doc.
func markerKind(word string) marker {
	switch word {
	case "-", "*", "+", "•":
		return bulletMarker
	}
	digits := strings.TrimLeft(word, "0123456789")
	if len(digits) == 1 && len(word) > 1 && (digits == "." || digits == ")") {
		return numberMarker
	}
	return noMarker
}

// collapse joins code lines into paragraph text.
func collapse(lines []string) string {
	var in inline
	for _, line := range lines {
		in.write(line)
		in.write(" ")
	}
	return in.take()
}

// splitMarkerParagraphs starts a new item at every later paragraph of an
// item that begins with a marker of the list's kind, as go doc would read
// it, dropping the marker.
func splitMarkerParagraphs(items [][]string, numbered bool) [][]string {
	kind := bulletMarker
	if numbered {
		kind = numberMarker
	}
	var out [][]string
	for _, paras := range items {
		start := 0
		for j := 1; j < len(paras); j++ {
			if first, rest, ok := strings.Cut(paras[j], " "); ok && markerKind(first) == kind {
				out = append(out, paras[start:j])
				paras[j], start = rest, j
			}
		}
		out = append(out, paras[start:])
	}
	return out
}

func hasUnindented(blocks []block) bool {
	for _, b := range blocks {
		if b.kind == paragraphBlock || b.kind == headingBlock {
			return true
		}
	}
	return false
}

// flatten turns lists and code into paragraphs, each item keeping its
// marker as text.
func flatten(blocks []block) []block {
	var out []block
	for _, b := range blocks {
		switch b.kind {
		case codeBlock:
			out = append(out, block{kind: paragraphBlock, text: collapse(b.lines)})
		case listBlock:
			for i, paras := range b.items {
				for j, p := range paras {
					if j == 0 {
						p = itemMarker(b.numbered, i) + p
					}
					out = append(out, block{kind: paragraphBlock, text: p})
				}
			}
		default:
			out = append(out, b)
		}
	}
	return out
}
