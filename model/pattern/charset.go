package pattern

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
)

// runeRange is an inclusive range of code points.
type runeRange struct{ lo, hi rune }

// runeSet is a set of code points: sorted, non-overlapping, non-adjacent
// ranges. Sets never hold surrogate code points, which cannot occur in a
// Go string.
type runeSet []runeRange

const (
	surrogateLo = 0xD800
	highEnd     = 0xDBFF
	lowStart    = 0xDC00
	surrogateHi = 0xDFFF
)

// universe holds every code point a Go string can carry.
var universe = runeSet{{0, surrogateLo - 1}, {surrogateHi + 1, unicode.MaxRune}}

// newSet builds a normalized set from arbitrary ranges, dropping surrogates.
func newSet(rs ...runeRange) runeSet {
	rs = slices.Clone(rs)
	slices.SortFunc(rs, func(a, b runeRange) int { return int(a.lo - b.lo) })
	var out runeSet
	for _, r := range rs {
		if r.lo > r.hi {
			continue
		}
		if n := len(out); n > 0 && r.lo <= out[n-1].hi+1 {
			out[n-1].hi = max(out[n-1].hi, r.hi)
			continue
		}
		out = append(out, r)
	}
	return out.intersect(universe)
}

func single(r rune) runeSet { return newSet(runeRange{r, r}) }

func (s runeSet) union(t runeSet) runeSet {
	return newSet(append(slices.Clone(s), t...)...)
}

func (s runeSet) intersect(t runeSet) runeSet {
	var out runeSet
	i, j := 0, 0
	for i < len(s) && j < len(t) {
		lo, hi := max(s[i].lo, t[j].lo), min(s[i].hi, t[j].hi)
		if lo <= hi {
			out = append(out, runeRange{lo, hi})
		}
		if s[i].hi < t[j].hi {
			i++
		} else {
			j++
		}
	}
	return out
}

// complement returns the code points of the universe not in s.
func (s runeSet) complement() runeSet {
	var out runeSet
	next := rune(0)
	for _, r := range s {
		if r.lo > next {
			out = append(out, runeRange{next, r.lo - 1})
		}
		next = r.hi + 1
	}
	if next <= unicode.MaxRune {
		out = append(out, runeRange{next, unicode.MaxRune})
	}
	return out.intersect(universe)
}

func (s runeSet) minus(t runeSet) runeSet { return s.intersect(t.complement()) }

func (s runeSet) subsetOf(t runeSet) bool {
	j := 0
	for _, r := range s {
		for j < len(t) && t[j].hi < r.lo {
			j++
		}
		if j == len(t) || t[j].lo > r.lo || t[j].hi < r.hi {
			return false
		}
	}
	return true
}

func (s runeSet) disjoint(t runeSet) bool { return len(s.intersect(t)) == 0 }

func (s runeSet) equal(t runeSet) bool { return slices.Equal(s, t) }

// renderSet writes s as a Go regexp matching exactly one code point of s.
func renderSet(s runeSet) string {
	switch {
	case len(s) == 0:
		return `[^\x00-\x{10FFFF}]`
	case len(s) == 1 && s[0].lo == s[0].hi:
		return quoteRune(s[0].lo)
	case s.equal(universe):
		return `[\x00-\x{10FFFF}]`
	}
	pos, neg := classBody(s), classBody(s.complement())
	if len(neg) < len(pos) {
		return "[^" + neg + "]"
	}
	return "[" + pos + "]"
}

// classBody renders the inside of a Go character class for s, naming
// Unicode categories that s wholly contains when that is shorter.
func classBody(s runeSet) string {
	var b strings.Builder
	rest := s
	if len(s) > 16 {
		for _, name := range renderCategories {
			cat := categorySet(name)
			if cat.subsetOf(rest) {
				fmt.Fprintf(&b, `\p{%s}`, name)
				rest = rest.minus(cat)
			}
		}
	}
	for _, r := range rest {
		b.WriteString(classRune(r.lo))
		if r.hi > r.lo {
			if r.hi > r.lo+1 {
				b.WriteByte('-')
			}
			b.WriteString(classRune(r.hi))
		}
	}
	return b.String()
}

// renderCategories lists the categories classBody may name, widest first.
var renderCategories = []string{
	"L", "M", "N", "P", "S", "Z",
	"Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Mc", "Me", "Nd", "Nl", "No",
	"Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "Sm", "Sc", "Sk", "So",
	"Zs", "Cf", "Co",
}

var controlNames = map[rune]string{'\t': `\t`, '\n': `\n`, '\v': `\v`, '\f': `\f`, '\r': `\r`}

// classRune renders r for use inside a Go character class.
func classRune(r rune) string {
	if name, ok := controlNames[r]; ok {
		return name
	}
	if r < 0x20 || r > 0x7e {
		return hexRune(r)
	}
	if strings.ContainsRune(`\^-[]`, r) {
		return `\` + string(r)
	}
	return string(r)
}

// quoteRune renders r as a Go regexp matching only r.
func quoteRune(r rune) string {
	if name, ok := controlNames[r]; ok {
		return name
	}
	if r < 0x20 || r > 0x7e {
		return hexRune(r)
	}
	if strings.ContainsRune(`\.+*?()|[]{}^$`, r) {
		return `\` + string(r)
	}
	return string(r)
}

func hexRune(r rune) string {
	if r < 0x100 {
		return fmt.Sprintf(`\x%02X`, r)
	}
	return fmt.Sprintf(`\x{%X}`, r)
}
