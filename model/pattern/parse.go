package pattern

import (
	"fmt"
	"strings"
)

// maxDepth bounds group and class nesting.
const maxDepth = 250

// maxCount bounds the numbers of a {n,m} quantifier.
const maxCount = 1 << 20

type flags struct{ icase, dotAll bool }

// parser reads an ECMAScript pattern. It follows ECMAScript's Annex B for
// literal braces and brackets, identity and octal escapes, and Unicode mode
// for \p{...}, \u{...} and surrogate pairs. It also accepts the Java
// constructs AWS models use: \A, \z, POSIX \p names, class intersection
// "&&[...]", inline flags "(?i)" and possessive quantifiers.
type parser struct {
	src    []rune
	pos    int
	groups int // capturing groups in the whole pattern
	flags  flags
	depth  int
}

func parse(pattern string) (*node, error) {
	p := &parser{src: []rune(pattern)}
	p.groups = countGroups(p.src)
	n, err := p.disjunction()
	if err != nil {
		return nil, err
	}
	if p.pos < len(p.src) {
		return nil, p.errorf(p.pos, "unmatched )")
	}
	return n, nil
}

func (p *parser) errorf(at int, format string, args ...any) error {
	return fmt.Errorf("at offset %d: %s", at, fmt.Sprintf(format, args...))
}

func (p *parser) more() bool { return p.pos < len(p.src) }

func (p *parser) peekIs(s string) bool {
	return strings.HasPrefix(string(p.src[p.pos:min(len(p.src), p.pos+len(s))]), s)
}

func (p *parser) eat(s string) bool {
	if p.peekIs(s) {
		p.pos += len([]rune(s))
		return true
	}
	return false
}

// countGroups counts capturing groups, which decide whether \N is a
// backreference.
func countGroups(src []rune) (n int) {
	inClass := false
	for i := 0; i < len(src); i++ {
		switch c := src[i]; {
		case c == '\\':
			i++
		case inClass:
			inClass = c != ']'
		case c == '[':
			inClass = true
		case c != '(':
		case i+1 >= len(src) || src[i+1] != '?':
			n++
		case i+3 < len(src) && src[i+2] == '<' && src[i+3] != '=' && src[i+3] != '!':
			n++
		}
	}
	return n
}

func (p *parser) disjunction() (*node, error) {
	var branches []*node
	for {
		a, err := p.alternative()
		if err != nil {
			return nil, err
		}
		branches = append(branches, a)
		if !p.eat("|") {
			break
		}
	}
	if len(branches) == 1 {
		return branches[0], nil
	}
	return &node{op: opAlt, subs: branches}, nil
}

func (p *parser) alternative() (*node, error) {
	var items []*node
	for p.more() && !p.peekIs("|") && !p.peekIs(")") {
		t, err := p.term()
		if err != nil {
			return nil, err
		}
		if t != nil {
			items = append(items, t)
		}
	}
	return &node{op: opConcat, subs: items}, nil
}

func (p *parser) term() (*node, error) {
	start := p.pos
	n, quantifiable, err := p.atom()
	if err != nil || n == nil {
		return nil, err
	}
	q, ok, err := p.quantifier()
	if err != nil || !ok {
		return n, err
	}
	if !quantifiable {
		return nil, p.errorf(start, "nothing to repeat")
	}
	if n.op == opLook {
		if q.min == 0 {
			return empty(), nil
		}
		return n, nil
	}
	r := &node{op: opRepeat, subs: []*node{n}, min: q.min, max: q.max,
		possessive: q.possessive, src: string(p.src[start:p.pos])}
	return r, nil
}

type quant struct {
	min, max   int
	possessive bool
}

// quantifier reads *, +, ?, {n}, {n,} or {n,m} and a lazy or possessive
// suffix. Laziness does not change which strings match, so it is dropped.
func (p *parser) quantifier() (quant, bool, error) {
	var q quant
	switch {
	case p.eat("*"):
		q = quant{0, -1, false}
	case p.eat("+"):
		q = quant{1, -1, false}
	case p.eat("?"):
		q = quant{0, 1, false}
	default:
		start := p.pos
		lo, hi, ok := p.braces()
		if !ok {
			return q, false, nil
		}
		if hi >= 0 && lo > hi {
			return q, false, p.errorf(start, "numbers out of order in {} quantifier")
		}
		if lo > maxCount || hi > maxCount {
			return q, false, p.errorf(start, "repetition count above %d", maxCount)
		}
		q = quant{lo, hi, false}
	}
	if !p.eat("?") {
		q.possessive = p.eat("+")
	}
	return q, true, nil
}

