package waiters

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/model/jmespath"
)

// The compiler turns a JMESPath expression into Go statements over the
// API's types, following JMESPath's semantics on Smithy's data model:
// structures are objects keyed by member name, a nil pointer, slice, map or
// union and an empty enum are null, timestamps are epoch seconds, blobs are
// base64 strings.
//
// Null propagates by jumping: compiling a node may emit an exit, a statement
// run when the value being computed turns out null (return false at the
// top of a matcher, continue in a projection). Nodes that act on null
// rather than propagate it (comparators, and, or, not, function arguments,
// multi-select lists) evaluate their operands with maybe, which wraps the
// operand in a closure returning (value, ok) when it has exits. A JMESPath
// error at run time (length of null, say) sets failed and ends the matcher
// with no match.
type compiler struct {
	n      int  // temporaries so far
	failed bool // some code sets the failed flag
	// roots are the members of the inputOutput root.
	roots map[string]val
}

// compileError is an expression the compiler rejects, at a byte offset.
type compileError struct {
	off int
	msg string
}

func (e *compileError) Error() string { return e.msg }

func errAt(n jmespath.Node, format string, args ...any) error {
	return &compileError{off: n.Pos(), msg: fmt.Sprintf(format, args...)}
}

// block collects statements.
type block struct{ stmts []jen.Code }

func (b *block) add(s ...jen.Code) { b.stmts = append(b.stmts, s...) }

// exits are the statements run when the value being computed is null, and
// on a JMESPath error.
type exits struct {
	null, fail func() jen.Code
}

// val is a compiled value: x (a variable, selector or constant) held as r,
// and the conditions that it is null and that it is not, nil when it never
// is null. x may be read only when it is not null.
type val struct {
	r        *rep
	x        jen.Code
	null, ok jen.Code
}

// valOf is the value x held as r.
func valOf(r *rep, x jen.Code) val {
	null, ok := tests(r, x)
	return val{r: r, x: x, null: null, ok: ok}
}

// flagged is the value x held as r, null unless flag (a bool variable)
// is set and r's own test passes.
func flagged(r *rep, x, flag jen.Code) val {
	null, ok := tests(r, x)
	v := val{r: r, x: x, null: jen.Op("!").Add(flag), ok: flag}
	if null != nil {
		v.null = jen.Op("!").Add(flag).Op("||").Add(null)
		v.ok = jen.Add(flag).Op("&&").Add(ok)
	}
	return v
}

func (c *compiler) tmp(prefix string) *jen.Statement {
	c.n++
	return jen.Id(prefix + strconv.Itoa(c.n))
}

// uses reports whether the statements refer to the variable v.
func uses(v *jen.Statement, stmts []jen.Code) bool {
	return regexp.MustCompile(`\b` + regexp.QuoteMeta(source(v)) + `\b`).MatchString(source(jen.Block(stmts...)))
}

// source renders code without formatting it.
func source(c jen.Code) string {
	f := jen.NewFile("p")
	f.NoFormat = true
	f.Add(c)
	var b strings.Builder
	_ = f.Render(&b) // unformatted, it fails only when writing fails
	s := b.String()
	return strings.TrimSpace(s[strings.Index(s, "\n"):])
}

// rangeLoop is for _, e := range x { body }, or for range x when the body
// does not read e.
func rangeLoop(x jen.Code, e *jen.Statement, body []jen.Code) jen.Code {
	if !uses(e, body) {
		return jen.For(jen.Range().Add(x)).Block(body...)
	}
	return jen.For(jen.List(jen.Id("_"), e).Op(":=").Range().Add(x)).Block(body...)
}

// temporary matches a temporary or a selector of one.
var temporary = regexp.MustCompile(`^[a-z]+[0-9]+(\.[A-Za-z0-9_]+)*$`)

// discard marks v as read when its value is not, so that its variable is
// used.
func discard(b *block, v val) {
	if v.x != nil && temporary.MatchString(strings.ReplaceAll(source(v.x), " ", "")) {
		b.add(jen.Id("_").Op("=").Add(v.x))
	}
}

// bind declares a temporary holding e.
func (c *compiler) bind(b *block, e jen.Code) *jen.Statement {
	v := c.tmp("v")
	b.add(v.Clone().Op(":=").Add(e))
	return v
}

// need makes v non-null, exiting when it is null.
func (c *compiler) need(b *block, n jmespath.Node, v val, ex exits) (val, error) {
	if v.r.kind == kNull {
		return v, errAt(n, "the expression is always null here")
	}
	if v.null != nil {
		b.add(jen.If(v.null).Block(ex.null()))
	}
	return val{r: v.r, x: v.x}, nil
}

// maybe compiles n into a value that may be null without exiting.
func (c *compiler) maybe(b *block, n jmespath.Node, cur val, ex exits) (val, error) {
	return c.maybeVal(b, n, cur, ex, true)
}

