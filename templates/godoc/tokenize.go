package godoc

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

type tokenKind uint8

const (
	textToken tokenKind = iota
	startToken
	endToken
)

// A token is a piece of the documentation HTML: decoded text or a tag.
type token struct {
	kind        tokenKind
	name        string // lower-case tag name
	text        string // decoded text, or the tag as written (entities decoded)
	href        string // href attribute of a start tag
	selfClosing bool
}

// maxTag bounds the length of a tag so that scanning stays linear on
// inputs full of '<' characters that do not start a tag.
const maxTag = 2048

// tokenize splits src into tokens. It accepts any input: a '<' that does
// not start a well-formed tag, comment or declaration is text.
func tokenize(src string) []token {
	t := tokenizer{src: src}
	var out []token
	start := 0
	for t.pos < len(src) {
		i := strings.IndexByte(src[t.pos:], '<')
		if i < 0 {
			break
		}
		at := t.pos + i
		tok, end, kind := t.markup(at)
		if kind == notMarkup {
			t.pos = at + 1
			continue
		}
		out = appendText(out, src[start:at])
		if kind == tagMarkup {
			out = append(out, tok)
		} else if kind == cdataMarkup {
			out = append(out, token{kind: textToken, text: tok.text})
		}
		t.pos, start = end, end
	}
	return appendText(out, src[start:])
}

func appendText(out []token, raw string) []token {
	if raw == "" {
		return out
	}
	return append(out, token{kind: textToken, text: decodeEntities(raw)})
}

type markupKind uint8

const (
	notMarkup markupKind = iota
	tagMarkup
	skipMarkup // comment, declaration or processing instruction
	cdataMarkup
)

type tokenizer struct {
	src string
	pos int
	// Set once a terminator is known to be missing from the rest of src.
	noCommentEnd, noCDATAEnd bool
}

// markup parses the markup starting with the '<' at src[at], returning
// the token, the offset just past the markup, and what was found.
func (t *tokenizer) markup(at int) (token, int, markupKind) {
	s := t.src[at:]
	switch {
	case strings.HasPrefix(s, "<!--"):
		end := t.find(at+4, "-->", &t.noCommentEnd)
		if end < 0 {
			return token{}, 0, notMarkup
		}
		return token{}, end + 3, skipMarkup
	case strings.HasPrefix(s, "<![CDATA["):
		end := t.find(at+9, "]]>", &t.noCDATAEnd)
		if end < 0 {
			return token{}, 0, notMarkup
		}
		return token{text: t.src[at+9 : end]}, end + 3, cdataMarkup
	case strings.HasPrefix(s, "<!") || strings.HasPrefix(s, "<?"):
		end := strings.IndexByte(s[:min(len(s), maxTag)], '>')
		if end < 2 {
			return token{}, 0, notMarkup
		}
		return token{}, at + end + 1, skipMarkup
	case strings.HasPrefix(s, "</"):
		return endTag(s[:min(len(s), maxTag)], at)
	}
	return startTag(s[:min(len(s), maxTag)], at)
}

// find returns the offset of sep in src at or after from, or -1.
// A failed search sets *missing so that it is never repeated.
func (t *tokenizer) find(from int, sep string, missing *bool) int {
	if *missing {
		return -1
	}
	i := strings.Index(t.src[from:], sep)
	if i < 0 {
		*missing = true
		return -1
	}
	return from + i
}

func endTag(s string, at int) (token, int, markupKind) {
	n := nameLen(s[2:])
	if n == 0 {
		return token{}, 0, notMarkup
	}
	i := skipSpace(s, 2+n)
	if i >= len(s) || s[i] != '>' {
		return token{}, 0, notMarkup
	}
	tok := token{kind: endToken, name: strings.ToLower(s[2 : 2+n]), text: s[:i+1]}
	return tok, at + i + 1, tagMarkup
}

