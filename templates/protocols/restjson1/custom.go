package restjson1

import (
	"github.com/dave/jennifer/jen"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/templates/emit"
	"github.com/smithygen/smithygen/templates/httpbind"
)

// Service customizations: behavior AWS SDKs add to particular services
// beyond their models, keyed by the service's SDK ID.
const (
	sdkAPIGateway = "API Gateway"
	sdkGlacier    = "Glacier"
)

// serviceHeaderStmts set the headers a service requires on every request:
// API Gateway's Accept, Glacier's API version and payload checksums.
func serviceHeaderStmts(a *model.API) []jen.Code {
	header := func(k, v string) jen.Code {
		return jen.Id("r").Dot("Header").Index(jen.Lit(k)).Op("=").Index().String().Values(jen.Lit(v))
	}
	switch a.ServiceID {
	case sdkAPIGateway:
		return []jen.Code{header("Accept", "application/json")}
	case sdkGlacier:
		return []jen.Code{header("X-Amz-Glacier-Version", a.Version), emit.ErrCheckCall(httpbind.H("GlacierChecksums").Call(jen.Id("r")))}
	}
	return nil
}

// serviceInputStmts adjust the input before it is serialized: Glacier's
// account ID defaults to "-", the account of the credentials.
func serviceInputStmts(a *model.API, in *model.Named) []jen.Code {
	if a.ServiceID != sdkGlacier {
		return nil
	}
	f := emit.FieldAt(in, model.InLabel, "accountId")
	if f == nil || emit.KindOf(f.Type) != emit.KString || !f.Type.Ptr {
		return nil
	}
	v := jen.Id("in").Dot(f.Name)
	return []jen.Code{jen.If(jen.Add(v).Op("==").Nil().Op("||").Op("*").Add(v).Op("==").Lit("")).Block(
		jen.Id("c").Op(":=").Op("*").Id("in"),
		jen.Id("c").Dot(f.Name).Op("=").Add(emit.Wire("Ptr")).Call(jen.Lit("-")),
		jen.Id("in").Op("=").Op("&").Id("c"),
	)}
}
