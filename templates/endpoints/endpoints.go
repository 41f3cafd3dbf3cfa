// Package endpoints emits a client's endpoint resolution from its Smithy
// endpoint rule set: aws-sdk-go-v2's EndpointParameters,
// EndpointResolverV2 and NewDefaultEndpointResolverV2, the rule set encoded
// for the interpreter in runtime/rules, the binding of built-ins from client
// settings, and per operation the binding of parameters from its input.
package endpoints

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/model/rules"
	rt "github.com/smithygen/smithygen/runtime/rules"
	"github.com/smithygen/smithygen/templates/emit"
	"github.com/smithygen/smithygen/templates/godoc"
)

// Import paths of generated code's dependencies.
const (
	RulesPkg     = "github.com/smithygen/smithygen/runtime/rules"
	endpointsPkg = "github.com/aws/smithy-go/endpoints"
)

// Decls returns the declarations of a client's endpoints.go: nil when the
// service has no endpoint rule set. partitions is a partitions.json to build
// into the client in place of runtime/rules' default table (nil for the
// default).
//
// Generated names (unexported ones are for the client's own code):
//
//	type EndpointParameters struct{ ... }           // one field per parameter
//	func (EndpointParameters) ValidateRequired() error
//	func (EndpointParameters) WithDefaults() EndpointParameters
//	type EndpointResolverV2 interface{ ResolveEndpoint(ctx, EndpointParameters) (endpoints.Endpoint, error) }
//	func NewDefaultEndpointResolverV2() EndpointResolverV2
//	func bindEndpointBuiltins(b rules.Builtins) (EndpointParameters, error)
//	type endpointParamsBinder interface{ bindEndpointParams(*EndpointParameters) }
//	func (in *<Op>Input) bindEndpointParams(p *EndpointParameters) // operations with bindings
func Decls(a *model.API, partitions []byte) ([]jen.Code, error) {
	rs, err := rules.Load(a.Closure.Service)
	if err != nil || rs == nil {
		return nil, err
	}
	var parts string
	if partitions != nil {
		compact, err := compactPartitions(partitions)
		if err != nil {
			return nil, err
		}
		parts = compact
	}
	out := []jen.Code{
		paramsStruct(rs),
		validateRequired(rs),
		withDefaults(rs),
		resolverInterface(),
		newResolver(),
		resolverType(),
		resolveMethod(rs),
		ruleSetVar(rs, parts),
		binderInterface(),
	}
	b, err := builtinsBinder(rs)
	if err != nil {
		return nil, err
	}
	out = append(out, b)
	for _, op := range a.Operations {
		bs, err := rs.Bindings(op.Shape)
		if err != nil {
			return nil, err
		}
		if len(bs) == 0 {
			continue
		}
		d, err := opBinder(op, bs)
		if err != nil {
			return nil, &model.Error{Pos: op.Shape.Pos, Shape: op.Shape.ID, Msg: err.Error()}
		}
		out = append(out, d)
	}
	return out, nil
}

// FieldName is the EndpointParameters field of parameter name.
func FieldName(name string) string { return strings.ToUpper(name[:1]) + name[1:] }

func fieldType(k rt.Kind) *jen.Statement {
	switch k {
	case rt.Bool:
		return jen.Op("*").Bool()
	case rt.StringArray:
		return jen.Index().String()
	}
	return jen.Op("*").String()
}

// valueFunc is the runtime/rules constructor of a parameter's Value.
func valueFunc(k rt.Kind) string {
	switch k {
	case rt.Bool:
		return "BoolValue"
	case rt.StringArray:
		return "StringArrayValue"
	}
	return "StringValue"
}

func comment(s *jen.Statement, text string) *jen.Statement {
	for _, l := range godoc.Lines(text) {
		for _, part := range strings.Split(l, "\n") {
			part = strings.TrimRight(part, " \t")
			if part == "" || part[0] == '\t' {
				part = "//" + part
			}
			s.Comment(part).Line()
		}
	}
	return s
}

