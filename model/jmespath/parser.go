package jmespath

import "strconv"

// Parse parses a JMESPath expression.
func Parse(expr string) (Node, error) {
	toks, err := lex(expr)
	if err != nil {
		return nil, err
	}
	p := &parser{src: expr, toks: toks}
	n, err := p.expression(0)
	if err != nil {
		return nil, err
	}
	if t := p.peek(); t.kind != tEOF {
		return nil, p.unexpected(t)
	}
	return n, nil
}

// Binding powers, as in JMESPath's reference parser: a token continues the
// expression on its left while its power exceeds the current one.
var bindingPower = map[tokenKind]int{
	tPipe: 1, tOr: 2, tAnd: 3, tEQ: 5, tNE: 5, tLT: 5, tLE: 5, tGT: 5, tGE: 5,
	tFlatten: 9, tStar: 20, tFilter: 21, tDot: 40, tNot: 45, tLbrace: 50,
	tLbracket: 55, tLparen: 60,
}

// projectionStop is the power below which a token ends a projection's
// right side.
const projectionStop = 10

type parser struct {
	src  string
	toks []token
	i    int
}

func (p *parser) peek() token        { return p.toks[p.i] }
func (p *parser) peekAt(n int) token { return p.toks[min(p.i+n, len(p.toks)-1)] }

func (p *parser) advance() token {
	t := p.toks[p.i]
	if t.kind != tEOF {
		p.i++
	}
	return t
}

func (p *parser) errorf(pos int, msg string) error {
	return &SyntaxError{Expr: p.src, Offset: pos, Msg: msg}
}

func (p *parser) unexpected(t token) error {
	return p.errorf(t.pos, "unexpected "+t.kind.String())
}

func (p *parser) match(k tokenKind) (token, error) {
	t := p.peek()
	if t.kind != k {
		return t, p.errorf(t.pos, "expected "+k.String()+", found "+t.kind.String())
	}
	return p.advance(), nil
}

func (p *parser) expression(power int) (Node, error) {
	left, err := p.nud(p.advance())
	if err != nil {
		return nil, err
	}
	for power < bindingPower[p.peek().kind] {
		if left, err = p.led(p.advance(), left); err != nil {
			return nil, err
		}
	}
	return left, nil
}

// nud parses an expression that starts with t.
func (p *parser) nud(t token) (Node, error) {
	pos := at(t.pos)
	switch t.kind {
	case tLiteral:
		return &Literal{at: pos, Value: t.value}, nil
	case tRawString:
		return &Literal{at: pos, Value: t.text}, nil
	case tUnquoted:
		return &Field{at: pos, Name: t.text}, nil
	case tQuoted:
		if p.peek().kind == tLparen {
			return nil, p.errorf(t.pos, "a quoted identifier cannot name a function")
		}
		return &Field{at: pos, Name: t.text}, nil
	case tStar:
		right := Node(&Current{at: pos})
		if p.peek().kind != tRbracket {
			var err error
			if right, err = p.projectionRHS(bindingPower[tStar]); err != nil {
				return nil, err
			}
		}
		return &Projection{at: pos, Kind: ValueProjection, Left: &Current{at: pos}, Right: right}, nil
	case tFilter:
		return p.filter(&Current{at: pos}, pos)
	case tFlatten:
		return p.flatten(&Current{at: pos}, pos)
	case tLbracket:
		switch k := p.peek().kind; {
		case k == tNumber || k == tColon:
			return p.index(&Current{at: pos}, pos)
		case k == tStar && p.peekAt(1).kind == tRbracket:
			p.advance()
			p.advance()
			return p.listProjection(&Current{at: pos}, pos)
		}
		return p.multiList(pos)
	case tLbrace:
		return p.multiHash(pos)
	case tNot:
		child, err := p.expression(bindingPower[tNot])
		if err != nil {
			return nil, err
		}
		return &Not{at: pos, Child: child}, nil
	case tLparen:
		n, err := p.expression(0)
		if err != nil {
			return nil, err
		}
		_, err = p.match(tRparen)
		return n, err
	case tCurrent:
		return &Current{at: pos}, nil
	case tExpref:
		child, err := p.expression(0)
		if err != nil {
			return nil, err
		}
		return &ExprRef{at: pos, Child: child}, nil
	}
	return nil, p.unexpected(t)
}

// led parses the expression that t continues after left.
func (p *parser) led(t token, left Node) (Node, error) {
	pos := at(t.pos)
	binary := func(power int, build func(right Node) Node) (Node, error) {
		right, err := p.expression(power)
		if err != nil {
			return nil, err
		}
		return build(right), nil
	}
	switch t.kind {
	case tDot:
		if p.peek().kind == tStar {
			p.advance()
			right, err := p.projectionRHS(bindingPower[tDot])
			if err != nil {
				return nil, err
			}
			return &Projection{at: pos, Kind: ValueProjection, Left: left, Right: right}, nil
		}
		right, err := p.dotRHS(bindingPower[tDot])
		if err != nil {
			return nil, err
		}
		return &Subexpr{at: pos, Left: left, Right: right}, nil
	case tPipe:
		return binary(bindingPower[tPipe], func(r Node) Node { return &Pipe{at: pos, Left: left, Right: r} })
	case tOr:
		return binary(bindingPower[tOr], func(r Node) Node { return &Or{at: pos, Left: left, Right: r} })
	case tAnd:
		return binary(bindingPower[tAnd], func(r Node) Node { return &And{at: pos, Left: left, Right: r} })
	case tEQ, tNE, tLT, tLE, tGT, tGE:
		op := Comparator(t.kind.String()[1 : len(t.kind.String())-1])
		return binary(bindingPower[t.kind], func(r Node) Node { return &Compare{at: pos, Op: op, Left: left, Right: r} })
	case tLbracket:
		if k := p.peek().kind; k == tNumber || k == tColon {
			return p.index(left, pos)
		}
		if _, err := p.match(tStar); err != nil {
			return nil, err
		}
		if _, err := p.match(tRbracket); err != nil {
			return nil, err
		}
		return p.listProjection(left, pos)
	case tFilter:
		return p.filter(left, pos)
	case tFlatten:
		return p.flatten(left, pos)
	case tLparen:
		f, ok := left.(*Field)
		if !ok || p.toks[p.i-2].kind != tUnquoted {
			return nil, p.errorf(t.pos, "only a function name can be called")
		}
		args, err := p.list(tRparen)
		if err != nil {
			return nil, err
		}
		return &Function{at: f.at, Name: f.Name, Args: args}, nil
	}
	return nil, p.unexpected(t)
}

