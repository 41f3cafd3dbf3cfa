package pattern

import (
	"sort"
	"testing"
	"time"
)

func TestZZTime(t *testing.T) {
	type pt struct {
		p string
		d time.Duration
	}
	var all []pt
	for _, p := range corpusPatterns(t) {
		s := time.Now()
		Translate(p)
		all = append(all, pt{p, time.Since(s)})
	}
	sort.Slice(all, func(i, j int) bool { return all[i].d > all[j].d })
	for _, x := range all[:12] {
		t.Logf("%v %.100q", x.d, x.p)
	}
}
