package pattern

import "unicode"

// class reads a character class, returning the code points it matches.
func (p *parser) class() (runeSet, error) {
	start := p.pos
	p.pos++
	if p.depth++; p.depth > maxDepth {
		return nil, p.errorf(start, "classes nested too deeply")
	}
	defer func() { p.depth-- }()
	negate := p.eat("^")
	var result runeSet
	for first := true; ; first = false {
		acc, end, err := p.classOperand(start, !first)
		if err != nil {
			return nil, err
		}
		s := acc.finish(p.flags.icase)
		if first {
			result = s
		} else {
			result = result.intersect(s)
		}
		if end {
			break
		}
	}
	if negate {
		result = result.complement()
	}
	return result, nil
}

// classOperand reads class members up to "]" (end=true) or up to Java's
// intersection operator "&&[" (end=false). Operands after "&&" may hold
// nested classes.
func (p *parser) classOperand(start int, nested bool) (acc classAcc, end bool, err error) {
	for {
		switch {
		case !p.more():
			return acc, false, p.errorf(start, "missing ] in character class")
		case p.eat("]"):
			return acc, true, nil
		case p.peekIs("&&["):
			p.pos += 2
			return acc, false, nil
		case nested && p.peekIs("["):
			s, err := p.class()
			if err != nil {
				return acc, false, err
			}
			acc.set = append(acc.set, s...)
			continue
		}
		if err := p.classMember(start, &acc); err != nil {
			return acc, false, err
		}
	}
}

// classMember reads one atom or range.
func (p *parser) classMember(start int, acc *classAcc) error {
	a, err := p.classAtom(start)
	if err != nil {
		return err
	}
	if !p.peekIs("-") || p.peekIs("-]") || p.pos+1 >= len(p.src) {
		acc.add(a)
		return nil
	}
	p.pos++
	b, err := p.classAtom(start)
	if err != nil {
		return err
	}
	if !a.single || !b.single {
		// Annex B: with a class escape at either end, "-" is literal.
		acc.add(a)
		acc.add(unit('-'))
		acc.add(b)
		return nil
	}
	if a.r > b.r {
		return p.errorf(start, "range out of order in character class")
	}
	acc.addRange(a.r, b.r)
	return nil
}

func (p *parser) classAtom(start int) (classAtom, error) {
	c := p.src[p.pos]
	p.pos++
	if c != '\\' {
		return unit(c), nil
	}
	if p.eat("b") {
		return unit('\b'), nil
	}
	return p.charEscape(start)
}

// classAcc collects class members, keeping surrogate code units apart.
type classAcc struct {
	set, surrogates []runeRange
}

func (a *classAcc) add(x classAtom) {
	if x.single {
		a.addRange(x.r, x.r)
		return
	}
	a.set = append(a.set, x.set...)
}

func (a *classAcc) addRange(lo, hi rune) {
	a.set = append(a.set, runeRange{lo, hi})
	if lo <= surrogateHi && hi >= surrogateLo {
		a.surrogates = append(a.surrogates, runeRange{max(lo, surrogateLo), min(hi, surrogateHi)})
	}
}

// finish returns the class's code points. Surrogate code units stand for
// the surrogate pairs they can form: a class listing both high and low
// surrogates admits every supplementary character.
func (a *classAcc) finish(icase bool) runeSet {
	s := newSet(a.set...)
	high, low := false, false
	for _, r := range a.surrogates {
		high = high || r.lo <= highEnd
		low = low || r.hi >= lowStart
	}
	if high && low {
		s = s.union(newSet(runeRange{0x10000, unicode.MaxRune}))
	}
	if icase {
		s = foldSet(s)
	}
	return s
}
