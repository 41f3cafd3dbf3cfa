// Package jmespath parses JMESPath expressions (https://jmespath.org) into a
// syntax tree. It does not evaluate them: code generators walk the tree.
//
// The grammar is JMESPath's: identifiers, sub-expressions, index and slice
// expressions, list, object, filter and flatten projections, multi-select
// lists and hashes, pipes, or, and, not, comparators, the current node,
// literals, raw strings, functions and expression references.
package jmespath

import (
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf8"
)

// SyntaxError is an expression that does not parse.
type SyntaxError struct {
	Expr   string
	Offset int // byte offset of the problem in Expr
	Msg    string
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("syntax error at offset %d of %q: %s", e.Offset, e.Expr, e.Msg)
}

type tokenKind uint8

const (
	tEOF tokenKind = iota
	tUnquoted
	tQuoted
	tNumber
	tRawString
	tLiteral
	tDot
	tStar
	tFlatten // []
	tFilter  // [?
	tLbracket
	tRbracket
	tLbrace
	tRbrace
	tLparen
	tRparen
	tComma
	tColon
	tPipe
	tOr
	tAnd
	tExpref // &
	tNot
	tCurrent
	tEQ
	tNE
	tLT
	tLE
	tGT
	tGE
)

var tokenNames = [...]string{
	tEOF: "end of expression", tUnquoted: "identifier", tQuoted: "quoted identifier",
	tNumber: "number", tRawString: "raw string", tLiteral: "literal", tDot: `"."`,
	tStar: `"*"`, tFlatten: `"[]"`, tFilter: `"[?"`, tLbracket: `"["`, tRbracket: `"]"`,
	tLbrace: `"{"`, tRbrace: `"}"`, tLparen: `"("`, tRparen: `")"`, tComma: `","`,
	tColon: `":"`, tPipe: `"|"`, tOr: `"||"`, tAnd: `"&&"`, tExpref: `"&"`, tNot: `"!"`,
	tCurrent: `"@"`, tEQ: `"=="`, tNE: `"!="`, tLT: `"<"`, tLE: `"<="`, tGT: `">"`, tGE: `">="`,
}

func (k tokenKind) String() string { return tokenNames[k] }

type token struct {
	kind  tokenKind
	text  string // identifier name, raw string value, number digits
	value any    // tLiteral: the decoded JSON value
	pos   int
}

// lex splits an expression into tokens, ending with tEOF.
func lex(expr string) ([]token, error) {
	l := &lexer{src: expr}
	for {
		t, err := l.next()
		if err != nil {
			return nil, err
		}
		l.toks = append(l.toks, t)
		if t.kind == tEOF {
			return l.toks, nil
		}
	}
}

type lexer struct {
	src  string
	pos  int
	toks []token
}

func (l *lexer) errorf(pos int, format string, args ...any) error {
	return &SyntaxError{Expr: l.src, Offset: pos, Msg: fmt.Sprintf(format, args...)}
}

var simpleTokens = map[byte]tokenKind{
	'.': tDot, '*': tStar, ']': tRbracket, '{': tLbrace, '}': tRbrace, '(': tLparen,
	')': tRparen, ',': tComma, ':': tColon, '@': tCurrent,
}

