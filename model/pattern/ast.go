package pattern

// op is the kind of a regular expression node.
type op uint8

const (
	opSet      op = iota // one code point from set
	opConcat             // subs in sequence
	opAlt                // any of subs
	opRepeat             // subs[0] repeated min..max times (max < 0: unbounded)
	opBegin              // ^ (start of input)
	opEnd                // $ (end of input)
	opWordB              // \b
	opNotWordB           // \B
	opLook               // lookaround over subs[0]
)

// node is a parsed pattern. Nodes are never modified after construction, so
// rewritten trees may share them.
type node struct {
	op         op
	set        runeSet
	subs       []*node
	min, max   int
	behind     bool   // opLook: lookbehind rather than lookahead
	neg        bool   // opLook: negative
	possessive bool   // opRepeat: Java possessive quantifier
	src        string // opLook, opRepeat: source text, for messages
}

func setNode(s runeSet) *node { return &node{op: opSet, set: s} }

// never matches nothing.
func never() *node { return setNode(nil) }

func empty() *node { return &node{op: opConcat} }

func isEmpty(n *node) bool { return n.op == opConcat && len(n.subs) == 0 }

func isNever(n *node) bool { return n.op == opSet && len(n.set) == 0 }

// concat builds a sequence, flattening nested sequences.
func concat(items ...*node) *node {
	var subs []*node
	for _, it := range items {
		switch {
		case it.op == opConcat:
			subs = append(subs, it.subs...)
		case isNever(it):
			return never()
		case len(subs) > 0 && idempotent(it) && subs[len(subs)-1].op == it.op:
			// ^^ is ^, $$ is $, \b\b is \b.
		default:
			subs = append(subs, it)
		}
	}
	if len(subs) == 1 {
		return subs[0]
	}
	return &node{op: opConcat, subs: subs}
}

// alt builds an alternation, dropping branches that match nothing.
func alt(branches ...*node) *node {
	var subs []*node
	for _, b := range branches {
		switch {
		case b == nil || isNever(b):
		case b.op == opAlt:
			subs = append(subs, b.subs...)
		default:
			subs = append(subs, b)
		}
	}
	switch len(subs) {
	case 0:
		return never()
	case 1:
		return subs[0]
	}
	return &node{op: opAlt, subs: subs}
}

func repeat(sub *node, lo, hi int) *node {
	switch {
	case lo == 1 && hi == 1:
		return sub
	case hi == 0:
		return empty()
	}
	return &node{op: opRepeat, subs: []*node{sub}, min: lo, max: hi}
}

func idempotent(n *node) bool {
	return n.op == opBegin || n.op == opEnd || n.op == opWordB || n.op == opNotWordB
}

func isAssertion(n *node) bool {
	switch n.op {
	case opBegin, opEnd, opWordB, opNotWordB, opLook:
		return true
	}
	return false
}

// zeroWidth reports whether n never consumes input.
func zeroWidth(n *node) bool {
	switch n.op {
	case opSet:
		return isNever(n)
	case opConcat, opAlt, opRepeat:
		for _, s := range n.subs {
			if !zeroWidth(s) {
				return false
			}
		}
		return true
	}
	return true
}

// fixedWidth returns the number of code points every match of n consumes.
func fixedWidth(n *node) (int, bool) {
	switch n.op {
	case opSet:
		return 1, true
	case opConcat:
		sum := 0
		for _, s := range n.subs {
			w, ok := fixedWidth(s)
			if !ok {
				return 0, false
			}
			sum += w
		}
		return sum, true
	case opAlt:
		w0, ok := fixedWidth(n.subs[0])
		for _, s := range n.subs[1:] {
			w, wok := fixedWidth(s)
			ok = ok && wok && w == w0
		}
		return w0, ok
	case opRepeat:
		w, ok := fixedWidth(n.subs[0])
		return w * n.min, ok && (n.min == n.max || w == 0)
	}
	return 0, true
}

// chars returns every code point n can consume.
func chars(n *node) runeSet {
	if n.op == opSet {
		return n.set
	}
	var s runeSet
	if n.op != opLook {
		for _, sub := range n.subs {
			s = s.union(chars(sub))
		}
	}
	return s
}

// hasLook reports whether n contains a lookaround.
func hasLook(n *node) bool {
	if n.op == opLook {
		return true
	}
	for _, s := range n.subs {
		if hasLook(s) {
			return true
		}
	}
	return false
}

// firstLook returns the leftmost lookaround in n, or nil.
func firstLook(n *node) *node {
	if n.op == opLook {
		return n
	}
	for _, s := range n.subs {
		if l := firstLook(s); l != nil {
			return l
		}
	}
	return nil
}
