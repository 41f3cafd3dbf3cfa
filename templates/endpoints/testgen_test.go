package endpoints_test

import (
	"fmt"
	"strconv"

	"github.com/dave/jennifer/jen"
	"github.com/tidwall/gjson"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/model/rules"
	rt "github.com/smithygen/smithygen/runtime/rules"
	"github.com/smithygen/smithygen/templates/emit"
	"github.com/smithygen/smithygen/templates/endpoints"
)

const (
	rulesPkg     = endpoints.RulesPkg
	rulesTestPkg = "github.com/smithygen/smithygen/runtime/rules/rulestest"
	ptrPkg       = "github.com/aws/smithy-go/ptr"
)

// testFile emits endpoints_test.go for one generated package: every test
// case of the service as an entry of endpointCases, and a test that
// resolves each with the default partition data and with the data the
// models were tested with, printing one line per case:
//
//	ENDPOINTCASE <pkg> <index> <default: ok|FAIL> <snapshot: ok|FAIL> <message>
func testFile(a *model.API, rs *rules.RuleSet, tests []rules.TestCase) (*jen.File, error) {
	f := jen.NewFilePathName(a.ImportPath, a.Package)
	f.ImportName(a.TypesPath, "types")
	var cases []jen.Code
	for i, tc := range tests {
		c, err := caseLiteral(a, rs, tc)
		if err != nil {
			return nil, fmt.Errorf("case %d: %w", i, err)
		}
		cases = append(cases, jen.Line().Add(c))
	}
	f.Var().Id("endpointCases").Op("=").Index().Qual(rulesTestPkg, "Case").Values(append(cases, jen.Line())...)
	f.Func().Id("TestEndpointRules").Params(jen.Id("t").Op("*").Qual("testing", "T")).Block(
		jen.Id("snapshot").Op(":=").Op("&").Id("endpointResolver").Values(
			jen.Qual(rulesPkg, "NewResolver").Call(jen.Id("endpointRuleSet").Dot("WithPartitions").Call(
				jen.Qual(rulesTestPkg, "SnapshotPartitions").Call(jen.Id("t"))))),
		jen.Qual(rulesTestPkg, "Run").Types(jen.Id("EndpointParameters")).Call(jen.Id("t"), jen.Lit(a.Package), jen.Id("endpointCases"),
			jen.Qual("context", "Background").Call(), jen.Id("NewDefaultEndpointResolverV2").Call(), jen.Id("snapshot")),
	)
	return f, nil
}

// caseLiteral spells one rulestest.Case.
func caseLiteral(a *model.API, rs *rules.RuleSet, tc rules.TestCase) (jen.Code, error) {
	e := tc.Expect
	expect := jen.Qual(rulesTestPkg, "Expect").Values(jen.Dict{
		jen.Id("IsError"):    jen.Lit(e.IsError),
		jen.Id("Error"):      jen.Lit(e.Error),
		jen.Id("URL"):        jen.Lit(e.URL),
		jen.Id("Headers"):    headersLiteral(e.Headers),
		jen.Id("Properties"): jen.Lit(propertiesJSON(e.Properties)),
	})
	var params []jen.Code
	if len(tc.Params) > 0 || len(tc.Inputs) == 0 {
		p, err := paramsLiteral(rs, tc.Params)
		if err != nil {
			return nil, err
		}
		params = append(params, jen.Func().Params().Params(jen.Any(), jen.Error()).Block(jen.Return(p, jen.Nil())))
	}
	if b, ok := builtinsVariant(rs, tc.Params); ok {
		params = append(params, b)
	}
	for _, in := range tc.Inputs {
		fn, err := inputParams(a, rs, in)
		if err != nil {
			return nil, err
		}
		params = append(params, fn)
	}
	return jen.Values(jen.Dict{
		jen.Id("Doc"):    jen.Lit(tc.Doc),
		jen.Id("Params"): jen.Index().Func().Params().Params(jen.Any(), jen.Error()).Values(params...),
		jen.Id("Expect"): expect,
	}), nil
}

func propertiesJSON(p gjson.Result) string {
	if !p.Exists() {
		return ""
	}
	return p.Raw
}

func headersLiteral(h map[string][]string) jen.Code {
	if h == nil {
		return jen.Nil()
	}
	d := jen.Dict{}
	for k, vs := range h {
		items := make([]jen.Code, len(vs))
		for i, v := range vs {
			items[i] = jen.Lit(v)
		}
		d[jen.Lit(k)] = jen.Index().String().Values(items...)
	}
	return jen.Map(jen.String()).Index().String().Values(d)
}

