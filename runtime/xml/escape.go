package xml

import "unicode/utf8"

// appendEscaped appends s escaped as element text, or as an attribute value
// between double quotes. Characters XML cannot hold, and invalid UTF-8,
// become U+FFFD. Carriage returns, and in attributes tabs and newlines, are
// written as references so that they survive end-of-line and attribute
// value normalization.
func appendEscaped(b []byte, s string, attr bool) []byte {
	last := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf && !escapeByte[c] {
			i++
			continue
		}
		var esc string
		n := 1
		switch c {
		case '&':
			esc = "&amp;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '"':
			esc = "&quot;"
			if !attr {
				i++
				continue
			}
		case '\r':
			esc = "&#xD;"
		case '\n', '\t':
			if !attr {
				i++
				continue
			}
			esc = "&#xA;"
			if c == '\t' {
				esc = "&#x9;"
			}
		default:
			var r rune
			r, n = utf8.DecodeRuneInString(s[i:])
			if isChar(r, n) {
				i += n
				continue
			}
			esc = "\uFFFD"
		}
		b = append(b, s[last:i]...)
		b = append(b, esc...)
		i += n
		last = i
	}
	return append(b, s[last:]...)
}

// escapeByte holds the ASCII bytes appendEscaped looks at.
var escapeByte [utf8.RuneSelf]bool

func init() {
	for c := range 0x20 {
		escapeByte[c] = true
	}
	for _, c := range "&<>\"" {
		escapeByte[c] = true
	}
}
