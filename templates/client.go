package templates

import (
	"maps"
	"slices"

	"github.com/dave/jennifer/jen"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/templates/emit"
	"github.com/smithygen/smithygen/templates/protocols"
)

// Import paths the client code uses.
const (
	clientAWSPkg           = "github.com/aws/aws-sdk-go-v2/aws"
	clientAWSMiddlewarePkg = "github.com/aws/aws-sdk-go-v2/aws/middleware"
	clientV4Pkg            = "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	clientSmithyPkg        = "github.com/aws/smithy-go"
	clientLoggingPkg       = "github.com/aws/smithy-go/logging"
	clientMetricsPkg       = "github.com/aws/smithy-go/metrics"
	clientMiddlewarePkg    = "github.com/aws/smithy-go/middleware"
	clientTracingPkg       = "github.com/aws/smithy-go/tracing"
	clientSmithyHTTPPkg    = "github.com/aws/smithy-go/transport/http"
	clientTransportPkg     = "github.com/smithygen/smithygen/runtime/transport"
)

// clientFile emits api_client.go: the service constants, Options, Client,
// its constructors and the API interface, laid out as aws-sdk-go-v2 names
// them so that switching to or from a v2 client changes only the import.
func clientFile(a *model.API) *jen.File {
	f := emit.NewFile(a, "")
	clientImportNames(f)
	f.Add(clientConsts(a))
	f.Add(clientHTTPClient())
	f.Add(clientHTTPSigner())
	f.Add(clientOptions(a))
	f.Add(clientOptionsCopy())
	f.Add(clientWithOptions())
	f.Add(clientTransportConfig(a))
	f.Add(clientResolve(a))
	if d := clientEndpointDecls(a); d != nil {
		f.Add(d)
	}
	f.Add(clientIdempotent(a))
	f.Add(clientRedaction(a))
	f.Add(clientStruct(a))
	f.Add(clientNew(a))
	f.Add(clientNewFromConfig(a))
	f.Add(clientOptionsMethod())
	f.Add(clientInvoke(a))
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
		clientV4Pkg:         "v4",
		clientSmithyPkg:     "smithy",
		clientLoggingPkg:    "logging",
		clientMetricsPkg:    "metrics",
		clientMiddlewarePkg: "middleware",
		clientTracingPkg:    "tracing",
		clientTransportPkg:  "transport",
	})
	f.ImportAlias(clientAWSMiddlewarePkg, "awsmiddleware")
	f.ImportAlias(clientSmithyHTTPPkg, "smithyhttp")
	f.ImportAlias(clientEndpointsPkg, "smithyendpoints")
	f.ImportName(clientRulesPkg, "rules")
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

// clientTransportConfig emits the method that maps Options to the
// transport's settings; retryMaxAttempts and the client's clock skew are
// passed through to it.
func clientTransportConfig(a *model.API) *jen.Statement {
	o := jen.Id("o")
	cfg := jen.Dict{
		jen.Id("ServiceID"):                  jen.Id("ServiceID"),
		jen.Id("SigningName"):                jen.Lit(a.SigningName),
		jen.Id("Scope"):                      jen.Lit(a.ImportPath),
		jen.Id("RetryMaxAttempts"):           jen.Id("retryMaxAttempts"),
		jen.Id("ClockSkew"):                  jen.Id("clockSkew"),
		jen.Id("Redaction"):                  jen.Id("redaction"),
		jen.Id("Signer"):                     o.Clone().Dot("HTTPSignerV4"),
		jen.Id("MaxResponseBodyBytes"):       o.Clone().Dot("MaxResponseBodyBytes"),
		jen.Id("DisableClockSkewCorrection"): o.Clone().Dot("DisableClockSkewCorrection"),
	}
	cfg[jen.Id("HTTPClient")] = httpClientValue(a, o.Clone())
	for _, f := range []string{"BaseEndpoint", "Credentials", "Retryer", "AppID", "APIOptions",
		"Interceptors", "TracerProvider", "MeterProvider", "Logger", "ClientLogMode"} {
		cfg[jen.Id(f)] = o.Clone().Dot(f)
	}
	if clientCompresses(a) {
		cfg[jen.Id("DisableRequestCompression")] = o.Clone().Dot("DisableRequestCompression")
		cfg[jen.Id("RequestMinCompressSizeBytes")] = o.Clone().Dot("RequestMinCompressSizeBytes")
	}
	params := []jen.Code{jen.Id("retryMaxAttempts").Int(), jen.Id("clockSkew").Op("*").Qual("sync/atomic", "Int64")}
	region := jen.Id("o").Dot("Region")
	if clientRules(a) != nil {
		params = append(params, jen.Id("endpoints").Op("*").Id("clientEndpoints"))
		cfg[jen.Id("Endpoint")] = jen.Id("endpoints").Dot("static")
		cfg[jen.Id("EndpointErr")] = jen.Id("endpoints").Dot("err")
		region = jen.Id("endpoints").Dot("region")
	}
	cfg[jen.Id("Region")] = region
	return jen.Comment("transportConfig returns the transport settings of the options.").Line().
		Func().Params(o.Clone().Id("Options")).Id("transportConfig").
		Params(params...).
		Qual(clientTransportPkg, "Config").
		Block(jen.Return(jen.Qual(clientTransportPkg, "Config").Values(cfg)))
}

