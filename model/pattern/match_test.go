package pattern

import (
	"strings"
	"testing"
)

// matchCases pair patterns with strings that must and must not match, as
// an ECMAScript engine in Unicode mode decides, except for surrogate code
// units in classes (which stand for surrogate pairs) and Java constructs.
var matchCases = []struct {
	ecma    string
	yes, no []string
}{
	{`^\w+$`, []string{"abc_123"}, []string{"é", "a b", ""}},
	{`\w+`, []string{"!hello!"}, []string{"!!!", ""}},
	{`^\s+$`, []string{" ", "\t\n\v\f\r", "\u00a0\u1680\u2000\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"},
		[]string{"\u200b", "\u0085", "a", ""}},
	{`^\S+$`, []string{"a", "\u0085", "\u200b", "😀"}, []string{"a b", "\u3000", "\ufeff"}},
	{`^\d+$`, []string{"0123456789"}, []string{"٣", "x"}},
	{`^.$`, []string{"a", "😀", "\u0085"}, []string{"\n", "\r", "\u2028", "\u2029", "ab", ""}},
	{`^[^]$`, []string{"a", "\n", "😀"}, []string{"", "ab"}},
	{`^[]$`, nil, []string{"", "a"}},
	{`^\bfoo\b`, []string{"foo bar", "foo"}, []string{"foobar", " foo"}},
	{`^\x41\u0042\u{43}\cJ$`, []string{"ABC\n"}, []string{"ABC"}},
	{`a\1`, []string{"a\x01"}, []string{"a1"}},
	{`^[^/:|\000-\037]+$`, []string{"abc"}, []string{"a\x1f", "a/b", "a\x00"}},
	{`^[\w-.]+$`, []string{"a-b.c"}, []string{"a b"}},
	// Supplementary characters.
	{`^[\u0020-\uD7FF\uE000-\uFFFD\uD800\uDBFF-\uDC00\uDFFF\t]*$`,
		[]string{"", "hello\tworld", "😀𝒜", "\U0010FFFF", "\uFFFD"}, []string{"\n", "\x00", "\uFFFE"}},
	{`^[\u0020-\uD7FF\uE000-\uFFFD\uD800\uDC00-\uDBFF\uDFFF\t]+$`, []string{"😀", "a\U00010000"}, []string{"\n", ""}},
	{`^[\uD800-\uDBFF]$`, nil, []string{"😀", "a"}},
	{`^\uD83D\uDE00{2}$`, []string{"😀😀"}, []string{"😀", "\uFFFD\uFFFD"}},
	{`^.{2}$`, []string{"😀😀", "a😀"}, []string{"😀"}},
	{`^\P{C}*$`, []string{"héllo 😀"}, []string{"\x00", "\u200b", "\u0378"}},
	{`^[^\p{C}\p{IsWhitespace}]+$`, []string{"abc", "é"}, []string{"a b", "\u00a0", "\x7f"}},
	// Whitespace-only strings.
	{`^(?!\s*$).+$`, []string{"a", " a ", "\u3000x"}, []string{"", " ", "\t\u3000", "\u00a0\ufeff"}},
	{`^(?!\s*$)[\u0020-\uD7FF\uE000-\uFFFD\uD800\uDBFF-\uDC00\uDFFF\t]*$`,
		[]string{"x", " 😀 "}, []string{"", "   ", "\t", "a\n"}},
	{`^(?!aws:)[\p{L}\p{Z}\p{N}_.:/=+\-@]*$`, []string{"", "Name", "ÄÖ 42", "aws", "my:aws:x"}, []string{"aws:foo", "a!"}},
	// Lookarounds.
	{`^[a-z0-9]([a-z0-9]|-(?!-)){1,61}[a-z0-9]$`, []string{"a-b", "abc", "a-b-c"}, []string{"a--b", "-ab", "ab-", "ab"}},
	{`^[0-9A-Za-z\.\-_]*(?<!\.)$`, []string{"", "a.b", "a"}, []string{"a.", "."}},
	{`^P(?!$)(\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$`,
		[]string{"P1Y", "P1DT2H", "PT5S"}, []string{"P", "P1DT", "PT", "P1"}},
	{`^(-?)P(?=\d|T\d)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)([DW]))?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$`,
		[]string{"P1Y", "-PT1H", "P2W"}, []string{"P", "-P", "PT", "P1"}},
	{`^(?:(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])(\.(?!$)|$)){4}$`,
		[]string{"192.168.0.1", "0.0.0.0"}, []string{"192.168.0.1.", "1.2.3", "256.1.1.1", "1.2.3.4.5"}},
	{`(?=^.{3,63}$)(?!^(\d+\.)+\d+$)(^(([a-z0-9]|[a-z0-9][a-z0-9\-]*[a-z0-9])\.)*([a-z0-9]|[a-z0-9][a-z0-9\-]*[a-z0-9])$)`,
		[]string{"my-bucket", "a.b.c", "123"}, []string{"ab", "1.2.3.4", "-ab", "a..b"}},
	{`^(?=[/\.\-_A-Za-z0-9]+)((?!aws\.).*)|(\$(\.[\w_-]+(\[(\d+|\*)\])*)*)$`,
		[]string{"abc", "aw", "aws", "awsx.", "x$.a", "aws.x$"}, []string{"aws.foo", "!abc", ""}},
	{`^(^(?!(system\x2e)))(^[_a-zA-Z0-9])([^$]*)$`, []string{"system", "systemx.", "a b"}, []string{"system.x", "", "a$"}},
	{`^/^(?=.*[a-z])(?=.*[A-Z])(?=.*\d)[a-zA-Z\d\S]{8,64}$/$`, nil, []string{"/aB3aaaaaa/", "aB3aaaaaa"}},
	{`x(?!y)`, []string{"x", "xz", "yxxy"}, []string{"xy", ""}},
	{`(?!a)[ab]`, []string{"b", "ab"}, []string{"a", "aa"}},
	{`^(?:a(?=b)|c)b$`, []string{"ab", "cb"}, []string{"a", "b"}},
	// Java constructs.
	{`^\A[a-zA-Z0-9_]+\z$`, []string{"abc"}, []string{"a b", "Aabcz "}},
	{`^(?i)all|[0-9]{12}$`, []string{"ALL", "aLl...", "123456789012"}, []string{"al", "12345678901"}},
	{`^[\p{Print}&&[^|:/]]+$`, []string{"abc def"}, []string{"a|b", "a:b", "é"}},
	{`^[\/]?+[a-zA-Z0-9!_.*'()-]+(\/[a-zA-Z0-9!_.*'()-]+)*$`, []string{"/a/b", "a"}, []string{"//a", "/"}},
	{`^(?s).+$`, []string{"a\nb"}, []string{""}},
}

