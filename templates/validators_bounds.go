package templates

import (
	"math"
	"strconv"

	"github.com/dave/jennifer/jen"

	"github.com/smithygen/smithygen/model"
)

// vldMaxLength bounds lengths: larger maxima bound nothing.
const vldMaxLength = 1 << 62

// vldLengthBounds are the integer length bounds of b; hi < 0 is unbounded.
func vldLengthBounds(b *model.Bounds) (lo, hi int64) {
	hi = -1
	if b == nil {
		return lo, hi
	}
	if b.Min != nil {
		lo = int64(math.Min(math.Max(math.Ceil(*b.Min), 0), vldMaxLength))
	}
	if b.Max != nil && *b.Max < vldMaxLength {
		hi = int64(math.Max(math.Floor(*b.Max), 0))
	}
	return lo, hi
}

// vldTypeLimits are the smallest and largest values of a number type.
func vldTypeLimits(t *model.GoType, k vldKind) (lo, hi float64) {
	if k == vldFloat {
		if t.Ident == "float32" {
			return -math.MaxFloat32, math.MaxFloat32
		}
		return -math.MaxFloat64, math.MaxFloat64
	}
	bits := 32 // intEnum
	if t.Kind == model.KindBasic {
		if n, err := strconv.Atoi(t.Ident[len("int"):]); err == nil {
			bits = n
		}
	}
	return -math.Ldexp(1, bits-1), math.Ldexp(1, bits-1) - 1
}

// vldRange checks number v of type t against b. Bounds the type cannot
// exceed are dropped; integer types round bounds inward. When no value of
// the type fits the bounds, v is compared as a float64.
func vldRange(v *jen.Statement, t *model.GoType, k vldKind, b *model.Bounds, s vldScope) []jen.Code {
	if b == nil {
		return nil
	}
	lo, hi := vldTypeLimits(t, k)
	min, max := b.Min, b.Max
	if k == vldInt {
		min, max = vldMapBound(min, math.Ceil), vldMapBound(max, math.Floor)
	}
	if min != nil && *min > hi || max != nil && *max < lo {
		return vldBoundsCall(s, jen.Float64().Call(v), b.Min, b.Max, vldFloatLit)
	}
	if min != nil && *min <= lo {
		min = nil
	}
	if max != nil && *max >= hi {
		max = nil
	}
	lit := vldFloatLit
	if k == vldInt {
		lit = vldIntLit
	}
	return vldBoundsCall(s, v, min, max, lit)
}

// vldBigRange checks a big number against b.
func vldBigRange(v *jen.Statement, b *model.Bounds, s vldScope) []jen.Code {
	if b == nil {
		return nil
	}
	var out []jen.Code
	if b.Min != nil {
		out = append(out, s.call("BigMin", v, vldFloatLit(*b.Min)))
	}
	if b.Max != nil {
		out = append(out, s.call("BigMax", v, vldFloatLit(*b.Max)))
	}
	return out
}

// vldBoundsCall emits one call: both (Range), min only or max only.
func vldBoundsCall(s vldScope, v jen.Code, min, max *float64, lit func(float64) jen.Code) []jen.Code {
	switch {
	case min != nil && max != nil:
		return []jen.Code{s.call("Range", v, lit(*min), lit(*max))}
	case min != nil:
		return []jen.Code{s.call("Min", v, lit(*min))}
	case max != nil:
		return []jen.Code{s.call("Max", v, lit(*max))}
	}
	return nil
}

func vldMapBound(b *float64, f func(float64) float64) *float64 {
	if b == nil {
		return nil
	}
	x := f(*b)
	return &x
}

// vldIntLit is an integral bound within int64 as a Go constant.
func vldIntLit(x float64) jen.Code { return jen.Id(strconv.FormatInt(int64(x), 10)) }

// vldFloatLit is a bound as the shortest Go constant that reads back exactly.
func vldFloatLit(x float64) jen.Code { return jen.Id(strconv.FormatFloat(x, 'g', -1, 64)) }

// patternCheck checks string str against pattern p. It is the one place
// that knows how patterns are represented.
func (g *validatorGen) patternCheck(str *jen.Statement, p *model.Pattern, s vldScope) jen.Code {
	if p == nil {
		return nil
	}
	return s.call("Match", str, jen.Op("&").Id(g.patternVar(p)))
}

// patternVar names the package variable of a pattern; each distinct pattern
// gets one variable.
func (g *validatorGen) patternVar(p *model.Pattern) string {
	if name, ok := g.patternVars[p.Source]; ok {
		return name
	}
	name := "pattern" + strconv.Itoa(len(g.patterns))
	g.patternVars[p.Source] = name
	g.patterns = append(g.patterns, p)
	return name
}

// patternDecls declares the pattern variables, initialized by literals so
// that the linker keeps only those the program's validators use. The Go
// expressions are listed only when they differ from the model's source.
func (g *validatorGen) patternDecls() jen.Code {
	if len(g.patterns) == 0 {
		return nil
	}
	lits := func(ss []string) jen.Code {
		out := make([]jen.Code, len(ss))
		for i, m := range ss {
			out[i] = vldStringLit(m)
		}
		return jen.Index().String().Values(out...)
	}
	defs := make([]jen.Code, len(g.patterns))
	for i, p := range g.patterns {
		fields := jen.Dict{jen.Id("Src"): vldStringLit(p.Source)}
		if len(p.Match) != 1 || p.Match[0] != p.Source {
			fields[jen.Id("Match")] = lits(p.Match)
		}
		if len(p.NotMatch) > 0 {
			fields[jen.Id("NotMatch")] = lits(p.NotMatch)
		}
		defs[i] = jen.Id(g.patternVars[p.Source]).Op("=").Qual(vldRuntime, "Pattern").Values(fields)
	}
	if len(defs) == 1 {
		return jen.Var().Add(defs[0])
	}
	return jen.Var().Defs(defs...)
}

// vldStringLit is a raw string literal when src can be one, else a quoted one.
func vldStringLit(src string) jen.Code {
	if strconv.CanBackquote(src) {
		return jen.Op("`" + src + "`")
	}
	return jen.Lit(src)
}
