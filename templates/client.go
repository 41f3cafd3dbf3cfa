package templates

import (
	"github.com/dave/jennifer/jen"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/templates/emit"
)

// Import paths the client code uses.
const (
	clientAWSPkg        = "github.com/aws/aws-sdk-go-v2/aws"
	clientRetryPkg      = "github.com/aws/aws-sdk-go-v2/aws/retry"
	clientSmithyPkg     = "github.com/aws/smithy-go"
	clientMiddlewarePkg = "github.com/aws/smithy-go/middleware"
	clientTransportPkg  = "github.com/smithygen/smithygen/runtime/transport"
)

// clientFile emits api_client.go: the service constants, Options, Client,
// its constructors and the API interface, laid out as aws-sdk-go-v2 names
// them so that switching to or from a v2 client changes only the import.
func clientFile(a *model.API) *jen.File {
	f := emit.NewFile(a, "")
	clientImportNames(f)
	f.Add(clientConsts(a))
	f.Add(clientHTTPClient())
	f.Add(clientOptions(a))
	f.Add(clientOptionsCopy())
	f.Add(clientTransportConfig(a))
	f.Add(clientResolveRetryer())
	f.Add(clientStruct(a))
	f.Add(clientNew())
	f.Add(clientNewFromConfig())
	f.Add(clientOptionsMethod())
	f.Add(clientInvoke())
	f.Add(clientOperation())
	f.Add(clientOperationCall())
	f.Add(clientNewCall())
	f.Add(clientAPI(a))
	return f
}

// clientImportNames declares the package names of the client's imports so
// that they are imported without aliases.
func clientImportNames(f *jen.File) {
	f.ImportNames(map[string]string{
		clientAWSPkg:        "aws",
		clientRetryPkg:      "retry",
		clientSmithyPkg:     "smithy",
		clientMiddlewarePkg: "middleware",
		clientTransportPkg:  "transport",
	})
}

func clientConsts(a *model.API) *jen.Statement {
	return jen.Comment("ServiceID is the service's SDK ID; errors name it as the service of a failed").Line().
		Comment("operation.").Line().
		Const().Id("ServiceID").Op("=").Lit(a.ServiceID).Line().Line().
		Comment("ServiceAPIVersion is the API version of the model the client was generated").Line().
		Comment("from.").Line().
		Const().Id("ServiceAPIVersion").Op("=").Lit(a.Version)
}

func clientHTTPClient() *jen.Statement {
	return jen.Comment("HTTPClient sends one HTTP request; *http.Client and").Line().
		Comment("*awshttp.BuildableClient implement it.").Line().
		Type().Id("HTTPClient").Interface(
		jen.Id("Do").Params(jen.Op("*").Qual("net/http", "Request")).
			Params(jen.Op("*").Qual("net/http", "Response"), jen.Error()))
}

// clientOptionField is one documented field of Options.
type clientOptionField struct {
	name string
	typ  jen.Code
	doc  []string
}

var clientOptionFields = []clientOptionField{
	{"AppID", jen.String(), []string{
		"AppID is an optional application identifier appended to the User-Agent",
		"header as app/{AppID}."}},
	{"BaseEndpoint", jen.Op("*").String(), []string{
		"BaseEndpoint, when set, is the URL requests are sent to instead of the",
		"Region's default endpoint, e.g. \"http://localhost:8080\". Its path prefixes",
		"every operation path."}},
	{"Credentials", jen.Qual(clientAWSPkg, "CredentialsProvider"), []string{
		"Credentials sign requests with SigV4. Nil or aws.AnonymousCredentials sends",
		"them unsigned. New caches them with aws.CredentialsCache."}},
	{"HTTPClient", jen.Id("HTTPClient"), []string{
		"HTTPClient sends requests; nil selects a shared default client."}},
	{"Region", jen.String(), []string{
		"Region is the AWS Region requests are signed for and, without a",
		"BaseEndpoint, sent to. (Required)"}},
	{"RetryMaxAttempts", jen.Int(), []string{
		"RetryMaxAttempts, when not zero, is the most attempts made for an operation",
		"that fails with a retryable error. Set in an operation call's functional",
		"options to a value other than the client's, it limits that call only."}},
	{"RetryMode", jen.Qual(clientAWSPkg, "RetryMode"), []string{
		"RetryMode selects the retryer New creates when Retryer is nil:",
		"aws.RetryModeStandard (the default) or aws.RetryModeAdaptive. It is not",
		"read after New."}},
	{"Retryer", jen.Qual(clientAWSPkg, "Retryer"), []string{
		"Retryer decides whether and when a failed attempt is retried. When nil, New",
		"creates one as RetryMode selects; functional options passed to New see",
		"that retryer and may wrap it."}},
}

