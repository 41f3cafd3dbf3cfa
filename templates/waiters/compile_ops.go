package waiters

import (
	"github.com/dave/jennifer/jen"

	"github.com/smithygen/smithygen/model/jmespath"
)

// projection compiles list, filter and object projections: the right side
// is evaluated against each element, and the non-null results collected.
func (c *compiler) projection(b *block, n *jmespath.Projection, cur val, ex exits) (val, error) {
	var l val
	var err error
	var elem val
	var loop func(body []jen.Code) jen.Code
	if n.Kind == jmespath.ValueProjection {
		if l, err = c.expr(b, n.Left, cur, ex); err != nil {
			return l, err
		}
		if l, err = c.need(b, n.Left, l, ex); err != nil {
			return l, err
		}
		switch l.r.kind {
		case kMap:
		case kObject:
			return l, errAt(n, "object projections over %s are not supported", l.r.describe())
		default:
			return l, errAt(n, "object projection of a %s, not an object", l.r.describe())
		}
		// Keys in order, for results that do not depend on map order.
		k, e := c.tmp("k"), c.tmp("v")
		elem = elemVal(l.r, e)
		loop = func(body []jen.Code) jen.Code {
			keys := jen.Qual("slices", "Sorted").Call(jen.Qual("maps", "Keys").Call(l.x))
			if !uses(e, body) {
				return jen.For(jen.Range().Add(keys)).Block(body...)
			}
			body = append([]jen.Code{e.Clone().Op(":=").Add(l.x).Index(k)}, body...)
			return jen.For(jen.List(jen.Id("_"), k).Op(":=").Range().Add(keys)).Block(body...)
		}
	} else {
		if l, err = c.array(b, n, n.Left, cur, ex, "projection"); err != nil {
			return l, err
		}
		e := c.tmp("e")
		elem = elemVal(l.r, e)
		loop = func(body []jen.Code) jen.Code { return rangeLoop(l.x, e, body) }
	}
	body := &block{}
	lx := exits{null: func() jen.Code { return jen.Continue() }, fail: ex.fail}
	if n.Kind == jmespath.FilterProjection {
		cond, err := c.expr(body, n.Cond, elem, lx)
		if err != nil {
			return cond, err
		}
		if cond, err = c.need(body, n.Cond, cond, lx); err != nil {
			return cond, err
		}
		t, always, err := truthy(n.Cond, cond)
		if err != nil {
			return cond, err
		}
		if always {
			discard(body, cond)
		} else {
			body.add(jen.If(jen.Op("!").Parens(t)).Block(jen.Continue()))
		}
	}
	r, err := c.expr(body, n.Right, elem, lx)
	if err != nil {
		return r, err
	}
	if r, err = c.need(body, n.Right, r, lx); err != nil {
		return r, err
	}
	out := c.tmp("v")
	res := &rep{kind: kArray, elem: canonical(r.r)}
	body.add(out.Clone().Op("=").Append(out, canonExpr(r.r, r.x)))
	b.add(out.Clone().Op(":=").Make(goType(res), jen.Lit(0), jen.Len(l.x)))
	b.add(loop(body.stmts))
	return val{r: res, x: out}, nil
}

// flatten merges the arrays among an array's elements into it; other
// elements, null included, are kept.
func (c *compiler) flatten(b *block, n *jmespath.Flatten, cur val, ex exits) (val, error) {
	l, err := c.array(b, n, n.Child, cur, ex, "flatten")
	if err != nil {
		return l, err
	}
	outer := l.r.elem
	if outer.kind != kArray {
		return l, nil
	}
	inner := outer.elem
	e, e2, out := c.tmp("e"), c.tmp("e"), c.tmp("v")
	outerNull, innerNull := nullTest(outer, e), nullTest(inner, e2)
	res := &rep{kind: kArray, elem: canonical(inner)}
	if outerNull != nil || innerNull != nil {
		res.elem = nullableCanon(inner)
	}
	loop, innerLoop := &block{}, &block{}
	if outerNull != nil {
		loop.add(jen.If(outerNull).Block(out.Clone().Op("=").Append(out, jen.Nil()), jen.Continue()))
	}
	item := c.canonInto(innerLoop, valOf(inner, e2), outerNull != nil || innerNull != nil)
	innerLoop.add(out.Clone().Op("=").Append(out, item))
	loop.add(rangeLoop(e, e2, innerLoop.stmts))
	b.add(out.Clone().Op(":=").Make(goType(res), jen.Lit(0), jen.Len(l.x)))
	b.add(rangeLoop(l.x, e, loop.stmts))
	return val{r: res, x: out}, nil
}

