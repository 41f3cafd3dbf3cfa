package templates

import (
	"github.com/dave/jennifer/jen"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/model/rules"
	rt "github.com/smithygen/smithygen/runtime/rules"
	"github.com/smithygen/smithygen/templates/emit"
	"github.com/smithygen/smithygen/templates/endpoints"
)

// The endpoint settings of a client whose service has endpoint rules: the
// Options fields aws-sdk-go-v2 declares for them, the built-in values they
// give the rules, and how a call finds its endpoint. A call is sent to the
// endpoint its client resolved once, unless its input binds endpoint
// parameters or the rules read per-call settings (the account ID), or the
// resolver is the caller's own: those calls resolve their own.

const (
	clientRulesPkg     = "github.com/smithygen/smithygen/runtime/rules"
	clientEndpointsPkg = "github.com/aws/smithy-go/endpoints"
)

// clientBuiltinOption is an Options field that sets an endpoint built-in.
type clientBuiltinOption struct {
	field   clientOptionField
	builtin string                          // rules.Builtins field
	value   func(o *jen.Statement) jen.Code // the built-in's value from the field
}

// clientBuiltinOptions are the Options fields of the built-ins beyond
// Region, FIPS, dual-stack and BaseEndpoint, by built-in, as aws-sdk-go-v2
// names them.
var clientBuiltinOptions = map[string]clientBuiltinOption{
	"AWS::Auth::AccountIdEndpointMode": {clientOptionField{"AccountIDEndpointMode", jen.Qual(clientAWSPkg, "AccountIDEndpointMode"), []string{
		"AccountIDEndpointMode says whether endpoints are built from the account ID of",
		"the credentials: preferred (the default), required or disabled."}},
		"AccountIDEndpointMode", func(o *jen.Statement) jen.Code { return jen.String().Call(o) }},
	"AWS::S3::ForcePathStyle": {clientOptionField{"UsePathStyle", jen.Bool(), []string{
		"UsePathStyle addresses buckets in the path (https://s3.amazonaws.com/bucket/key)",
		"instead of the host (https://bucket.s3.amazonaws.com/key)."}},
		"S3ForcePathStyle", clientBoolPtr},
	"AWS::S3::Accelerate": {clientOptionField{"UseAccelerate", jen.Bool(), []string{
		"UseAccelerate sends requests to S3 Transfer Acceleration endpoints."}},
		"S3Accelerate", clientBoolPtr},
	"AWS::S3::UseArnRegion": {clientOptionField{"UseARNRegion", jen.Bool(), []string{
		"UseARNRegion lets an access point ARN's region, rather than Region, select",
		"the endpoint."}},
		"S3UseArnRegion", clientBoolPtr},
	"AWS::S3::DisableMultiRegionAccessPoints": {clientOptionField{"DisableMultiRegionAccessPoints", jen.Bool(), []string{
		"DisableMultiRegionAccessPoints fails requests to Multi-Region Access Points."}},
		"S3DisableMultiRegionAccessPoints", clientBoolPtr},
}

func clientBoolPtr(o *jen.Statement) jen.Code { return jen.Qual(clientAWSPkg, "Bool").Call(o) }

// clientRules is the endpoint rule set of the API, nil when it has none.
func clientRules(a *model.API) *rules.RuleSet {
	rs, err := rules.Load(a.Closure.Service)
	if err != nil {
		return nil // reported when endpoints.go is emitted
	}
	return rs
}

// clientEndpointFields are the endpoint fields of Options.
func clientEndpointFields(a *model.API) []clientOptionField {
	rs := clientRules(a)
	if rs == nil {
		return nil
	}
	fields := []clientOptionField{
		{"EndpointOptions", jen.Id("EndpointResolverOptions"), []string{
			"EndpointOptions select FIPS and dual-stack endpoints."}},
		{"EndpointResolverV2", jen.Id("EndpointResolverV2"), []string{
			"EndpointResolverV2 resolves the endpoint of calls from EndpointParameters; nil",
			"selects NewDefaultEndpointResolverV2(), which evaluates the service's",
			"endpoint rules."}},
	}
	for _, p := range rs.Params {
		if b, ok := clientBuiltinOptions[p.BuiltIn]; ok {
			fields = append(fields, b.field)
		}
	}
	for _, cp := range clientContextParams(a, rs) {
		typ := jen.Op("*").String()
		if cp.Param.Kind == rt.Bool {
			typ = jen.Op("*").Bool()
		}
		doc := docLines(cp.Doc)
		if len(doc) == 0 {
			doc = []string{"The " + cp.Param.Name + " endpoint parameter."}
		}
		fields = append(fields, clientOptionField{endpoints.FieldName(cp.Param.Name), typ, doc})
	}
	return fields
}

