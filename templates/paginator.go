package templates

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/templates/emit"
)

// paginatePkg is the runtime of generated paginators.
const paginatePkg = "github.com/smithygen/smithygen/runtime/paginate"

// pagerTokenKind is how a pagination token is compared and tested for "no
// more pages".
type pagerTokenKind uint8

const (
	pagerTokenNone      pagerTokenKind = iota // unsupported
	pagerTokenStringPtr                       // *string: nil or "" ends
	pagerTokenString                          // string: "" ends
	pagerTokenMap                             // map (e.g. DynamoDB keys): empty ends
)

// pager emits the paginator declarations of one operation.
type pager struct {
	op    *model.Op
	p     *model.Paginator
	token pagerTokenKind
}

func (g *pager) name(suffix string) string { return g.op.Name + suffix }

// paginatorDecls emits, for a paginated operation, aws-sdk-go-v2's
// paginator API (<Op>APIClient, <Op>PaginatorOptions, <Op>Paginator,
// New<Op>Paginator) on runtime/paginate: the options and paginator are
// aliases of its generic types, and the constructor tells it where the
// operation keeps its tokens, page size and items (with no package
// variables, so that a program links only the paginators it creates). Tokens must be
// strings, string pointers or maps with the same Go type in input and
// output (or a string output token for a *string input token); any other
// operation gets a comment instead.
func paginatorDecls(f *jen.File, a *model.API, op *model.Op) (apiClient bool) {
	if op.Paginator == nil {
		return false
	}
	g := &pager{op: op, p: op.Paginator, token: pagerTokenOf(op.Paginator)}
	if g.token == pagerTokenNone {
		f.Comment(op.Name + " has no paginator: its input and output pagination tokens are not")
		f.Comment("both strings, string pointers or maps of the same Go type.")
		return false
	}
	f.ImportName(paginatePkg, "paginate")
	f.Add(g.apiClient())
	f.Add(g.options())
	f.Add(g.paginatorType())
	f.Add(g.constructor())
	return true
}

// pagerTokenOf classifies the tokens of p. A string output token may also
// feed a *string input token (an optional input member); the paginator then
// reads the output token's address.
func pagerTokenOf(p *model.Paginator) pagerTokenKind {
	in, out := p.InputToken.Type, p.OutputToken[len(p.OutputToken)-1].Type
	if fmt.Sprintf("%#v", emit.TypeCode(in)) != fmt.Sprintf("%#v", emit.TypeCode(out)) && !(isString(in) && in.Ptr && isString(out)) {
		return pagerTokenNone
	}
	switch {
	case in.Kind == model.KindMap:
		return pagerTokenMap
	case isString(in):
		if in.Ptr {
			return pagerTokenStringPtr
		}
		return pagerTokenString
	}
	return pagerTokenNone
}

func isString(t *model.GoType) bool {
	return t.Kind == model.KindBasic && t.Pkg == "" && t.Ident == "string"
}

func (g *pager) apiClient() *jen.Statement {
	n := g.name("APIClient")
	return jen.Comment(n + " is a client that implements the " + g.op.Name + " operation.").Line().
		Type().Id(n).Interface(jen.Id(g.op.Name).Params(jen.Qual("context", "Context"),
		jen.Op("*").Id(g.op.Input.Name), jen.Op("...").Func().Params(jen.Op("*").Id("Options"))).
		Params(jen.Op("*").Id(g.op.Output.Name), jen.Error())).Line().Line().
		Var().Id("_").Id(n).Op("=").Parens(jen.Op("*").Id("Client")).Parens(jen.Nil())
}

// options aliases paginate.Options[L] for the page size's type L, or
// paginate.TokenOptions without a page size.
func (g *pager) options() *jen.Statement {
	n := g.name("PaginatorOptions")
	doc := jen.Comment(n + " is the paginator options for " + g.op.Name + ".").Line()
	ps := g.p.PageSize
	if ps == nil {
		return doc.Type().Id(n).Op("=").Qual(paginatePkg, "TokenOptions")
	}
	t := *ps.Type
	t.Ptr = false
	return doc.Comment("Limit sets the page size "+ps.Name+".").Line().
		Type().Id(n).Op("=").Qual(paginatePkg, "Options").Types(emit.TypeCode(&t))
}

// paginatorType aliases paginate.ItemPaginator, or paginate.Paginator when
// the operation has no items.
func (g *pager) paginatorType() *jen.Statement {
	n := g.name("Paginator")
	args := []jen.Code{jen.Op("*").Id("Options"), jen.Op("*").Id(g.op.Input.Name), jen.Op("*").Id(g.op.Output.Name), emit.TypeCode(g.p.InputToken.Type)}
	typ := jen.Qual(paginatePkg, "Paginator")
	if it := g.itemsType(); it != nil {
		typ = jen.Qual(paginatePkg, "ItemPaginator")
		args = append(args, emit.TypeCode(it))
	}
	return jen.Comment(n + " is a paginator for " + g.op.Name + ".").Line().
		Type().Id(n).Op("=").Add(typ).Types(args...)
}

