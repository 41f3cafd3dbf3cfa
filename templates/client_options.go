package templates

import (
	"slices"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/smithygen/smithygen/model"
)

// The Options struct of api_client.go, its Copy method, functional-option
// helpers and defaults, as aws-sdk-go-v2 declares them.

func clientHTTPSigner() *jen.Statement {
	return jen.Comment("HTTPSignerV4 signs requests with SigV4; *v4.Signer implements it.").Line().
		Type().Id("HTTPSignerV4").Interface(
		jen.Id("SignHTTP").Params(jen.Id("ctx").Qual("context", "Context"), jen.Id("credentials").Qual(clientAWSPkg, "Credentials"),
			jen.Id("r").Op("*").Qual("net/http", "Request"), jen.Id("payloadHash").String(), jen.Id("service").String(),
			jen.Id("region").String(), jen.Id("signingTime").Qual("time", "Time"),
			jen.Id("optFns").Op("...").Func().Params(jen.Op("*").Qual(clientV4Pkg, "SignerOptions"))).Error())
}

// clientOptionField is one documented field of Options.
type clientOptionField struct {
	name string
	typ  jen.Code
	doc  []string
}

// clientOptionFields are the fields of Options, named and typed as
// aws-sdk-go-v2 names them.
func clientOptionFields(a *model.API) []clientOptionField {
	fields := []clientOptionField{
		{"APIOptions", jen.Index().Func().Params(jen.Op("*").Qual(clientMiddlewarePkg, "Stack")).Error(), []string{
			"APIOptions change the middleware stack of every call, as in aws-sdk-go-v2:",
			"its steps and middleware IDs are listed by transport.StackMiddlewareIDs.",
			"Calls without APIOptions or Interceptors run without building a stack."}},
		{"AppID", jen.String(), []string{
			"AppID is an optional application identifier appended to the User-Agent",
			"header as app/{AppID}."}},
		{"BaseEndpoint", jen.Op("*").String(), []string{
			"BaseEndpoint, when set, is the URL requests are sent to instead of the",
			"Region's default endpoint, e.g. \"http://localhost:8080\". Its path prefixes",
			"every operation path."}},
		{"ClientLogMode", jen.Qual(clientAWSPkg, "ClientLogMode"), []string{
			"ClientLogMode selects what Logger receives: requests, responses (bodies only",
			"with the WithBody modes), retries and signing. Credentials, the",
			"Authorization header, security tokens and sensitive members are redacted."}},
		{"Credentials", jen.Qual(clientAWSPkg, "CredentialsProvider"), []string{
			"Credentials sign requests with SigV4. Nil or aws.AnonymousCredentials sends",
			"them unsigned. New caches them with aws.CredentialsCache."}},
		{"DefaultsMode", jen.Qual(clientAWSPkg, "DefaultsMode"), []string{
			"DefaultsMode selects the retry mode and HTTP timeouts of an unset Retryer,",
			"RetryMode and HTTPClient, as in aws-sdk-go-v2; \"auto\" resolves from Region",
			"and RuntimeEnvironment."}},
		{"DisableClockSkewCorrection", jen.Bool(), []string{
			"DisableClockSkewCorrection signs with the local clock only. Otherwise the",
			"clock skew seen in responses' Date headers corrects the signing time of",
			"later attempts and calls, and makes skew-caused signature errors retryable."}},
	}
	if clientCompresses(a) {
		fields = append(fields, clientOptionField{"DisableRequestCompression", jen.Bool(), []string{
			"DisableRequestCompression sends the bodies of operations with the",
			"requestCompression trait uncompressed."}})
	}
	fields = append(fields, []clientOptionField{
		{"HTTPClient", jen.Id("HTTPClient"), []string{
			"HTTPClient sends requests; nil selects an awshttp.BuildableClient with the",
			"DefaultsMode's timeouts."}},
		{"HTTPSignerV4", jen.Id("HTTPSignerV4"), []string{
			"HTTPSignerV4 signs requests; nil selects v4.NewSigner()."}},
		{"Interceptors", jen.Qual(clientSmithyHTTPPkg, "InterceptorRegistry"), []string{
			"Interceptors run at smithy-go's hook points, in aws-sdk-go-v2's order."}},
		{"Logger", jen.Qual(clientLoggingPkg, "Logger"), []string{
			"Logger receives what ClientLogMode selects; nil selects logging.Nop."}},
		{"MaxResponseBodyBytes", jen.Int64(), []string{
			"MaxResponseBodyBytes, when positive, fails a call whose response body is",
			"longer with *transport.ResponseTooLargeError, without reading past it. Set",
			"in an operation call's functional options, it limits that call only."}},
		{"MeterProvider", jen.Qual(clientMetricsPkg, "MeterProvider"), []string{
			"MeterProvider receives aws-sdk-go-v2's client metrics (client.call.duration,",
			"client.call.attempts, ...); nil records none."}},
		{"Region", jen.String(), []string{
			"Region is the AWS Region requests are signed for and, without a",
			"BaseEndpoint, sent to. (Required)"}},
	}...)
	if clientCompresses(a) {
		fields = append(fields, clientOptionField{"RequestMinCompressSizeBytes", jen.Int64(), []string{
			"RequestMinCompressSizeBytes is the smallest body compressed, from 0 to",
			"10485760 bytes; 0 selects 10240."}})
	}
	fields = append(fields, clientEndpointFields(a)...)
	fields = append(fields, customOptionFields(a)...)
	fields = append(fields, []clientOptionField{
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
		{"RuntimeEnvironment", jen.Qual(clientAWSPkg, "RuntimeEnvironment"), []string{
			"RuntimeEnvironment is the environment DefaultsMode \"auto\" resolves from."}},
		{"TracerProvider", jen.Qual(clientTracingPkg, "TracerProvider"), []string{
			"TracerProvider receives aws-sdk-go-v2's spans of every call; nil records none."}},
	}...)
	slices.SortStableFunc(fields, func(a, b clientOptionField) int { return strings.Compare(a.name, b.name) })
	return append(fields, clientOptionField{"resolvedDefaultsMode", jen.Qual(clientAWSPkg, "DefaultsMode"), []string{
		"resolvedDefaultsMode is the DefaultsMode New resolved."}})
}

