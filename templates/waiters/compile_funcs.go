package waiters

import (
	"github.com/dave/jennifer/jen"

	"github.com/smithygen/smithygen/model/jmespath"
)

// jmespathFunctions are JMESPath's built-in functions, with the number of
// arguments of those compiled.
var jmespathFunctions = map[string]int{
	"length": 1, "contains": 2,
	"abs": -1, "avg": -1, "ceil": -1, "ends_with": -1, "floor": -1, "join": -1, "keys": -1,
	"map": -1, "max": -1, "max_by": -1, "merge": -1, "min": -1, "min_by": -1, "not_null": -1,
	"reverse": -1, "sort": -1, "sort_by": -1, "starts_with": -1, "sum": -1, "to_array": -1,
	"to_number": -1, "to_string": -1, "type": -1, "values": -1,
}

// function compiles a function call. An argument of the wrong type at run
// time (null, as types are checked here) is a JMESPath error.
func (c *compiler) function(b *block, n *jmespath.Function, cur val, ex exits) (val, error) {
	arity, ok := jmespathFunctions[n.Name]
	switch {
	case !ok:
		return val{}, errAt(n, "unknown function %s()", n.Name)
	case arity < 0:
		return val{}, errAt(n, "function %s() is not supported", n.Name)
	case len(n.Args) != arity:
		return val{}, errAt(n, "%s() takes %d argument(s), not %d", n.Name, arity, len(n.Args))
	}
	// A null subject fails: its exits are the failure exit.
	strict := exits{null: ex.fail, fail: ex.fail}
	subject, err := c.expr(b, n.Args[0], cur, strict)
	if err != nil {
		return subject, err
	}
	if subject, err = c.need(b, n.Args[0], subject, strict); err != nil {
		return subject, err
	}
	number, boolean := &rep{kind: kNumber}, &rep{kind: kBool}
	x := canonExpr(subject.r, subject.x)
	switch n.Name {
	case "length":
		switch subject.r.kind {
		case kString:
			return val{r: number, x: c.bind(b, jen.Float64().Call(jen.Qual("unicode/utf8", "RuneCountInString").Call(x)))}, nil
		case kArray, kMap:
			return val{r: number, x: c.bind(b, jen.Float64().Call(jen.Len(x)))}, nil
		case kObject:
			return val{}, errAt(n, "length() of a %s is not supported", subject.r.describe())
		}
		return val{}, errAt(n, "length() of a %s; it takes a string, array or object", subject.r.describe())
	}
	// contains(subject, search)
	search, err := c.maybe(b, n.Args[1], cur, ex)
	if err != nil {
		return search, err
	}
	switch subject.r.kind {
	case kString:
		if search.r.kind != kString {
			return val{}, errAt(n.Args[1], "contains() searches a string for a string, not a %s", search.r.describe())
		}
		return val{r: boolean, x: c.bind(b, jen.Add(notNull(search)).Op("&&").
			Qual("strings", "Contains").Call(x, canonExpr(search.r, search.x)))}, nil
	case kArray:
	default:
		return val{}, errAt(n, "contains() of a %s; it takes an array or a string", subject.r.describe())
	}
	el := subject.r.elem
	if search.r.kind != kNull && el.kind != search.r.kind {
		return val{}, errAt(n.Args[1], "contains() searches an %s for a %s", subject.r.describe(), search.r.describe())
	}
	found, e := c.tmp("v"), c.tmp("e")
	eq, err := equal(n, elemVal(subject.r, e), search)
	if err != nil {
		return val{}, err
	}
	b.add(found.Clone().Op(":=").False())
	b.add(rangeLoop(x, e, []jen.Code{jen.If(eq).Block(found.Clone().Op("=").True(), jen.Break())}))
	return val{r: boolean, x: found}, nil
}
