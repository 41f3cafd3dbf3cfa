package idl

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"
)

// parser is a recursive-descent parser over the token stream of one file.
// The first error stops it: the error is kept and the stream ends.
type parser struct {
	f       *file
	lx      lexer
	tok     token
	prevEnd int32
	err     *Error
	docs    []token // documentation comments since the last significant token
	depth   int     // nesting of the node value being parsed

	mem   *arena
	kvs   []kv    // object entries being parsed, innermost last
	elems []*node // array elements being parsed, innermost last
}

// arena holds allocations shared by the parsers of one Convert call.
type arena struct {
	strs map[string]string // interned identifiers and numbers
	slab []node            // nodes are allocated in blocks
}

type kv struct {
	key string
	val *node
}

func parseFile(f *file, mem *arena) *Error {
	p := &parser{f: f, lx: lexer{src: f.src}, docs: make([]token, 0, 8), mem: mem}
	if len(f.src) >= 3 && string(f.src[:3]) == "\xef\xbb\xbf" {
		p.lx.off = 3 // byte order mark
	}
	f.inSuffix, f.outSuffix = "Input", "Output"
	p.tok = p.lx.next()
	p.ws()
	p.controlSection()
	p.metadataSection()
	p.shapeSection()
	return p.err
}

func (p *parser) failed() bool { return p.err != nil }

func (p *parser) failAt(pos int32, format string, args ...any) {
	if p.err != nil {
		return
	}
	line, col := p.f.lineCol(pos)
	p.err = &Error{File: p.f.name, Line: line, Col: col, Msg: fmt.Sprintf(format, args...)}
	p.lx.off = len(p.f.src)
	p.tok = token{kind: tEOF, start: int32(len(p.f.src)), end: int32(len(p.f.src))}
}

// unexpected reports that the current token is not what the grammar wants,
// in Smithy's words: "Expected COLON(':') but found DOT('.')". An invalid
// token reports its own problem.
func (p *parser) unexpected(want string) {
	if p.tok.kind == tError {
		p.failAt(p.tok.errPos, "%s", p.tok.msg)
		return
	}
	p.failAt(p.tok.start, "Expected %s but found %s", want, p.describe(p.tok))
}

// oneOf is how Smithy states a choice of expected tokens.
func oneOf(kinds ...tokKind) string {
	names := make([]string, len(kinds))
	for i, k := range kinds {
		names[i] = k.String()
	}
	return "one of " + strings.Join(names, ", ") + ";"
}

// describe shows a token as Smithy does: its kind and its text, newlines
// escaped: IDENTIFIER('apply'), NEWLINE('\n'), EOF.
func (p *parser) describe(t token) string {
	end := t.end
	switch t.kind {
	case tEOF:
		return "EOF"
	case tError:
		_, size := utf8.DecodeRune(p.f.src[t.start:])
		end = t.start + int32(size)
	}
	text := strings.NewReplacer("\n", `\n`, "\r", `\r`).Replace(string(p.f.src[t.start:end]))
	return tokNames[t.kind] + "('" + text + "')"
}

func (p *parser) text(t token) string { return p.intern(p.f.src[t.start:t.end]) }

func (p *parser) intern(b []byte) string {
	if s, ok := p.mem.strs[string(b)]; ok {
		return s
	}
	s := string(b)
	p.mem.strs[s] = s
	return s
}

func (p *parser) newNode(kind nodeKind, pos int32, text string) *node {
	m := p.mem
	if len(m.slab) == 0 {
		m.slab = make([]node, 256)
	}
	n := &m.slab[0]
	m.slab = m.slab[1:]
	n.kind, n.pos, n.text = kind, pos, text
	return n
}

func (p *parser) next() {
	switch {
	case p.tok.kind == tDocComment:
		p.docs = append(p.docs, p.tok)
	case !p.tok.kind.isWS():
		p.docs = p.docs[:0]
	}
	if p.err != nil {
		return
	}
	p.prevEnd = p.tok.end
	p.tok = p.lx.next()
}

func (p *parser) isIdent(word string) bool {
	return p.tok.kind == tIdent && string(p.f.src[p.tok.start:p.tok.end]) == word
}

// expect consumes a token of kind k or reports an error.
func (p *parser) expect(k tokKind) {
	if p.tok.kind != k {
		p.unexpected(k.String())
		return
	}
	p.next()
}

// sp skips [SP].
func (p *parser) sp() {
	for p.tok.kind == tSpace {
		p.next()
	}
}