func (g *pager) constructor() *jen.Statement {
	n := "New" + g.name("Paginator")
	args := []jen.Code{jen.Id("client").Dot(g.op.Name), jen.Id("params"), jen.Op("&").Add(g.spec())}
	newFn := "New"
	if items := g.items(); items != nil {
		newFn = "NewItems"
		args = append(args, items)
	}
	args = append(args, jen.Id("optFns"))
	return jen.Comment(n+" returns a paginator for "+g.op.Name+" that starts at params' token.").Line().
		Func().Id(n).Params(jen.Id("client").Id(g.name("APIClient")), jen.Id("params").Op("*").Id(g.op.Input.Name),
		jen.Id("optFns").Op("...").Func().Params(jen.Op("*").Id(g.name("PaginatorOptions")))).
		Op("*").Id(g.name("Paginator")).Block(jen.Return(jen.Qual(paginatePkg, newFn).Call(args...)))
}

// spec is the paginate.Spec of the operation.
func (g *pager) spec() *jen.Statement {
	in, out := jen.Op("*").Id(g.op.Input.Name), jen.Op("*").Id(g.op.Output.Name)
	tok := emit.TypeCode(g.p.InputToken.Type)
	fields := []jen.Code{
		jen.Id("Token"), g.tokenKind(),
		jen.Id("InputToken"), jen.Func().Params(jen.Id("in").Add(in.Clone())).Op("*").Add(tok.Clone()).
			Add(emit.OneLine(jen.Return(jen.Op("&").Id("in").Dot(g.p.InputToken.Name)))),
		jen.Id("OutputToken"), jen.Func().Params(jen.Id("out").Add(out.Clone())).Add(tok.Clone()).
			Add(pathBody(g.p.OutputToken, g.addrOutputToken(), g.tokenZero())),
	}
	if ps := g.p.PageSize; ps != nil {
		member := jen.Func().Params(jen.Id("in").Add(in.Clone())).Op("*").Add(emit.TypeCode(ps.Type)).
			Add(emit.OneLine(jen.Return(jen.Op("&").Id("in").Dot(ps.Name))))
		kind := "PageSizeValue"
		if ps.Type.Ptr {
			kind = "PageSizePtr"
		}
		fields = append(fields, jen.Id("PageSize"), jen.Qual(paginatePkg, kind).Call(member))
	}
	return jen.Qual(paginatePkg, "Spec").Types(in, out, tok).Add(emit.KeyedValues(fields...))
}

// addrOutputToken reports whether a string output token feeds a *string
// input token, so that the paginator reads the output token's address.
func (g *pager) addrOutputToken() bool {
	return g.p.InputToken.Type.Ptr && !g.p.OutputToken[len(g.p.OutputToken)-1].Type.Ptr
}

func (g *pager) tokenKind() jen.Code {
	switch g.token {
	case pagerTokenStringPtr:
		return jen.Qual(paginatePkg, "StringPtr")
	case pagerTokenString:
		return jen.Qual(paginatePkg, "String")
	}
	return jen.Qual(paginatePkg, "Map").Types(emit.TypeCode(g.p.InputToken.Type)).Call()
}

func (g *pager) tokenZero() jen.Code {
	if g.token == pagerTokenString {
		return jen.Lit("")
	}
	return jen.Nil()
}

// pathBody is the body of a function of out returning out.F1.F2...Fn (its
// address when addr is set), or zero when a pointer structure before Fn is
// nil.
func pathBody(path []*model.Field, addr bool, zero jen.Code) *jen.Statement {
	expr, cond := pagerPath(jen.Id("out"), path)
	if addr {
		expr = jen.Op("&").Add(expr)
	}
	if cond == nil {
		return emit.OneLine(jen.Return(expr))
	}
	return jen.Block(jen.If(cond).Block(jen.Return(expr)), jen.Return(zero))
}

// pagerPath spells root.F1.F2...Fn and the condition that every pointer
// structure before Fn is non-nil (nil when there is none).
func pagerPath(root *jen.Statement, path []*model.Field) (*jen.Statement, *jen.Statement) {
	expr := root
	var cond *jen.Statement
	for i, f := range path {
		expr = expr.Clone().Dot(f.Name)
		if i == len(path)-1 || !f.Type.Ptr {
			continue
		}
		check := expr.Clone().Op("!=").Nil()
		if cond == nil {
			cond = check
		} else {
			cond = cond.Op("&&").Add(check)
		}
	}
	return expr, cond
}