// clientContextParams are the client context parameters bound to no
// built-in: each is an Options field of its own.
func clientContextParams(a *model.API, rs *rules.RuleSet) []rules.ClientParam {
	cps, err := rs.ClientParams(a.Closure.Service)
	if err != nil {
		return nil
	}
	var out []rules.ClientParam
	for _, cp := range cps {
		if cp.Param.BuiltIn == "" {
			out = append(out, cp)
		}
	}
	return out
}

// clientAccountIDParam is the EndpointParameters field bound to the
// credentials' account ID, which makes every call resolve its endpoint; ""
// when the rules read none.
func clientAccountIDParam(rs *rules.RuleSet) string {
	for _, p := range rs.Params {
		if p.BuiltIn == "AWS::Auth::AccountId" {
			return endpoints.FieldName(p.Name)
		}
	}
	return ""
}

// clientEndpointDecls emits EndpointResolverOptions and the resolution of
// a client's endpoints; nil when the service has no rules.
func clientEndpointDecls(a *model.API) jen.Code {
	rs := clientRules(a)
	if rs == nil {
		return nil
	}
	return jen.Add(clientResolverOptions()).Line().Line().
		Add(clientWithResolver()).Line().Line().
		Add(clientBuiltins(a, rs)).Line().Line().
		Add(clientEndpointsType()).Line().Line().
		Add(clientEndpointsOf(a, rs)).Line().Line().
		Add(clientEndpointsResolve(rs))
}

func clientWithResolver() *jen.Statement {
	return jen.Comment("WithEndpointResolverV2 returns a functional option that sets EndpointResolverV2.").Line().
		Func().Id("WithEndpointResolverV2").Params(jen.Id("v").Id("EndpointResolverV2")).Func().Params(jen.Op("*").Id("Options")).Block(
		jen.Return(jen.Func().Params(jen.Id("o").Op("*").Id("Options")).Block(jen.Id("o").Dot("EndpointResolverV2").Op("=").Id("v"))))
}

func clientResolverOptions() *jen.Statement {
	return jen.Comment("EndpointResolverOptions are the endpoint settings of Options, as in").Line().
		Comment("aws-sdk-go-v2.").Line().
		Type().Id("EndpointResolverOptions").Struct(
		jen.Comment("UseDualStackEndpoint selects endpoints that accept IPv4 and IPv6."),
		jen.Id("UseDualStackEndpoint").Qual(clientAWSPkg, "DualStackEndpointState"),
		jen.Line().Comment("UseFIPSEndpoint selects FIPS 140-3 endpoints; a FIPS Region such as"),
		jen.Comment("fips-us-gov-west-1 selects them too."),
		jen.Id("UseFIPSEndpoint").Qual(clientAWSPkg, "FIPSEndpointState"),
	)
}

// clientBuiltins emits the method returning the built-in values of Options.
func clientBuiltins(a *model.API, rs *rules.RuleSet) *jen.Statement {
	o := func(f string) *jen.Statement { return jen.Id("o").Dot(f) }
	d := jen.Dict{
		jen.Id("Region"): o("Region"),
		jen.Id("UseFIPS"): o("EndpointOptions").Dot("UseFIPSEndpoint").Op("==").Qual(clientAWSPkg, "FIPSEndpointStateEnabled").
			Op("||").Qual(clientRulesPkg, "IsFIPSRegion").Call(o("Region")),
		jen.Id("UseDualStack"): o("EndpointOptions").Dot("UseDualStackEndpoint").Op("==").Qual(clientAWSPkg, "DualStackEndpointStateEnabled"),
		jen.Id("Endpoint"):     o("BaseEndpoint"),
	}
	for _, p := range rs.Params {
		if b, ok := clientBuiltinOptions[p.BuiltIn]; ok {
			d[jen.Id(b.builtin)] = b.value(o(b.field.name))
		}
	}
	return jen.Comment("endpointBuiltins are the values the endpoint rules' built-ins take under o.").Line().
		Func().Params(jen.Id("o").Op("*").Id("Options")).Id("endpointBuiltins").Params().Qual(clientRulesPkg, "Builtins").
		Block(jen.Return(jen.Qual(clientRulesPkg, "Builtins").Values(d)))
}