// clientCompresses reports whether an operation has the requestCompression
// trait, which adds the compression options.
func clientCompresses(a *model.API) bool {
	for _, op := range a.Operations {
		if len(op.Shape.Traits.RequestCompression) > 0 {
			return true
		}
	}
	return false
}

func clientOptions(a *model.API) *jen.Statement {
	var fields []jen.Code
	for i, o := range clientOptionFields(a) {
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
	o := jen.Id("o")
	return jen.Comment("Copy returns a copy of the options. APIOptions and Interceptors are copied;").Line().
		Comment("other pointer and interface fields are shared.").Line().
		Func().Params(o.Clone().Id("Options")).Id("Copy").Params().Id("Options").Block(
		o.Clone().Dot("APIOptions").Op("=").Qual("slices", "Clone").Call(o.Clone().Dot("APIOptions")),
		o.Clone().Dot("Interceptors").Op("=").Add(o.Clone()).Dot("Interceptors").Dot("Copy").Call(),
		jen.Return(o),
	)
}

// clientWithOptions emits aws-sdk-go-v2's functional-option helpers.
func clientWithOptions() *jen.Statement {
	stackFns := jen.Id("optFns").Op("...").Func().Params(jen.Op("*").Qual(clientMiddlewarePkg, "Stack")).Error()
	withCtx := func(name, id, setter, param, doc string) *jen.Statement {
		return jen.Comment(doc).Line().
			Func().Id(name).Params(jen.Id(param).String()).Func().Params(jen.Op("*").Id("Options")).Block(
			jen.Id("fn").Op(":=").Func().Params(jen.Id("ctx").Qual("context", "Context"),
				jen.Id("in").Qual(clientMiddlewarePkg, "InitializeInput"), jen.Id("next").Qual(clientMiddlewarePkg, "InitializeHandler")).
				Params(jen.Qual(clientMiddlewarePkg, "InitializeOutput"), jen.Qual(clientMiddlewarePkg, "Metadata"), jen.Error()).Block(
				jen.Return(jen.Id("next").Dot("HandleInitialize").Call(jen.Qual(clientAWSMiddlewarePkg, setter).Call(jen.Id("ctx"), jen.Id(param)), jen.Id("in")))),
			jen.Return(jen.Id("WithAPIOptions").Call(jen.Func().Params(jen.Id("s").Op("*").Qual(clientMiddlewarePkg, "Stack")).Error().Block(
				jen.Return(jen.Id("s").Dot("Initialize").Dot("Add").Call(
					jen.Qual(clientMiddlewarePkg, "InitializeMiddlewareFunc").Call(jen.Lit(id), jen.Id("fn")),
					jen.Qual(clientMiddlewarePkg, "Before")))))),
		)
	}
	return jen.Comment("WithAPIOptions returns a functional option that appends optFns to APIOptions.").Line().
		Func().Id("WithAPIOptions").Params(stackFns).Func().Params(jen.Op("*").Id("Options")).Block(
		jen.Return(jen.Func().Params(jen.Id("o").Op("*").Id("Options")).Block(
			jen.Id("o").Dot("APIOptions").Op("=").Append(jen.Id("o").Dot("APIOptions"), jen.Id("optFns").Op("...")))),
	).Line().Line().
		Add(withCtx("WithSigV4SigningName", "withSigV4SigningName", "SetSigningName", "name",
			"WithSigV4SigningName returns a functional option that signs with the SigV4 signing name name.")).Line().Line().
		Add(withCtx("WithSigV4SigningRegion", "withSigV4SigningRegion", "SetSigningRegion", "region",
			"WithSigV4SigningRegion returns a functional option that signs for the SigV4 region region."))
}

// clientResolve emits the method that fills unset options with their
// defaults before the functional options of New run, as aws-sdk-go-v2's
// New does.
func clientResolve(a *model.API) *jen.Statement {
	o := func(f string) *jen.Statement { return jen.Id("o").Dot(f) }
	ifNil := func(f string, v jen.Code) jen.Code {
		return jen.If(o(f).Op("==").Nil()).Block(o(f).Op("=").Add(v))
	}
	return jen.Comment("resolveDefaults sets the defaults mode and the unset logger, retryer, HTTP").Line().
		Comment("client, signer, tracer and meter providers.").Line().
		Func().Params(jen.Id("o").Op("*").Id("Options")).Id("resolveDefaults").Params().Block(
		ifNil("Logger", jen.Qual(clientLoggingPkg, "Nop").Values()),
		jen.If(o("resolvedDefaultsMode").Op("==").Lit("")).Block(
			o("resolvedDefaultsMode").Op("=").Qual(clientTransportPkg, "ResolveDefaultsMode").Call(
				o("DefaultsMode"), o("Region"), o("RuntimeEnvironment"))),
		ifNil("Retryer", jen.Qual(clientTransportPkg, "NewRetryer").Call(o("RetryMode"), o("resolvedDefaultsMode"))),
		o("HTTPClient").Op("=").Qual(clientTransportPkg, "ResolveHTTPClient").Call(o("HTTPClient"), o("resolvedDefaultsMode")),
		ifNil("HTTPSignerV4", jen.Qual(clientV4Pkg, "NewSigner").Call()),
		ifNil("TracerProvider", jen.Op("&").Qual(clientTracingPkg, "NopTracerProvider").Values()),
		ifNil("MeterProvider", jen.Qual(clientMetricsPkg, "NopMeterProvider").Values()),
		clientResolveEndpoints(a),
	)
}

// clientResolveEndpoints sets an unset EndpointResolverV2 to the default.
func clientResolveEndpoints(a *model.API) jen.Code {
	if clientRules(a) == nil {
		return jen.Null()
	}
	return jen.If(jen.Id("o").Dot("EndpointResolverV2").Op("==").Nil()).Block(
		jen.Id("o").Dot("EndpointResolverV2").Op("=").Id("NewDefaultEndpointResolverV2").Call())
}