// clientIdempotent emits the set of operations that may be sent again after
// their response failed to arrive whole.
func clientIdempotent(a *model.API) *jen.Statement {
	var names []jen.Code
	for _, op := range a.Operations {
		if clientOpIdempotent(op) {
			names = append(names, jen.Lit(op.Shape.Name()).Op(":").True())
		}
	}
	return jen.Comment("idempotentOperations are the operations that may be sent again after their").Line().
		Comment("response failed to arrive whole: @readonly, @idempotent, or with an").Line().
		Comment("@idempotencyToken input member (filled once per call).").Line().
		Var().Id("idempotentOperations").Op("=").Map(jen.String()).Bool().Values(names...)
}

func clientOpIdempotent(op *model.Op) bool {
	t := &op.Shape.Traits
	if t.Readonly || t.Idempotent {
		return true
	}
	for _, f := range op.Input.Fields {
		if f.Member.Traits.IdempotencyToken {
			return true
		}
	}
	return false
}

// clientRedaction emits the redaction of @sensitive members in logs: the
// headers they bind and, for protocols that can hide single body members
// (emit.BodyRedactor), their body member names; a sensitive payload or
// another protocol hides whole bodies.
func clientRedaction(a *model.API) *jen.Statement {
	headers, members := map[string]bool{}, map[string]bool{}
	whole := false
	for _, n := range append(append([]*model.Named(nil), a.Inputs...), a.Types...) {
		for _, f := range n.Fields {
			if !f.Member.Traits.Sensitive && !f.Member.Target.Traits.Sensitive {
				continue
			}
			switch f.Location {
			case model.InHeader, model.InPrefixHeaders:
				headers[f.LocationName] = true
			case model.InPayload:
				whole = true
			case model.InBody:
				members[f.Wire] = true
			}
		}
	}
	doc := jen.Comment("redaction hides @sensitive members in logged requests and responses.").Line()
	if len(headers) == 0 && len(members) == 0 && !whole {
		return doc.Var().Id("redaction").Op("*").Qual(clientTransportPkg, "Redaction")
	}
	r := jen.Dict{}
	if len(headers) > 0 {
		r[jen.Id("Headers")] = jen.Index().String().Values(sortedLits(headers)...)
	}
	redactor, partial := protocols.Lookup(a.Protocol).(emit.BodyRedactor)
	switch {
	case whole || !partial:
		r[jen.Id("Body")] = jen.Qual(clientTransportPkg, "RedactBody")
	case len(members) > 0:
		r[jen.Id("Body")] = redactor.RedactMembers(slices.Sorted(maps.Keys(members)))
	}
	return doc.Var().Id("redaction").Op("=").Op("&").Qual(clientTransportPkg, "Redaction").Values(r)
}

func sortedLits(set map[string]bool) []jen.Code {
	var out []jen.Code
	for _, k := range slices.Sorted(maps.Keys(set)) {
		out = append(out, jen.Lit(k))
	}
	return out
}

func clientStruct(a *model.API) *jen.Statement {
	fields := []jen.Code{
		jen.Id("options").Id("Options"),
		jen.Line().Comment("transport sends calls made without functional options."),
		jen.Id("transport").Op("*").Qual(clientTransportPkg, "Client"),
	}
	if clientRules(a) != nil {
		fields = append(fields, jen.Line().Comment("endpoints is how those calls find their endpoint."),
			jen.Id("endpoints").Op("*").Id("clientEndpoints"))
	}
	fields = append(fields, jen.Line().Comment("timeOffset is the clock skew in nanoseconds that calls sign with."),
		jen.Id("timeOffset").Op("*").Qual("sync/atomic", "Int64"))
	return jen.Comment("Client sends the operations of " + serviceTitle(a) + ". It is safe for").Line().
		Comment("concurrent use.").Line().
		Type().Id("Client").Struct(fields...)
}