func clientEndpointsType() *jen.Statement {
	return jen.Comment("clientEndpoints is how the calls of one set of options find their endpoint.").Line().
		Type().Id("clientEndpoints").Struct(
		jen.Id("resolver").Id("EndpointResolverV2"),
		jen.Id("builtins").Qual(clientRulesPkg, "Builtins"),
		jen.Id("credentials").Qual(clientAWSPkg, "CredentialsProvider"),
		jen.Comment("params are the parameters bound from the options; err, when set, is the"),
		jen.Comment("error of every call."),
		jen.Id("params").Id("EndpointParameters"),
		jen.Id("err").Error(),
		jen.Comment("static is the endpoint of calls that do not resolve their own."),
		jen.Id("static").Op("*").Qual(clientEndpointsPkg, "Endpoint"),
		jen.Comment("perCall makes every call resolve its endpoint."),
		jen.Id("perCall").Bool(),
		jen.Comment("region is the Region calls are signed for unless their endpoint names one:"),
		jen.Comment("a FIPS Region's region (fips-us-gov-west-1: us-gov-west-1)."),
		jen.Id("region").String(),
	)
}

// clientEndpointsOf emits the method binding the options' parameters and,
// when it can, resolving the client's endpoint once.
func clientEndpointsOf(a *model.API, rs *rules.RuleSet) *jen.Statement {
	e := func(f string) *jen.Statement { return jen.Id("e").Dot(f) }
	body := []jen.Code{
		jen.Id("e").Op(":=").Id("clientEndpoints").Values(jen.Dict{
			jen.Id("resolver"):    jen.Id("o").Dot("EndpointResolverV2"),
			jen.Id("builtins"):    jen.Id("o").Dot("endpointBuiltins").Call(),
			jen.Id("credentials"): jen.Id("o").Dot("Credentials"),
		}),
		jen.List(e("params"), e("err")).Op("=").Id("bindEndpointBuiltins").Call(e("builtins")),
		e("region").Op("=").Id("o").Dot("Region"),
		jen.If(jen.List(jen.Id("r"), jen.Err()).Op(":=").Qual(clientRulesPkg, "BindRegion").Call(jen.Id("o").Dot("Region")),
			jen.Err().Op("==").Nil().Op("&&").Id("r").Op("!=").Nil()).Block(e("region").Op("=").Op("*").Id("r")),
	}
	for _, cp := range clientContextParams(a, rs) {
		name := endpoints.FieldName(cp.Param.Name)
		body = append(body, e("params").Dot(name).Op("=").Id("o").Dot(name))
	}
	if clientAccountIDParam(rs) != "" {
		body = append(body, e("perCall").Op("=").True())
	} else {
		body = append(body,
			jen.List(jen.Id("_"), jen.Id("builtin")).Op(":=").Id("o").Dot("EndpointResolverV2").Assert(jen.Op("*").Id("endpointResolver")),
			e("perCall").Op("=").Op("!").Id("builtin"))
	}
	body = append(body,
		jen.If(e("err").Op("==").Nil().Op("&&").Op("!").Add(e("perCall"))).Block(
			jen.List(jen.Id("ep"), jen.Err()).Op(":=").Add(e("resolver")).Dot("ResolveEndpoint").Call(
				jen.Qual("context", "Background").Call(), e("params")),
			jen.List(e("static"), e("err")).Op("=").List(jen.Op("&").Id("ep"), jen.Err())),
		jen.Return(jen.Op("&").Id("e")),
	)
	return jen.Comment("endpoints binds the endpoint parameters of o and, unless calls resolve").Line().
		Comment("their own, resolves the endpoint once.").Line().
		Func().Params(jen.Id("o").Op("*").Id("Options")).Id("endpoints").Params().Op("*").Id("clientEndpoints").Block(body...)
}