func paramsStruct(rs *rules.RuleSet) jen.Code {
	var fields []jen.Code
	for i, p := range rs.Params {
		doc := &jen.Statement{}
		if i > 0 {
			doc.Line()
		}
		var paras []string
		if p.Doc != "" {
			paras = append(paras, p.Doc)
		}
		if p.Required && !p.Default.IsSet() {
			paras = append(paras, "Parameter is required.")
		}
		if p.Default.IsSet() {
			paras = append(paras, "Defaults to "+valueText(p.Default)+" if no value is provided.")
		}
		if p.BuiltIn != "" {
			paras = append(paras, p.BuiltIn)
		}
		if p.Deprecated != nil {
			msg := "Deprecated: " + strings.TrimSpace(p.Deprecated.Message+" "+sinceText(p.Deprecated.Since))
			paras = append(paras, msg)
		}
		for j, para := range paras {
			if j > 0 {
				doc.Comment("").Line()
			}
			comment(doc, para)
		}
		fields = append(fields, doc.Id(FieldName(p.Name)).Add(fieldType(p.Kind)))
	}
	return jen.Comment("EndpointParameters provides the parameters that influence how endpoints are").Line().
		Comment("resolved.").Line().
		Type().Id("EndpointParameters").Struct(fields...)
}

func sinceText(s string) string {
	if s == "" {
		return ""
	}
	return "(since " + s + ")"
}

func valueText(v rt.Value) string {
	if b, ok := v.AsBool(); ok {
		return strconv.FormatBool(b)
	}
	if s, ok := v.AsString(); ok {
		return strconv.Quote(s)
	}
	if l, ok := v.AsStrings(); ok {
		return fmt.Sprintf("%q", l)
	}
	return ""
}

func validateRequired(rs *rules.RuleSet) jen.Code {
	var body []jen.Code
	for _, p := range rs.Params {
		if p.Required {
			body = append(body, jen.If(jen.Id("p").Dot(FieldName(p.Name)).Op("==").Nil()).Block(
				jen.Return(jen.Qual("fmt", "Errorf").Call(jen.Lit("parameter "+FieldName(p.Name)+" is required")))))
		}
	}
	body = append(body, jen.Return(jen.Nil()))
	return jen.Comment("ValidateRequired validates required parameters are set.").Line().
		Func().Params(jen.Id("p").Id("EndpointParameters")).Id("ValidateRequired").Params().Error().Block(body...)
}

func withDefaults(rs *rules.RuleSet) jen.Code {
	var body []jen.Code
	for _, p := range rs.Params {
		if !p.Default.IsSet() {
			continue
		}
		f := jen.Id("p").Dot(FieldName(p.Name))
		var v jen.Code
		switch p.Kind {
		case rt.Bool:
			b, _ := p.Default.AsBool()
			v = jen.Qual(emit.WirePkg, "Ptr").Call(jen.Lit(b))
		case rt.String:
			s, _ := p.Default.AsString()
			v = jen.Qual(emit.WirePkg, "Ptr").Call(jen.Lit(s))
		case rt.StringArray:
			l, _ := p.Default.AsStrings()
			v = stringSlice(l)
		}
		body = append(body, jen.If(f.Clone().Op("==").Nil()).Block(f.Clone().Op("=").Add(v)))
	}
	body = append(body, jen.Return(jen.Id("p")))
	return jen.Comment("WithDefaults returns a shallow copy of EndpointParameters with default values").Line().
		Comment("applied to members where applicable.").Line().
		Func().Params(jen.Id("p").Id("EndpointParameters")).Id("WithDefaults").Params().Id("EndpointParameters").Block(body...)
}

func stringSlice(l []string) jen.Code {
	items := make([]jen.Code, len(l))
	for i, s := range l {
		items[i] = jen.Lit(s)
	}
	return jen.Index().String().Values(items...)
}

func resolverInterface() jen.Code {
	return jen.Comment("EndpointResolverV2 provides the interface for resolving service endpoints.").Line().
		Type().Id("EndpointResolverV2").Interface(
		jen.Id("ResolveEndpoint").Params(jen.Id("ctx").Qual("context", "Context"), jen.Id("params").Id("EndpointParameters")).
			Params(jen.Qual(endpointsPkg, "Endpoint"), jen.Error()))
}

func newResolver() jen.Code {
	return jen.Comment("NewDefaultEndpointResolverV2 returns a resolver of the service's endpoint").Line().
		Comment("rules. It remembers the endpoints it resolves: repeating a resolution costs").Line().
		Comment("a hash lookup, and returned endpoints share their Headers and Properties").Line().
		Comment("(do not modify them).").Line().
		Func().Id("NewDefaultEndpointResolverV2").Params().Id("EndpointResolverV2").Block(
		jen.Return(jen.Op("&").Id("endpointResolver").Values(jen.Qual(RulesPkg, "NewResolver").Call(jen.Id("endpointRuleSet")))))
}

func resolverType() jen.Code {
	return jen.Comment("endpointResolver evaluates the endpoint rule set.").Line().
		Type().Id("endpointResolver").Struct(jen.Id("rules").Op("*").Qual(RulesPkg, "Resolver"))
}