func (l *lexer) next() (token, error) {
	for l.pos < len(l.src) && strings.IndexByte(" \t\n\r", l.src[l.pos]) >= 0 {
		l.pos++
	}
	start := l.pos
	if start == len(l.src) {
		return token{kind: tEOF, pos: start}, nil
	}
	c := l.src[start]
	if k, ok := simpleTokens[c]; ok {
		l.pos++
		return token{kind: k, pos: start}, nil
	}
	switch {
	case isIdentStart(c):
		for l.pos < len(l.src) && isIdentPart(l.src[l.pos]) {
			l.pos++
		}
		return token{kind: tUnquoted, text: l.src[start:l.pos], pos: start}, nil
	case c == '-' || c >= '0' && c <= '9':
		l.pos++
		for l.pos < len(l.src) && l.src[l.pos] >= '0' && l.src[l.pos] <= '9' {
			l.pos++
		}
		if l.src[start:l.pos] == "-" {
			return token{}, l.errorf(start, "%q must be followed by digits", "-")
		}
		return token{kind: tNumber, text: l.src[start:l.pos], pos: start}, nil
	case c == '[':
		l.pos++
		if l.pos < len(l.src) {
			switch l.src[l.pos] {
			case ']':
				l.pos++
				return token{kind: tFlatten, pos: start}, nil
			case '?':
				l.pos++
				return token{kind: tFilter, pos: start}, nil
			}
		}
		return token{kind: tLbracket, pos: start}, nil
	case c == '"':
		return l.quoted()
	case c == '\'':
		return l.rawString()
	case c == '`':
		return l.literal()
	}
	two := func(second byte, with, without tokenKind) (token, error) {
		l.pos++
		if l.pos < len(l.src) && l.src[l.pos] == second {
			l.pos++
			return token{kind: with, pos: start}, nil
		}
		return token{kind: without, pos: start}, nil
	}
	switch c {
	case '|':
		return two('|', tOr, tPipe)
	case '&':
		return two('&', tAnd, tExpref)
	case '!':
		return two('=', tNE, tNot)
	case '<':
		return two('=', tLE, tLT)
	case '>':
		return two('=', tGE, tGT)
	case '=':
		if t, _ := two('=', tEQ, tEOF); t.kind == tEQ {
			return t, nil
		}
		return token{}, l.errorf(start, "%q must be %q", "=", "==")
	}
	r, _ := utf8.DecodeRuneInString(l.src[start:])
	return token{}, l.errorf(start, "unexpected character %q", r)
}

func isIdentStart(c byte) bool { return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func isIdentPart(c byte) bool  { return isIdentStart(c) || c >= '0' && c <= '9' }

// delimited returns the text up to the closing delimiter d, skipping
// backslash escapes, and moves past it.
func (l *lexer) delimited(d byte) (string, error) {
	start := l.pos
	l.pos++
	for l.pos < len(l.src) {
		switch l.src[l.pos] {
		case '\\':
			l.pos += 2
			continue
		case d:
			l.pos++
			return l.src[start+1 : l.pos-1], nil
		}
		l.pos++
	}
	l.pos = len(l.src)
	return "", l.errorf(start, "unterminated %c", d)
}

// quoted lexes a quoted identifier, a JSON string.
func (l *lexer) quoted() (token, error) {
	start := l.pos
	body, err := l.delimited('"')
	if err != nil {
		return token{}, err
	}
	var s string
	if err := json.Unmarshal([]byte(`"`+body+`"`), &s); err != nil {
		return token{}, l.errorf(start, "invalid quoted identifier %q", `"`+body+`"`)
	}
	return token{kind: tQuoted, text: s, pos: start}, nil
}

// rawString lexes a raw string literal: \' stands for ' and \\ for \; other
// backslashes are kept.
func (l *lexer) rawString() (token, error) {
	start := l.pos
	body, err := l.delimited('\'')
	if err != nil {
		return token{}, err
	}
	var b strings.Builder
	for i := 0; i < len(body); i++ {
		if body[i] == '\\' && i+1 < len(body) && (body[i+1] == '\'' || body[i+1] == '\\') {
			i++
		}
		b.WriteByte(body[i])
	}
	return token{kind: tRawString, text: b.String(), pos: start}, nil
}

// literal lexes a JSON literal between backquotes, in which \` stands for `.
func (l *lexer) literal() (token, error) {
	start := l.pos
	body, err := l.delimited('`')
	if err != nil {
		return token{}, err
	}
	src := strings.ReplaceAll(body, "\\`", "`")
	dec := json.NewDecoder(strings.NewReader(src))
	dec.UseNumber()
	var v any
	if !json.Valid([]byte(src)) || dec.Decode(&v) != nil {
		return token{}, l.errorf(start, "invalid JSON literal `%s`", body)
	}
	return token{kind: tLiteral, text: src, value: v, pos: start}, nil
}
