package templates

import (
	"github.com/dave/jennifer/jen"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/templates/emit"
)

const smithyGoPkg = "github.com/aws/smithy-go"

// errorsFile emits the modeled errors of the types package; nil when the
// API has none.
func errorsFile(a *model.API) *jen.File {
	if !hasNamedKind(a.Types, model.NamedError) {
		return nil
	}
	f := emit.NewFile(a, "types")
	f.ImportName(smithyGoPkg, "smithy")
	for _, n := range a.Types {
		if n.Kind != model.NamedError {
			continue
		}
		f.Add(errorStruct(n))
		f.Add(errorMethod(n))
		f.Add(errorMessageMethod(n))
		f.Add(errorCodeMethod(n))
		f.Add(errorFaultMethod(n))
		if n.Shape.Traits.Retryable != nil {
			f.Add(retryableMethod(n))
		}
		f.Var().Id("_").Qual(smithyGoPkg, "APIError").Op("=").Parens(jen.Op("*").Id(n.Name)).Parens(jen.Nil())
	}
	return f
}

// errorStruct declares an error: Message and ErrorCodeOverride first, then
// the other members in Field order. A member named ErrorCodeOverride is the
// built-in field.
func errorStruct(n *model.Named) *jen.Statement {
	fields := []jen.Code{
		jen.Line().Add(errorMessageDoc(n)).Id("Message").Op("*").String(),
		jen.Line().Comment("ErrorCodeOverride, when set, is returned by ErrorCode instead of the modeled code.").
			Line().Id("ErrorCodeOverride").Op("*").String(),
	}
	var rest []*model.Field
	for _, f := range n.Fields {
		if f != n.MessageField && f.Name != "ErrorCodeOverride" {
			rest = append(rest, f)
		}
	}
	fields = append(fields, structFields(rest)...)
	fallback := n.Name + " is an error the service returns."
	return docBlock(n.Doc, fallback, n.Shape.Traits.Deprecated).Type().Id(n.Name).Struct(fields...)
}

func errorMessageDoc(n *model.Named) *jen.Statement {
	if n.MessageField == nil {
		return jen.Comment("Message is the error message.").Line()
	}
	return memberDoc(n.MessageField)
}

// errorReceiver starts a method declaration on *n.
func errorReceiver(n *model.Named) *jen.Statement {
	return jen.Func().Params(jen.Id("e").Op("*").Id(n.Name))
}

func errorMethod(n *model.Named) *jen.Statement {
	return jen.Comment("Error returns the error code and message.").Line().
		Add(errorReceiver(n)).Id("Error").Params().String().Block(
		jen.Return(jen.Qual("fmt", "Sprintf").Call(jen.Lit("%s: %s"), jen.Id("e").Dot("ErrorCode").Call(), jen.Id("e").Dot("ErrorMessage").Call())),
	)
}

func errorMessageMethod(n *model.Named) *jen.Statement {
	return jen.Comment("ErrorMessage returns the error message, or \"\" when there is none.").Line().
		Add(errorReceiver(n)).Id("ErrorMessage").Params().String().Block(
		jen.If(jen.Id("e").Dot("Message").Op("==").Nil()).Block(jen.Return(jen.Lit(""))),
		jen.Return(jen.Op("*").Id("e").Dot("Message")),
	)
}

func errorCodeMethod(n *model.Named) *jen.Statement {
	return jen.Comment("ErrorCode returns ErrorCodeOverride when set, else the modeled error code.").Line().
		Add(errorReceiver(n)).Id("ErrorCode").Params().String().Block(
		jen.If(jen.Id("e").Op("==").Nil().Op("||").Id("e").Dot("ErrorCodeOverride").Op("==").Nil()).Block(
			jen.Return(jen.Lit(n.ErrorCode)),
		),
		jen.Return(jen.Op("*").Id("e").Dot("ErrorCodeOverride")),
	)
}

func errorFaultMethod(n *model.Named) *jen.Statement {
	fault := "FaultUnknown"
	switch n.Fault {
	case "client":
		fault = "FaultClient"
	case "server":
		fault = "FaultServer"
	}
	return jen.Comment("ErrorFault returns whether the client or the server is at fault.").Line().
		Add(errorReceiver(n)).Id("ErrorFault").Params().Qual(smithyGoPkg, "ErrorFault").Block(
		jen.Return(jen.Qual(smithyGoPkg, fault)),
	)
}

// retryableMethod marks a retryable error for the aws-sdk-go-v2 retryer,
// which retries errors whose RetryableError method returns true.
func retryableMethod(n *model.Named) *jen.Statement {
	doc := "RetryableError reports that the request may succeed when retried."
	if n.Shape.Traits.Retryable.Throttling {
		doc += "\nThe service returns this error when it throttles requests."
	}
	return docBlock("", doc, nil).
		Add(errorReceiver(n)).Id("RetryableError").Params().Bool().Block(jen.Return(jen.True()))
}
