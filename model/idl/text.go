package idl

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// decodeQuoted returns the value of a quoted string token's raw content (the
// bytes between the quotes): escapes expanded, newlines normalized to LF.
func decodeQuoted(raw []byte) (string, error) {
	if bytes.IndexByte(raw, '\\') < 0 && bytes.IndexByte(raw, '\r') < 0 {
		return string(raw), nil
	}
	return unescape(raw)
}

// decodeTextBlock returns the value of a text block given the content after
// the opening line and before the closing delimiter: incidental whitespace is
// removed first, then escapes are expanded.
func decodeTextBlock(raw []byte) (string, error) {
	text := normalizeNewlines(raw)
	prefix := -1
	for rest := text; ; {
		ln, tail, more := strings.Cut(rest, "\n")
		if !more || !isBlank(ln) {
			if n := leadingSpaces(ln); prefix < 0 || n < prefix {
				prefix = n
			}
		}
		if !more {
			break
		}
		rest = tail
	}
	var b strings.Builder
	b.Grow(len(text))
	for rest := text; ; {
		ln, tail, more := strings.Cut(rest, "\n")
		b.WriteString(strings.TrimRight(ln[min(prefix, leadingSpaces(ln)):], " "))
		if !more {
			break
		}
		b.WriteByte('\n')
		rest = tail
	}
	s := b.String()
	if strings.IndexByte(s, '\\') < 0 {
		return s, nil
	}
	return unescape([]byte(s))
}

func isBlank(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] != ' ' && s[i] != '\t' {
			return false
		}
	}
	return true
}

func leadingSpaces(s string) int {
	n := 0
	for n < len(s) && s[n] == ' ' {
		n++
	}
	return n
}

func normalizeNewlines(raw []byte) string {
	if bytes.IndexByte(raw, '\r') < 0 {
		return string(raw)
	}
	s := strings.ReplaceAll(string(raw), "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}

var simpleEscapes = [128]byte{'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t'}

func unescape(raw []byte) (string, error) {
	var b strings.Builder
	b.Grow(len(raw))
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		if c == '\r' {
			b.WriteByte('\n')
			if i+1 < len(raw) && raw[i+1] == '\n' {
				i++
			}
			continue
		}
		if c != '\\' {
			b.WriteByte(c)
			continue
		}
		i++
		if i >= len(raw) {
			return "", fmt.Errorf("Invalid escape found in string: `\\`")
		}
		e := raw[i]
		switch {
		case e == '\n':
		case e == '\r':
			if i+1 < len(raw) && raw[i+1] == '\n' {
				i++
			}
		case e == 'u':
			r, n, err := unicodeEscape(raw[i+1:])
			if err != nil {
				return "", err
			}
			b.WriteRune(r)
			i += n
		case e < 128 && simpleEscapes[e] != 0:
			b.WriteByte(simpleEscapes[e])
		default:
			r, _ := utf8.DecodeRune(raw[i:])
			return "", fmt.Errorf("Invalid escape found in string: `\\%c`", r)
		}
	}
	return b.String(), nil
}

// unicodeEscape reads the hex digits of \uXXXX (s starts after the "u") and
// joins a following low surrogate escape. It returns the rune and the number
// of bytes consumed.
func unicodeEscape(s []byte) (rune, int, error) {
	r, err := hex4(s)
	if err != nil {
		return 0, 0, err
	}
	if utf16.IsSurrogate(r) && len(s) >= 10 && s[4] == '\\' && s[5] == 'u' {
		if lo, err := hex4(s[6:]); err == nil {
			if joined := utf16.DecodeRune(r, lo); joined != utf8.RuneError {
				return joined, 10, nil
			}
		}
	}
	return r, 4, nil
}

func hex4(s []byte) (rune, error) {
	if len(s) < 4 {
		return 0, fmt.Errorf("Invalid unclosed unicode escape found in string")
	}
	var r rune
	for _, c := range s[:4] {
		var d byte
		switch {
		case c >= '0' && c <= '9':
			d = c - '0'
		case c >= 'a' && c <= 'f':
			d = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			d = c - 'A' + 10
		default:
			return 0, fmt.Errorf("Invalid unicode escape character: `%c`", c)
		}
		r = r<<4 | rune(d)
	}
	return r, nil
}