func TestMatchString(t *testing.T) {
	for _, tt := range matchCases {
		p, err := Translate(tt.ecma)
		if err != nil {
			t.Errorf("Translate(%q): %v", tt.ecma, err)
			continue
		}
		for _, s := range tt.yes {
			if !p.MatchString(s) {
				t.Errorf("%q does not match %q (translated to %q, not %q)", tt.ecma, s, p.Match, p.NotMatch)
			}
		}
		for _, s := range tt.no {
			if p.MatchString(s) {
				t.Errorf("%q matches %q (translated to %q, not %q)", tt.ecma, s, p.Match, p.NotMatch)
			}
		}
	}
}

// TestMatchLongStrings checks counts above RE2's limit at their bounds.
func TestMatchLongStrings(t *testing.T) {
	tests := []struct {
		ecma     string
		unit     string // repeated to build the strings
		prefix   string
		min, max int // counts of unit that match, inclusive
	}{
		{`^.{1,2048}$`, "a", "", 1, 2048},
		{`^[A-Za-z0-9][A-Za-z0-9:_/+=,@.-]{0,2048}$`, "b", "a", 0, 2048},
		{`^\p{ASCII}{0,8192}$`, "~", "", 0, 8192},
		{`^(?:ab){0,1500}$`, "ab", "", 0, 1500},
		{`^(?:a{2}){600}$`, "a", "", 1200, 1200},
		{`^\S{1001,1002}$`, "😀", "", 1001, 1002},
		{`^.{16,1024}$`, "é", "", 16, 1024},
		{`^.{1,100000}$`, "x", "", 1, 100000},
	}
	for _, tt := range tests {
		p, err := Translate(tt.ecma)
		if err != nil {
			t.Errorf("Translate(%q): %v", tt.ecma, err)
			continue
		}
		for _, n := range []int{tt.min - 1, tt.min, tt.max, tt.max + 1} {
			if n < 0 {
				continue
			}
			s := tt.prefix + strings.Repeat(tt.unit, n)
			if want := n >= tt.min && n <= tt.max; p.MatchString(s) != want {
				t.Errorf("%q on %d × %q: match = %v, want %v", tt.ecma, n, tt.unit, !want, want)
			}
		}
		bad := tt.prefix + strings.Repeat(tt.unit, tt.max-1) + "\u2028"
		if p.MatchString(bad) {
			t.Errorf("%q matches a string ending in U+2028", tt.ecma)
		}
	}
}
