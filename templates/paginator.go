package templates

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/smithygen/smithygen/model"
)

// pagerTokenKind is how a pagination token is compared and tested for "no
// more pages".
type pagerTokenKind uint8

const (
	pagerTokenNone      pagerTokenKind = iota // unsupported
	pagerTokenStringPtr                       // *string: nil or "" ends
	pagerTokenString                          // string: "" ends
	pagerTokenMap                             // map (e.g. DynamoDB keys): empty ends
)

// pager holds the names of one operation's paginator declarations.
type pager struct {
	op    *model.Op
	p     *model.Paginator
	token pagerTokenKind
}

func (g *pager) name(suffix string) string { return g.op.Name + suffix }

// paginatorDecls emits, for a paginated operation, aws-sdk-go-v2's
// paginator API (<Op>APIClient, <Op>PaginatorOptions, <Op>Paginator,
// New<Op>Paginator, HasMorePages, NextPage) plus Pages and Items iterators.
// Tokens must be strings, string pointers or maps with the same Go type in
// input and output; any other operation gets a comment instead.
func paginatorDecls(f *jen.File, a *model.API, op *model.Op) {
	if op.Paginator == nil {
		return
	}
	g := &pager{op: op, p: op.Paginator, token: pagerTokenOf(op.Paginator)}
	if g.token == pagerTokenNone {
		f.Comment(op.Name + " has no paginator: its input and output pagination tokens are not")
		f.Comment("both strings, string pointers or maps of the same Go type.")
		return
	}
	f.Add(g.apiClient())
	f.Add(g.options())
	f.Add(g.paginatorStruct())
	f.Add(g.constructor())
	f.Add(g.hasMorePages())
	f.Add(g.nextPage())
	f.Add(g.pages())
	if it := g.itemsType(); it != nil {
		f.Add(g.items(it))
	}
}

// pagerTokenOf classifies the tokens of p.
func pagerTokenOf(p *model.Paginator) pagerTokenKind {
	in, out := p.InputToken.Type, p.OutputToken[len(p.OutputToken)-1].Type
	if fmt.Sprintf("%#v", typeCode(in)) != fmt.Sprintf("%#v", typeCode(out)) {
		return pagerTokenNone
	}
	switch {
	case in.Kind == model.KindMap:
		return pagerTokenMap
	case in.Kind == model.KindBasic && in.Pkg == "" && in.Ident == "string":
		if in.Ptr {
			return pagerTokenStringPtr
		}
		return pagerTokenString
	}
	return pagerTokenNone
}

func (g *pager) apiClient() *jen.Statement {
	n := g.name("APIClient")
	return jen.Comment(n + " is a client that implements the " + g.op.Name + " operation.").Line().
		Type().Id(n).Interface(jen.Id(g.op.Name).Params(jen.Qual("context", "Context"),
		jen.Op("*").Id(g.op.Input.Name), jen.Op("...").Func().Params(jen.Op("*").Id("Options"))).
		Params(jen.Op("*").Id(g.op.Output.Name), jen.Error())).Line().Line().
		Var().Id("_").Id(n).Op("=").Parens(jen.Op("*").Id("Client")).Parens(jen.Nil())
}

// limitType is the Go type of PaginatorOptions.Limit: the page size's type
// without its pointer.
func (g *pager) limitType() *jen.Statement {
	t := *g.p.PageSize.Type
	t.Ptr = false
	return typeCode(&t)
}

func (g *pager) options() *jen.Statement {
	var fields []jen.Code
	if ps := g.p.PageSize; ps != nil {
		fallback := "Limit is the page size sent with every request."
		if ps.Type.Ptr {
			fallback = "Limit is the most items requested per page; zero leaves the page size to\nthe service."
		}
		fields = append(fields, docBlock(ps.Doc, fallback, nil).
			Id("Limit").Add(g.limitType()), jen.Line())
	}
	note := "StopOnDuplicateToken stops pagination when the service returns the token it\nwas just sent."
	if g.token == pagerTokenMap {
		note += " Tokens are compared with reflect.DeepEqual."
	}
	fields = append(fields, docBlock(note, "", nil).Id("StopOnDuplicateToken").Bool())
	n := g.name("PaginatorOptions")
	return jen.Comment(n + " is the paginator options for " + g.op.Name + ".").Line().Type().Id(n).Struct(fields...)
}

