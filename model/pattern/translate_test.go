package pattern

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

const (
	goDot   = `[^\n\r\x{2028}\x{2029}]`
	goSpace = `[\t-\r \xA0\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]`
)

func TestTranslate(t *testing.T) {
	tests := []struct {
		ecma            string
		match, notMatch []string
	}{
		// Escapes and classes keep ECMAScript's meaning.
		{`^\d+$`, []string{`^[0-9]+$`}, nil},
		{`\w\W`, []string{`[0-9A-Z_a-z][^0-9A-Z_a-z]`}, nil},
		{`.`, []string{goDot}, nil},
		{`\s`, []string{goSpace}, nil},
		{`\/\-\'\ `, []string{`/-' `}, nil},
		{`\u00e9\x41\u{1F600}\cJ\0`, []string{`\xE9A\x{1F600}\n\x00`}, nil},
		{`\uD83D\uDE00`, []string{`\x{1F600}`}, nil},
		{`a\1\8`, []string{`a\x018`}, nil},
		{`[\000-\037/]`, []string{`[\x00-\x1F/]`}, nil},
		{`[\w-.]`, []string{`[\-.0-9A-Z_a-z]`}, nil},
		{`[\b]`, []string{`\x08`}, nil},
		{`[]a|[^]`, []string{`[\x00-\x{10FFFF}]`}, nil},
		{`^[]$`, []string{`[^\x00-\x{10FFFF}]`}, nil},
		{`a{|}]`, []string{`a\{|\}\]`}, nil},
		{`[\p{L}\d_]`, []string{`[\p{L}0-9_]`}, nil},
		{`\P{C}`, []string{`[\p{L}\p{M}\p{N}\p{P}\p{S}\p{Z}]`}, nil},
		{`\p{Print}\p{Graph}`, []string{`[ -~][!-~]`}, nil},
		{`[\p{Print}&&[^|:/]]`, []string{`[ -.0-9;-{}~]`}, nil},
		{`(?i)a[b-c]`, []string{`[Aa][BCbc]`}, nil},
		{`(?s).`, []string{`[\x00-\x{10FFFF}]`}, nil},
		{`\A^a$\z`, []string{`^a$`}, nil},
		// Surrogate code units in a class stand for surrogate pairs.
		{`[\u0020-\uD7FF\uE000-\uFFFD\uD800\uDBFF-\uDC00\uDFFF\t]`,
			[]string{`[^\x00-\x08\n-\x1F\x{FFFE}\x{FFFF}]`}, nil},
		{`[\uD800\uDC00-\uDBFF\uDFFF]`, []string{`[\x{10000}-\x{10FFFF}]`}, nil},
		{`[\uD800-\uDBFF]`, []string{`[^\x00-\x{10FFFF}]`}, nil},
		// Counts above RE2's limit are split.
		{`a{0,2048}`, []string{`(?:a{1000}(?:a{1000}a{0,48}|a{0,999})|a{0,999})`}, nil},
		{`a{2500}`, []string{`a{1000}a{1000}a{500}`}, nil},
		{`a{1001,}`, []string{`a{1000}aa*`}, nil},
		{`(?:a{2}){600}`, []string{`(?:a{2}){500}(?:a{2}){100}`}, nil},
		{`(?:ab){3,}?`, []string{`(?:ab){3,}`}, nil},
		// Lookaheads at a known position are lifted.
		{`^(?!\s*$).+$`, []string{`^` + goDot + `+$`}, []string{`^` + goSpace + `*$`}},
		{`(?=^.{3}$)(?!^\d+$)(^\w+$)`, []string{`^[0-9A-Z_a-z]+$`, `^` + goDot + `{3}$`}, []string{`^[0-9]+$`}},
		{`^[a-z](?!.*--)[a-z-]*$`, []string{`^[a-z][\-a-z]*$`}, []string{`^[a-z]` + goDot + `*--`}},
		{`^(-?)P(?=\d|T\d)`, []string{`^-?P`, `^-?P(?:[0-9]|T[0-9])`}, nil},
		{`^a.*(?<!\.)$`, []string{`^a` + goDot + `*$`}, []string{`\.$`}},
		{`^[a-z]([a-z]|-(?!-))*$`, []string{`^[a-z](?:[a-z]|-)*$`}, []string{`--`}},
		// One-code-point lookaheads are distributed.
		{`^(?:(?!-)[a-z-]{1,3}|_)$`, []string{`^(?:[a-z][\-a-z]{0,2}|_)$`}, nil},
		{`^(?:T(?=\d)(\d+H)?(\d+S)?)?$`, []string{`^(?:T(?:[0-9]+H(?:[0-9]+S)?|[0-9]+S))?$`}, nil},
		{`x(?!y)`, []string{`x(?:[^y]|$)`}, nil},
		// A lookahead the rest of the pattern cannot contradict decides alone.
		{`^(?:a(?!bc).*|d)`, []string{`^(?:a(?:$|[^b]|b(?:$|[^c]))|d)`}, nil},
	}
	for _, tt := range tests {
		p, err := Translate(tt.ecma)
		if err != nil {
			t.Errorf("Translate(%q): %v", tt.ecma, err)
			continue
		}
		if !slices.Equal(p.Match, tt.match) || !slices.Equal(p.NotMatch, tt.notMatch) {
			t.Errorf("Translate(%q) = %q, not %q\n  want %q, not %q", tt.ecma, p.Match, p.NotMatch, tt.match, tt.notMatch)
		}
		for _, s := range append(slices.Clone(p.Match), p.NotMatch...) {
			if _, err := regexp.Compile(s); err != nil {
				t.Errorf("Translate(%q): %q does not compile: %v", tt.ecma, s, err)
			}
		}
	}
}

