package jmespath

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// sexpr prints a tree as an s-expression.
func sexpr(n Node) string {
	switch n := n.(type) {
	case *Current:
		return "@"
	case *Field:
		return n.Name
	case *Subexpr:
		return fmt.Sprintf("(. %s %s)", sexpr(n.Left), sexpr(n.Right))
	case *Index:
		return fmt.Sprintf("(index %s %d)", sexpr(n.Left), n.Index)
	case *Slice:
		b := func(p *int) string {
			if p == nil {
				return "_"
			}
			return fmt.Sprint(*p)
		}
		return fmt.Sprintf("(slice %s %s %s %s)", sexpr(n.Left), b(n.Start), b(n.Stop), b(n.Step))
	case *Projection:
		switch n.Kind {
		case ValueProjection:
			return fmt.Sprintf("(values %s %s)", sexpr(n.Left), sexpr(n.Right))
		case FilterProjection:
			return fmt.Sprintf("(filter %s %s %s)", sexpr(n.Left), sexpr(n.Cond), sexpr(n.Right))
		}
		return fmt.Sprintf("(project %s %s)", sexpr(n.Left), sexpr(n.Right))
	case *Flatten:
		return fmt.Sprintf("(flatten %s)", sexpr(n.Child))
	case *Compare:
		return fmt.Sprintf("(%s %s %s)", n.Op, sexpr(n.Left), sexpr(n.Right))
	case *And:
		return fmt.Sprintf("(&& %s %s)", sexpr(n.Left), sexpr(n.Right))
	case *Or:
		return fmt.Sprintf("(|| %s %s)", sexpr(n.Left), sexpr(n.Right))
	case *Not:
		return fmt.Sprintf("(! %s)", sexpr(n.Child))
	case *Literal:
		return fmt.Sprintf("%#v", n.Value)
	case *Function:
		var args []string
		for _, a := range n.Args {
			args = append(args, sexpr(a))
		}
		return fmt.Sprintf("(%s() %s)", n.Name, strings.Join(args, " "))
	case *MultiList:
		var items []string
		for _, a := range n.Items {
			items = append(items, sexpr(a))
		}
		return "[" + strings.Join(items, " ") + "]"
	case *MultiHash:
		var items []string
		for _, kv := range n.Items {
			items = append(items, kv.Key+":"+sexpr(kv.Value))
		}
		return "{" + strings.Join(items, " ") + "}"
	case *Pipe:
		return fmt.Sprintf("(| %s %s)", sexpr(n.Left), sexpr(n.Right))
	case *ExprRef:
		return fmt.Sprintf("(& %s)", sexpr(n.Child))
	}
	return fmt.Sprintf("?%T", n)
}

func TestParse(t *testing.T) {
	for _, c := range []struct{ expr, want string }{
		{"a", "a"},
		{`"with space"`, "with space"},
		{"a.b.c", "(. (. a b) c)"},
		{"Table.TableStatus", "(. Table TableStatus)"},
		{"a[0]", "(index a 0)"},
		{"a[-1].b", "(. (index a -1) b)"},
		{"[0]", "(index @ 0)"},
		{"a[*].b", "(project a b)"},
		{"a[*].b.c", "(project a (. b c))"},
		{"a[*].b[0]", "(project a (index b 0))"},
		{"a[*].b | c", "(| (project a b) c)"},
		{"a[].b", "(project (flatten a) b)"},
		{"Stacks[].StackStatus", "(project (flatten Stacks) StackStatus)"},
		{"a[][]", "(project (flatten (project (flatten a) @)) @)"},
		{"a[*][*]", "(project a (project @ @))"},
		{"a.*.b", "(values a b)"},
		{"*.b", "(values @ b)"},
		{"a[?b == 'x'].c", "(filter a (== b \"x\") c)"},
		{"[?b]", "(filter @ b @)"},
		{"a[1:2]", "(project (slice a 1 2 _) @)"},
		{"a[::-1].b", "(project (slice a _ _ -1) b)"},
		{"a == b && c != d || !e", "(|| (&& (== a b) (!= c d)) (! e))"},
		{"a < b", "(< a b)"},
		{"a >= `1`", "(>= a \"1\")"},
		{"length(a) > `0`", "(> (length() a) \"0\")"},
		{"contains(a, `false`)", "(contains() a false)"},
		{"status != 'CANCELLING' && status != 'CANCELLED'", "(&& (!= status \"CANCELLING\") (!= status \"CANCELLED\"))"},
		{"contains(AutoScalingGroups[].[length(Instances[?LifecycleState=='InService']) >= MinSize][], `false`)",
			"(contains() (project (flatten (project (flatten AutoScalingGroups) [(>= (length() (filter Instances (== LifecycleState \"InService\") @)) MinSize)])) @) false)"},
		{"a.[b, c]", "(. a [b c])"},
		{"a.{x: b, \"y z\": c}", "(. a {x:b y z:c})"},
		{"@", "@"},
		{"sort_by(a, &b)", "(sort_by() a (& b))"},
		{"`null`", "<nil>"},
		{"'it\\'s'", "\"it's\""},
		{`'a\b'`, `"a\\b"`},
		{"`\"x\"`", "\"x\""},
		{"(a || b).c", "(. (|| a b) c)"},
		{"a | b | c", "(| (| a b) c)"},
		{"a.length(@)", "(. a (length() @))"},
	} {
		n, err := Parse(c.expr)
		if err != nil {
			t.Errorf("%s: %v", c.expr, err)
			continue
		}
		if got := strings.ReplaceAll(sexpr(n), "json.Number", ""); got != c.want {
			t.Errorf("%s:\n got %s\nwant %s", c.expr, got, c.want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	for _, c := range []struct {
		expr string
		off  int
		msg  string
	}{
		{"", 0, "unexpected end of expression"},
		{"a.", 2, "after \".\""},
		{"a[", 2, "expected \"*\""},
		{"a[b]", 2, "expected \"*\""},
		{"a[0", 3, "expected \"]\""},
		{"a = b", 2, "must be"},
		{"a ~", 2, "unexpected character"},
		{"'abc", 0, "unterminated"},
		{"`{`", 0, "invalid JSON literal"},
		{"`1]`", 0, "invalid JSON literal"},
		{"\"a\"(b)", 0, "quoted identifier"},
		{"(a)(b)", 3, "only a function name"},
		{"a b", 2, "unexpected identifier"},
		{"a[::0]", 1, "step cannot be 0"},
		{"foo(a,", 6, "unexpected end"},
		{"[ ]", 0, "empty multi-select list"},
		{"{a}", 2, "expected \":\""},
		{"5", 0, "unexpected number"},
		{"-", 0, "must be followed by digits"},
	} {
		_, err := Parse(c.expr)
		var se *SyntaxError
		if !errors.As(err, &se) {
			t.Errorf("%q: got %v, want a syntax error", c.expr, err)
			continue
		}
		if se.Offset != c.off || !strings.Contains(se.Msg, c.msg) {
			t.Errorf("%q: got offset %d %q, want offset %d %q", c.expr, se.Offset, se.Msg, c.off, c.msg)
		}
	}
}