func startTag(s string, at int) (token, int, markupKind) {
	n := nameLen(s[1:])
	if n == 0 {
		return token{}, 0, notMarkup
	}
	tok := token{kind: startToken, name: strings.ToLower(s[1 : 1+n])}
	i := 1 + n
	for {
		j := skipSpace(s, i)
		switch {
		case j >= len(s):
			return token{}, 0, notMarkup
		case s[j] == '>':
			tok.text = decodeEntities(s[:j+1])
			return tok, at + j + 1, tagMarkup
		case s[j] == '/' && j+1 < len(s) && s[j+1] == '>':
			tok.selfClosing = true
			tok.text = decodeEntities(s[:j+2])
			return tok, at + j + 2, tagMarkup
		case s[j] == '/':
			i = j + 1
			continue
		case j == i:
			// An attribute must be separated from the name by space.
			return token{}, 0, notMarkup
		}
		name, value, next, ok := attribute(s, j)
		if !ok {
			return token{}, 0, notMarkup
		}
		if strings.EqualFold(name, "href") {
			tok.href = decodeEntities(value)
		}
		i = next
	}
}

// attribute parses name[=value] at s[i:], returning the offset after it.
func attribute(s string, i int) (name, value string, next int, ok bool) {
	start := i
	for i < len(s) && !strings.ContainsRune(" \t\n\f/>=\"'<", rune(s[i])) {
		i++
	}
	if i == start {
		return "", "", 0, false
	}
	name = s[start:i]
	j := skipSpace(s, i)
	if j >= len(s) || s[j] != '=' {
		return name, "", i, true
	}
	j = skipSpace(s, j+1)
	if j >= len(s) {
		return "", "", 0, false
	}
	if q := s[j]; q == '"' || q == '\'' {
		end := strings.IndexByte(s[j+1:], q)
		if end < 0 {
			return "", "", 0, false
		}
		return name, s[j+1 : j+1+end], j + end + 2, true
	}
	end := j
	for end < len(s) && !strings.ContainsRune(" \t\n\f>", rune(s[end])) {
		end++
	}
	if end == j {
		return "", "", 0, false
	}
	return name, s[j:end], end, true
}

// nameLen returns the length of the tag name at the start of s.
func nameLen(s string) int {
	if s == "" || !isLetter(s[0]) {
		return 0
	}
	n := 1
	for n < len(s) && (isLetter(s[n]) || '0' <= s[n] && s[n] <= '9' || strings.IndexByte("-_.:", s[n]) >= 0) {
		n++
	}
	return n
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func skipSpace(s string, i int) int {
	for i < len(s) && strings.IndexByte(" \t\n\r\f", s[i]) >= 0 {
		i++
	}
	return i
}

var entities = map[string]string{
	"amp": "&", "lt": "<", "gt": ">", "quot": `"`, "apos": "'", "nbsp": "\u00a0",
	"ndash": "–", "mdash": "—", "hellip": "…", "lsquo": "‘", "rsquo": "’",
	"ldquo": "“", "rdquo": "”", "bull": "•", "middot": "·", "times": "×",
	"copy": "©", "reg": "®", "trade": "™",
}

// decodeEntities replaces character references terminated by ';'.
// Anything else that starts with '&' is kept as written.
func decodeEntities(s string) string {
	if !strings.Contains(s, "&") {
		return s
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '&')
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		s = s[i:]
		repl, n := entity(s)
		if n == 0 {
			b.WriteByte('&')
			s = s[1:]
			continue
		}
		b.WriteString(repl)
		s = s[n:]
	}
}

// entity decodes the character reference at the start of s ("&...;"),
// returning its replacement and length, or a length of zero.
func entity(s string) (string, int) {
	end := strings.IndexByte(s[:min(len(s), 12)], ';')
	if end < 2 {
		return "", 0
	}
	body := s[1:end]
	if body[0] != '#' {
		if r, ok := entities[body]; ok {
			return r, end + 1
		}
		return "", 0
	}
	base, digits := 10, body[1:]
	if len(digits) > 0 && (digits[0] == 'x' || digits[0] == 'X') {
		base, digits = 16, digits[1:]
	}
	if digits == "" || strings.ContainsAny(digits, "+-_") {
		return "", 0
	}
	v, err := strconv.ParseUint(digits, base, 32)
	if err != nil {
		return "", 0
	}
	r := rune(v)
	if v == 0 || v > utf8.MaxRune || !utf8.ValidRune(r) {
		r = utf8.RuneError
	}
	return string(r), end + 1
}