func clientOptions(a *model.API) *jen.Statement {
	var fields []jen.Code
	for i, o := range optionFields(a) {
		if i > 0 {
			fields = append(fields, jen.Line())
		}
		for _, l := range o.doc {
			fields = append(fields, jen.Comment(l))
		}
		fields = append(fields, jen.Id(o.name).Add(o.typ))
	}
	return jen.Comment("Options configures a Client. Zero fields get the defaults documented on them;").Line().
		Comment("nothing is read from the environment (see NewFromConfig).").Line().
		Type().Id("Options").Struct(fields...)
}

func clientOptionsCopy() *jen.Statement {
	return jen.Comment("Copy returns a copy of the options. Pointer and interface fields are shared.").Line().
		Func().Params(jen.Id("o").Id("Options")).Id("Copy").Params().Id("Options").Block(jen.Return(jen.Id("o")))
}

// clientTransportConfig emits the method that maps Options to the
// transport's settings; retryMaxAttempts is passed through to it.
func clientTransportConfig(a *model.API) *jen.Statement {
	o := jen.Id("o")
	return jen.Comment("transportConfig returns the transport settings of the options.").Line().
		Func().Params(o.Clone().Id("Options")).Id("transportConfig").
		Params(jen.Id("retryMaxAttempts").Int()).Qual(clientTransportPkg, "Config").
		Block(jen.Return(jen.Qual(clientTransportPkg, "Config").Values(jen.Dict{
			jen.Id("ServiceID"):        jen.Id("ServiceID"),
			jen.Id("SigningName"):      jen.Lit(a.SigningName),
			jen.Id("EndpointPrefix"):   jen.Lit(a.EndpointPrefix),
			jen.Id("Region"):           o.Clone().Dot("Region"),
			jen.Id("BaseEndpoint"):     o.Clone().Dot("BaseEndpoint"),
			jen.Id("Credentials"):      o.Clone().Dot("Credentials"),
			jen.Id("HTTPClient"):       httpClientValue(a, o.Clone()),
			jen.Id("Retryer"):          o.Clone().Dot("Retryer"),
			jen.Id("RetryMaxAttempts"): jen.Id("retryMaxAttempts"),
			jen.Id("AppID"):            o.Clone().Dot("AppID"),
		})))
}

func clientResolveRetryer() *jen.Statement {
	return jen.Comment("resolveRetryer sets a nil Retryer to the retryer of the RetryMode.").Line().
		Func().Params(jen.Id("o").Op("*").Id("Options")).Id("resolveRetryer").Params().Block(
		jen.Switch().Block(
			jen.Case(jen.Id("o").Dot("Retryer").Op("!=").Nil()).Block(jen.Return()),
			jen.Case(jen.Id("o").Dot("RetryMode").Op("==").Qual(clientAWSPkg, "RetryModeAdaptive")).
				Block(jen.Id("o").Dot("Retryer").Op("=").Qual(clientRetryPkg, "NewAdaptiveMode").Call()),
			jen.Default().Block(jen.Id("o").Dot("Retryer").Op("=").Qual(clientRetryPkg, "NewStandard").Call()),
		))
}

func clientStruct(a *model.API) *jen.Statement {
	return jen.Comment("Client sends the operations of "+serviceTitle(a)+". It is safe for").Line().
		Comment("concurrent use.").Line().
		Type().Id("Client").Struct(
		jen.Id("options").Id("Options"),
		jen.Line().Comment("transport sends calls made without functional options."),
		jen.Id("transport").Op("*").Qual(clientTransportPkg, "Client"),
	)
}

