package pattern

import (
	"encoding/json"
	"math/rand"
	"os"
	"regexp"
	"regexp/syntax"
	"strings"
	"testing"
)

type diffCase struct {
	P  string   `json:"p"`
	S  []string `json:"s"`
	Go []bool   `json:"go"`
}

var pool = []rune("aA0-_. /:\t\n\r\u00a0\u2028\u3000ʼé𝒜😀\u200b\x00\x7f\x85\uFEFF$@")

func genRe(r *rand.Rand, re *syntax.Regexp, b *strings.Builder, depth int) {
	switch re.Op {
	case syntax.OpLiteral:
		for _, c := range re.Rune {
			b.WriteRune(c)
		}
	case syntax.OpCharClass:
		if len(re.Rune) == 0 {
			return
		}
		i := r.Intn(len(re.Rune)/2) * 2
		lo, hi := re.Rune[i], re.Rune[i+1]
		if r.Intn(3) == 0 {
			b.WriteRune(lo)
		} else if r.Intn(2) == 0 {
			b.WriteRune(hi)
		} else {
			b.WriteRune(lo + rune(r.Int63n(int64(hi-lo+1))))
		}
	case syntax.OpAnyCharNotNL, syntax.OpAnyChar:
		b.WriteRune(pool[r.Intn(len(pool))])
	case syntax.OpCapture:
		genRe(r, re.Sub[0], b, depth)
	case syntax.OpConcat:
		for _, s := range re.Sub {
			genRe(r, s, b, depth)
		}
	case syntax.OpAlternate:
		genRe(r, re.Sub[r.Intn(len(re.Sub))], b, depth)
	case syntax.OpStar, syntax.OpPlus, syntax.OpQuest, syntax.OpRepeat:
		lo, hi := 0, 3
		switch re.Op {
		case syntax.OpPlus:
			lo = 1
		case syntax.OpQuest:
			hi = 1
		case syntax.OpRepeat:
			lo, hi = re.Min, re.Max
			if hi < 0 {
				hi = lo + 3
			}
		}
		n := lo + r.Intn(hi-lo+1)
		if hi-lo > 5 {
			switch r.Intn(4) {
			case 0:
				n = lo
			case 1:
				n = hi
			case 2:
				n = lo + r.Intn(4)
			}
		}
		if depth > 6 {
			n = lo
		}
		for i := 0; i < n; i++ {
			genRe(r, re.Sub[0], b, depth+1)
		}
	}
}

func mutate(r *rand.Rand, s string) string {
	rs := []rune(s)
	switch k := r.Intn(5); {
	case k == 0 && len(rs) > 0:
		i := r.Intn(len(rs))
		rs = append(rs[:i:i], rs[i+1:]...)
	case k == 1:
		i := r.Intn(len(rs) + 1)
		rs = append(rs[:i:i], append([]rune{pool[r.Intn(len(pool))]}, rs[i:]...)...)
	case k == 2 && len(rs) > 0:
		rs[r.Intn(len(rs))] = pool[r.Intn(len(pool))]
	case k == 3 && len(rs) > 0:
		rs[len(rs)-1] = pool[r.Intn(len(pool))]
	default:
		rs = append(rs, rs...)
	}
	return string(rs)
}

func TestZZDiffGen(t *testing.T) {
	if os.Getenv("DIFFGEN") == "" {
		t.Skip()
	}
	pats := corpusPatterns(t)
	extra, _ := os.ReadFile("/tmp/diff/extra.txt")
	for _, l := range strings.Split(string(extra), "\n") {
		if l != "" {
			pats = append(pats, l)
		}
	}
	r := rand.New(rand.NewSource(1))
	var cases []diffCase
	for _, p := range pats {
		tp, err := Translate(p)
		if err != nil {
			continue
		}
		c := diffCase{P: p}
		seen := map[string]bool{}
		for _, expr := range append(append([]string{}, tp.Match...), tp.NotMatch...) {
			re, err := syntax.Parse(expr, syntax.Perl)
			if err != nil {
				t.Fatal(err)
			}
			re = re.Simplify()
			for i := 0; i < 40; i++ {
				var b strings.Builder
				genRe(r, re, &b, 0)
				s := b.String()
				if len(s) > 300000 {
					continue
				}
				for _, v := range []string{s, mutate(r, s), mutate(r, mutate(r, s))} {
					if !seen[v] {
						seen[v] = true
						c.S = append(c.S, v)
					}
				}
			}
		}
		for _, v := range []string{"", " ", "  ", "\t\n", "a", "😀", "a😀", "\u00a0"} {
			if !seen[v] {
				seen[v] = true
				c.S = append(c.S, v)
			}
		}
		var ms, ns []*regexp.Regexp
		for _, m := range tp.Match {
			ms = append(ms, regexp.MustCompile(m))
		}
		for _, m := range tp.NotMatch {
			ns = append(ns, regexp.MustCompile(m))
		}
		for _, s := range c.S {
			ok := true
			for _, m := range ms {
				ok = ok && m.MatchString(s)
			}
			for _, m := range ns {
				ok = ok && !m.MatchString(s)
			}
			c.Go = append(c.Go, ok)
		}
		cases = append(cases, c)
	}
	b, _ := json.Marshal(cases)
	os.WriteFile("/tmp/diff/cases.json", b, 0o644)
}
