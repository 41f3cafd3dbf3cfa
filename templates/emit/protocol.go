package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/smithygen/smithygen/model"
)

// Protocol generates what is particular to one wire protocol. The core
// emits everything else (types, client, operations, paginators, validators)
// and sends each operation through three functions the protocol declares in
// its files:
//
//	serializeOp<Op>(in *<Op>Input, r *transport.Request) error
//	deserializeOp<Op>(resp *transport.Response, out *<Op>Output) error
//	deserializeOp<Op>Error(resp *transport.Response) error
//
// The first fills the request (method, path, headers, content type and
// body), the second decodes a 2xx response, the third finds the error code
// of any other response and returns the modeled error it names or a
// *smithy.GenericAPIError.
type Protocol interface {
	// ID is the protocol trait's shape ID, e.g. "aws.protocols#restJson1".
	ID() string
	// Bindings is how the protocol places members on the wire.
	Bindings() model.Bindings
	// Files emits the protocol's files of the root package.
	Files(a *model.API) ([]Source, error)
}

// BodyRedactor is implemented by protocols whose logged bodies can hide the
// values of single members.
type BodyRedactor interface {
	// RedactMembers is an expression of type func([]byte) []byte that
	// replaces the values of the named body members.
	RedactMembers(names []string) jen.Code
}

// RedactJSONMembers is RedactMembers for JSON bodies.
func RedactJSONMembers(names []string) jen.Code {
	args := make([]jen.Code, len(names))
	for i, n := range names {
		args[i] = jen.Lit(n)
	}
	return jen.Qual(TransportPkg, "RedactJSONMembers").Call(args...)
}

// SerializerName is the name of an operation's request serializer.
func SerializerName(op *model.Op) string { return "serializeOp" + op.Name }

// DeserializerName is the name of an operation's response deserializer.
func DeserializerName(op *model.Op) string { return "deserializeOp" + op.Name }

// ErrorDeserializerName is the name of an operation's error deserializer.
func ErrorDeserializerName(op *model.Op) string { return "deserializeOp" + op.Name + "Error" }

// RequestParam is the serializer parameter "r *transport.Request".
func RequestParam() jen.Code { return jen.Id("r").Op("*").Qual(TransportPkg, "Request") }

// ResponseParam is the deserializer parameter "resp *transport.Response".
func ResponseParam() jen.Code { return jen.Id("resp").Op("*").Qual(TransportPkg, "Response") }