func clientNew() *jen.Statement {
	opts := jen.Id("options")
	return jen.Comment("New returns a client configured by options, then by optFns. The endpoint,").Line().
		Comment("retryer and credentials cache are resolved once, here.").Line().
		Func().Id("New").Params(opts.Clone().Id("Options"), jen.Id("optFns").Op("...").Func().Params(jen.Op("*").Id("Options"))).
		Op("*").Id("Client").Block(
		opts.Clone().Op("=").Add(opts.Clone()).Dot("Copy").Call(),
		opts.Clone().Dot("resolveRetryer").Call(),
		jen.For(jen.List(jen.Id("_"), jen.Id("fn")).Op(":=").Range().Id("optFns")).Block(
			jen.Id("fn").Call(jen.Op("&").Add(opts.Clone()))),
		opts.Clone().Dot("Retryer").Op("=").Qual(clientTransportPkg, "ResolveRetryer").
			Call(opts.Clone().Dot("Retryer"), opts.Clone().Dot("RetryMaxAttempts")),
		opts.Clone().Dot("Credentials").Op("=").Qual(clientTransportPkg, "NewCredentialsCache").
			Call(opts.Clone().Dot("Credentials")),
		jen.Return(jen.Op("&").Id("Client").Values(jen.Dict{
			jen.Id("options"):   opts.Clone(),
			jen.Id("transport"): jen.Qual(clientTransportPkg, "NewClient").Call(opts.Clone().Dot("transportConfig").Call(jen.Lit(0))),
		})),
	)
}

func clientNewFromConfig() *jen.Statement {
	cfg := func(field string) *jen.Statement { return jen.Id("cfg").Dot(field) }
	return jen.Comment("NewFromConfig returns a client configured from cfg as aws-sdk-go-v2 clients are").Line().
		Comment("(Region, Credentials, HTTPClient, Retryer, RetryMaxAttempts, RetryMode,").Line().
		Comment("BaseEndpoint, AppID), then by cfg.ServiceOptions and optFns.").Line().
		Func().Id("NewFromConfig").Params(jen.Id("cfg").Qual(clientAWSPkg, "Config"),
		jen.Id("optFns").Op("...").Func().Params(jen.Op("*").Id("Options"))).Op("*").Id("Client").Block(
		jen.Id("options").Op(":=").Id("Options").Values(jen.Dict{
			jen.Id("AppID"):            cfg("AppID"),
			jen.Id("BaseEndpoint"):     cfg("BaseEndpoint"),
			jen.Id("Credentials"):      cfg("Credentials"),
			jen.Id("HTTPClient"):       cfg("HTTPClient"),
			jen.Id("Region"):           cfg("Region"),
			jen.Id("RetryMaxAttempts"): cfg("RetryMaxAttempts"),
			jen.Id("RetryMode"):        cfg("RetryMode"),
		}),
		jen.If(cfg("Retryer").Op("!=").Nil()).Block(
			jen.Id("options").Dot("Retryer").Op("=").Add(cfg("Retryer")).Call()),
		jen.Return(jen.Id("New").Call(jen.Id("options"), jen.Func().Params(jen.Id("o").Op("*").Id("Options")).Block(
			jen.For(jen.List(jen.Id("_"), jen.Id("fn")).Op(":=").Range().Add(cfg("ServiceOptions"))).Block(
				jen.Id("fn").Call(jen.Id("ServiceID"), jen.Id("o"))),
			jen.For(jen.List(jen.Id("_"), jen.Id("fn")).Op(":=").Range().Id("optFns")).Block(
				jen.Id("fn").Call(jen.Id("o"))),
		))),
	)
}

func clientOptionsMethod() *jen.Statement {
	return jen.Comment("Options returns a copy of the client's resolved options.").Line().
		Func().Params(jen.Id("c").Op("*").Id("Client")).Id("Options").Params().Id("Options").
		Block(jen.Return(jen.Id("c").Dot("options").Dot("Copy").Call()))
}

