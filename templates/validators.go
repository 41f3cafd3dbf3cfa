package templates

// validators.go of the root package checks operation inputs against their
// constraint traits. For every operation <Op> it declares
//
//	func validateOp<Op>Input(v *<Op>Input) error
//
// which the client calls before any network I/O. It returns nil, or a
// *smithy.InvalidParamsError listing every violation with its path (a nil
// input is checked as an empty one). Every structure or union with a
// constraint somewhere below it gets one helper,
//
//	func validate<Type>(v *types.<Type>) smithy.InvalidParamsError // unions: v types.<Type>
//
// whose violations the caller nests under the member, index or key.

import (
	"sort"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/templates/emit"
)

// Import paths of the validation runtime.
const (
	vldSmithy  = "github.com/aws/smithy-go"
	vldRuntime = "github.com/smithygen/smithygen/runtime/validate"
)

// validatorGen emits one validators.go.
type validatorGen struct {
	needs map[*model.Named]bool // structures and unions that get a helper
	used  []*model.Named        // helpers called so far, in first-call order
	seen  map[*model.Named]bool
	// patterns are the expressions checked so far, in first-use order.
	patterns    []*model.Pattern
	patternVars map[string]string
}

func newValidatorGen(needs map[*model.Named]bool) *validatorGen {
	return &validatorGen{needs: needs, seen: map[*model.Named]bool{}, patternVars: map[string]string{}}
}

// validatorsFile emits validators.go: pattern variables, the operation
// validators in operation order, then the helpers they reach, by name.
func validatorsFile(a *model.API) *jen.File {
	g := newValidatorGen(vldHelperTypes(a))
	var ops []jen.Code
	for _, op := range a.Operations {
		ops = append(ops, g.opValidator(op))
	}
	var decls []jen.Code // g.used grows while helpers are emitted
	for i := 0; i < len(g.used); i++ {
		decls = append(decls, g.helper(g.used[i]))
	}
	f := emit.NewFile(a, "")
	f.ImportName(vldSmithy, "smithy")
	if vars := g.patternDecls(); vars != nil {
		f.Add(vars)
	}
	for _, op := range ops {
		f.Add(op, jen.Line())
	}
	for _, i := range vldByName(g.used) {
		f.Add(decls[i], jen.Line())
	}
	return f
}

// vldByName returns the indexes of ns sorted by Go name.
func vldByName(ns []*model.Named) []int {
	idx := make([]int, len(ns))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(i, j int) bool { return ns[idx[i]].Name < ns[idx[j]].Name })
	return idx
}

// vldHelperTypes finds the structures and unions with a constraint somewhere
// below them. It iterates to a fixed point, so recursive shapes terminate:
// a type is added once its checks, given the types found so far, are not
// empty, and a type never leaves the set.
func vldHelperTypes(a *model.API) map[*model.Named]bool {
	needs := map[*model.Named]bool{}
	for changed := true; changed; {
		changed = false
		for _, n := range a.Types {
			if needs[n] || !vldHasHelper(n) {
				continue
			}
			if len(newValidatorGen(needs).helperBody(n)) > 0 {
				needs[n] = true
				changed = true
			}
		}
	}
	return needs
}

func vldHasHelper(n *model.Named) bool {
	return n.Kind == model.NamedStruct || n.Kind == model.NamedError || n.Kind == model.NamedUnion
}

// use records a call of n's helper and returns its name.
func (g *validatorGen) use(n *model.Named) string {
	if !g.seen[n] {
		g.seen[n] = true
		g.used = append(g.used, n)
	}
	return "validate" + n.Name
}

// opValidator emits validateOp<Op>Input.
func (g *validatorGen) opValidator(op *model.Op) jen.Code {
	in := op.Input
	name := "validateOp" + op.Name + "Input"
	body := g.fieldChecks(in.Fields)
	if len(body) == 0 {
		return jen.Func().Id(name).Params(jen.Op("*").Qual(in.Pkg, in.Name)).Error().Block(jen.Return(jen.Nil()))
	}
	stmts := []jen.Code{
		jen.If(jen.Id("v").Op("==").Nil()).Block(jen.Id("v").Op("=").Op("&").Qual(in.Pkg, in.Name).Values()),
		jen.Id("e").Op(":=").Qual(vldSmithy, "InvalidParamsError").Values(jen.Dict{jen.Id("Context"): jen.Lit(in.Name)}),
	}
	stmts = append(stmts, body...)
	stmts = append(stmts, jen.Return(jen.Qual(vldRuntime, "Result").Call(jen.Id("e"))))
	return jen.Func().Id(name).Params(jen.Id("v").Op("*").Qual(in.Pkg, in.Name)).Error().Block(stmts...)
}

// helper emits validate<Type> of a structure or union.
func (g *validatorGen) helper(n *model.Named) jen.Code {
	param := jen.Id("v").Add(emit.TypeCode(&model.GoType{Kind: model.KindNamed, Pkg: n.Pkg, Ident: n.Name, Named: n, Ptr: n.Kind != model.NamedUnion}))
	stmts := g.helperBody(n)
	if n.Kind != model.NamedUnion {
		stmts = append([]jen.Code{jen.If(jen.Id("v").Op("==").Nil()).Block(jen.Return(jen.Id("e")))}, stmts...)
	}
	stmts = append(stmts, jen.Return(jen.Id("e")))
	return jen.Func().Id("validate" + n.Name).Params(param).
		Parens(jen.Id("e").Qual(vldSmithy, "InvalidParamsError")).Block(stmts...)
}

// helperBody checks a structure's fields or a union's members; it is empty
// when there is nothing to check.
func (g *validatorGen) helperBody(n *model.Named) []jen.Code {
	if n.Kind != model.NamedUnion {
		return g.fieldChecks(n.Fields)
	}
	var cases []jen.Code
	for _, f := range n.Fields {
		c := f.Check
		c.Required = false
		s := vldScope{e: "e", field: vldUnionMember(n, f)}
		body := g.check(jen.Id("uv").Dot("Value"), f.Type, c, s)
		if len(body) > 0 {
			cases = append(cases, jen.Case(jen.Op("*").Qual(n.Pkg, f.Name)).Block(body...))
		}
	}
	if len(cases) == 0 {
		return nil
	}
	return []jen.Code{jen.Switch(jen.Id("uv").Op(":=").Id("v").Assert(jen.Type())).Block(cases...)}
}

// vldUnionMember is the path segment of a union member: its wrapper type's
// name without the union's prefix.
func vldUnionMember(n *model.Named, f *model.Field) string {
	if m := strings.TrimPrefix(f.Name, n.Name+"Member"); m != "" {
		return m
	}
	return f.Name
}

// fieldChecks checks the fields of v.
func (g *validatorGen) fieldChecks(fs []*model.Field) []jen.Code {
	var out []jen.Code
	for _, f := range fs {
		out = append(out, g.check(jen.Id("v").Dot(f.Name), f.Type, f.Check, vldScope{e: "e", field: f.Name, member: true})...)
	}
	return out
}