// clientTransportArgs are the arguments of transportConfig after the retry
// attempts: the clock skew and, with endpoint rules, the endpoints.
func clientTransportArgs(a *model.API, skew, ends jen.Code) []jen.Code {
	if clientRules(a) == nil {
		return []jen.Code{skew}
	}
	return []jen.Code{skew, ends}
}

func clientNew(a *model.API) *jen.Statement {
	opts := jen.Id("options")
	var ends []jen.Code
	if clientRules(a) != nil {
		ends = []jen.Code{jen.Id("c").Dot("endpoints").Op("=").Add(opts.Clone()).Dot("endpoints").Call()}
	}
	return jen.Comment("New returns a client configured by options, then by optFns. The endpoint,").Line().
		Comment("retryer and credentials cache are resolved once, here.").Line().
		Func().Id("New").Params(opts.Clone().Id("Options"), jen.Id("optFns").Op("...").Func().Params(jen.Op("*").Id("Options"))).
		Op("*").Id("Client").Block(
		opts.Clone().Op("=").Add(opts.Clone()).Dot("Copy").Call(),
		opts.Clone().Dot("resolveDefaults").Call(),
		jen.For(jen.List(jen.Id("_"), jen.Id("fn")).Op(":=").Range().Id("optFns")).Block(
			jen.Id("fn").Call(jen.Op("&").Add(opts.Clone()))),
		opts.Clone().Dot("Retryer").Op("=").Qual(clientTransportPkg, "ResolveRetryer").
			Call(opts.Clone().Dot("Retryer"), opts.Clone().Dot("RetryMaxAttempts")),
		opts.Clone().Dot("Credentials").Op("=").Qual(clientTransportPkg, "NewCredentialsCache").
			Call(opts.Clone().Dot("Credentials")),
		jen.Id("c").Op(":=").Op("&").Id("Client").Values(jen.Dict{
			jen.Id("options"):    opts.Clone(),
			jen.Id("timeOffset"): jen.New(jen.Qual("sync/atomic", "Int64")),
		}),
		jen.Add(ends...),
		jen.Id("c").Dot("transport").Op("=").Qual(clientTransportPkg, "NewClient").Call(
			opts.Clone().Dot("transportConfig").Call(append([]jen.Code{jen.Lit(0)},
				clientTransportArgs(a, jen.Id("c").Dot("timeOffset"), jen.Id("c").Dot("endpoints"))...)...)),
		jen.Return(jen.Id("c")),
	)
}

func clientNewFromConfig(a *model.API) *jen.Statement {
	cfg := func(field string) *jen.Statement { return jen.Id("cfg").Dot(field) }
	fields := jen.Dict{jen.Id("Interceptors"): cfg("Interceptors").Dot("Copy").Call()}
	names := []string{"APIOptions", "AppID", "BaseEndpoint", "ClientLogMode", "Credentials", "DefaultsMode",
		"DisableClockSkewCorrection", "HTTPClient", "Logger", "Region", "RetryMaxAttempts", "RetryMode", "RuntimeEnvironment"}
	if clientCompresses(a) {
		names = append(names, "DisableRequestCompression", "RequestMinCompressSizeBytes")
	}
	for _, f := range names {
		fields[jen.Id(f)] = cfg(f)
	}
	body := []jen.Code{
		jen.Id("options").Op(":=").Id("Options").Values(fields),
		jen.If(cfg("Retryer").Op("!=").Nil()).Block(
			jen.Id("options").Dot("Retryer").Op("=").Add(cfg("Retryer")).Call()),
	}
	body = append(body, clientConfigEndpoints(a)...)
	body = append(body, jen.Return(jen.Id("New").Call(jen.Id("options"), jen.Func().Params(jen.Id("o").Op("*").Id("Options")).Block(
		jen.For(jen.List(jen.Id("_"), jen.Id("fn")).Op(":=").Range().Add(cfg("ServiceOptions"))).Block(
			jen.Id("fn").Call(jen.Id("ServiceID"), jen.Id("o"))),
		jen.For(jen.List(jen.Id("_"), jen.Id("fn")).Op(":=").Range().Id("optFns")).Block(
			jen.Id("fn").Call(jen.Id("o"))),
	))))
	return jen.Comment("NewFromConfig returns a client configured from cfg as aws-sdk-go-v2 clients are").Line().
		Comment("(Region, Credentials, HTTPClient, Retryer, RetryMaxAttempts, RetryMode,").Line().
		Comment("BaseEndpoint, AppID, APIOptions, Interceptors, Logger, ClientLogMode,").Line().
		Comment("DefaultsMode, RuntimeEnvironment, clock-skew and compression settings), then").Line().
		Comment("by cfg.ServiceOptions and optFns.").Line().
		Func().Id("NewFromConfig").Params(jen.Id("cfg").Qual(clientAWSPkg, "Config"),
		jen.Id("optFns").Op("...").Func().Params(jen.Op("*").Id("Options"))).Op("*").Id("Client").Block(body...)
}