func valueCode(v rt.Value) jen.Code {
	if b, ok := v.AsBool(); ok {
		return jen.Qual(ptrPkg, "Bool").Call(jen.Lit(b))
	}
	if s, ok := v.AsString(); ok {
		return jen.Qual(ptrPkg, "String").Call(jen.Lit(s))
	}
	l, _ := v.AsStrings()
	items := make([]jen.Code, len(l))
	for i, s := range l {
		items[i] = jen.Lit(s)
	}
	return jen.Index().String().Values(items...)
}

// builtinsVariant binds the case's parameters as client settings through
// bindEndpointBuiltins, when every parameter is a built-in and the region
// is one BindRegion keeps as it is.
func builtinsVariant(rs *rules.RuleSet, args []rules.Arg) (jen.Code, bool) {
	in := rules.OperationInput{}
	for _, arg := range args {
		p := rs.Param(arg.Name)
		if p == nil || p.BuiltIn == "" {
			return nil, false
		}
		if r, ok := arg.Value.AsString(); ok && p.BuiltIn == "AWS::Region" {
			if got, err := rt.BindRegion(r); err != nil || *got != r {
				return nil, false
			}
		}
		in.BuiltIns = append(in.BuiltIns, rules.Arg{Name: p.BuiltIn, Value: arg.Value})
	}
	body, err := builtinsBody(rs, in)
	if err != nil {
		return nil, false
	}
	return jen.Func().Params().Params(jen.Any(), jen.Error()).Block(append(body, jen.Return(jen.Id("p"), jen.Nil()))...), true
}

// paramsLiteral spells EndpointParameters{...}.
func paramsLiteral(rs *rules.RuleSet, args []rules.Arg) (jen.Code, error) {
	d := jen.Dict{}
	for _, arg := range args {
		p := rs.Param(arg.Name)
		if p == nil {
			return nil, fmt.Errorf("parameter %s is not in the rule set", arg.Name)
		}
		d[jen.Id(endpoints.FieldName(p.Name))] = valueCode(arg.Value)
	}
	return jen.Id("EndpointParameters").Values(d), nil
}

// inputParams spells a function that binds an operation input's
// parameters as a client does: built-ins from client settings, client
// parameters, then the input's own bindings.
func inputParams(a *model.API, rs *rules.RuleSet, in rules.OperationInput) (jen.Code, error) {
	var op *model.Op
	for _, o := range a.Operations {
		if o.Shape.Name() == in.Operation {
			op = o
		}
	}
	if op == nil {
		return nil, fmt.Errorf("no operation %s", in.Operation)
	}
	body, err := builtinsBody(rs, in)
	if err != nil {
		return nil, err
	}
	input, err := literal(&model.GoType{Kind: model.KindNamed, Named: op.Input, Ptr: true, Ident: op.Input.Name}, in.Params)
	if err != nil {
		return nil, fmt.Errorf("%s input: %w", in.Operation, err)
	}
	body = append(body,
		jen.Var().Id("in").Any().Op("=").Add(input),
		jen.If(jen.List(jen.Id("b"), jen.Id("ok")).Op(":=").Id("in").Assert(jen.Id("endpointParamsBinder")), jen.Id("ok")).Block(
			jen.Id("b").Dot("bindEndpointParams").Call(jen.Op("&").Id("p"))),
		jen.Return(jen.Id("p"), jen.Nil()))
	return jen.Func().Params().Params(jen.Any(), jen.Error()).Block(body...), nil
}

