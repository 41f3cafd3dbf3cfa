package smithygen

import (
	"fmt"
	"regexp/syntax"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/model/pattern"
)

// stringSpec is a string's length bounds, in code points, and pattern.
type stringSpec struct {
	lo, hi int
	pat    *pattern.Pattern
	re     *syntax.Regexp // the expression samples are generated from
}

// plainString is the expression of strings without a pattern.
const plainString = `[a-z]*`

func newStringSpec(c model.Constraints) (*stringSpec, error) {
	s := &stringSpec{}
	s.lo, s.hi = lengthBounds(c)
	expr := plainString
	if c.Pattern != nil {
		s.pat = &pattern.Pattern{Match: c.Pattern.Match, NotMatch: c.Pattern.NotMatch}
		expr = c.Pattern.Match[0]
	}
	re, err := syntax.Parse(expr, syntax.Perl)
	s.re = re
	return s, err
}

func (s *stringSpec) valid(v string) bool {
	n := utf8.RuneCountInString(v)
	return n >= s.lo && (s.hi < 0 || n <= s.hi) && (s.pat == nil || s.pat.MatchString(v))
}

// sample returns the variant-th distinct valid, non-empty string generated
// with repetition counts 1, 2, ...
func (s *stringSpec) sample(variant int) (string, error) {
	seen := map[string]bool{}
	for k := 1; k <= s.lo+64; k++ {
		var b strings.Builder
		generate(&b, s.re, k)
		v := b.String()
		if v == "" || seen[v] || !s.valid(v) {
			continue
		}
		if seen[v] = true; len(seen) > variant {
			return v, nil
		}
	}
	return "", fmt.Errorf("no string %d of length %d..%d matches %s", variant, s.lo, s.hi, s.re)
}

// generate writes a string re matches, repeating every repetition k times
// within its bounds and taking the first non-empty branch of every
// alternation.
func generate(b *strings.Builder, re *syntax.Regexp, k int) {
	switch re.Op {
	case syntax.OpAlternate:
		sub := re.Sub[0]
		if sub.Op == syntax.OpEmptyMatch {
			sub = re.Sub[1]
		}
		generate(b, sub, k)
	case syntax.OpLiteral:
		b.WriteString(string(re.Rune))
	case syntax.OpCharClass:
		b.WriteRune(classRune(re.Rune))
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		b.WriteByte('a')
	case syntax.OpCapture:
		generate(b, re.Sub[0], k)
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			generate(b, sub, k)
		}
	case syntax.OpStar, syntax.OpPlus, syntax.OpQuest, syntax.OpRepeat:
		for range repeatCount(re, k) {
			generate(b, re.Sub[0], k)
		}
	}
}

func repeatCount(re *syntax.Regexp, k int) int {
	lo, hi := re.Min, re.Max
	switch re.Op {
	case syntax.OpStar:
		lo, hi = 0, -1
	case syntax.OpPlus:
		lo, hi = 1, -1
	case syntax.OpQuest:
		lo, hi = 0, 1
	}
	n := max(k, lo)
	if hi >= 0 && n > hi {
		n = hi
	}
	return n
}

// classRune picks a rune of a class given as sorted ranges: a letter or
// digit if it has one, else its first rune above ' ', else its first.
func classRune(ranges []rune) rune {
	for _, want := range [][2]rune{{'a', 'z'}, {'A', 'Z'}, {'0', '9'}, {'!', unicode.MaxRune}} {
		for i := 0; i+1 < len(ranges); i += 2 {
			if ranges[i] <= want[1] && ranges[i+1] >= want[0] {
				return max(ranges[i], want[0])
			}
		}
	}
	if len(ranges) == 0 {
		return 'a'
	}
	return ranges[0]
}