// maybeVal is maybe; without value, the caller reads only whether the
// value is null.
func (c *compiler) maybeVal(b *block, n jmespath.Node, cur val, ex exits, value bool) (val, error) {
	sub := &block{}
	exited, failed := false, false
	var none []jen.Code // the results of a null exit
	if !value {
		none = []jen.Code{jen.False()}
	}
	sx := exits{
		null: func() jen.Code { exited = true; return jen.Return(none...) },
		fail: func() jen.Code {
			exited, failed, c.failed = true, true, true
			return jen.Id("failed").Op("=").True().Line().Return(none...)
		},
	}
	v, err := c.expr(sub, n, cur, sx)
	if err != nil || !exited || v.r.kind == kNull {
		b.add(sub.stmts...)
		return v, err
	}
	if v, err = c.need(sub, n, v, sx); err != nil {
		return v, err
	}
	cr := canonical(v.r)
	var x jen.Code
	ok := c.tmp("ok")
	if value {
		x = c.tmp("v")
		sub.add(jen.Return(canonExpr(v.r, v.x), jen.True()))
		b.add(jen.List(x, ok).Op(":=").Func().Params().Params(jen.Id("r").Add(goType(cr)), jen.Id("ok").Bool()).
			Block(sub.stmts...).Call())
	} else {
		discard(sub, v)
		sub.add(jen.Return(jen.True()))
		b.add(ok.Clone().Op(":=").Func().Params().Bool().Block(sub.stmts...).Call())
	}
	if failed {
		b.add(jen.If(jen.Id("failed")).Block(ex.fail()))
	}
	return val{r: cr, x: x, null: jen.Op("!").Add(ok), ok: ok}, nil
}

// expr compiles n against the current node cur.
func (c *compiler) expr(b *block, n jmespath.Node, cur val, ex exits) (val, error) {
	switch n := n.(type) {
	case *jmespath.Current:
		return cur, nil
	case *jmespath.Field:
		return c.field(b, n, cur, ex)
	case *jmespath.Subexpr:
		return c.chain(b, n.Left, n.Right, cur, ex)
	case *jmespath.Pipe:
		return c.chain(b, n.Left, n.Right, cur, ex)
	case *jmespath.Index:
		return c.index(b, n, cur, ex)
	case *jmespath.Slice:
		return c.slice(b, n, cur, ex)
	case *jmespath.Projection:
		return c.projection(b, n, cur, ex)
	case *jmespath.Flatten:
		return c.flatten(b, n, cur, ex)
	case *jmespath.Compare:
		return c.compare(b, n, cur, ex)
	case *jmespath.And:
		return c.andOr(b, n, n.Left, n.Right, true, cur, ex)
	case *jmespath.Or:
		return c.andOr(b, n, n.Left, n.Right, false, cur, ex)
	case *jmespath.Not:
		return c.not(b, n, cur, ex)
	case *jmespath.Literal:
		return c.literal(b, n, n.Value)
	case *jmespath.Function:
		return c.function(b, n, cur, ex)
	case *jmespath.MultiList:
		return c.multiList(b, n, cur, ex)
	case *jmespath.MultiHash:
		return val{}, errAt(n, "multi-select hashes are not supported")
	case *jmespath.ExprRef:
		return val{}, errAt(n, "expression references are not supported")
	}
	return val{}, errAt(n, "unexpected %T", n)
}

// chain evaluates right against the result of left. When right gives null
// for a null current node, a null left exits; otherwise right acts on it.
func (c *compiler) chain(b *block, left, right jmespath.Node, cur val, ex exits) (val, error) {
	var l val
	var err error
	if propagatesNull(right) {
		l, err = c.expr(b, left, cur, ex)
	} else {
		l, err = c.maybe(b, left, cur, ex)
	}
	if err != nil {
		return l, err
	}
	return c.expr(b, right, l, ex)
}

// propagatesNull reports whether n is null whenever the current node is.
func propagatesNull(n jmespath.Node) bool {
	switch n := n.(type) {
	case *jmespath.Current, *jmespath.Field, *jmespath.MultiList, *jmespath.MultiHash:
		return true
	case *jmespath.Subexpr:
		return propagatesNull(n.Left)
	case *jmespath.Pipe:
		return propagatesNull(n.Left)
	case *jmespath.Index:
		return propagatesNull(n.Left)
	case *jmespath.Slice:
		return propagatesNull(n.Left)
	case *jmespath.Flatten:
		return propagatesNull(n.Child)
	case *jmespath.Projection:
		return propagatesNull(n.Left)
	}
	return false
}