// builtinsBody binds the built-ins and client parameters of in to p.
func builtinsBody(rs *rules.RuleSet, in rules.OperationInput) ([]jen.Code, error) {
	b := jen.Dict{}
	for _, arg := range in.BuiltIns {
		field, ok := rt.BuiltinFields[arg.Name]
		if !ok {
			return nil, fmt.Errorf("unknown built-in %s", arg.Name)
		}
		var v jen.Code
		if s, ok := arg.Value.AsString(); ok {
			v = jen.Lit(s)
			if field == "Endpoint" || field == "AccountID" {
				v = jen.Qual(ptrPkg, "String").Call(v)
			}
		} else if bv, ok := arg.Value.AsBool(); ok {
			v = jen.Lit(bv)
			if field != "UseFIPS" && field != "UseDualStack" {
				v = jen.Qual(ptrPkg, "Bool").Call(v)
			}
		}
		b[jen.Id(field)] = v
	}
	body := []jen.Code{
		jen.List(jen.Id("p"), jen.Err()).Op(":=").Id("bindEndpointBuiltins").Call(jen.Qual(rulesPkg, "Builtins").Values(b)),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
	}
	for _, arg := range in.ClientParams {
		p := rs.Param(arg.Name)
		if p == nil {
			return nil, fmt.Errorf("client parameter %s is not in the rule set", arg.Name)
		}
		body = append(body, jen.Id("p").Dot(endpoints.FieldName(p.Name)).Op("=").Add(valueCode(arg.Value)))
	}
	return body, nil
}

// literal spells JSON value v as a Go value of type t.
func literal(t *model.GoType, v gjson.Result) (jen.Code, error) {
	switch {
	case t.Kind == model.KindNamed && t.Named != nil && t.Named.Kind == model.NamedUnion:
		var out jen.Code
		var err error
		v.ForEach(func(k, fv gjson.Result) bool {
			for _, f := range t.Named.Fields {
				if f.Member != nil && f.Member.Name == k.Str {
					var c jen.Code
					if c, err = literal(f.Type, fv); err == nil {
						out = jen.Op("&").Qual(t.Named.Pkg, f.Name).Values(jen.Id("Value").Op(":").Add(c))
					}
				}
			}
			return false
		})
		if out == nil && err == nil {
			err = fmt.Errorf("no member of union %s in %s", t.Named.Name, v.Raw)
		}
		return out, err
	case t.Kind == model.KindNamed && t.Named != nil && t.Named.Kind == model.NamedStruct:
		d := jen.Dict{}
		var err error
		v.ForEach(func(k, fv gjson.Result) bool {
			var f *model.Field
			for _, x := range t.Named.Fields {
				if x.Member != nil && x.Member.Name == k.Str {
					f = x
				}
			}
			if f == nil {
				err = fmt.Errorf("%s has no member %s", t.Named.Name, k.Str)
				return false
			}
			var fc jen.Code
			if fc, err = literal(f.Type, fv); err != nil {
				return false
			}
			d[jen.Id(f.Name)] = fc
			return true
		})
		if err != nil {
			return nil, err
		}
		val := jen.Qual(t.Named.Pkg, t.Named.Name).Values(d)
		if t.Ptr {
			return jen.Op("&").Add(val), nil
		}
		return val, nil
	case t.Kind == model.KindSlice:
		var items []jen.Code
		for _, e := range v.Array() {
			c, err := literal(t.Elem, e)
			if err != nil {
				return nil, err
			}
			items = append(items, c)
		}
		return emit.TypeCode(t).Values(items...), nil
	case t.Kind == model.KindMap:
		d := jen.Dict{}
		var err error
		v.ForEach(func(k, e gjson.Result) bool {
			var c jen.Code
			if c, err = literal(t.Elem, e); err == nil {
				d[jen.Lit(k.Str)] = c
			}
			return err == nil
		})
		return emit.TypeCode(t).Values(d), err
	}
	var c jen.Code
	switch {
	case t.Kind == model.KindNamed && t.Named != nil && t.Named.Kind == model.NamedEnum && v.Type == gjson.String:
		return jen.Qual(t.Named.Pkg, t.Named.Name).Call(jen.Lit(v.Str)), nil
	case t.Ident == "string" && v.Type == gjson.String:
		c = jen.Lit(v.Str)
	case t.Ident == "bool" && (v.Type == gjson.True || v.Type == gjson.False):
		c = jen.Lit(v.Bool())
	case (t.Ident == "int32" || t.Ident == "int64") && v.Type == gjson.Number:
		c = jen.Id(t.Ident).Parens(jen.Op(strconv.FormatInt(v.Int(), 10)))
	default:
		return nil, fmt.Errorf("cannot spell %s as a %s", v.Raw, t.Ident)
	}
	if t.Ptr {
		return jen.Qual(ptrPkg, ptrFunc(t.Ident)).Call(c), nil
	}
	return c, nil
}

func ptrFunc(ident string) string {
	switch ident {
	case "string":
		return "String"
	case "bool":
		return "Bool"
	case "int32":
		return "Int32"
	}
	return "Int64"
}
