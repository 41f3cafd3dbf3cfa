package templates

import (
	"fmt"
	"strings"
	"testing"

	"github.com/dave/jennifer/jen"

	"github.com/smithygen/smithygen/model"
)

func vldBounds(min, max *float64) *model.Bounds { return &model.Bounds{Min: min, Max: max} }

func vldF(x float64) *float64 { return &x }

func vldRender(cs []jen.Code) string {
	var out []string
	for _, c := range cs {
		out = append(out, fmt.Sprintf("%#v", c))
	}
	return strings.Join(out, "; ")
}

func TestValidatorsRangeBounds(t *testing.T) {
	basic := func(id string) *model.GoType { return &model.GoType{Kind: model.KindBasic, Ident: id} }
	intEnum := &model.GoType{Kind: model.KindNamed, Ident: "Level", Named: &model.Named{Kind: model.NamedIntEnum, Name: "Level"}}
	s := vldScope{e: "e", field: "F"}
	for _, c := range []struct {
		t    *model.GoType
		b    *model.Bounds
		want string
	}{
		{basic("int32"), vldBounds(vldF(1.5), vldF(10.9)), `validate.Range(&e, "F", v, 2, 10)`},
		{basic("int32"), vldBounds(vldF(-2.5), nil), `validate.Min(&e, "F", v, -2)`},
		{basic("int8"), vldBounds(vldF(-1000), vldF(1000)), ``},
		{basic("int8"), vldBounds(vldF(-128), vldF(127)), ``},
		{basic("int8"), vldBounds(vldF(-127), vldF(126)), `validate.Range(&e, "F", v, -127, 126)`},
		{basic("int8"), vldBounds(vldF(200), nil), `validate.Min(&e, "F", float64(v), 200)`},
		{basic("int16"), vldBounds(nil, vldF(-40000)), `validate.Max(&e, "F", float64(v), -40000)`},
		{basic("int64"), vldBounds(vldF(-1e19), vldF(1e19)), ``},
		{basic("int64"), vldBounds(nil, vldF(9007199254740993)), `validate.Max(&e, "F", v, 9007199254740992)`},
		{intEnum, vldBounds(vldF(1), vldF(3e9)), `validate.Min(&e, "F", v, 1)`},
		{basic("float32"), vldBounds(vldF(0.1), vldF(1e39)), `validate.Min(&e, "F", v, 0.1)`},
		{basic("float32"), vldBounds(vldF(1e39), nil), `validate.Min(&e, "F", float64(v), 1e+39)`},
		{basic("float64"), vldBounds(vldF(-0.25), vldF(1e300)), `validate.Range(&e, "F", v, -0.25, 1e+300)`},
		{basic("float64"), nil, ``},
	} {
		got := vldRender(vldRange(jen.Id("v"), c.t, vldKindOf(c.t), c.b, s))
		if got != c.want {
			t.Errorf("%s %v/%v: got %s, want %s", c.t.Ident, c.b.Min, c.b.Max, got, c.want)
		}
	}
}

func TestValidatorsLengthBounds(t *testing.T) {
	for _, c := range []struct {
		b      *model.Bounds
		lo, hi int64
	}{
		{nil, 0, -1},
		{vldBounds(vldF(1.2), vldF(3.7)), 2, 3},
		{vldBounds(nil, vldF(1e20)), 0, -1},
		{vldBounds(vldF(-3), vldF(-1)), 0, 0},
		{vldBounds(vldF(5), vldF(5)), 5, 5},
	} {
		lo, hi := vldLengthBounds(c.b)
		if lo != c.lo || hi != c.hi {
			t.Errorf("%+v: got [%d, %d], want [%d, %d]", c.b, lo, hi, c.lo, c.hi)
		}
	}
	s := vldScope{e: "e", field: "F"}
	if c := vldLength(jen.Id("n"), vldBounds(vldF(0), nil), s); c != nil {
		t.Errorf("length [0, inf) checked: %#v", c)
	}
}

func TestValidatorsPatterns(t *testing.T) {
	g := newValidatorGen(nil)
	s := vldScope{e: "e", field: "F"}
	p1 := &model.Pattern{Source: `^[a-z]+$`, Match: []string{`^[a-z]+$`}}
	p2 := &model.Pattern{Source: "^\\d\n$", Match: []string{"^[0-9]\n$"}}
	p3 := &model.Pattern{Source: `^(?!\s*$).+`, Match: []string{`^.+`}, NotMatch: []string{`^\s*$`}}
	got := vldRender([]jen.Code{
		g.patternCheck(jen.Id("a"), p1, s), g.patternCheck(jen.Id("b"), p2, s), g.patternCheck(jen.Id("c"), p1, s),
		g.patternCheck(jen.Id("d"), p3, s),
	})
	want := `validate.Match(&e, "F", a, &pattern0); validate.Match(&e, "F", b, &pattern1); validate.Match(&e, "F", c, &pattern0); validate.Match(&e, "F", d, &pattern2)`
	if got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	if c := g.patternCheck(jen.Id("x"), nil, s); c != nil {
		t.Errorf("a pattern Go cannot express is checked: %#v", c)
	}
	decls := fmt.Sprintf("%#v", g.patternDecls())
	for _, w := range []string{"pattern0 = validate.Pattern{Src: `^[a-z]+$`}",
		"pattern1 = validate.Pattern{\n\t\tMatch: []string{\"^[0-9]\\n$\"},\n\t\tSrc:   \"^\\\\d\\n$\",\n\t}",
		"pattern2 = validate.Pattern{\n\t\tMatch:    []string{`^.+`},\n\t\tNotMatch: []string{`^\\s*$`},\n\t\tSrc:      `^(?!\\s*$).+`,\n\t}"} {
		if !strings.Contains(decls, w) {
			t.Errorf("declarations %s lack %s", decls, w)
		}
	}
}
