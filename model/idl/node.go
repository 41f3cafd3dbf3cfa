package idl

// nodeValue parses a NodeValue.
func (p *parser) nodeValue() *node {
	t := p.tok
	switch t.kind {
	case tLBrace:
		return p.nodeObject()
	case tLBracket:
		return p.nodeArray()
	case tNumber:
		p.next()
		return &node{kind: nNumber, pos: t.start, text: p.text(t)}
	case tString, tTextBlock:
		s, ok := p.stringValue()
		if !ok {
			return &node{kind: nNull, pos: t.start}
		}
		return &node{kind: nString, pos: t.start, text: s}
	case tIdent:
		id, pos := p.shapeID()
		switch id {
		case "true":
			return &node{kind: nTrue, pos: pos}
		case "false":
			return &node{kind: nFalse, pos: pos}
		case "null":
			return &node{kind: nNull, pos: pos}
		}
		return &node{kind: nShapeID, pos: pos, text: id}
	}
	p.unexpected("a node value")
	return &node{kind: nNull, pos: t.start}
}

// stringValue decodes the current quoted string or text block token.
func (p *parser) stringValue() (string, bool) {
	t := p.tok
	var s string
	var err error
	if t.kind == tTextBlock {
		content := p.f.src[t.start+3 : t.end-3]
		for content[0] == ' ' || content[0] == '\t' {
			content = content[1:]
		}
		if content[0] == '\r' && len(content) > 1 && content[1] == '\n' {
			content = content[1:]
		}
		s, err = decodeTextBlock(content[1:])
	} else {
		s, err = decodeQuoted(p.f.src[t.start+1 : t.end-1])
	}
	if err != nil {
		p.failAt(t.start, "error parsing string: %v", err)
		return "", false
	}
	p.next()
	return s, true
}

// nodeKey parses a NodeObjectKey: a quoted string or an identifier.
func (p *parser) nodeKey() string {
	switch p.tok.kind {
	case tIdent:
		s, _ := p.ident()
		return s
	case tString:
		s, _ := p.stringValue()
		return s
	}
	p.unexpected("an object key (string or identifier)")
	return ""
}

func (p *parser) nodeArray() *node {
	n := &node{kind: nArray, pos: p.tok.start}
	p.next()
	p.ws()
	for p.tok.kind != tRBracket && !p.failed() {
		n.elems = append(n.elems, p.nodeValue())
		p.ws()
	}
	p.expect(tRBracket)
	return n
}

func (p *parser) nodeObject() *node {
	n := &node{kind: nObject, pos: p.tok.start}
	p.next()
	p.ws()
	for p.tok.kind != tRBrace && !p.failed() {
		p.kvp(n)
		if !p.ws() && p.tok.kind != tRBrace {
			p.unexpected("whitespace or '}'")
		}
	}
	p.expect(tRBrace)
	return n
}

// kvp parses NodeObjectKvp into n.
func (p *parser) kvp(n *node) {
	pos := p.tok.start
	key := p.nodeKey()
	p.ws()
	p.expect(tColon)
	p.ws()
	val := p.nodeValue()
	if p.failed() {
		return
	}
	if n.get(key) != nil {
		p.failAt(pos, "duplicate object key %q", key)
		return
	}
	n.keys = append(n.keys, key)
	n.elems = append(n.elems, val)
}
