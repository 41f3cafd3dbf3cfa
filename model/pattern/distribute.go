package pattern

import "fmt"

// cont describes what may follow a point of a pattern: the items seq, then
// (when loop is set) another iteration of loop or what follows it, then
// next. A nil *cont is the open end of the pattern, where a match succeeds.
type cont struct {
	seq  []*node
	loop *node
	next *cont
}

// first summarizes how a match of a node may begin.
type first struct {
	chars   runeSet // code points it may consume first
	end     bool    // it may require the end of input
	pass    bool    // it may match the empty string without assertions
	unknown bool    // an assertion other than $ may come first
}

func (f *first) merge(g first) {
	f.chars = f.chars.union(g.chars)
	f.end = f.end || g.end
	f.unknown = f.unknown || g.unknown
}

func firstInfo(n *node) first {
	switch n.op {
	case opSet:
		return first{chars: n.set}
	case opEnd:
		return first{end: true}
	case opConcat:
		f := first{pass: true}
		for _, s := range n.subs {
			g := firstInfo(s)
			f.merge(g)
			if !g.pass {
				f.pass = false
				break
			}
		}
		return f
	case opAlt:
		var f first
		for _, s := range n.subs {
			g := firstInfo(s)
			f.merge(g)
			f.pass = f.pass || g.pass
		}
		return f
	case opRepeat:
		f := firstInfo(n.subs[0])
		f.pass = f.pass || n.min == 0 || n.max == 0
		return f
	}
	return first{pass: true, unknown: true}
}

// follow summarizes a continuation. open means it can always match the
// empty string up to the end of the pattern.
type follow struct {
	first
	open bool
}

func followInfo(c *cont) follow {
	var f follow
	blocked := false
	for ; c != nil; c = c.next {
		for _, n := range c.seq {
			g := firstInfo(n)
			f.merge(g)
			if !g.pass {
				return f
			}
		}
		if c.loop != nil {
			g := firstInfo(c.loop.subs[0])
			f.merge(g)
			blocked = blocked || (c.loop.min > 1 && !g.pass)
		}
	}
	f.open = !blocked && !f.unknown
	return f
}

// localElim removes the lookaheads that distribution or absorption can.
func localElim(n *node, c *cont) (*node, error) {
	switch n.op {
	case opConcat:
		return elimSeq(n.subs, c)
	case opLook:
		return elimSeq([]*node{n}, c)
	case opAlt:
		branches := make([]*node, len(n.subs))
		for i, b := range n.subs {
			var err error
			if branches[i], err = localElim(b, c); err != nil {
				return nil, err
			}
		}
		return alt(branches...), nil
	case opRepeat:
		body, err := localElim(n.subs[0], &cont{loop: n, next: c})
		if err != nil {
			return nil, err
		}
		if n.possessive {
			if err := checkPossessive(n, c); err != nil {
				return nil, err
			}
		}
		return repeat(body, n.min, n.max), nil
	}
	return n, nil
}

// checkPossessive accepts a possessive quantifier only where it means the
// same as a greedy one: over one code point, followed by something that
// cannot start with that code point.
func checkPossessive(n *node, c *cont) error {
	f := followInfo(c)
	if n.subs[0].op == opSet && (f.open || !f.unknown && f.chars.disjoint(n.subs[0].set)) {
		return nil
	}
	return fmt.Errorf("possessive quantifier %s is not supported by RE2", n.src)
}

// elimSeq processes a sequence right to left, so that every lookahead sees
// the already rewritten items after it.
func elimSeq(items []*node, c *cont) (*node, error) {
	var tail []*node
	for i := len(items) - 1; i >= 0; i-- {
		it := items[i]
		if it.op == opLook {
			if r, ok := elimLook(it, tail, c); ok {
				tail = []*node{r}
				continue
			}
		} else {
			var err error
			if it, err = localElim(it, &cont{seq: tail, next: c}); err != nil {
				return nil, err
			}
		}
		tail = append([]*node{it}, tail...)
	}
	return concat(tail...), nil
}

// elimLook rewrites a lookahead followed by tail (then c), if it can.
func elimLook(look *node, tail []*node, c *cont) (*node, bool) {
	body := look.subs[0]
	if look.behind || hasLook(body) {
		return nil, false
	}
	if t, ok := charTest(body); ok {
		if look.neg {
			t = t.negate()
		}
		return distribute(t, tail, c)
	}
	if !followInfo(&cont{seq: tail, next: c}).open {
		return nil, false
	}
	if !look.neg {
		return body, true
	}
	if seq, ok := fixedSequence(body); ok {
		return notPrefix(seq), true
	}
	return nil, false
}

// test is a lookahead on the next code point: it holds when that code
// point is in set, or at the end of input when endOK.
type test struct {
	set   runeSet
	endOK bool
}

func (t test) negate() test { return test{t.set.complement(), !t.endOK} }

// consume is a consuming expression for t, valid where nothing follows.
func (t test) consume() *node {
	if t.endOK {
		return alt(setNode(t.set), &node{op: opEnd})
	}
	return setNode(t.set)
}

// charTest recognizes a lookahead body that looks at one code point at most.
func charTest(body *node) (test, bool) {
	switch {
	case body.op == opSet:
		return test{set: body.set}, true
	case body.op == opEnd:
		return test{endOK: true}, true
	case isEmpty(body):
		return test{universe, true}, true
	case body.op == opAlt:
		var t test
		for _, b := range body.subs {
			bt, ok := charTest(b)
			if !ok {
				return test{}, false
			}
			t = test{t.set.union(bt.set), t.endOK || bt.endOK}
		}
		return t, true
	}
	return test{}, false
}

// fixedSequence recognizes a body that is a sequence of single code points.
func fixedSequence(body *node) ([]runeSet, bool) {
	var seq []runeSet
	for _, it := range flatten(body) {
		if it.op != opSet {
			return nil, false
		}
		seq = append(seq, it.set)
	}
	return seq, len(seq) > 0
}

// notPrefix matches a (consumed) string that does not start with seq.
func notPrefix(seq []runeSet) *node {
	if len(seq) == 0 {
		return never()
	}
	return alt(&node{op: opEnd}, setNode(seq[0].complement()),
		concat(setNode(seq[0]), notPrefix(seq[1:])))
}

// distribute rewrites "test, then tail, then c" without the test: the
// matches of tail that start with a code point the test accepts, and the
// empty matches of tail when the test holds at what follows.
func distribute(t test, tail []*node, c *cont) (*node, bool) {
	restricted, ok := restrictSeq(tail, t.set)
	if !ok {
		return nil, false
	}
	e, ok := epsSeq(tail)
	if !ok {
		return nil, false
	}
	if e == nil {
		return restricted, true
	}
	var rest *node
	switch atEnd, notEnd := endness(e); {
	case atEnd && t.endOK:
		rest = e
	case atEnd:
	case !notEnd:
		return nil, false
	default:
		f := followInfo(c)
		switch {
		case f.unknown:
			return nil, false
		case f.open:
			rest = concat(e, t.consume())
		case f.chars.subsetOf(t.set) && (!f.end || t.endOK):
			rest = e
		case f.chars.disjoint(t.set) && (!f.end || !t.endOK):
		default:
			return nil, false
		}
	}
	if rest == nil {
		return restricted, true
	}
	return alt(restricted, rest), true
}
