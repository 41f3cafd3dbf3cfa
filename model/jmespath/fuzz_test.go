package jmespath

import "testing"

// FuzzParse checks that any input parses or fails with a *SyntaxError
// within the expression, without panicking.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"a.b[0].c", "a[*].b | c", "a[?b == 'x'].c[]", "length(a) > `0`", "!a && b || c",
		"{x: a, y: [b, c]}", "a[1:2:-1]", "&a", "`{\"a\": [1, null]}`", "'it\\'s'", `"q\u00e9"`,
		"contains(AutoScalingGroups[].[length(Instances[?LifecycleState=='InService']) >= MinSize][], `false`)",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, expr string) {
		_, err := Parse(expr)
		if se, ok := err.(*SyntaxError); ok && (se.Offset < 0 || se.Offset > len(expr)) {
			t.Errorf("%q: offset %d out of range", expr, se.Offset)
		} else if err != nil && !ok {
			t.Errorf("%q: %T is not a *SyntaxError", expr, err)
		}
	})
}