func TestTranslateErrors(t *testing.T) {
	tests := []struct{ ecma, want string }{
		{`(a)\1`, `backreference \1`},
		{`(?<n>a)\k<n>`, `backreference \k`},
		{`a(?<=b)c`, `lookbehind (?<=b)`},
		{`(?=.*\d)(?=.*[a-z]).{4,}`, `lookahead (?=.*\d)`},
		{`^(?:a(?!bc)|d)+e$`, `lookahead (?!bc)`},
		{`\y`, `unsupported escape \y`},
		{`\x4`, `unsupported escape \x`},
		{`\u12`, `invalid \u escape`},
		{`\uD800`, `lone surrogate`},
		{`\p{Nope}`, `unknown Unicode property`},
		{`[b-a]`, `range out of order`},
		{`a{2,1}`, `numbers out of order`},
		{`a{1,2000000}`, `repetition count above`},
		{`(`, `missing )`},
		{`)`, `unmatched )`},
		{`[a`, `missing ]`},
		{`*a`, `nothing to repeat`},
		{`a**`, `nothing to repeat`},
		{`^*`, `nothing to repeat`},
		{`x{2}`[1:], `nothing to repeat`},
		{`(?<=a)*`, `nothing to repeat`},
		{`(?m)^a`, `multiline`},
		{`(?x)a`, `unsupported group`},
		{`(?:ab)++`, `possessive quantifier`},
		{`a*+a`, `possessive quantifier`},
		{`\`, `at end of pattern`},
		{"\xff", `not valid UTF-8`},
		{`((((a(?=b)){16}){16}){16})`, `too large to expand`},
	}
	for _, tt := range tests {
		p, err := Translate(tt.ecma)
		if err == nil {
			t.Errorf("Translate(%q) = %q, %q; want an error", tt.ecma, p.Match, p.NotMatch)
			continue
		}
		if !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Translate(%q): error %q does not mention %q", tt.ecma, err, tt.want)
		}
	}
}

func TestMatchStringBadExpression(t *testing.T) {
	if (&Pattern{Match: []string{"("}}).MatchString("(") {
		t.Error("an expression that does not compile matched")
	}
	if (&Pattern{NotMatch: []string{"("}}).MatchString("x") {
		t.Error("a NotMatch expression that does not compile let a string match")
	}
	if !(&Pattern{}).MatchString("x") {
		t.Error("an empty pattern did not match")
	}
}
