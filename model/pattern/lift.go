package pattern

// liftTop lifts the top-level lookarounds whose position is known.
func liftTop(root *node) (*node, []check) {
	items := flatten(root)
	pinned := startPinned(items)
	var kept []*node
	var checks []check
	for i, it := range items {
		if it.op == opLook {
			if c, ok := liftOne(items, i, pinned); ok {
				checks = append(checks, c)
				continue
			}
		}
		kept = append(kept, it)
	}
	return concat(kept...), checks
}

// flatten lists the items of the top-level sequence, entering groups.
func flatten(n *node) []*node {
	if n.op != opConcat {
		return []*node{n}
	}
	var items []*node
	for _, s := range n.subs {
		items = append(items, flatten(s)...)
	}
	return items
}

// startPinned reports whether every match starts at the start of input.
func startPinned(items []*node) bool {
	for _, it := range items {
		if it.op == opBegin {
			return true
		}
		if !zeroWidth(it) {
			return false
		}
	}
	return false
}

func liftOne(items []*node, i int, pinned bool) (check, bool) {
	look := items[i]
	body := look.subs[0]
	if look.behind {
		for _, it := range items[i+1:] {
			if it.op == opEnd {
				return check{concat(body, it), look.neg}, true
			}
			if !zeroWidth(it) {
				break
			}
		}
		return check{}, false
	}
	begin := &node{op: opBegin}
	for j := i - 1; j >= 0 && zeroWidth(items[j]); j-- {
		if items[j].op == opBegin {
			return check{concat(begin, body), look.neg}, true
		}
	}
	var prefix []*node
	for _, it := range items[:i] {
		if it.op != opLook {
			prefix = append(prefix, it)
		}
	}
	if _, fixed := fixedWidth(concat(prefix...)); pinned && (fixed || uniqueEnd(prefix)) {
		return check{concat(append(append([]*node{begin}, prefix...), body)...), look.neg}, true
	}
	return check{}, false
}

// uniqueEnd reports whether a match of the sequence can end in only one
// place: its last consuming item is a set that no earlier item can consume,
// so matches end at the first code point of that set.
func uniqueEnd(items []*node) bool {
	last := len(items) - 1
	for last >= 0 && zeroWidth(items[last]) {
		last--
	}
	if last < 0 || items[last].op != opSet {
		return false
	}
	for _, it := range items[:last] {
		if !chars(it).disjoint(items[last].set) {
			return false
		}
	}
	return true
}

// liftAfterChar lifts one-code-point lookaheads that directly follow a set
// D, when the pattern consumes the whole input (it is anchored at both
// ends) and only D can consume D's code points: the lookahead then applies
// after every occurrence of D in the input, "D(?!x)" becoming NotMatch "Dx".
func liftAfterChar(main *node) (*node, []check) {
	items := flatten(main)
	if !startPinned(items) || !endPinned(items) {
		return main, nil
	}
	var checks []check
	for {
		d, look := lookAfterSet(main)
		if look == nil {
			return main, checks
		}
		t, _ := charTest(look.subs[0])
		if !look.neg {
			t = t.negate()
		}
		if !soleConsumer(main, d, look) {
			return main, checks
		}
		checks = append(checks, check{concat(d, t.consume()), true})
		main = dropNode(main, look)
	}
}

func endPinned(items []*node) bool {
	for i := len(items) - 1; i >= 0; i-- {
		if items[i].op == opEnd {
			return true
		}
		if !zeroWidth(items[i]) {
			return false
		}
	}
	return false
}

// lookAfterSet finds the first one-code-point lookahead that directly
// follows a set in a sequence.
func lookAfterSet(n *node) (d, look *node) {
	for i, s := range n.subs {
		if n.op == opConcat && i > 0 && n.subs[i-1].op == opSet && s.op == opLook && !s.behind {
			if _, ok := charTest(s.subs[0]); ok {
				return n.subs[i-1], s
			}
		}
		if s.op != opLook {
			if d, look := lookAfterSet(s); look != nil {
				return d, look
			}
		}
	}
	return nil, nil
}

// soleConsumer reports whether every set in n other than d is disjoint
// from d, and every occurrence of d is directly followed by look.
func soleConsumer(n, d, look *node) bool {
	switch n.op {
	case opSet:
		return n == d || n.set.disjoint(d.set)
	case opLook:
		return true
	}
	for i, s := range n.subs {
		if s == d && (n.op != opConcat || i+1 == len(n.subs) || n.subs[i+1] != look) {
			return false
		}
		if !soleConsumer(s, d, look) {
			return false
		}
	}
	return true
}

// dropNode removes every occurrence of target from n.
func dropNode(n, target *node) *node {
	if n == target {
		return empty()
	}
	if len(n.subs) == 0 || n.op == opLook {
		return n
	}
	c := *n
	c.subs = make([]*node, len(n.subs))
	for i, s := range n.subs {
		c.subs[i] = dropNode(s, target)
	}
	return &c
}