// ws skips [WS] and reports whether anything was skipped.
func (p *parser) ws() bool {
	skipped := false
	for p.tok.kind.isWS() {
		p.next()
		skipped = true
	}
	return skipped
}

// more reports whether a list closed by end continues; at the end of the
// file it reports the missing closing token.
func (p *parser) more(end tokKind) bool {
	if p.tok.kind == tEOF && !p.failed() {
		p.unexpected(end.String())
	}
	return p.tok.kind != end && !p.failed()
}

func (p *parser) requireSP() {
	if p.tok.kind != tSpace {
		p.unexpected(tSpace.String())
		return
	}
	p.sp()
}

func (p *parser) requireWS() {
	if !p.ws() {
		p.expectedPhrase("one or more whitespace characters")
	}
}

// expectedPhrase reports a missing construct Smithy names in words.
func (p *parser) expectedPhrase(what string) {
	if p.tok.kind == tError {
		p.unexpected(what)
		return
	}
	p.failAt(p.tok.start, "Expected %s, but found %s", what, p.describe(p.tok))
}

// br parses BR: a line break (or the end of the file) and following WS.
func (p *parser) br() {
	p.sp()
	switch p.tok.kind {
	case tNewline, tComment, tDocComment:
		p.ws()
	case tEOF:
	default:
		p.expectedPhrase("a line break")
	}
}

// ident parses an Identifier.
func (p *parser) ident() (string, int32) {
	t := p.tok
	if t.kind != tIdent {
		p.unexpected(tIdent.String())
		return "", t.start
	}
	s := p.text(t)
	if strings.TrimLeft(s, "_") == "" {
		p.failAt(t.start, "invalid identifier %q", s)
		return "", t.start
	}
	p.next()
	return s, t.start
}

// shapeID parses a ShapeId: [Namespace "#"] Identifier ["$" Identifier].
func (p *parser) shapeID() (string, int32) {
	start := p.tok.start
	p.ident()
	dotted := false
	for p.tok.kind == tDot && !p.failed() {
		p.next()
		p.ident()
		dotted = true
	}
	if p.tok.kind == tPound {
		p.next()
		p.ident()
	} else if dotted {
		p.unexpected(tPound.String())
	}
	if p.tok.kind == tDollar {
		p.next()
		p.ident()
	}
	if p.failed() {
		return "", start
	}
	return p.intern(p.f.src[start:p.prevEnd]), start
}

// takeDocs returns the documentation comments that directly precede the
// current token as one string.
func (p *parser) takeDocs() (string, int32, bool) {
	if len(p.docs) == 0 {
		return "", 0, false
	}
	size := 0
	for _, t := range p.docs {
		size += int(t.end - t.start)
	}
	var b strings.Builder
	b.Grow(size)
	for i, t := range p.docs {
		if i > 0 {
			b.WriteByte('\n')
		}
		line := bytes.TrimRight(p.f.src[t.start+3:t.end], "\r\n")
		b.Write(bytes.TrimPrefix(line, []byte{' '}))
	}
	pos := p.docs[0].start
	p.docs = p.docs[:0]
	return b.String(), pos, true
}

func (p *parser) controlSection() {
	seen := map[string]bool{}
	for p.tok.kind == tDollar && !p.failed() {
		p.next()
		key := p.nodeKey()
		p.sp()
		p.expect(tColon)
		p.sp()
		valPos := p.tok.start
		val := p.nodeValue()
		if p.failed() {
			return
		}
		if seen[key] {
			p.failAt(valPos, "Duplicate control statement `%s`", key)
			return
		}
		seen[key] = true
		p.control(key, val)
		p.br()
	}
}

func (p *parser) control(key string, val *node) {
	switch key {
	case "version", "operationInputSuffix", "operationOutputSuffix":
		if val.kind != nString {
			p.failAt(val.pos, "The $%s control statement must have a string value, but found %s", key, p.f.src[val.pos:p.prevEnd])
			return
		}
	}
	switch key {
	case "version":
		switch val.text {
		case "1", "1.0", "2", "2.0":
			p.f.version = val.text
		default:
			p.failAt(p.tok.start, "Unsupported Smithy version number: %s", val.text)
		}
	case "operationInputSuffix":
		p.f.inSuffix = val.text
	case "operationOutputSuffix":
		p.f.outSuffix = val.text
	}
}

