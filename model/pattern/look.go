package pattern

import "fmt"

// RE2 has no lookaround. A lookaround is removed in one of these ways:
//
//   - Lifting: a lookahead whose position in every match is known (the start
//     of the input, or the end of a prefix that can end in only one place)
//     becomes a separate expression "^prefix(?:body)"; a lookbehind just
//     before the final $ becomes "(?:body)$". The pattern matches when the
//     remaining expression matches and each lifted one matches (positive)
//     or does not (negative). See liftTop, and liftAfterChar for lookaheads
//     that follow a character only they can follow.
//   - Distribution: a lookahead that tests only the next code point (or the
//     end of input) is folded into the expressions that follow it; a small
//     fixed repetition around one is expanded first. See distribute.
//   - Absorption: a lookahead after which the rest of the pattern can always
//     match the empty string decides the match alone, so it may consume.
//
// Anything else is reported as unsupported.

// check is an expression lifted out of a lookaround.
type check struct {
	re  *node
	neg bool
}

// eliminate removes every lookaround from root.
func eliminate(root *node) (*node, []check, error) {
	root, err := mapNode(root, unrollLook)
	if err == nil {
		root, err = mapNode(root, prepareLook)
	}
	if err != nil {
		return nil, nil, err
	}
	main, checks := liftTop(root)
	if main, err = localElim(main, nil); err != nil {
		return nil, nil, err
	}
	main, more := liftAfterChar(main)
	checks = append(checks, more...)
	if err := noLook(main); err != nil {
		return nil, nil, err
	}
	for i := range checks {
		if checks[i].re, err = localElim(checks[i].re, nil); err != nil {
			return nil, nil, err
		}
		if err := noLook(checks[i].re); err != nil {
			return nil, nil, err
		}
	}
	return main, checks, nil
}

func noLook(n *node) error {
	l := firstLook(n)
	switch {
	case l == nil:
		return nil
	case l.behind:
		return fmt.Errorf("lookbehind %s is only supported just before the final $", l.src)
	}
	return fmt.Errorf("lookahead %s is in a position RE2 cannot express", l.src)
}

// mapNode rebuilds n bottom-up, applying f to every node.
func mapNode(n *node, f func(*node) (*node, error)) (*node, error) {
	if len(n.subs) == 0 {
		return f(n)
	}
	c := *n
	c.subs = make([]*node, len(n.subs))
	for i, s := range n.subs {
		var err error
		if c.subs[i], err = mapNode(s, f); err != nil {
			return nil, err
		}
	}
	return f(&c)
}

// unrollLook expands a small fixed repetition that holds a lookaround, so
// that each copy sees its own continuation.
func unrollLook(n *node) (*node, error) {
	if n.op != opRepeat || n.min != n.max || n.min > 16 || !hasLook(n.subs[0]) {
		return n, nil
	}
	if n.min*treeSize(n.subs[0], maxUnrolled) > maxUnrolled {
		return nil, fmt.Errorf("repetition %s around a lookahead is too large to expand", n.src)
	}
	copies := make([]*node, n.min)
	for i := range copies {
		copies[i] = n.subs[0]
	}
	return concat(copies...), nil
}

// maxUnrolled bounds the size of an expanded repetition.
const maxUnrolled = 4096

// treeSize counts the nodes of n as a tree, stopping above limit.
func treeSize(n *node, limit int) int {
	size := 1
	for _, s := range n.subs {
		if size += treeSize(s, limit-size); size > limit {
			return size
		}
	}
	return size
}

// prepareLook removes what it can from a lookaround's body, which is
// matched on its own: a lookahead body's end is open, a lookbehind body
// ends at the end of input once lifted.
func prepareLook(n *node) (*node, error) {
	if n.op != opLook {
		return n, nil
	}
	var c *cont
	if n.behind {
		c = &cont{seq: []*node{{op: opEnd}}}
	}
	body, err := localElim(n.subs[0], c)
	if err != nil {
		return nil, err
	}
	if !n.behind {
		body = trimTail(body)
	}
	m := *n
	m.subs = []*node{body}
	return &m, nil
}

// trimTail drops from a lookahead body what can only extend a match: a
// lookahead asks only whether some prefix of the input matches its body.
func trimTail(n *node) *node {
	switch n.op {
	case opAlt:
		branches := make([]*node, len(n.subs))
		for i, b := range n.subs {
			branches[i] = trimTail(b)
		}
		return alt(branches...)
	case opConcat:
		items := n.subs
		for len(items) > 0 && optionalTail(items[len(items)-1]) {
			items = items[:len(items)-1]
		}
		if len(items) == 0 {
			return empty()
		}
		last := trimTail(items[len(items)-1])
		return concat(append(append([]*node{}, items[:len(items)-1]...), last)...)
	case opRepeat:
		if optionalTail(n) {
			return empty()
		}
		if assertionFree(n) {
			return repeat(n.subs[0], n.min, n.min)
		}
	}
	return n
}

func optionalTail(n *node) bool { return nullable(n) && assertionFree(n) }

func assertionFree(n *node) bool {
	if isAssertion(n) {
		return false
	}
	for _, s := range n.subs {
		if !assertionFree(s) {
			return false
		}
	}
	return true
}

// nullable reports whether an assertion-free n matches the empty string.
func nullable(n *node) bool {
	switch n.op {
	case opSet:
		return false
	case opAlt:
		for _, s := range n.subs {
			if nullable(s) {
				return true
			}
		}
		return false
	case opRepeat:
		return n.min == 0 || n.max == 0 || nullable(n.subs[0])
	}
	for _, s := range n.subs {
		if !nullable(s) {
			return false
		}
	}
	return true
}