// canonInto returns the canonical value of v; with nullable, null becomes
// the nil of nullableCanon(v.r).
func (c *compiler) canonInto(b *block, v val, nullable bool) jen.Code {
	if !nullable || v.null == nil {
		if nullable && canonical(v.r).kind.scalar() {
			// A computed scalar held through a pointer.
			s := c.bind(b, canonExpr(v.r, v.x))
			return jen.Op("&").Add(s)
		}
		return canonExpr(v.r, v.x)
	}
	t := c.tmp("v")
	b.add(jen.Var().Add(t).Add(goType(nullableCanon(v.r))))
	if v.r.kind.scalar() {
		s := c.tmp("s")
		b.add(jen.If(v.ok).Block(s.Clone().Op(":=").Add(canonExpr(v.r, v.x)), t.Clone().Op("=").Op("&").Add(s)))
	} else {
		b.add(jen.If(v.ok).Block(t.Clone().Op("=").Add(canonExpr(v.r, v.x))))
	}
	return t
}

// truthy is the condition that v, not null, is true in JMESPath's sense;
// always reports a value that is always true.
func truthy(n jmespath.Node, v val) (cond jen.Code, always bool, err error) {
	x := canonExpr(v.r, v.x)
	switch v.r.kind {
	case kString:
		return jen.Add(x).Op("!=").Lit(""), false, nil
	case kBool:
		return x, false, nil
	case kNumber, kUnion:
		return jen.True(), true, nil
	case kArray, kMap:
		return jen.Len(x).Op(">").Lit(0), false, nil
	}
	return nil, false, errAt(n, "the truth of a %s is not supported", v.r.describe())
}

// notNull is the condition that v is not null.
func notNull(v val) jen.Code {
	if v.ok == nil {
		return jen.True()
	}
	return v.ok
}

// equal is the condition that l and r, scalars of the same kind or null,
// are equal as JMESPath compares them.
func equal(n jmespath.Node, l, r val) (jen.Code, error) {
	switch {
	case l.r.kind == kNull && r.r.kind == kNull:
		return jen.True(), nil
	case l.r.kind == kNull:
		return isNull(r), nil
	case r.r.kind == kNull:
		return isNull(l), nil
	case !l.r.kind.scalar() || !r.r.kind.scalar():
		return nil, errAt(n, "comparing a %s with a %s is not supported", l.r.describe(), r.r.describe())
	case l.r.kind != r.r.kind:
		return nil, errAt(n, "compares a %s with a %s, which are never equal", l.r.describe(), r.r.describe())
	}
	same := jen.Add(canonExpr(l.r, l.x)).Op("==").Add(canonExpr(r.r, r.x))
	switch {
	case l.null == nil && r.null == nil:
		return same, nil
	case l.null == nil:
		return jen.Add(r.ok).Op("&&").Add(same), nil
	case r.null == nil:
		return jen.Add(l.ok).Op("&&").Add(same), nil
	}
	return jen.Parens(jen.Add(l.null).Op("&&").Add(r.null)).Op("||").
		Parens(jen.Add(l.ok).Op("&&").Add(r.ok).Op("&&").Add(same)), nil
}

func isNullLiteral(n jmespath.Node) bool {
	l, ok := n.(*jmespath.Literal)
	return ok && l.Value == nil
}

func isNull(v val) jen.Code {
	if v.null == nil {
		return jen.False()
	}
	return v.null
}

// compare compiles a comparator. Equality holds between values of one
// kind or null; ordering is for numbers and null when either side is null.
func (c *compiler) compare(b *block, n *jmespath.Compare, cur val, ex exits) (val, error) {
	// Compared with null, an operand's value is not read.
	l, err := c.maybeVal(b, n.Left, cur, ex, !isNullLiteral(n.Right))
	if err != nil {
		return l, err
	}
	r, err := c.maybeVal(b, n.Right, cur, ex, !isNullLiteral(n.Left))
	if err != nil {
		return r, err
	}
	boolean := &rep{kind: kBool}
	switch n.Op {
	case jmespath.EQ, jmespath.NE:
		for _, v := range []val{l, r} {
			if v.r.kind != kNull && (l.r.kind == kNull || r.r.kind == kNull) {
				discard(b, v)
			}
		}
		eq, err := equal(n, l, r)
		if err != nil {
			return val{}, err
		}
		if n.Op == jmespath.NE {
			eq = jen.Op("!").Parens(eq)
		}
		return val{r: boolean, x: c.bind(b, eq)}, nil
	}
	for _, v := range []val{l, r} {
		if v.r.kind != kNumber {
			return val{}, errAt(n, "%s orders numbers, not a %s", n.Op, v.r.describe())
		}
	}
	ordered := jen.Add(canonExpr(l.r, l.x)).Op(string(n.Op)).Add(canonExpr(r.r, r.x))
	var null, ok jen.Code
	switch {
	case l.null != nil && r.null != nil:
		null, ok = jen.Add(l.null).Op("||").Add(r.null), jen.Add(l.ok).Op("&&").Add(r.ok)
	case l.null != nil:
		null, ok = l.null, l.ok
	case r.null != nil:
		null, ok = r.null, r.ok
	}
	if null == nil {
		return val{r: boolean, x: c.bind(b, ordered)}, nil
	}
	return val{r: boolean, x: c.bind(b, jen.Add(ok).Op("&&").Add(ordered)), null: null, ok: ok}, nil
}

