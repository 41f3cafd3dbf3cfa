package awsjson

import (
	"github.com/dave/jennifer/jen"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/templates/emit"
	"github.com/smithygen/smithygen/templates/jsonbody"
)

// SDK IDs of the services whose clients the AWS SDKs customize.
const (
	// sdkMachineLearning's Predict operation is sent to the endpoint its
	// input names.
	sdkMachineLearning = "Machine Learning"
	// sdkDynamoDB's responses carry a CRC32 checksum of their body.
	sdkDynamoDB = "DynamoDB"
)

// serviceRequestStmts are the service customizations of a request.
func serviceRequestStmts(a *model.API, op *model.Op) []jen.Code {
	if a.ServiceID != sdkMachineLearning || op.Shape.Name() != "Predict" {
		return nil
	}
	for _, f := range op.Input.Fields {
		if f.Member.Name == "PredictEndpoint" && f.Type.Ptr {
			v := jen.Id("in").Dot(f.Name)
			return []jen.Code{jen.If(jen.Add(v).Op("!=").Nil()).Block(jen.Id("r").Dot("Endpoint").Op("=").Op("*").Add(v))}
		}
	}
	return nil
}

// responseCheck is a check of every response of a service's client that
// an Options field can turn off.
type responseCheck struct {
	// option is the bool Options field that disables the check.
	option emit.OptionField
	// wrap returns the HTTP client that checks responses of next.
	wrap func(next jen.Code) jen.Code
}

// responseChecks are the response checks of the services that have them.
var responseChecks = map[string]responseCheck{
	sdkDynamoDB: {
		option: emit.OptionField{Name: "DisableValidateResponseChecksum", Type: jen.Bool(), Doc: []string{
			"DisableValidateResponseChecksum turns off the check of the CRC32 checksum",
			"the service sends in the X-Amz-Crc32 header of each response. A body that",
			"does not match it fails with a retryable error."}},
		wrap: func(next jen.Code) jen.Code { return jsonbody.J("CRC32Client").Call(next) },
	},
}

// httpClientMethod is the Options method that returns the HTTP client with
// the service's response checks.
const httpClientMethod = "checkedHTTPClient"

// ClientCustomization implements emit.Customizer: the option and HTTP
// client of the service's response check, if it has one.
func (p Protocol) ClientCustomization(a *model.API) emit.ClientCustomization {
	c, ok := responseChecks[a.ServiceID]
	if !ok {
		return emit.ClientCustomization{}
	}
	return emit.ClientCustomization{Options: []emit.OptionField{c.option}, HTTPClientMethod: httpClientMethod}
}

// customizationsFile emits the Options method that wraps the HTTP client
// with the service's response check; nil when the service has none.
func customizationsFile(a *model.API) *jen.File {
	c, ok := responseChecks[a.ServiceID]
	if !ok {
		return nil
	}
	f := newFile(a)
	o := jen.Id("o")
	f.Comment(httpClientMethod + " returns the HTTP client requests are sent with: HTTPClient,").Line().
		Comment("checking responses unless " + c.option.Name + " is set.")
	f.Func().Params(o.Clone().Id("Options")).Id(httpClientMethod).Params().Id("HTTPClient").Block(
		jen.If(o.Clone().Dot(c.option.Name)).Block(jen.Return(o.Clone().Dot("HTTPClient"))),
		jen.Return(c.wrap(o.Clone().Dot("HTTPClient"))),
	)
	return f
}
