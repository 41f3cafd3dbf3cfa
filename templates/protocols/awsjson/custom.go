package awsjson

import (
	"github.com/dave/jennifer/jen"

	"github.com/smithygen/smithygen/model"
)

// sdkMachineLearning is the SDK ID of Amazon Machine Learning, whose
// Predict operation is sent to the endpoint its input names, as the AWS
// SDKs do.
const sdkMachineLearning = "Machine Learning"

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
