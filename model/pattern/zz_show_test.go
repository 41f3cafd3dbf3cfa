package pattern

import (
	"os"
	"strings"
	"testing"
)

func TestZZShow(t *testing.T) {
	for _, p := range strings.Split(os.Getenv("PATS"), "\n") {
		if p == "" {
			continue
		}
		tp, err := Translate(p)
		if err != nil {
			t.Logf("%s\n   ERR %v", p, err)
			continue
		}
		t.Logf("%s\n   M %q\n   N %q", p, tp.Match, tp.NotMatch)
	}
}
