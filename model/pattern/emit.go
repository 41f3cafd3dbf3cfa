package pattern

import (
	"errors"
	"fmt"
	"strings"
)

// maxRepeat is RE2's limit on a counted repetition, which also bounds the
// product of nested counts.
const maxRepeat = 1000

// maxEmit bounds the length of an emitted expression, and maxInsts the
// estimated size of its compiled program (counts are expanded by RE2).
const (
	maxEmit  = 1 << 20
	maxInsts = 1 << 18
)

var errTooLarge = errors.New("pattern is too large for RE2")

// emitted is a rendered expression.
type emitted struct {
	s      string
	atom   bool // takes a quantifier without parentheses
	alt    bool // is an alternation
	weight int  // product of the nested counts, as RE2 limits it
	insts  int  // estimated number of compiled instructions
}

func emit(n *node) (string, error) {
	e, err := emitNode(n)
	if err == nil && e.insts > maxInsts {
		err = errTooLarge
	}
	return e.s, err
}

func emitNode(n *node) (emitted, error) {
	switch n.op {
	case opSet:
		return emitted{s: renderSet(n.set), atom: true, weight: 1, insts: 1}, nil
	case opBegin:
		return emitted{s: "^", weight: 1, insts: 1}, nil
	case opEnd:
		return emitted{s: "$", weight: 1, insts: 1}, nil
	case opWordB:
		return emitted{s: `\b`, weight: 1, insts: 1}, nil
	case opNotWordB:
		return emitted{s: `\B`, weight: 1, insts: 1}, nil
	case opConcat, opAlt:
		return emitList(n)
	case opRepeat:
		return emitRepeat(n)
	}
	return emitted{}, fmt.Errorf("lookaround %s left in expression", n.src)
}

func emitList(n *node) (emitted, error) {
	var b strings.Builder
	out := emitted{weight: 1, alt: n.op == opAlt && len(n.subs) > 1}
	for i, sub := range n.subs {
		e, err := emitNode(sub)
		if err != nil {
			return emitted{}, err
		}
		if i > 0 && n.op == opAlt {
			b.WriteByte('|')
		}
		if e.alt && n.op == opConcat && len(n.subs) > 1 {
			e.s = "(?:" + e.s + ")"
		}
		b.WriteString(e.s)
		out.insts += e.insts + 1
		if b.Len() > maxEmit || out.insts > maxInsts {
			return emitted{}, errTooLarge
		}
		out.weight = max(out.weight, e.weight)
		if len(n.subs) == 1 {
			out.atom, out.alt = e.atom, e.alt
		}
	}
	out.s = b.String()
	return out, nil
}

func emitRepeat(n *node) (emitted, error) {
	sub := n.subs[0]
	if zeroWidth(sub) {
		// Repeating an assertion is the assertion, or nothing.
		if n.min == 0 {
			return emitted{weight: 1}, nil
		}
		return emitNode(sub)
	}
	e, err := emitNode(sub)
	if err != nil {
		return emitted{}, err
	}
	if !e.atom {
		e.s = "(?:" + e.s + ")"
	}
	out, err := counted(e.s, e.weight, n.min, n.max)
	// RE2 expands counts: lo copies, and hi-lo optional ones.
	out.insts = e.insts*max(n.min, 1) + (e.insts+1)*max(n.max-n.min, 1)
	if out.insts > maxInsts {
		return emitted{}, errTooLarge
	}
	return out, err
}

// counted renders atom{lo,hi} (hi < 0: unbounded) within RE2's limits:
// counts too large for RE2 are split into a sequence of smaller counts.
func counted(atom string, weight, lo, hi int) (emitted, error) {
	switch {
	case hi == 0:
		return emitted{weight: 1}, nil
	case lo == 1 && hi == 1:
		return emitted{s: atom, atom: true, weight: weight}, nil
	case lo == 0 && hi == 1:
		return emitted{s: atom + "?", weight: weight}, nil
	case lo == 0 && hi < 0:
		return emitted{s: atom + "*", weight: weight}, nil
	case lo == 1 && hi < 0:
		return emitted{s: atom + "+", weight: weight}, nil
	}
	limit := maxRepeat / weight
	switch {
	case hi < 0 && lo <= limit:
		return emitted{s: fmt.Sprintf("%s{%d,}", atom, lo), weight: lo * weight}, nil
	case hi >= 0 && hi <= limit && lo == hi:
		return emitted{s: fmt.Sprintf("%s{%d}", atom, lo), weight: lo * weight}, nil
	case hi >= 0 && hi <= limit:
		return emitted{s: fmt.Sprintf("%s{%d,%d}", atom, lo, hi), weight: hi * weight}, nil
	}
	if len(atom)*(lo+max(hi-lo, 0))/limit > maxEmit {
		return emitted{}, errTooLarge
	}
	s := exactly(atom, lo, limit)
	if hi < 0 {
		s += atom + "*"
	} else {
		s += upTo(atom, hi-lo, limit)
	}
	return emitted{s: s, weight: limit * weight}, nil
}

// exactly renders k copies of atom, in counts of at most limit.
func exactly(atom string, k, limit int) string {
	return strings.Repeat(times(atom, limit), k/limit) + times(atom, k%limit)
}

func times(atom string, k int) string {
	switch k {
	case 0:
		return ""
	case 1:
		return atom
	}
	return fmt.Sprintf("%s{%d}", atom, k)
}

// upTo renders 0 to k copies of atom, in counts of at most limit. The
// nesting "(?:a{L}(?:a{L}a{0,r}|a{0,L-1})|a{0,L-1})" is unambiguous, which
// keeps matching linear.
func upTo(atom string, k, limit int) string {
	if k <= limit {
		return zeroTo(atom, k)
	}
	levels := (k - 1) / limit
	return strings.Repeat("(?:"+times(atom, limit), levels) + zeroTo(atom, k-levels*limit) +
		strings.Repeat("|"+zeroTo(atom, limit-1)+")", levels)
}

func zeroTo(atom string, k int) string {
	switch k {
	case 0:
		return ""
	case 1:
		return atom + "?"
	}
	return fmt.Sprintf("%s{0,%d}", atom, k)
}
