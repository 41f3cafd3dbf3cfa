package endpoints

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/model/rules"
	rt "github.com/smithygen/smithygen/runtime/rules"
	"github.com/smithygen/smithygen/templates/emit"
)

// opBinder emits (in *<Op>Input) bindEndpointParams, which sets the
// parameters op binds, least specific binding first so that more specific
// ones win.
func opBinder(op *model.Op, bs []rules.Binding) (jen.Code, error) {
	g := &binder{}
	var body []jen.Code
	for _, b := range bs {
		dst := jen.Id("p").Dot(FieldName(b.Param.Name))
		switch b.Kind {
		case rules.Static:
			body = append(body, dst.Op("=").Add(staticValue(b.Value)))
		case rules.FromMember:
			f := inputField(op.Input, b.Member.Name)
			if f == nil {
				return nil, fmt.Errorf("context parameter %s: no input field for member %s", b.Param.Name, b.Member.Name)
			}
			code, err := g.assign(dst, jen.Id("in").Dot(f.Name), f.Type, b.Param.Kind)
			if err != nil {
				return nil, fmt.Errorf("context parameter %s: %v", b.Param.Name, err)
			}
			body = append(body, code...)
		case rules.FromInputPath:
			code, err := g.path(dst, op, b.Path, b.Param.Kind)
			if err != nil {
				return nil, fmt.Errorf("operation context parameter %s: %v", b.Param.Name, err)
			}
			body = append(body, jen.Block(code...))
		}
	}
	return jen.Func().Params(jen.Id("in").Op("*").Id(op.Input.Name)).Id("bindEndpointParams").
		Params(jen.Id("p").Op("*").Id("EndpointParameters")).Block(body...), nil
}

func staticValue(v rt.Value) jen.Code {
	if b, ok := v.AsBool(); ok {
		return jen.Qual(emit.WirePkg, "Ptr").Call(jen.Lit(b))
	}
	if s, ok := v.AsString(); ok {
		return jen.Qual(emit.WirePkg, "Ptr").Call(jen.Lit(s))
	}
	l, _ := v.AsStrings()
	return stringSlice(l)
}

func inputField(n *model.Named, member string) *model.Field {
	if n == nil {
		return nil
	}
	for _, f := range n.Fields {
		if f.Member != nil && f.Member.Name == member {
			return f
		}
	}
	return nil
}

// binder names the temporaries of one binding function.
type binder struct{ n int }

func (g *binder) tmp() string {
	g.n++
	return fmt.Sprintf("v%d", g.n)
}

func isEnum(t *model.GoType) bool {
	return t.Kind == model.KindNamed && t.Named != nil && t.Named.Kind == model.NamedEnum
}

func isString(t *model.GoType) bool {
	return t.Kind == model.KindBasic && t.Ident == "string" && t.Pkg == ""
}
func isBool(t *model.GoType) bool {
	return t.Kind == model.KindBasic && t.Ident == "bool" && t.Pkg == ""
}

// assign sets dst (a parameter of kind k) from the Go value src of type t.
func (g *binder) assign(dst, src jen.Code, t *model.GoType, k rt.Kind) ([]jen.Code, error) {
	switch {
	case k == rt.String && isString(t) && t.Ptr, k == rt.Bool && isBool(t) && t.Ptr:
		return []jen.Code{jen.Add(dst).Op("=").Add(src)}, nil
	case k == rt.String && isEnum(t):
		v := g.tmp()
		return []jen.Code{jen.If(jen.Add(src).Op("!=").Lit("")).Block(
			jen.Id(v).Op(":=").String().Parens(src), jen.Add(dst).Op("=").Op("&").Id(v))}, nil
	case k == rt.String && isString(t), k == rt.Bool && isBool(t):
		v := g.tmp()
		return []jen.Code{jen.Id(v).Op(":=").Add(src), jen.Add(dst).Op("=").Op("&").Id(v)}, nil
	case k == rt.StringArray && t.Kind == model.KindSlice && isString(t.Elem) && !t.Elem.Ptr:
		return []jen.Code{jen.Add(dst).Op("=").Add(src)}, nil
	case k == rt.StringArray && t.Kind == model.KindSlice:
		list := g.tmp()
		code, err := g.each(jen.Id(list), src, t)
		if err != nil {
			return nil, err
		}
		return append([]jen.Code{jen.Var().Id(list).Index().String()}, append(code, jen.Add(dst).Op("=").Id(list))...), nil
	}
	return nil, fmt.Errorf("a %s cannot be bound to a %s parameter", typeText(t), k)
}

// each appends the strings of list src (of type t) to list.
func (g *binder) each(list, src jen.Code, t *model.GoType) ([]jen.Code, error) {
	e := g.tmp()
	add, err := g.appendValue(list, jen.Id(e), t.Elem)
	if err != nil {
		return nil, err
	}
	return []jen.Code{jen.For(jen.List(jen.Id("_"), jen.Id(e)).Op(":=").Range().Add(src)).Block(add...)}, nil
}

// appendValue appends string value v of type t to list, skipping unset ones.
func (g *binder) appendValue(list, v jen.Code, t *model.GoType) ([]jen.Code, error) {
	app := func(s jen.Code) jen.Code { return jen.Add(list).Op("=").Append(list, s) }
	switch {
	case isString(t) && t.Ptr:
		return []jen.Code{jen.If(jen.Add(v).Op("!=").Nil()).Block(app(jen.Op("*").Add(v)))}, nil
	case isString(t):
		return []jen.Code{app(v)}, nil
	case isEnum(t):
		return []jen.Code{jen.If(jen.Add(v).Op("!=").Lit("")).Block(app(jen.String().Parens(v)))}, nil
	}
	return nil, fmt.Errorf("a %s is not a string", typeText(t))
}