// field selects a member of a structure, map or union, or input or output
// of the inputOutput root.
func (c *compiler) field(b *block, n *jmespath.Field, cur val, ex exits) (val, error) {
	cur, err := c.need(b, n, cur, ex)
	if err != nil {
		return cur, err
	}
	switch cur.r.kind {
	case kRoot:
		v, ok := c.roots[n.Name]
		if !ok {
			return val{}, errAt(n, "the inputOutput object has only input and output, not %q", n.Name)
		}
		return v, nil
	case kObject, kUnion:
		var f *model.Field
		for _, x := range cur.r.named.Fields {
			if x.Member.Name == n.Name {
				f = x
			}
		}
		if f == nil {
			return val{}, errAt(n, "%s has no member %q", cur.r.describe(), n.Name)
		}
		r, err := repOf(f.Type)
		if err != nil {
			return val{}, errAt(n, "member %q: %v", n.Name, err)
		}
		if cur.r.kind == kUnion {
			w, ok := c.tmp("w"), c.tmp("ok")
			b.add(jen.List(w, ok).Op(":=").Add(cur.x).Assert(jen.Op("*").Qual(cur.r.named.Pkg, f.Name)))
			return flagged(r, w.Clone().Dot("Value"), ok), nil
		}
		return valOf(r, c.bind(b, jen.Add(cur.x).Dot(f.Name))), nil
	case kMap:
		v, ok := c.tmp("v"), c.tmp("ok")
		b.add(jen.List(v, ok).Op(":=").Add(cur.x).Index(jen.Lit(n.Name)))
		return flagged(cur.r.elem, v, ok), nil
	}
	return val{}, errAt(n, "member %q of a %s, which has no members", n.Name, cur.r.describe())
}

// index selects an element of an array.
func (c *compiler) index(b *block, n *jmespath.Index, cur val, ex exits) (val, error) {
	l, err := c.array(b, n, n.Left, cur, ex, "index")
	if err != nil {
		return l, err
	}
	i := n.Index
	var at jen.Code = jen.Lit(i)
	if i >= 0 {
		b.add(jen.If(jen.Len(l.x).Op("<=").Lit(i)).Block(ex.null()))
	} else {
		b.add(jen.If(jen.Len(l.x).Op("<").Lit(-i)).Block(ex.null()))
		at = jen.Len(l.x).Op("-").Lit(-i)
	}
	e := c.bind(b, jen.Add(l.x).Index(at))
	return elemVal(l.r, e), nil
}

// array compiles n, which must be a non-null array for op.
func (c *compiler) array(b *block, at, n jmespath.Node, cur val, ex exits, op string) (val, error) {
	l, err := c.expr(b, n, cur, ex)
	if err != nil {
		return l, err
	}
	if l, err = c.need(b, n, l, ex); err != nil {
		return l, err
	}
	if l.r.kind != kArray {
		return l, errAt(at, "%s of a %s, not an array", op, l.r.describe())
	}
	return l, nil
}

func elemVal(arr *rep, e jen.Code) val {
	return valOf(arr.elem, e)
}

// slice selects elements of an array with waiter.Slice.
func (c *compiler) slice(b *block, n *jmespath.Slice, cur val, ex exits) (val, error) {
	l, err := c.array(b, n, n.Left, cur, ex, "slice")
	if err != nil {
		return l, err
	}
	bound := func(p *int) jen.Code {
		if p == nil {
			return jen.Nil()
		}
		return jen.New(jen.Lit(*p))
	}
	step := 1
	if n.Step != nil {
		step = *n.Step
	}
	v := c.bind(b, jen.Qual(waiterPkg, "Slice").Call(l.x, bound(n.Start), bound(n.Stop), jen.Lit(step)))
	return val{r: l.r, x: v}, nil
}

// literal compiles a JSON literal or raw string.
func (c *compiler) literal(b *block, n jmespath.Node, v any) (val, error) {
	switch v := v.(type) {
	case nil:
		return valOf(&rep{kind: kNull}, nil), nil
	case bool:
		return val{r: &rep{kind: kBool}, x: jen.Lit(v)}, nil
	case string:
		return val{r: &rep{kind: kString}, x: jen.Lit(v)}, nil
	case json.Number:
		f, err := v.Float64()
		if err != nil {
			return val{}, errAt(n, "number %s out of range", v)
		}
		return val{r: &rep{kind: kNumber}, x: jen.Lit(f)}, nil
	case []any:
		var items []jen.Code
		var elem *rep
		for _, e := range v {
			ev, err := c.literal(b, n, e)
			if err != nil {
				return ev, err
			}
			if !ev.r.kind.scalar() || elem != nil && elem.kind != ev.r.kind {
				return val{}, errAt(n, "an array literal must hold scalars of one type")
			}
			elem = ev.r
			items = append(items, ev.x)
		}
		if elem == nil {
			return val{}, errAt(n, "empty array literals are not supported")
		}
		r := &rep{kind: kArray, elem: elem}
		return val{r: r, x: c.bind(b, goType(r).Values(items...))}, nil
	}
	return val{}, errAt(n, "object literals are not supported")
}