// clientInvoke emits the method every operation sends its call through.
// Functional options cost a transport client for the call; a
// RetryMaxAttempts equal to the client's is left as resolved in New.
func clientInvoke() *jen.Statement {
	o := jen.Id("o")
	return jen.Comment("invoke sends op with the client's settings or, when optFns are given, with a").Line().
		Comment("copy of its options changed by them.").Line().
		Func().Params(jen.Id("c").Op("*").Id("Client")).Id("invoke").
		Params(jen.Id("ctx").Qual("context", "Context"), jen.Id("op").Op("*").Qual(clientTransportPkg, "Operation"),
			jen.Id("optFns").Index().Func().Params(jen.Op("*").Id("Options"))).
		Params(jen.Qual(clientMiddlewarePkg, "Metadata"), jen.Error()).Block(
		jen.If(jen.Len(jen.Id("optFns")).Op("==").Lit(0)).Block(
			jen.Return(jen.Id("c").Dot("transport").Dot("Invoke").Call(jen.Id("ctx"), jen.Id("op")))),
		o.Clone().Op(":=").Id("c").Dot("options").Dot("Copy").Call(),
		jen.For(jen.List(jen.Id("_"), jen.Id("fn")).Op(":=").Range().Id("optFns")).Block(
			jen.Id("fn").Call(jen.Op("&").Add(o.Clone()))),
		jen.Id("attempts").Op(":=").Lit(0),
		jen.If(o.Clone().Dot("RetryMaxAttempts").Op("!=").Id("c").Dot("options").Dot("RetryMaxAttempts")).Block(
			jen.Id("attempts").Op("=").Add(o.Clone()).Dot("RetryMaxAttempts")),
		jen.Id("t").Op(":=").Qual(clientTransportPkg, "NewClient").Call(o.Clone().Dot("transportConfig").Call(jen.Id("attempts"))),
		jen.Return(jen.Id("t").Dot("Invoke").Call(jen.Id("ctx"), jen.Id("op"))),
	)
}

// clientOperation emits the type of the per-operation values that the
// client methods call (see opValue). Its type parameters are pointers, so
// that all operations share the code of its call method.
func clientOperation() *jen.Statement {
	in, out := jen.Id("In"), jen.Id("Out")
	req, resp := jen.Op("*").Qual(clientTransportPkg, "Request"), jen.Op("*").Qual(clientTransportPkg, "Response")
	return jen.Comment("operation is how an operation's calls are validated, serialized and").Line().
		Comment("deserialized. In and Out are pointers to its input and output structures.").Line().
		Type().Id("operation").Types(jen.List(in.Clone(), out.Clone()).Any()).Struct(
		jen.Id("name").String(),
		jen.Id("validate").Func().Params(in.Clone()).Error(),
		jen.Id("serialize").Func().Params(in.Clone(), req.Clone()).Error(),
		jen.Id("deserialize").Func().Params(resp.Clone(), out.Clone()).Error(),
		jen.Id("deserializeError").Func().Params(resp).Error(),
		jen.Line().Comment("start returns the input to send (params, or an empty input for nil), and a"),
		jen.Comment("new output with the transport operation decoding into it (see newCall)."),
		jen.Id("start").Func().Params(in.Clone()).Params(in.Clone(), out.Clone(), jen.Op("*").Qual(clientTransportPkg, "Operation")),
		jen.Line().Comment("metadata returns the address of the output's ResultMetadata."),
		jen.Id("metadata").Func().Params(out).Op("*").Qual(clientMiddlewarePkg, "Metadata"),
	)
}

