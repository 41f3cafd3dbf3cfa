package idl

import (
	"fmt"
	"unicode/utf8"
)

type tokKind uint8

const (
	tEOF tokKind = iota
	tError
	tSpace
	tNewline
	tComma
	tComment
	tDocComment
	tIdent
	tNumber
	tString
	tTextBlock
	tDot
	tPound
	tDollar
	tAt
	tLBrace
	tRBrace
	tLBracket
	tRBracket
	tLParen
	tRParen
	tColon
	tWalrus
	tEqual
)

// tokNames are Smithy's names of the token kinds.
var tokNames = [...]string{
	tEOF: "EOF", tError: "ERROR", tSpace: "SPACE", tNewline: "NEWLINE", tComma: "COMMA",
	tComment: "COMMENT", tDocComment: "DOC_COMMENT", tIdent: "IDENTIFIER", tNumber: "NUMBER",
	tString: "STRING", tTextBlock: "TEXT_BLOCK", tDot: "DOT", tPound: "POUND", tDollar: "DOLLAR",
	tAt: "AT", tLBrace: "LBRACE", tRBrace: "RBRACE", tLBracket: "LBRACKET", tRBracket: "RBRACKET",
	tLParen: "LPAREN", tRParen: "RPAREN", tColon: "COLON", tWalrus: "WALRUS", tEqual: "EQUAL",
}

// tokLexemes are the fixed lexemes of token kinds, as Smithy shows them.
var tokLexemes = [...]string{
	tSpace: " ", tNewline: `\n`, tComma: ",", tComment: "//", tDocComment: "///", tString: `"`,
	tTextBlock: `"""`, tDot: ".", tPound: "#", tDollar: "$", tAt: "@", tLBrace: "{", tRBrace: "}",
	tLBracket: "[", tRBracket: "]", tLParen: "(", tRParen: ")", tColon: ":", tWalrus: ":=", tEqual: "=",
}

// String names an expected token kind as Smithy does: COLON(':'), IDENTIFIER.
func (k tokKind) String() string {
	if lx := tokLexemes[k]; lx != "" {
		return tokNames[k] + "('" + lx + "')"
	}
	return tokNames[k]
}

// isWS reports whether the token is part of the WS production.
func (k tokKind) isWS() bool { return k >= tSpace && k <= tDocComment }

// token is a lexeme of src[start:end]. Error tokens carry a message and the
// position it refers to.
type token struct {
	kind       tokKind
	start, end int32
	errPos     int32
	msg        string
}

type lexer struct {
	src []byte
	off int
}

func (l *lexer) errTok(start, pos int, format string, args ...any) token {
	return token{kind: tError, start: int32(start), end: int32(len(l.src)), errPos: int32(pos), msg: fmt.Sprintf(format, args...)}
}

func (l *lexer) tok(k tokKind, start int) token {
	return token{kind: k, start: int32(start), end: int32(l.off)}
}

var punct = [128]tokKind{
	'.': tDot, '#': tPound, '$': tDollar, '@': tAt, '{': tLBrace, '}': tRBrace,
	'[': tLBracket, ']': tRBracket, '(': tLParen, ')': tRParen, '=': tEqual, ',': tComma,
}

func (l *lexer) next() token {
	src := l.src
	start := l.off
	if start >= len(src) {
		return token{kind: tEOF, start: int32(start), end: int32(start)}
	}
	c := src[start]
	switch {
	case c == ' ' || c == '\t':
		l.off++
		for l.off < len(src) && (src[l.off] == ' ' || src[l.off] == '\t') {
			l.off++
		}
		return l.tok(tSpace, start)
	case c == '\n':
		l.off++
		return l.tok(tNewline, start)
	case c == '\r':
		l.off++
		if l.off < len(src) && src[l.off] == '\n' {
			l.off++
		}
		return l.tok(tNewline, start)
	case isIdentStart(c):
		l.off++
		for l.off < len(src) && isIdentChar(src[l.off]) {
			l.off++
		}
		return l.tok(tIdent, start)
	case c == '-' || isDigit(c):
		return l.number()
	case c == '"':
		return l.quoted()
	case c == '/':
		return l.comment()
	case c == ':':
		l.off++
		if l.off < len(src) && src[l.off] == '=' {
			l.off++
			return l.tok(tWalrus, start)
		}
		return l.tok(tColon, start)
	case c < 128 && punct[c] != tEOF:
		l.off++
		return l.tok(punct[c], start)
	}
	r, _ := utf8.DecodeRune(src[start:])
	return l.errTok(start, start, "Unexpected character: '%c'", r)
}