func (p *parser) metadataSection() {
	for p.isIdent("metadata") && !p.failed() {
		p.next()
		p.requireSP()
		pos := p.tok.start
		key := p.nodeKey()
		p.sp()
		p.expect(tEqual)
		p.sp()
		val := p.nodeValue()
		if p.failed() {
			return
		}
		p.f.metadata = append(p.f.metadata, metaEntry{key: key, pos: pos, val: val})
		p.br()
	}
}

func (p *parser) shapeSection() {
	if p.tok.kind == tEOF {
		return
	}
	if !p.isIdent("namespace") {
		p.failAt(p.tok.start, "Expected a namespace definition but found %s", p.describe(p.tok))
		return
	}
	p.next()
	p.requireSP()
	p.f.ns = p.namespace()
	p.br()
	for p.isIdent("use") && !p.failed() {
		p.next()
		p.requireSP()
		p.useStatement()
		p.br()
	}
	for p.tok.kind != tEOF && !p.failed() {
		p.shapeOrApply()
		p.br()
	}
}

func (p *parser) namespace() string {
	start := p.tok.start
	p.ident()
	for p.tok.kind == tDot && !p.failed() {
		p.next()
		p.ident()
	}
	if p.failed() {
		return ""
	}
	return string(p.f.src[start:p.prevEnd])
}

func (p *parser) useStatement() {
	pos := p.tok.start
	p.namespace()
	p.expect(tPound)
	p.ident()
	if p.tok.kind == tDollar {
		p.failAt(p.tok.start, "Use statements cannot use members")
	}
	if !p.failed() {
		p.f.uses = append(p.f.uses, ref{id: string(p.f.src[pos:p.prevEnd]), pos: pos})
	}
}

func (p *parser) shapeOrApply() {
	docs, docPos, hasDocs := p.takeDocs()
	traits := p.traitStatements()
	if p.isIdent("apply") {
		if len(traits) > 0 {
			p.failAt(p.tok.start, "Traits applied to apply statement")
			return
		}
		p.apply()
		return
	}
	if hasDocs {
		traits = append([]traitApp{docTrait(docs, docPos)}, traits...)
	}
	p.shape(traits)
}

func docTrait(text string, pos int32) traitApp {
	return traitApp{id: ref{id: "smithy.api#documentation", pos: pos}, pos: pos, val: &node{kind: nString, pos: pos, text: text}}
}

func (p *parser) apply() {
	p.next()
	p.requireSP()
	id, pos := p.shapeID()
	p.requireWS()
	s := &shapeDef{kind: "apply", name: id, pos: pos, file: p.f}
	switch p.tok.kind {
	case tLBrace:
		p.next()
		p.ws()
		s.traits = p.traitStatements()
		p.expect(tRBrace)
	case tAt:
		s.traits = []traitApp{p.trait()}
	default:
		p.unexpected(oneOf(tAt, tLBrace))
	}
	p.f.shapes = append(p.f.shapes, s)
}

// traitStatements parses *(Trait [WS]).
func (p *parser) traitStatements() []traitApp {
	var out []traitApp
	for p.tok.kind == tAt && !p.failed() {
		out = append(out, p.trait())
		p.ws()
	}
	return out
}

func (p *parser) trait() traitApp {
	pos := p.tok.start
	p.next()
	id, idPos := p.shapeID()
	t := traitApp{id: ref{id: id, pos: idPos}, pos: pos}
	if p.tok.kind != tLParen {
		return t
	}
	p.next()
	p.ws()
	if p.tok.kind != tRParen {
		t.val = p.traitBody()
	}
	p.expect(tRParen)
	return t
}

// traitBody parses a TraitStructure or a TraitNode.
func (p *parser) traitBody() *node {
	if p.tok.kind == tIdent || p.tok.kind == tString {
		saveTok, saveOff, saveEnd := p.tok, p.lx.off, p.prevEnd
		p.next()
		p.ws()
		isKV := p.tok.kind == tColon
		p.tok, p.lx.off, p.prevEnd = saveTok, saveOff, saveEnd
		p.docs = p.docs[:0]
		if isKV {
			n, base := p.newNode(nObject, p.tok.start, ""), len(p.kvs)
			for p.tok.kind != tRParen && !p.failed() {
				p.kvp(base)
				p.ws()
			}
			p.finishObject(n, base)
			return n
		}
	}
	switch p.tok.kind {
	case tLBrace, tLBracket, tTextBlock, tString, tNumber, tIdent:
	default:
		p.unexpected(oneOf(tLBrace, tLBracket, tTextBlock, tString, tNumber, tIdent))
		return p.newNode(nNull, p.tok.start, "")
	}
	n := p.nodeValue()
	p.ws()
	return n
}
