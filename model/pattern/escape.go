package pattern

import (
	"strconv"
	"unicode"
)

// classAtom is an escape or class member: one code unit (possibly a lone
// surrogate, from \uXXXX) or a set of code points.
type classAtom struct {
	set    runeSet
	r      rune
	single bool
}

func unit(r rune) classAtom       { return classAtom{r: r, single: true} }
func setAtom(s runeSet) classAtom { return classAtom{set: s} }
func isSurrogate(r rune) bool     { return r >= surrogateLo && r <= surrogateHi }
func isASCIILetter(r rune) bool   { return r < 0x80 && r|0x20 >= 'a' && r|0x20 <= 'z' }

// assertionEscapes are the escapes that match a position, not a code point.
var assertionEscapes = map[rune]op{'b': opWordB, 'B': opNotWordB, 'A': opBegin, 'z': opEnd}

var classEscapes = map[rune]runeSet{'d': digitSet, 's': spaceSet, 'w': wordSet}

var controlEscapes = map[rune]rune{'f': '\f', 'n': '\n', 'r': '\r', 't': '\t', 'v': '\v'}

func (a classAtom) asSet() runeSet {
	if a.single {
		return single(a.r)
	}
	return a.set
}

// atomEscape reads an escape outside a character class.
func (p *parser) atomEscape() (*node, bool, error) {
	start := p.pos
	p.pos++
	if !p.more() {
		return nil, false, p.errorf(start, `\ at end of pattern`)
	}
	c := p.src[p.pos]
	if o, ok := assertionEscapes[c]; ok {
		p.pos++
		return &node{op: o}, false, nil
	}
	switch {
	case c == 'k':
		return nil, false, p.errorf(start, `backreference \k is not supported by RE2`)
	case c >= '1' && c <= '9':
		save := p.pos
		if n, _ := p.decimal(); n <= p.groups {
			return nil, false, p.errorf(start, "backreference %s is not supported by RE2", string(p.src[start:p.pos]))
		}
		p.pos = save
	}
	a, err := p.charEscape(start)
	if err != nil {
		return nil, false, err
	}
	if a.single && isSurrogate(a.r) {
		return nil, false, p.errorf(start, "lone surrogate %s cannot match a Go string", string(p.src[start:p.pos]))
	}
	s := a.asSet()
	if p.flags.icase {
		s = foldSet(s)
	}
	return setNode(s), true, nil
}

// charEscape reads the escape whose backslash is at start; p.pos is just
// past the backslash.
func (p *parser) charEscape(start int) (classAtom, error) {
	if !p.more() {
		return classAtom{}, p.errorf(start, `\ at end of pattern`)
	}
	c := p.src[p.pos]
	p.pos++
	switch c {
	case 'd', 'D', 's', 'S', 'w', 'W':
		s := classEscapes[c|0x20]
		if c < 'a' {
			s = s.complement()
		}
		return setAtom(s), nil
	case 'p', 'P':
		return p.property(start, c == 'P')
	case 'f', 'n', 'r', 't', 'v':
		return unit(controlEscapes[c]), nil
	case 'c':
		if p.more() && isASCIILetter(p.src[p.pos]) {
			p.pos++
			return unit(p.src[p.pos-1] % 32), nil
		}
	case 'x':
		if r, ok := p.hex(2); ok {
			return unit(r), nil
		}
	case 'u':
		return p.unicodeEscape(start)
	case '0', '1', '2', '3', '4', '5', '6', '7':
		p.pos--
		return unit(p.octal()), nil
	}
	if isASCIILetter(c) {
		return classAtom{}, p.errorf(start, "unsupported escape %s", string(p.src[start:p.pos]))
	}
	return unit(c), nil
}

// property reads the {Name} (or Java's single letter) after \p or \P.
func (p *parser) property(start int, negate bool) (classAtom, error) {
	var name string
	switch {
	case p.eat("{"):
		from := p.pos
		for p.more() && p.src[p.pos] != '}' {
			p.pos++
		}
		name = string(p.src[from:p.pos])
		if !p.eat("}") {
			return classAtom{}, p.errorf(start, "missing } in property escape")
		}
	case p.more() && isASCIILetter(p.src[p.pos]):
		name = string(p.src[p.pos])
		p.pos++
	default:
		return classAtom{}, p.errorf(start, "invalid property escape")
	}
	s, err := propertySet(name)
	if err != nil {
		return classAtom{}, p.errorf(start, "%v", err)
	}
	if negate {
		s = s.complement()
	}
	return setAtom(s), nil
}

// unicodeEscape reads \uXXXX, \u{X...} or a \uHHHH\uLLLL surrogate pair.
func (p *parser) unicodeEscape(start int) (classAtom, error) {
	if p.eat("{") {
		from := p.pos
		for p.more() && p.src[p.pos] != '}' {
			p.pos++
		}
		v, err := strconv.ParseUint(string(p.src[from:p.pos]), 16, 32)
		if !p.eat("}") || err != nil || v > unicode.MaxRune {
			return classAtom{}, p.errorf(start, `invalid \u{...} escape`)
		}
		return unit(rune(v)), nil
	}
	r, ok := p.hex(4)
	if !ok {
		return classAtom{}, p.errorf(start, `invalid \u escape`)
	}
	if r >= surrogateLo && r <= highEnd && p.peekIs(`\u`) {
		save := p.pos
		p.pos += 2
		if lo, ok := p.hex(4); ok && lo >= lowStart && lo <= surrogateHi {
			return unit(0x10000 + (r-surrogateLo)<<10 + (lo - lowStart)), nil
		}
		p.pos = save
	}
	return unit(r), nil
}

// hex reads exactly n hex digits.
func (p *parser) hex(n int) (rune, bool) {
	if p.pos+n > len(p.src) {
		return 0, false
	}
	v, err := strconv.ParseUint(string(p.src[p.pos:p.pos+n]), 16, 32)
	if err != nil {
		return 0, false
	}
	p.pos += n
	return rune(v), true
}

// octal reads a legacy octal escape (Annex B): up to three digits, at most \377.
func (p *parser) octal() rune {
	v := rune(0)
	for i := 0; i < 3 && p.more(); i++ {
		d := p.src[p.pos] - '0'
		if d < 0 || d > 7 || v*8+d > 0o377 {
			break
		}
		v = v*8 + d
		p.pos++
	}
	return v
}