func (g *pager) paginatorStruct() *jen.Statement {
	n := g.name("Paginator")
	return jen.Comment(n+" is a paginator for "+g.op.Name+".").Line().Type().Id(n).Struct(
		jen.Id("options").Id(g.name("PaginatorOptions")),
		jen.Id("client").Id(g.name("APIClient")),
		jen.Id("params").Op("*").Id(g.op.Input.Name),
		jen.Id("nextToken").Add(typeCode(g.p.InputToken.Type)),
		jen.Id("firstPage").Bool(),
	)
}

func (g *pager) constructor() *jen.Statement {
	n := "New" + g.name("Paginator")
	params := jen.Id("params")
	body := []jen.Code{
		jen.If(params.Clone().Op("==").Nil()).Block(params.Clone().Op("=").Op("&").Id(g.op.Input.Name).Values()),
		jen.Id("options").Op(":=").Id(g.name("PaginatorOptions")).Values(),
	}
	if ps := g.p.PageSize; ps != nil {
		size := params.Clone().Dot(ps.Name)
		if ps.Type.Ptr {
			body = append(body, jen.If(size.Clone().Op("!=").Nil()).Block(jen.Id("options").Dot("Limit").Op("=").Op("*").Add(size)))
		} else {
			body = append(body, jen.Id("options").Dot("Limit").Op("=").Add(size))
		}
	}
	body = append(body,
		jen.For(jen.List(jen.Id("_"), jen.Id("fn")).Op(":=").Range().Id("optFns")).Block(jen.Id("fn").Call(jen.Op("&").Id("options"))),
		jen.Return(jen.Op("&").Id(g.name("Paginator")).Values(jen.Dict{
			jen.Id("options"):   jen.Id("options"),
			jen.Id("client"):    jen.Id("client"),
			jen.Id("params"):    params.Clone(),
			jen.Id("firstPage"): jen.True(),
			jen.Id("nextToken"): params.Clone().Dot(g.p.InputToken.Name),
		})))
	return jen.Comment(n+" returns a paginator for "+g.op.Name+" that starts at params' token.").Line().
		Func().Id(n).Params(jen.Id("client").Id(g.name("APIClient")), params.Clone().Op("*").Id(g.op.Input.Name),
		jen.Id("optFns").Op("...").Func().Params(jen.Op("*").Id(g.name("PaginatorOptions")))).
		Op("*").Id(g.name("Paginator")).Block(body...)
}

// receiver starts a method of the paginator.
func (g *pager) receiver() *jen.Statement {
	return jen.Func().Params(jen.Id("p").Op("*").Id(g.name("Paginator")))
}

func (g *pager) hasMorePages() *jen.Statement {
	tok := jen.Id("p").Dot("nextToken")
	var more jen.Code
	switch g.token {
	case pagerTokenStringPtr:
		more = jen.Parens(tok.Clone().Op("!=").Nil().Op("&&").Len(jen.Op("*").Add(tok.Clone())).Op("!=").Lit(0))
	default:
		more = jen.Len(tok).Op("!=").Lit(0)
	}
	return jen.Comment("HasMorePages reports whether more pages are available.").Line().
		Add(g.receiver()).Id("HasMorePages").Params().Bool().
		Block(jen.Return(jen.Id("p").Dot("firstPage").Op("||").Add(more)))
}