// andOr compiles a && b (and) or a || b: the left value when it decides,
// else the right one, evaluated only then.
func (c *compiler) andOr(b *block, n, left, right jmespath.Node, and bool, cur val, ex exits) (val, error) {
	l, err := c.maybe(b, left, cur, ex)
	if err != nil {
		return l, err
	}
	if l.r.kind == kNull {
		return l, errAt(left, "the expression is always null here")
	}
	lr := canonical(l.r)
	x, ok := c.tmp("v"), c.tmp("ok")
	if l.null == nil {
		b.add(jen.List(x, ok).Op(":=").List(canonExpr(l.r, l.x), jen.True()))
	} else {
		b.add(jen.Var().Add(x).Add(goType(lr)))
		b.add(ok.Clone().Op(":=").Add(l.ok))
		b.add(jen.If(ok).Block(x.Clone().Op("=").Add(canonExpr(l.r, l.x))))
	}
	t, always, err := truthy(left, val{r: lr, x: x})
	if err != nil {
		return l, err
	}
	var decided jen.Code = jen.Add(ok).Op("&&").Add(t)
	if always {
		decided = ok
	}
	if !and {
		decided = jen.Op("!").Parens(decided)
	}
	rb := &block{}
	r, err := c.maybe(rb, right, cur, ex)
	if err != nil {
		return r, err
	}
	if r.r.kind == kNull {
		return r, errAt(right, "the expression is always null here")
	}
	if !sameType(lr, canonical(r.r)) {
		return r, errAt(n, "the operands are a %s and a %s; they must have one type", l.r.describe(), r.r.describe())
	}
	rb.add(ok.Clone().Op("=").Add(notNull(r)))
	rb.add(jen.If(ok).Block(x.Clone().Op("=").Add(canonExpr(r.r, r.x))))
	b.add(jen.If(decided).Block(rb.stmts...))
	return val{r: lr, x: x, null: jen.Op("!").Add(ok), ok: ok}, nil
}

// not compiles !a: true when a is null or false in JMESPath's sense.
func (c *compiler) not(b *block, n *jmespath.Not, cur val, ex exits) (val, error) {
	v, err := c.maybe(b, n.Child, cur, ex)
	if err != nil {
		return v, err
	}
	boolean := &rep{kind: kBool}
	if v.r.kind == kNull {
		return val{r: boolean, x: jen.True()}, nil
	}
	t, always, err := truthy(n.Child, val{r: v.r, x: v.x})
	if err != nil {
		return v, err
	}
	var res jen.Code = jen.Op("!").Parens(t)
	if always {
		discard(b, v)
		res = jen.False()
	}
	if v.null != nil {
		res = jen.Add(v.null).Op("||").Add(res)
	}
	return val{r: boolean, x: c.bind(b, res)}, nil
}

// multiList compiles [a, b, ...]: null on a null current node, else an
// array of the items, which must have one type.
func (c *compiler) multiList(b *block, n *jmespath.MultiList, cur val, ex exits) (val, error) {
	cur, err := c.need(b, n, cur, ex)
	if err != nil {
		return cur, err
	}
	var items []val
	nullable := false
	for _, it := range n.Items {
		v, err := c.maybe(b, it, cur, ex)
		if err != nil {
			return v, err
		}
		if v.r.kind == kNull {
			return v, errAt(it, "the item is always null")
		}
		if len(items) > 0 && !sameType(canonical(items[0].r), canonical(v.r)) {
			return v, errAt(it, "the items of a multi-select list must have one type: %s and %s", items[0].r.describe(), v.r.describe())
		}
		nullable = nullable || v.null != nil
		items = append(items, v)
	}
	res := &rep{kind: kArray, elem: canonical(items[0].r)}
	if nullable {
		res.elem = nullableCanon(items[0].r)
	}
	var codes []jen.Code
	for _, v := range items {
		codes = append(codes, c.canonInto(b, v, nullable))
	}
	return val{r: res, x: c.bind(b, goType(res).Values(codes...))}, nil
}