func (p *parser) listProjection(left Node, pos at) (Node, error) {
	right, err := p.projectionRHS(bindingPower[tStar])
	if err != nil {
		return nil, err
	}
	return &Projection{at: pos, Kind: ListProjection, Left: left, Right: right}, nil
}

func (p *parser) filter(left Node, pos at) (Node, error) {
	cond, err := p.expression(0)
	if err != nil {
		return nil, err
	}
	if _, err := p.match(tRbracket); err != nil {
		return nil, err
	}
	right, err := p.projectionRHS(bindingPower[tFilter])
	if err != nil {
		return nil, err
	}
	return &Projection{at: pos, Kind: FilterProjection, Left: left, Right: right, Cond: cond}, nil
}

func (p *parser) flatten(left Node, pos at) (Node, error) {
	right, err := p.projectionRHS(bindingPower[tFlatten])
	if err != nil {
		return nil, err
	}
	return &Projection{at: pos, Kind: ListProjection, Left: &Flatten{at: pos, Child: left}, Right: right}, nil
}

// index parses what follows "[" when it is a number or a colon: an index,
// or a slice, which projects.
func (p *parser) index(left Node, pos at) (Node, error) {
	var parts [3]*int
	n := 0
	for {
		t := p.peek()
		switch t.kind {
		case tNumber:
			v, err := strconv.Atoi(t.text)
			if err != nil {
				return nil, p.errorf(t.pos, "number out of range")
			}
			if parts[n] != nil {
				return nil, p.unexpected(t)
			}
			parts[n] = &v
			p.advance()
			continue
		case tColon:
			if n == 2 {
				return nil, p.unexpected(t)
			}
			n++
			p.advance()
			continue
		}
		if _, err := p.match(tRbracket); err != nil {
			return nil, err
		}
		break
	}
	if n == 0 {
		return &Index{at: pos, Left: left, Index: *parts[0]}, nil
	}
	if parts[2] != nil && *parts[2] == 0 {
		return nil, p.errorf(int(pos), "slice step cannot be 0")
	}
	s := &Slice{at: pos, Left: left, Start: parts[0], Stop: parts[1], Step: parts[2]}
	return p.listProjection(s, pos)
}

// projectionRHS parses the right side of a projection: nothing (the
// current node) when the next token binds less than a projection, else an
// index, filter or dot continuation.
func (p *parser) projectionRHS(power int) (Node, error) {
	t := p.peek()
	switch {
	case bindingPower[t.kind] < projectionStop:
		return &Current{at: at(t.pos)}, nil
	case t.kind == tLbracket || t.kind == tFilter:
		return p.expression(power)
	case t.kind == tDot:
		p.advance()
		return p.dotRHS(power)
	}
	return nil, p.unexpected(t)
}

// dotRHS parses what may follow a dot.
func (p *parser) dotRHS(power int) (Node, error) {
	t := p.peek()
	switch t.kind {
	case tUnquoted, tQuoted, tStar:
		return p.expression(power)
	case tLbracket:
		p.advance()
		return p.multiList(at(t.pos))
	case tLbrace:
		p.advance()
		return p.multiHash(at(t.pos))
	}
	return nil, p.errorf(t.pos, "expected an identifier, \"*\", \"[\" or \"{\" after \".\", found "+t.kind.String())
}

func (p *parser) multiList(pos at) (Node, error) {
	items, err := p.list(tRbracket)
	if err != nil {
		return nil, err
	}
	if len(items) == 0 {
		return nil, p.errorf(int(pos), "empty multi-select list")
	}
	return &MultiList{at: pos, Items: items}, nil
}

// list parses comma-separated expressions up to the closing token end.
func (p *parser) list(end tokenKind) ([]Node, error) {
	var items []Node
	if p.peek().kind == end {
		p.advance()
		return nil, nil
	}
	for {
		n, err := p.expression(0)
		if err != nil {
			return nil, err
		}
		items = append(items, n)
		t := p.advance()
		switch t.kind {
		case end:
			return items, nil
		case tComma:
			continue
		}
		return nil, p.errorf(t.pos, "expected \",\" or "+end.String()+", found "+t.kind.String())
	}
}

func (p *parser) multiHash(pos at) (Node, error) {
	h := &MultiHash{at: pos}
	for {
		k := p.advance()
		if k.kind != tUnquoted && k.kind != tQuoted {
			return nil, p.errorf(k.pos, "expected a key, found "+k.kind.String())
		}
		if _, err := p.match(tColon); err != nil {
			return nil, err
		}
		v, err := p.expression(0)
		if err != nil {
			return nil, err
		}
		h.Items = append(h.Items, KeyValue{Key: k.text, Value: v})
		t := p.advance()
		switch t.kind {
		case tRbrace:
			return h, nil
		case tComma:
			continue
		}
		return nil, p.errorf(t.pos, "expected \",\" or \"}\", found "+t.kind.String())
	}
}
