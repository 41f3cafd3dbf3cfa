package idl

// maxDepth bounds the nesting of node values.
const maxDepth = 512

// nodeValue parses a NodeValue.
func (p *parser) nodeValue() *node {
	t := p.tok
	switch t.kind {
	case tLBrace, tLBracket:
		if p.depth >= maxDepth {
			p.failAt(t.start, "node values are nested more than %d levels deep", maxDepth)
			return p.newNode(nNull, t.start, "")
		}
		p.depth++
		defer func() { p.depth-- }()
		if t.kind == tLBrace {
			return p.nodeObject()
		}
		return p.nodeArray()
	case tNumber:
		p.next()
		return p.newNode(nNumber, t.start, p.text(t))
	case tString, tTextBlock:
		s, ok := p.stringValue()
		if !ok {
			return p.newNode(nNull, t.start, "")
		}
		return p.newNode(nString, t.start, s)
	case tIdent:
		id, pos := p.shapeID()
		switch id {
		case "true":
			return p.newNode(nTrue, pos, "")
		case "false":
			return p.newNode(nFalse, pos, "")
		case "null":
			return p.newNode(nNull, pos, "")
		}
		return p.newNode(nShapeID, pos, id)
	}
	p.unexpected(oneOf(tString, tTextBlock, tNumber, tIdent, tLBrace, tLBracket))
	return p.newNode(nNull, t.start, "")
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
		what := "quoted string"
		if t.kind == tTextBlock {
			what = "text block"
		}
		p.failAt(t.start, "Error parsing %s: %v", what, err)
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
	p.unexpected(oneOf(tRBrace, tString, tIdent))
	return ""
}

func (p *parser) nodeArray() *node {
	n, base := p.newNode(nArray, p.tok.start, ""), len(p.elems)
	p.next()
	p.ws()
	for p.tok.kind != tRBracket && !p.failed() {
		v := p.nodeValue()
		p.elems = append(p.elems, v)
		p.ws()
	}
	p.expect(tRBracket)
	n.elems = append([]*node(nil), p.elems[base:]...)
	p.elems = p.elems[:base]
	return n
}

func (p *parser) nodeObject() *node {
	n, base := p.newNode(nObject, p.tok.start, ""), len(p.kvs)
	p.next()
	p.ws()
	for p.more(tRBrace) {
		p.kvp(base)
		if !p.ws() && p.tok.kind != tRBrace {
			p.unexpected(oneOf(tComma, tRBrace))
		}
	}
	p.expect(tRBrace)
	p.finishObject(n, base)
	return n
}

// kvp parses a NodeObjectKvp of the object whose entries start at base.
func (p *parser) kvp(base int) {
	pos := p.tok.start
	key := p.nodeKey()
	p.ws()
	p.expect(tColon)
	p.ws()
	val := p.nodeValue()
	if p.failed() {
		return
	}
	for _, e := range p.kvs[base:] {
		if e.key == key {
			p.failAt(pos, "Duplicate member: '%s'", key)
			return
		}
	}
	p.kvs = append(p.kvs, kv{key, val})
}

// finishObject moves the entries parsed since base into n.
func (p *parser) finishObject(n *node, base int) {
	if entries := p.kvs[base:]; len(entries) > 0 {
		n.keys = make([]string, len(entries))
		n.elems = make([]*node, len(entries))
		for i, e := range entries {
			n.keys[i], n.elems[i] = e.key, e.val
		}
	}
	p.kvs = p.kvs[:base]
}
