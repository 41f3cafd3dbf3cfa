package pattern

import (
	"regexp"
	"testing"
)

func FuzzTranslate(f *testing.F) {
	for _, s := range []string{
		`^\d+$`, `^(?!\s*$).+$`, `[\u0020-\uD7FF\uE000-\uFFFD\uD800\uDBFF-\uDC00\uDFFF\t]*`,
		`^.{1,2048}$`, `(?:a{2}){600}`, `^[a-z]([a-z]|-(?!-)){1,3}$`, `x(?!y)`, `^a.*(?<!\.)$`,
		`(?=^.{3}$)(?!^\d+$)(^\w+$)`, `[\p{Print}&&[^|:/]]`, `(?i)a\b[\w-.]`, `a{,}]}`, `\u{1F600}\0\cJ`,
		`^(?:(\d)(\.(?!$)|$)){4}$`, `^(?=[a-z]+)((?!ab\.).*)|\$$`, `[\/]?+a`, `((a)|b)+?\2`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, ecma string) {
		p, err := Translate(ecma)
		if err != nil {
			return
		}
		if len(p.Match) == 0 {
			t.Fatalf("Translate(%q): no Match expression", ecma)
		}
		for _, s := range append(append([]string{}, p.Match...), p.NotMatch...) {
			if _, err := regexp.Compile(s); err != nil {
				t.Fatalf("Translate(%q): %q does not compile: %v", ecma, s, err)
			}
		}
	})
}