// clientOperationCall emits the body shared by all operation methods. The
// transport operation is cleared after the call so that the output, which
// was allocated with it, does not keep the input alive.
func clientOperationCall() *jen.Statement {
	params, out, t := jen.Id("params"), jen.Id("out"), jen.Id("t")
	req, resp := jen.Op("*").Qual(clientTransportPkg, "Request"), jen.Op("*").Qual(clientTransportPkg, "Response")
	none := jen.Var().Id("none").Id("Out")
	return jen.Comment("call sends the operation with params once they are valid, and returns its").Line().
		Comment("output with the result metadata set.").Line().
		Func().Params(jen.Id("op").Op("*").Id("operation").Types(jen.Id("In"), jen.Id("Out"))).Id("call").
		Params(jen.Id("ctx").Qual("context", "Context"), jen.Id("c").Op("*").Id("Client"), params.Clone().Id("In"),
			jen.Id("optFns").Index().Func().Params(jen.Op("*").Id("Options"))).
		Params(jen.Id("Out"), jen.Error()).Block(
		jen.List(params.Clone(), out.Clone(), t.Clone()).Op(":=").Id("op").Dot("start").Call(params.Clone()),
		jen.If(jen.Err().Op(":=").Id("op").Dot("validate").Call(params.Clone()), jen.Err().Op("!=").Nil()).Block(
			none.Clone(),
			jen.Return(jen.Id("none"), jen.Op("&").Qual(clientSmithyPkg, "OperationError").Values(jen.Dict{
				jen.Id("ServiceID"):     jen.Id("ServiceID"),
				jen.Id("OperationName"): jen.Id("op").Dot("name"),
				jen.Id("Err"):           jen.Err(),
			}))),
		jen.Op("*").Add(t.Clone()).Op("=").Qual(clientTransportPkg, "Operation").Add(emit.KeyedValues(
			jen.Id("Name"), jen.Id("op").Dot("name"),
			jen.Id("Build"), jen.Func().Params(jen.Id("r").Add(req)).Error().
				Add(emit.OneLine(jen.Return(jen.Id("op").Dot("serialize").Call(params.Clone(), jen.Id("r"))))),
			jen.Id("Decode"), jen.Func().Params(jen.Id("resp").Add(resp)).Error().
				Add(emit.OneLine(jen.Return(jen.Id("op").Dot("deserialize").Call(jen.Id("resp"), out.Clone())))),
			jen.Id("Error"), jen.Id("op").Dot("deserializeError"))),
		jen.List(jen.Id("metadata"), jen.Err()).Op(":=").Id("c").Dot("invoke").Call(jen.Id("ctx"), t.Clone(), jen.Id("optFns")),
		jen.Op("*").Add(t.Clone()).Op("=").Qual(clientTransportPkg, "Operation").Values(),
		jen.If(jen.Err().Op("!=").Nil()).Block(none, jen.Return(jen.Id("none"), jen.Err())),
		jen.Op("*").Id("op").Dot("metadata").Call(out.Clone()).Op("=").Id("metadata"),
		jen.Return(out, jen.Nil()),
	)
}

// clientNewCall emits the start function of every operation: it allocates
// the output and its transport operation together. Its type parameters are
// the input and output structures themselves, not pointers.
func clientNewCall() *jen.Statement {
	return jen.Comment("result is an output allocated with the transport operation decoding into it.").Line().
		Type().Id("result").Types(jen.Id("Out").Any()).Struct(
		jen.Id("out").Id("Out"),
		jen.Id("t").Qual(clientTransportPkg, "Operation"),
	).Line().Line().
		Comment("newCall returns params, or an empty input for nil, and a new output with the").Line().
		Comment("transport operation decoding into it.").Line().
		Func().Id("newCall").Types(jen.List(jen.Id("In"), jen.Id("Out")).Any()).
		Params(jen.Id("params").Op("*").Id("In")).
		Params(jen.Op("*").Id("In"), jen.Op("*").Id("Out"), jen.Op("*").Qual(clientTransportPkg, "Operation")).Block(
		jen.If(jen.Id("params").Op("==").Nil()).Block(jen.Id("params").Op("=").New(jen.Id("In"))),
		jen.Id("r").Op(":=").New(jen.Id("result").Types(jen.Id("Out"))),
		jen.Return(jen.Id("params"), jen.Op("&").Id("r").Dot("out"), jen.Op("&").Id("r").Dot("t")),
	)
}

// clientAPI emits the interface of all operations. Its name cannot clash
// with an operation's declarations, which all end in a fixed suffix.
func clientAPI(a *model.API) *jen.Statement {
	var methods []jen.Code
	for _, op := range a.Operations {
		methods = append(methods, jen.Id(op.Name).Params(jen.Qual("context", "Context"),
			jen.Op("*").Id(op.Input.Name), jen.Op("...").Func().Params(jen.Op("*").Id("Options"))).
			Params(jen.Op("*").Id(op.Output.Name), jen.Error()))
	}
	return jen.Comment("API is the operations of Client, for code that accepts a substitute such as").Line().
		Comment("a test double.").Line().
		Type().Id("API").Interface(methods...).Line().Line().
		Var().Id("_").Id("API").Op("=").Parens(jen.Op("*").Id("Client")).Parens(jen.Nil())
}