// clientEndpointsResolve emits the method resolving the endpoint of a call
// whose input binds endpoint parameters, or of every call.
func clientEndpointsResolve(rs *rules.RuleSet) *jen.Statement {
	e := func(f string) *jen.Statement { return jen.Id("e").Dot(f) }
	body := []jen.Code{
		jen.List(jen.Id("b"), jen.Id("bind")).Op(":=").Id("op").Dot("Input").Assert(jen.Id("endpointParamsBinder")),
		jen.If(jen.Op("!").Id("bind").Op("&&").Op("!").Add(e("perCall"))).Block(jen.Return(jen.Nil())),
		jen.If(e("err").Op("!=").Nil()).Block(jen.Return(e("err"))),
		jen.Id("p").Op(":=").Add(e("params")),
	}
	if field := clientAccountIDParam(rs); field != "" {
		body = append(body, jen.If(jen.Op("!").Qual(clientTransportPkg, "IsAnonymous").Call(e("credentials"))).Block(
			jen.List(jen.Id("creds"), jen.Err()).Op(":=").Add(e("credentials")).Dot("Retrieve").Call(jen.Id("ctx")),
			jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
			jen.If(jen.Id("creds").Dot("AccountID").Op("!=").Lit("")).Block(
				jen.Id("bi").Op(":=").Add(e("builtins")),
				jen.Id("bi").Dot("AccountID").Op("=").Op("&").Id("creds").Dot("AccountID"),
				jen.Id("q").Op(",").Err().Op(":=").Id("bindEndpointBuiltins").Call(jen.Id("bi")),
				jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
				jen.Id("p").Dot(field).Op("=").Id("q").Dot(field),
			),
		))
	}
	body = append(body,
		jen.If(jen.Id("bind")).Block(jen.Id("b").Dot("bindEndpointParams").Call(jen.Op("&").Id("p"))),
		jen.List(jen.Id("ep"), jen.Err()).Op(":=").Add(e("resolver")).Dot("ResolveEndpoint").Call(jen.Id("ctx"), jen.Id("p")),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
		jen.Id("op").Dot("SetEndpoint").Call(jen.Id("ep")),
		jen.Return(jen.Nil()),
	)
	return jen.Comment("resolve sets the endpoint of op when the call resolves its own.").Line().
		Func().Params(jen.Id("e").Op("*").Id("clientEndpoints")).Id("resolve").
		Params(jen.Id("ctx").Qual("context", "Context"), jen.Id("op").Op("*").Qual(clientTransportPkg, "Operation")).Error().
		Block(body...)
}

// clientConfigEndpoints are the statements of NewFromConfig reading the
// endpoint settings of aws.Config: FIPS and dual-stack from its sources, as
// aws-sdk-go-v2 reads them, and the account ID endpoint mode.
func clientConfigEndpoints(a *model.API) []jen.Code {
	rs := clientRules(a)
	if rs == nil {
		return nil
	}
	eo := func(f string) *jen.Statement { return jen.Id("options").Dot("EndpointOptions").Dot(f) }
	out := []jen.Code{jen.If(
		jen.List(jen.Id("fips"), jen.Id("dual"), jen.Id("setFIPS"), jen.Id("setDual"), jen.Err()).Op(":=").
			Qual(clientRulesPkg, "EndpointStates").Call(jen.Qual("context", "Background").Call(), jen.Id("cfg").Dot("ConfigSources")),
		jen.Err().Op("==").Nil()).Block(
		jen.If(jen.Id("setFIPS")).Block(eo("UseFIPSEndpoint").Op("=").Id("fips")),
		jen.If(jen.Id("setDual")).Block(eo("UseDualStackEndpoint").Op("=").Id("dual")),
	)}
	for _, p := range rs.Params {
		if p.BuiltIn == "AWS::Auth::AccountIdEndpointMode" {
			out = append(out, jen.Id("options").Dot("AccountIDEndpointMode").Op("=").Id("cfg").Dot("AccountIDEndpointMode"))
		}
	}
	return out
}

// endpointsFile emits endpoints.go: EndpointParameters, the resolver and
// the parameter bindings (templates/endpoints); nil without endpoint rules.
func endpointsFile(a *model.API, partitions []byte) (*jen.File, error) {
	decls, err := endpoints.Decls(a, partitions)
	if err != nil || decls == nil {
		return nil, err
	}
	f := emit.NewFile(a, "")
	f.ImportName(clientRulesPkg, "rules")
	f.ImportAlias(clientEndpointsPkg, "smithyendpoints")
	for _, d := range decls {
		f.Add(d)
		f.Line()
	}
	return f, nil
}
