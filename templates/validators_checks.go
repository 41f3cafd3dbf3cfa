package templates

import (
	"strconv"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/templates/emit"
)

// vldScope is where the violations of a checked value go: the variable
// collecting them and the value's path segment, a member name or "" for a
// collection element. depth numbers the variables of nested loops.
type vldScope struct {
	e      string
	field  string
	depth  int
	member bool // the value is a structure member
}

func (s vldScope) ref() *jen.Statement { return jen.Op("&").Id(s.e) }

// name is the name of a loop variable at the scope's depth: i, i1, i2...
func (s vldScope) name(v string) string {
	if s.depth == 0 {
		return v
	}
	return v + strconv.Itoa(s.depth)
}

func (s vldScope) call(fn string, args ...jen.Code) jen.Code {
	return jen.Qual(vldRuntime, fn).Call(append([]jen.Code{s.ref(), jen.Lit(s.field)}, args...)...)
}

// vldKind classifies Go types by the constraints that apply to them.
type vldKind uint8

const (
	vldOther  vldKind = iota // bool, timestamp, document, stream: only required applies
	vldString                // string
	vldEnum                  // string enum
	vldInt                   // int8 to int64 and intEnums
	vldFloat                 // float32, float64
	vldBig                   // *big.Int, *big.Float
	vldBlob                  // []byte
	vldList
	vldMap
	vldStruct // structures and errors
	vldUnion
)

func vldKindOf(t *model.GoType) vldKind {
	switch t.Kind {
	case model.KindSlice:
		if e := t.Elem; e != nil && e.Kind == model.KindBasic && e.Ident == "byte" {
			return vldBlob
		}
		return vldList
	case model.KindMap:
		return vldMap
	case model.KindNamed:
		return vldNamedKind(t.Named)
	}
	switch {
	case t.Pkg == "math/big":
		return vldBig
	case t.Pkg != "":
		return vldOther
	case t.Ident == "string":
		return vldString
	case strings.HasPrefix(t.Ident, "int"):
		return vldInt
	case strings.HasPrefix(t.Ident, "float"):
		return vldFloat
	}
	return vldOther
}

func vldNamedKind(n *model.Named) vldKind {
	if n == nil {
		return vldOther
	}
	switch n.Kind {
	case model.NamedEnum:
		return vldEnum
	case model.NamedIntEnum:
		return vldInt
	case model.NamedUnion:
		return vldUnion
	}
	return vldStruct
}

// vldNilable reports whether an absent value of t is nil.
func vldNilable(t *model.GoType, k vldKind) bool {
	switch k {
	case vldList, vldMap, vldBlob, vldUnion:
		return true
	}
	return t.Ptr || t.Pkg == model.DocumentPkg || t.Pkg == "io"
}

// check returns the statements checking value x of type t against c and
// against everything below it; nothing when nothing applies.
func (g *validatorGen) check(x *jen.Statement, t *model.GoType, c model.Constraints, s vldScope) []jen.Code {
	k := vldKindOf(t)
	absent, present := vldAbsence(x, t, k, s.member)
	var body []jen.Code
	switch k {
	case vldStruct, vldUnion:
		if call := g.nestedCall(x, t); call != nil {
			body = append(body, jen.Id(s.e).Dot("AddNested").Call(jen.Lit(s.field), call))
		}
		present = nil // helpers accept nil
	case vldList, vldMap, vldBlob:
		body = g.valueChecks(x, t, c, s)
		if lo, _ := vldLengthBounds(c.Length); lo == 0 {
			present = nil // nil is empty: every other check passes
		}
	default:
		body = g.valueChecks(vldDeref(x, t, k), t, c, s)
	}
	required := c.Required && absent != nil && (vldNilable(t, k) || k == vldEnum)
	switch {
	case required && len(body) > 0 && present != nil:
		return []jen.Code{jen.If(absent).Block(vldRequired(s)).Else().Block(body...)}
	case required:
		return append([]jen.Code{jen.If(absent).Block(vldRequired(s))}, body...)
	case len(body) > 0 && present != nil:
		return []jen.Code{jen.If(present).Block(body...)}
	}
	return body
}

// vldAbsence returns the conditions under which x holds no value and holds
// one; both nil when x always holds one. A member held by value is absent
// when zero, as it is then not sent; collection elements and union values
// held by value are always present.
func vldAbsence(x *jen.Statement, t *model.GoType, k vldKind, member bool) (absent, present *jen.Statement) {
	switch {
	case vldNilable(t, k):
		return jen.Add(x).Op("==").Nil(), jen.Add(x).Op("!=").Nil()
	case !member:
		return nil, nil
	case k == vldString || k == vldEnum:
		return jen.Len(x).Op("==").Lit(0), jen.Len(x).Op("!=").Lit(0)
	case k == vldInt || k == vldFloat:
		return jen.Add(x).Op("==").Lit(0), jen.Add(x).Op("!=").Lit(0)
	}
	return nil, nil
}

func vldRequired(s vldScope) jen.Code {
	return s.call("Required")
}

// vldDeref is the value x holds, for checks of a present value.
func vldDeref(x *jen.Statement, t *model.GoType, k vldKind) *jen.Statement {
	if t.Ptr && k != vldBig {
		return jen.Op("*").Add(x)
	}
	return x
}

// nestedCall calls the helper of a structure or union value x, or returns
// nil when the type has none.
func (g *validatorGen) nestedCall(x *jen.Statement, t *model.GoType) jen.Code {
	if t.Named == nil || !g.needs[t.Named] {
		return nil
	}
	arg := x
	if !t.Ptr && t.Named.Kind != model.NamedUnion {
		arg = jen.Op("&").Add(x)
	}
	return jen.Id(g.use(t.Named)).Call(arg)
}