// optFnsParams are the parameters of methods that call the operation.
func optFnsParams() []jen.Code {
	return []jen.Code{jen.Id("ctx").Qual("context", "Context"), jen.Id("optFns").Op("...").Func().Params(jen.Op("*").Id("Options"))}
}

func (g *pager) nextPage() *jen.Statement {
	body := []jen.Code{
		jen.If(jen.Op("!").Id("p").Dot("HasMorePages").Call()).Block(
			jen.Return(jen.Nil(), jen.Qual("errors", "New").Call(jen.Lit("no more pages available")))),
		jen.Id("params").Op(":=").Op("*").Id("p").Dot("params"),
		jen.Id("params").Dot(g.p.InputToken.Name).Op("=").Id("p").Dot("nextToken"),
	}
	body = append(body, g.setLimit()...)
	body = append(body,
		jen.List(jen.Id("result"), jen.Err()).Op(":=").Id("p").Dot("client").Dot(g.op.Name).
			Call(jen.Id("ctx"), jen.Op("&").Id("params"), jen.Id("optFns").Op("...")),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
		jen.Id("p").Dot("firstPage").Op("=").False(),
		jen.Id("prevToken").Op(":=").Id("p").Dot("nextToken"),
	)
	body = append(body, g.readToken()...)
	body = append(body,
		jen.If(jen.Id("p").Dot("options").Dot("StopOnDuplicateToken").Op("&&").Add(g.duplicate())).
			Block(jen.Id("p").Dot("nextToken").Op("=").Add(g.tokenZero())),
		jen.Return(jen.Id("result"), jen.Nil()))
	return jen.Comment("NextPage retrieves the next "+g.op.Name+" page.").Line().
		Add(g.receiver()).Id("NextPage").Params(optFnsParams()...).
		Params(jen.Op("*").Id(g.op.Output.Name), jen.Error()).Block(body...)
}

// setLimit sets the page size of params from the options: a non-positive
// Limit leaves an optional page size unset.
func (g *pager) setLimit() []jen.Code {
	ps := g.p.PageSize
	if ps == nil {
		return nil
	}
	limit := jen.Id("p").Dot("options").Dot("Limit")
	size := jen.Id("params").Dot(ps.Name)
	if !ps.Type.Ptr {
		return []jen.Code{size.Op("=").Add(limit)}
	}
	return []jen.Code{
		jen.Var().Id("limit").Op("*").Add(g.limitType()),
		jen.If(limit.Clone().Op(">").Lit(0)).Block(jen.Id("limit").Op("=").Op("&").Add(limit.Clone())),
		size.Op("=").Id("limit"),
	}
}

// readToken stores the output token of result, zero when a structure on
// its path is nil.
func (g *pager) readToken() []jen.Code {
	path, cond := pagerPath(jen.Id("result"), g.p.OutputToken)
	set := jen.Id("p").Dot("nextToken").Op("=").Add(path)
	if cond == nil {
		return []jen.Code{set}
	}
	return []jen.Code{
		jen.Id("p").Dot("nextToken").Op("=").Add(g.tokenZero()),
		jen.If(cond).Block(set),
	}
}

func (g *pager) tokenZero() jen.Code {
	if g.token == pagerTokenString {
		return jen.Lit("")
	}
	return jen.Nil()
}

// duplicate tests whether the new token equals the one just sent.
func (g *pager) duplicate() jen.Code {
	prev, next := jen.Id("prevToken"), jen.Id("p").Dot("nextToken")
	switch g.token {
	case pagerTokenStringPtr:
		return jen.Line().Add(prev.Clone()).Op("!=").Nil().Op("&&").
			Line().Add(next.Clone()).Op("!=").Nil().Op("&&").
			Line().Op("*").Add(prev).Op("==").Op("*").Add(next)
	case pagerTokenMap:
		return jen.Len(prev.Clone()).Op("!=").Lit(0).Op("&&").Qual("reflect", "DeepEqual").Call(prev, next)
	}
	return prev.Op("==").Add(next)
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