func typeText(t *model.GoType) string {
	switch t.Kind {
	case model.KindSlice:
		return "list"
	case model.KindMap:
		return "map"
	}
	if t.Named != nil {
		return t.Named.Name
	}
	return t.Ident
}

// path emits the binding of an operationContextParams path. A string or
// boolean parameter takes the single value a path without projections
// selects; a stringArray parameter takes every string selected, unset ones
// left out, and map keys in sorted order.
func (g *binder) path(dst jen.Code, op *model.Op, p *rules.Path, k rt.Kind) ([]jen.Code, error) {
	in := &model.GoType{Kind: model.KindNamed, Named: op.Input, Ptr: true, Ident: op.Input.Name}
	if p.Keys {
		if k != rt.StringArray {
			return nil, fmt.Errorf("keys() selects a list, not a %s", k)
		}
		list := g.tmp()
		walked, err := g.walk(jen.Id("in"), in, p.Inner.Steps, func(v jen.Code, t *model.GoType) ([]jen.Code, error) {
			if t.Kind != model.KindMap {
				return nil, fmt.Errorf("keys() of a %s", typeText(t))
			}
			key := g.tmp()
			return []jen.Code{jen.For(jen.Id(key).Op(":=").Range().Add(v)).Block(
				jen.Id(list).Op("=").Append(jen.Id(list), jen.Id(key)))}, nil
		})
		if err != nil {
			return nil, err
		}
		code := append([]jen.Code{jen.Var().Id(list).Index().String()}, walked...)
		return append(code, jen.Qual("slices", "Sort").Call(jen.Id(list)), jen.Add(dst).Op("=").Id(list)), nil
	}
	if k == rt.StringArray {
		list := g.tmp()
		walked, err := g.walk(jen.Id("in"), in, p.Steps, func(v jen.Code, t *model.GoType) ([]jen.Code, error) {
			if t.Kind == model.KindSlice {
				return g.each(jen.Id(list), v, t)
			}
			return g.appendValue(jen.Id(list), v, t)
		})
		if err != nil {
			return nil, err
		}
		return append(append([]jen.Code{jen.Var().Id(list).Index().String()}, walked...), jen.Add(dst).Op("=").Id(list)), nil
	}
	for _, s := range p.Steps {
		if s.Kind != rules.StepField {
			return nil, fmt.Errorf("a %s parameter takes one value: the path must not project", k)
		}
	}
	return g.walk(jen.Id("in"), in, p.Steps, func(v jen.Code, t *model.GoType) ([]jen.Code, error) {
		return g.assign(dst, v, t, k)
	})
}

// walk emits code that applies steps to cur (of type t) and runs leaf on
// every value selected; a nil pointer selects nothing.
func (g *binder) walk(cur jen.Code, t *model.GoType, steps []rules.PathStep, leaf func(jen.Code, *model.GoType) ([]jen.Code, error)) ([]jen.Code, error) {
	if len(steps) == 0 {
		return leaf(cur, t)
	}
	s := steps[0]
	switch s.Kind {
	case rules.StepField:
		if t.Kind != model.KindNamed || t.Named == nil || t.Named.Kind != model.NamedStruct {
			return nil, fmt.Errorf("field %s of a %s", s.Name, typeText(t))
		}
		f := inputField(t.Named, s.Name)
		if f == nil {
			return nil, fmt.Errorf("%s has no member %s", t.Named.Name, s.Name)
		}
		v := g.tmp()
		inner, err := g.walk(jen.Id(v), f.Type, steps[1:], leaf)
		if err != nil {
			return nil, err
		}
		body := append([]jen.Code{jen.Id(v).Op(":=").Add(cur).Dot(f.Name)}, inner...)
		if t.Ptr {
			return []jen.Code{jen.If(jen.Add(cur).Op("!=").Nil()).Block(body...)}, nil
		}
		return []jen.Code{jen.Block(body...)}, nil
	case rules.StepProject, rules.StepFlatten:
		if t.Kind != model.KindSlice {
			return nil, fmt.Errorf("[*] or [] of a %s", typeText(t))
		}
		e := g.tmp()
		rest := steps[1:]
		elem := t.Elem
		if s.Kind == rules.StepFlatten && elem.Kind == model.KindSlice {
			rest = append([]rules.PathStep{{Kind: rules.StepProject}}, rest...)
		}
		inner, err := g.walk(jen.Id(e), elem, rest, leaf)
		if err != nil {
			return nil, err
		}
		return []jen.Code{jen.For(jen.List(jen.Id("_"), jen.Id(e)).Op(":=").Range().Add(cur)).Block(inner...)}, nil
	case rules.StepMulti:
		// A multi-select list is a list of lists unless flattened: only
		// [a, b][] as the last steps selects strings.
		if len(steps) != 2 || steps[1].Kind != rules.StepFlatten {
			return nil, fmt.Errorf("a multi-select list must be flattened with [] and end the path")
		}
		var out []jen.Code
		for _, sub := range s.Multi {
			if sub.Keys {
				return nil, fmt.Errorf("keys() inside a multi-select list")
			}
			code, err := g.walk(cur, t, sub.Steps, leaf)
			if err != nil {
				return nil, err
			}
			out = append(out, code...)
		}
		return out, nil
	}
	return nil, fmt.Errorf("unsupported path step")
}
