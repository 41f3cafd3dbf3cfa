package pattern

// restrictSeq returns the non-empty matches of the sequence items whose
// first code point is in s. ok is false if a lookaround is in the way.
func restrictSeq(items []*node, s runeSet) (*node, bool) {
	var branches, prefix []*node
	for i, it := range items {
		r, ok := restrict(it, s)
		if !ok {
			return nil, false
		}
		branch := append(append(append([]*node{}, prefix...), r), items[i+1:]...)
		branches = append(branches, concat(branch...))
		e, ok := eps(it)
		if !ok {
			return nil, false
		}
		if e == nil {
			break
		}
		prefix = append(prefix, e)
	}
	return alt(branches...), true
}

// restrict returns the non-empty matches of n whose first code point is in s.
func restrict(n *node, s runeSet) (*node, bool) {
	if f := firstInfo(n); !f.pass && !f.unknown && !f.end {
		switch {
		case f.chars.subsetOf(s):
			return n, true
		case f.chars.disjoint(s):
			return never(), true
		}
	}
	switch n.op {
	case opSet:
		return setNode(n.set.intersect(s)), true
	case opConcat:
		return restrictSeq(n.subs, s)
	case opAlt:
		branches := make([]*node, len(n.subs))
		for i, b := range n.subs {
			var ok bool
			if branches[i], ok = restrict(b, s); !ok {
				return nil, false
			}
		}
		return alt(branches...), true
	case opRepeat:
		return restrictRepeat(n, s)
	case opLook:
		return nil, false
	}
	return never(), true
}

// restrictRepeat restricts sub{min,max}: the first non-empty iteration is
// restricted, the others follow unchanged. Empty iterations may precede it
// only if they need no assertion.
func restrictRepeat(n *node, s runeSet) (*node, bool) {
	sub := n.subs[0]
	if n.max == 0 {
		return never(), true
	}
	e, ok := eps(sub)
	if !ok || e != nil && !isEmpty(e) {
		return nil, false
	}
	r, ok := restrict(sub, s)
	if !ok {
		return nil, false
	}
	hi := n.max - 1
	if n.max < 0 {
		hi = -1
	}
	return concat(r, repeat(sub, max(n.min-1, 0), hi)), true
}

// epsSeq returns the empty matches of a sequence: the assertions they
// need, nil if there are none, or ok=false if a lookaround is in the way.
func epsSeq(items []*node) (*node, bool) {
	parts := make([]*node, 0, len(items))
	for _, it := range items {
		e, ok := eps(it)
		if !ok || e == nil {
			return nil, ok
		}
		parts = append(parts, e)
	}
	return concat(parts...), true
}

func eps(n *node) (*node, bool) {
	switch n.op {
	case opSet:
		return nil, true
	case opConcat:
		return epsSeq(n.subs)
	case opAlt:
		var branches []*node
		for _, b := range n.subs {
			e, ok := eps(b)
			if !ok {
				return nil, false
			}
			if e != nil {
				branches = append(branches, e)
			}
		}
		if len(branches) == 0 {
			return nil, true
		}
		return alt(branches...), true
	case opRepeat:
		if n.min == 0 || n.max == 0 {
			return empty(), true
		}
		return eps(n.subs[0])
	case opLook:
		return nil, false
	}
	return n, true
}

// endness tells whether an empty match (from eps) happens only at the end
// of input (atEnd) or never needs it (notEnd).
func endness(n *node) (atEnd, notEnd bool) {
	switch n.op {
	case opEnd:
		return true, false
	case opConcat:
		atEnd, notEnd = false, true
		for _, s := range n.subs {
			a, b := endness(s)
			atEnd, notEnd = atEnd || a, notEnd && b
		}
		return atEnd, notEnd
	case opAlt:
		atEnd, notEnd = true, true
		for _, s := range n.subs {
			a, b := endness(s)
			atEnd, notEnd = atEnd && a, notEnd && b
		}
		return atEnd, notEnd
	}
	return false, true
}