func clientOptionsMethod() *jen.Statement {
	return jen.Comment("Options returns a copy of the client's resolved options.").Line().
		Func().Params(jen.Id("c").Op("*").Id("Client")).Id("Options").Params().Id("Options").
		Block(jen.Return(jen.Id("c").Dot("options").Dot("Copy").Call()))
}

// clientInvoke emits the method every operation sends its call through.
// Functional options cost a transport client for the call; a
// RetryMaxAttempts equal to the client's is left as resolved in New.
func clientInvoke(a *model.API) *jen.Statement {
	o := jen.Id("o")
	rules := clientRules(a) != nil
	send := func(t jen.Code, ends jen.Code) []jen.Code {
		if !rules {
			return []jen.Code{jen.Return(jen.Add(t).Dot("Invoke").Call(jen.Id("ctx"), jen.Id("op")))}
		}
		return []jen.Code{
			jen.If(jen.Err().Op(":=").Add(ends).Dot("resolve").Call(jen.Id("ctx"), jen.Id("op")), jen.Err().Op("!=").Nil()).Block(
				jen.Return(jen.Qual(clientMiddlewarePkg, "Metadata").Values(), jen.Op("&").Qual(clientSmithyPkg, "OperationError").Values(jen.Dict{
					jen.Id("ServiceID"):     jen.Id("ServiceID"),
					jen.Id("OperationName"): jen.Id("op").Dot("Name"),
					jen.Id("Err"):           jen.Qual(clientTransportPkg, "EndpointError").Call(jen.Err()),
				}))),
			jen.Return(jen.Add(t).Dot("Invoke").Call(jen.Id("ctx"), jen.Id("op"))),
		}
	}
	body := []jen.Code{
		jen.If(jen.Len(jen.Id("optFns")).Op("==").Lit(0)).Block(send(jen.Id("c").Dot("transport"), jen.Id("c").Dot("endpoints"))...),
		o.Clone().Op(":=").Id("c").Dot("options").Dot("Copy").Call(),
		jen.For(jen.List(jen.Id("_"), jen.Id("fn")).Op(":=").Range().Id("optFns")).Block(
			jen.Id("fn").Call(jen.Op("&").Add(o.Clone()))),
		jen.Id("attempts").Op(":=").Lit(0),
		jen.If(o.Clone().Dot("RetryMaxAttempts").Op("!=").Id("c").Dot("options").Dot("RetryMaxAttempts")).Block(
			jen.Id("attempts").Op("=").Add(o.Clone()).Dot("RetryMaxAttempts")),
	}
	if rules {
		body = append(body, jen.Id("ends").Op(":=").Add(o.Clone()).Dot("endpoints").Call())
	}
	body = append(body, jen.Id("t").Op(":=").Qual(clientTransportPkg, "NewClient").Call(o.Clone().Dot("transportConfig").Call(
		append([]jen.Code{jen.Id("attempts")}, clientTransportArgs(a, jen.Id("c").Dot("timeOffset"), jen.Id("ends"))...)...)))
	body = append(body, send(jen.Id("t"), jen.Id("ends"))...)
	return jen.Comment("invoke sends op with the client's settings or, when optFns are given, with a").Line().
		Comment("copy of its options changed by them.").Line().
		Func().Params(jen.Id("c").Op("*").Id("Client")).Id("invoke").
		Params(jen.Id("ctx").Qual("context", "Context"), jen.Id("op").Op("*").Qual(clientTransportPkg, "Operation"),
			jen.Id("optFns").Index().Func().Params(jen.Op("*").Id("Options"))).
		Params(jen.Qual(clientMiddlewarePkg, "Metadata"), jen.Error()).Block(body...)
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
			jen.Id("Input"), params.Clone(),
			jen.Id("Output"), out.Clone(),
			jen.Id("Idempotent"), jen.Id("idempotentOperations").Index(jen.Id("op").Dot("name")),
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