func resolveMethod(rs *rules.RuleSet) jen.Code {
	args := make([]jen.Code, len(rs.Params))
	for i, p := range rs.Params {
		args[i] = jen.Qual(RulesPkg, valueFunc(p.Kind)).Call(jen.Id("params").Dot(FieldName(p.Name)))
	}
	return jen.Comment("ResolveEndpoint resolves the endpoint of params, after applying their").Line().
		Comment("defaults.").Line().
		Func().Params(jen.Id("r").Op("*").Id("endpointResolver")).Id("ResolveEndpoint").
		Params(jen.Id("ctx").Qual("context", "Context"), jen.Id("params").Id("EndpointParameters")).
		Params(jen.Qual(endpointsPkg, "Endpoint"), jen.Error()).Block(
		jen.Id("params").Op("=").Id("params").Dot("WithDefaults").Call(),
		jen.If(jen.Err().Op(":=").Id("params").Dot("ValidateRequired").Call(), jen.Err().Op("!=").Nil()).Block(
			jen.Return(jen.Qual(endpointsPkg, "Endpoint").Values(), jen.Qual("fmt", "Errorf").Call(jen.Lit("endpoint parameters are not valid, %w"), jen.Err()))),
		jen.Return(jen.Id("r").Dot("rules").Dot("Resolve").Call(jen.Index().Qual(RulesPkg, "Value").Values(args...))),
	)
}

// ruleSetVar declares the encoded rule set and its partition data.
func ruleSetVar(rs *rules.RuleSet, partitions string) jen.Code {
	data := string(rt.Encode(rs.Program))
	return jen.Comment("endpointRuleSet is the service's endpoint rule set, encoded by").Line().
		Comment("runtime/rules.Encode from the model's smithy.rules#endpointRuleSet.").Line().
		Var().Id("endpointRuleSet").Op("=").Qual(RulesPkg, "NewRuleset").Call(chunked(data), chunked(partitions))
}

// chunked spells a string constant as a sum of short literals.
func chunked(s string) jen.Code {
	const width = 48
	if len(s) <= width {
		return jen.Lit(s)
	}
	st := &jen.Statement{}
	for i := 0; i < len(s); i += width {
		if i > 0 {
			st.Op("+").Line()
		}
		st.Lit(s[i:min(i+width, len(s))])
	}
	return st
}

func binderInterface() jen.Code {
	return jen.Comment("endpointParamsBinder is implemented by the inputs of operations that bind").Line().
		Comment("endpoint parameters.").Line().
		Type().Id("endpointParamsBinder").Interface(jen.Id("bindEndpointParams").Params(jen.Op("*").Id("EndpointParameters")))
}

// builtinsBinder binds each parameter with a built-in from rules.Builtins.
func builtinsBinder(rs *rules.RuleSet) (jen.Code, error) {
	var body []jen.Code
	for _, p := range rs.Params {
		if p.BuiltIn == "" {
			continue
		}
		src, ok := rt.BuiltinFields[p.BuiltIn]
		if !ok {
			return nil, &model.Error{Pos: p.Pos, Shape: rs.Service, Msg: fmt.Sprintf("endpoint rule set: parameter %s has the unsupported built-in %q", p.Name, p.BuiltIn)}
		}
		dst := jen.Id("p").Dot(FieldName(p.Name))
		b := jen.Id("b").Dot(src)
		switch {
		case p.BuiltIn == "AWS::Region":
			body = append(body,
				jen.List(jen.Id("region"), jen.Err()).Op(":=").Qual(RulesPkg, "BindRegion").Call(b),
				jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Id("p"), jen.Err())),
				dst.Op("=").Id("region"))
		case src == "UseFIPS" || src == "UseDualStack":
			body = append(body, dst.Op("=").Qual(emit.WirePkg, "Ptr").Call(b))
		case src == "AccountIDEndpointMode":
			body = append(body, jen.If(b.Clone().Op("!=").Lit("")).Block(dst.Op("=").Qual(emit.WirePkg, "Ptr").Call(b)))
		default:
			body = append(body, dst.Op("=").Add(b))
		}
	}
	body = append(body, jen.Return(jen.Id("p"), jen.Nil()))
	return jen.Comment("bindEndpointBuiltins returns the parameters bound to built-ins from client").Line().
		Comment("settings.").Line().
		Func().Id("bindEndpointBuiltins").Params(jen.Id("b").Qual(RulesPkg, "Builtins")).
		Params(jen.Id("p").Id("EndpointParameters"), jen.Err().Error()).Block(body...), nil
}