// valueChecks checks a present value v.
func (g *validatorGen) valueChecks(v *jen.Statement, t *model.GoType, c model.Constraints, s vldScope) []jen.Code {
	var out []jen.Code
	add := func(cs ...jen.Code) {
		for _, c := range cs {
			if c != nil {
				out = append(out, c)
			}
		}
	}
	switch k := vldKindOf(t); k {
	case vldString, vldEnum:
		str := v
		if k == vldEnum {
			str = jen.String().Call(v)
		}
		add(vldLength(jen.Qual("unicode/utf8", "RuneCountInString").Call(str), c.Length, s))
		add(g.patternCheck(str, c.Pattern, s))
	case vldBlob:
		add(vldLength(jen.Len(v), c.Length, s))
	case vldList:
		add(vldLength(jen.Len(v), c.Length, s))
		if c.UniqueItems {
			add(vldUnique(v, t.Elem, s))
		}
		add(g.listLoop(v, t, s))
	case vldMap:
		add(vldLength(jen.Len(v), c.Length, s))
		add(g.mapLoop(v, t, s))
	case vldInt, vldFloat:
		add(vldRange(v, t, k, c.Range, s)...)
	case vldBig:
		add(vldBigRange(v, c.Range, s)...)
	}
	return out
}

// listLoop checks the elements of list v, nesting their violations under
// their index.
func (g *validatorGen) listLoop(v *jen.Statement, t *model.GoType, s vldScope) jen.Code {
	i := s.name("i")
	el := jen.Add(v).Index(jen.Id(i))
	body := g.elementChecks(el, t.Elem, t.ElemCheck, s, "NestIndex", jen.Id(i))
	if len(body) == 0 {
		return nil
	}
	return jen.For(jen.Id(i).Op(":=").Range().Add(v)).Block(body...)
}

// mapLoop checks the keys and values of map v in key order, nesting their
// violations under their key.
func (g *validatorGen) mapLoop(v *jen.Statement, t *model.GoType, s vldScope) jen.Code {
	k := jen.Id(s.name("k"))
	el := jen.Add(v).Index(k)
	checks := g.check(k, &model.GoType{Kind: model.KindBasic, Ident: "string"}, t.KeyCheck, s.inner())
	var direct []jen.Code
	switch vk := vldKindOf(t.Elem); {
	case vk == vldStruct && !t.Elem.Ptr:
		y := jen.Id(s.name("y"))
		if direct = g.elementChecks(y, t.Elem, t.ElemCheck, s, "NestKey", k); direct != nil {
			direct = append([]jen.Code{jen.Add(y).Op(":=").Add(el)}, direct...)
		}
	case vk == vldStruct || vk == vldUnion:
		direct = g.elementChecks(el, t.Elem, t.ElemCheck, s, "NestKey", k)
	default:
		checks = append(checks, g.check(el, t.Elem, t.ElemCheck, s.inner())...)
	}
	body := append(g.scratch(s, "NestKey", k, checks), direct...)
	if len(body) == 0 {
		return nil
	}
	return jen.For(jen.List(jen.Id("_"), k).Op(":=").Range().Qual(vldRuntime, "Keys").Call(v)).Block(body...)
}

func (s vldScope) inner() vldScope { return vldScope{e: s.name("n"), depth: s.depth + 1} }

// elementChecks checks one collection element el; nest (NestIndex or
// NestKey) files its violations under at.
func (g *validatorGen) elementChecks(el *jen.Statement, t *model.GoType, c model.Constraints, s vldScope, nest string, at jen.Code) []jen.Code {
	if k := vldKindOf(t); k == vldStruct || k == vldUnion {
		call := g.nestedCall(el, t)
		if call == nil {
			return nil
		}
		return []jen.Code{s.call(nest, at, call)}
	}
	return g.scratch(s, nest, at, g.check(el, t, c, s.inner()))
}

// scratch wraps checks that report into a fresh element scope, then nests
// that scope's violations into s.
func (g *validatorGen) scratch(s vldScope, nest string, at jen.Code, checks []jen.Code) []jen.Code {
	if len(checks) == 0 {
		return nil
	}
	n := s.inner().e
	out := []jen.Code{jen.Var().Id(n).Qual(vldSmithy, "InvalidParamsError")}
	out = append(out, checks...)
	return append(out, s.call(nest, at, jen.Id(n)))
}

// vldUnique checks that no two elements of list v are equal.
func vldUnique(v *jen.Statement, el *model.GoType, s vldScope) jen.Code {
	switch k := vldKindOf(el); {
	case k == vldBig:
		return s.call("UniqueFunc", v, jen.Qual(vldRuntime, "BigEqual").Index(emit.TypeCode(el)))
	case el.Ptr:
		return s.call("UniqueDeep", v)
	case k == vldBlob:
		return s.call("UniqueFunc", v, jen.Qual("bytes", "Equal"))
	case el.Pkg == "time":
		return s.call("UniqueFunc", v, jen.Qual("time", "Time").Dot("Equal"))
	case k == vldString || k == vldEnum || k == vldInt || k == vldFloat || el.Ident == "bool" && el.Pkg == "":
		return s.call("Unique", v)
	}
	return s.call("UniqueDeep", v)
}

// vldLength checks length n against b; nil when b bounds nothing.
func vldLength(n jen.Code, b *model.Bounds, s vldScope) jen.Code {
	if b == nil {
		return nil
	}
	lo, hi := vldLengthBounds(b)
	if lo <= 0 && hi < 0 {
		return nil
	}
	return s.call("Length", n, jen.Id(strconv.FormatInt(lo, 10)), jen.Id(strconv.FormatInt(hi, 10)))
}