func isIdentStart(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'
}

func isIdentChar(c byte) bool { return isIdentStart(c) || isDigit(c) }

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func (l *lexer) digits() bool {
	s := l.off
	for l.off < len(l.src) && isDigit(l.src[l.off]) {
		l.off++
	}
	return l.off > s
}

// number scans Number: [-] Int [Frac] [Exp].
func (l *lexer) number() token {
	src, start := l.src, l.off
	if src[l.off] == '-' {
		l.off++
	}
	switch {
	case l.off < len(src) && src[l.off] == '0':
		l.off++
	case !l.digits():
		return l.errTok(start, start, "Invalid number '%s': '-' must be followed by a digit", src[start:l.off])
	}
	if l.off < len(src) && src[l.off] == '.' {
		l.off++
		if !l.digits() {
			return l.errTok(start, start, "Invalid number '%s': '.' must be followed by a digit", src[start:l.off])
		}
	}
	if l.off < len(src) && (src[l.off] == 'e' || src[l.off] == 'E') {
		l.off++
		if l.off < len(src) && (src[l.off] == '+' || src[l.off] == '-') {
			l.off++
		}
		if !l.digits() {
			return l.errTok(start, start, "Invalid number '%s': 'e', '+', and '-' must be followed by a digit", src[start:l.off])
		}
	}
	return l.tok(tNumber, start)
}

// comment scans a line comment, including its newline. Three slashes that
// are the first non-blank characters of their line form a documentation
// comment.
func (l *lexer) comment() token {
	src, start := l.src, l.off
	if start+1 >= len(src) || src[start+1] != '/' {
		return l.errTok(start, start, "Unexpected character: '/'")
	}
	kind := tComment
	if start+2 < len(src) && src[start+2] == '/' && l.startsLine(start) {
		kind = tDocComment
	}
	l.off = start + 2
	for l.off < len(src) && src[l.off] != '\n' && src[l.off] != '\r' {
		l.off++
	}
	if l.off < len(src) {
		if src[l.off] == '\r' && l.off+1 < len(src) && src[l.off+1] == '\n' {
			l.off++
		}
		l.off++
	}
	return l.tok(kind, start)
}

// startsLine reports whether only spaces and tabs precede offset i on its line.
func (l *lexer) startsLine(i int) bool {
	for i--; i >= 0 && (l.src[i] == ' ' || l.src[i] == '\t'); i-- {
	}
	return i < 0 || l.src[i] == '\n' || l.src[i] == '\r'
}

// quoted scans a quoted string or a text block up to its closing quotes.
// Escapes are checked later, when the value is decoded.
func (l *lexer) quoted() token {
	src, start := l.src, l.off
	if start+2 < len(src) && src[start+1] == '"' && src[start+2] == '"' {
		return l.textBlock()
	}
	l.off++
	for l.off < len(src) {
		switch src[l.off] {
		case '\\':
			l.off += 2
			continue
		case '"':
			l.off++
			return l.tok(tString, start)
		}
		l.off++
	}
	l.off = len(src)
	return l.errTok(start, len(src), "Expected: '\"', but found '[EOF]'")
}

func (l *lexer) textBlock() token {
	src, start := l.src, l.off
	l.off += 3
	for l.off < len(src) && (src[l.off] == ' ' || src[l.off] == '\t') {
		l.off++
	}
	if l.off >= len(src) || (src[l.off] != '\n' && src[l.off] != '\r') {
		return l.errTok(start, start, "Error parsing text block: Text block must start with a new line")
	}
	for l.off < len(src) {
		switch {
		case src[l.off] == '\\':
			l.off += 2
			continue
		case src[l.off] == '"' && l.off+2 < len(src) && src[l.off+1] == '"' && src[l.off+2] == '"':
			l.off += 3
			return l.tok(tTextBlock, start)
		}
		l.off++
	}
	l.off = len(src)
	return l.errTok(start, len(src), "Expected: '\"\"\"', but found '[EOF]'")
}