// braces reads a {n}, {n,} or {n,m} quantifier; otherwise it reads nothing.
func (p *parser) braces() (lo, hi int, ok bool) {
	start := p.pos
	if !p.eat("{") {
		return 0, 0, false
	}
	lo, okLo := p.decimal()
	hi = lo
	if p.eat(",") {
		hi = -1
		if n, okHi := p.decimal(); okHi {
			hi = n
		}
	}
	if !okLo || !p.eat("}") {
		p.pos = start
		return 0, 0, false
	}
	return lo, hi, true
}

// decimal reads digits, saturating above maxCount.
func (p *parser) decimal() (int, bool) {
	start, n := p.pos, 0
	for p.more() && p.src[p.pos] >= '0' && p.src[p.pos] <= '9' {
		n = min(n*10+int(p.src[p.pos]-'0'), maxCount+1)
		p.pos++
	}
	return n, p.pos > start
}

// atom reads one atom or assertion. It returns a nil node for an inline flag
// group, and whether a quantifier may follow.
func (p *parser) atom() (*node, bool, error) {
	start := p.pos
	switch c := p.src[p.pos]; c {
	case '^':
		p.pos++
		return &node{op: opBegin}, false, nil
	case '$':
		p.pos++
		return &node{op: opEnd}, false, nil
	case '.':
		p.pos++
		if p.flags.dotAll {
			return setNode(universe), true, nil
		}
		return setNode(dotSet), true, nil
	case '(':
		return p.group()
	case '[':
		s, err := p.class()
		return setNode(s), true, err
	case '\\':
		return p.atomEscape()
	case '*', '+', '?':
		return nil, false, p.errorf(start, "nothing to repeat")
	case '{':
		if _, _, ok := p.braces(); ok {
			return nil, false, p.errorf(start, "nothing to repeat")
		}
	}
	p.pos++
	return p.literal(p.src[start]), true, nil
}

func (p *parser) literal(r rune) *node {
	s := single(r)
	if p.flags.icase {
		s = foldSet(s)
	}
	return setNode(s)
}

// group reads a parenthesized group, lookaround or flag setting.
func (p *parser) group() (*node, bool, error) {
	start := p.pos
	p.pos++
	var look *node
	saved := p.flags
	switch {
	case p.eat("?:"):
	case p.eat("?="):
		look = &node{op: opLook}
	case p.eat("?!"):
		look = &node{op: opLook, neg: true}
	case p.eat("?<="):
		look = &node{op: opLook, behind: true}
	case p.eat("?<!"):
		look = &node{op: opLook, behind: true, neg: true}
	case p.eat("?<"):
		if err := p.groupName(start); err != nil {
			return nil, false, err
		}
	case p.eat("?"):
		done, err := p.modifiers(start)
		if err != nil || done {
			return nil, false, err
		}
	}
	if p.depth++; p.depth > maxDepth {
		return nil, false, p.errorf(start, "groups nested too deeply")
	}
	body, err := p.disjunction()
	p.depth--
	p.flags = saved
	if err != nil {
		return nil, false, err
	}
	if !p.eat(")") {
		return nil, false, p.errorf(start, "missing )")
	}
	if look == nil {
		return body, true, nil
	}
	look.subs = []*node{body}
	look.src = string(p.src[start:p.pos])
	return look, !look.behind, nil
}

func (p *parser) groupName(start int) error {
	for p.more() && p.src[p.pos] != '>' && p.src[p.pos] != ')' {
		p.pos++
	}
	if !p.eat(">") {
		return p.errorf(start, "invalid group name")
	}
	return nil
}

// modifiers reads "ims-ims:" (a modifier group, whose body follows) or
// "ims)" (Java inline flags for the rest of the enclosing group, done=true).
func (p *parser) modifiers(start int) (done bool, err error) {
	on := true
	f := p.flags
	for p.more() {
		c := p.src[p.pos]
		p.pos++
		switch c {
		case 'i':
			f.icase = on
		case 's':
			f.dotAll = on
		case '-':
			on = false
		case ':':
			p.flags = f
			return false, nil
		case ')':
			p.flags = f
			return true, nil
		case 'm':
			return false, p.errorf(start, "multiline flag (?m) is not supported")
		default:
			return false, p.errorf(start, "unsupported group %q", string(p.src[start:p.pos]))
		}
	}
	return false, p.errorf(start, "missing )")
}
