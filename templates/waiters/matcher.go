package waiters

import (
	"github.com/dave/jennifer/jen"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/model/jmespath"
)

// pointerVal is the value of a parameter id of type *n.
func pointerVal(n *model.Named, id string) val {
	g := structType(n)
	return valOf(&rep{kind: kObject, g: g, named: n}, jen.Id(id))
}

// start parses expr and prepares a compiler whose root is the output, or
// for inputOutput the object {input, output}; params are the parameters of
// the function evaluating it.
func start(op *model.Op, expr string, kind MatcherKind) (jmespath.Node, *compiler, val, []jen.Code, error) {
	n, err := jmespath.Parse(expr)
	if err != nil {
		return nil, nil, val{}, nil, err
	}
	c := &compiler{}
	out := pointerVal(op.Output, "output")
	params := []jen.Code{jen.Id("output").Op("*").Qual(op.Output.Pkg, op.Output.Name)}
	if kind != MatchInputOutput {
		return n, c, out, params, nil
	}
	c.roots = map[string]val{"input": pointerVal(op.Input, "input"), "output": out}
	params = append([]jen.Code{jen.Id("input").Op("*").Qual(op.Input.Pkg, op.Input.Name)}, params...)
	return n, c, val{r: &rep{kind: kRoot}, x: jen.Nil()}, params, nil
}

// body is a function's statements, with the failed flag declared first
// when some code sets it.
func (c *compiler) body(b *block) []jen.Code {
	if !c.failed {
		return b.stmts
	}
	return append([]jen.Code{jen.Id("failed").Op(":=").False()}, b.stmts...)
}

// matcherFunc declares func name(output) bool (or name(input, output) for
// inputOutput), which reports whether acc's path matcher matches.
func matcherFunc(op *model.Op, name string, acc *Acceptor) (jen.Code, error) {
	n, c, root, params, err := start(op, acc.Path, acc.Kind)
	if err != nil {
		return nil, err
	}
	no := func() jen.Code { return jen.Return(jen.False()) }
	top := exits{null: no, fail: no}
	b := &block{}
	v, err := c.expr(b, n, root, top)
	if err != nil {
		return nil, err
	}
	want := v.r.describe()
	switch acc.Compare {
	case "stringEquals", "booleanEquals":
		k := kString
		if acc.Compare == "booleanEquals" {
			k = kBool
		}
		if v.r.kind != k {
			return nil, errAt(n, "%s needs a %s; the path gives a %s", acc.Compare, k, want)
		}
		if v, err = c.need(b, n, v, top); err != nil {
			return nil, err
		}
		x := canonExpr(v.r, v.x)
		switch {
		case k == kString:
			b.add(jen.Return(jen.Add(x).Op("==").Lit(acc.Expect)))
		case acc.Expect == "true":
			b.add(jen.Return(x))
		default:
			b.add(jen.Return(jen.Op("!").Add(x)))
		}
	default: // allStringEquals, anyStringEquals
		if v.r.kind != kArray || v.r.elem.kind != kString {
			return nil, errAt(n, "%s needs an array of string; the path gives a %s", acc.Compare, want)
		}
		if v, err = c.need(b, n, v, top); err != nil {
			return nil, err
		}
		e := c.tmp("e")
		el := elemVal(v.r, e)
		is := jen.Add(canonExpr(el.r, el.x)).Op("==").Lit(acc.Expect)
		if acc.Compare == "allStringEquals" {
			// An empty array does not match.
			cond := jen.Op("!").Parens(is)
			if el.null != nil {
				cond = jen.Add(el.null).Op("||").Add(cond)
			}
			b.add(jen.If(jen.Len(v.x).Op("==").Lit(0)).Block(jen.Return(jen.False())))
			b.add(rangeLoop(v.x, e, []jen.Code{jen.If(cond).Block(jen.Return(jen.False()))}))
			b.add(jen.Return(jen.True()))
			break
		}
		cond := is
		if el.null != nil {
			cond = jen.Add(el.ok).Op("&&").Add(is)
		}
		b.add(rangeLoop(v.x, e, []jen.Code{jen.If(cond).Block(jen.Return(jen.True()))}))
		b.add(jen.Return(jen.False()))
	}
	return jen.Func().Id(name).Params(params...).Bool().Block(c.body(b)...), nil
}

// messageFunc declares func name(output) string, which evaluates a failure
// acceptor's message: a string, or an array of strings joined by ", ";
// "" when null.
func messageFunc(op *model.Op, name, expr string) (jen.Code, error) {
	n, c, root, params, err := start(op, expr, MatchOutput)
	if err != nil {
		return nil, err
	}
	none := func() jen.Code { return jen.Return(jen.Lit("")) }
	top := exits{null: none, fail: none}
	b := &block{}
	v, err := c.expr(b, n, root, top)
	if err != nil {
		return nil, err
	}
	switch {
	case v.r.kind == kString:
		if v, err = c.need(b, n, v, top); err != nil {
			return nil, err
		}
		b.add(jen.Return(canonExpr(v.r, v.x)))
	case v.r.kind == kArray && v.r.elem.kind == kString:
		if v, err = c.need(b, n, v, top); err != nil {
			return nil, err
		}
		e, parts := c.tmp("e"), c.tmp("v")
		el := elemVal(v.r, e)
		add := parts.Clone().Op("=").Append(parts, canonExpr(el.r, el.x))
		if el.null != nil {
			add = jen.If(el.ok).Block(add)
		}
		b.add(jen.Var().Add(parts).Index().String())
		b.add(rangeLoop(v.x, e, []jen.Code{add}))
		b.add(jen.Return(jen.Qual("strings", "Join").Call(parts, jen.Lit(", "))))
	default:
		return nil, errAt(n, "a message must be a string or an array of string; the path gives a %s", v.r.describe())
	}
	return jen.Func().Id(name).Params(params...).String().Block(c.body(b)...), nil
}
