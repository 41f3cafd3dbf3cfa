package pattern

import (
	"regexp"
	"regexp/syntax"
	"testing"
	"time"
)

func TestZZProf(t *testing.T) {
	p, _ := Translate("^.{1,100000}$")
	s := p.Match[0]
	t.Logf("len %d", len(s))
	st := time.Now()
	re, _ := syntax.Parse(s, syntax.Perl)
	t.Logf("parse %v", time.Since(st))
	st = time.Now()
	re = re.Simplify()
	t.Logf("simplify %v", time.Since(st))
	st = time.Now()
	prog, _ := syntax.Compile(re)
	t.Logf("compile %v insts %d", time.Since(st), len(prog.Inst))
	st = time.Now()
	regexp.MustCompile(s)
	t.Logf("full %v", time.Since(st))
}
