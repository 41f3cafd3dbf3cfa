package model

import "github.com/tidwall/gjson"

// API is the Go view of a service closure: every Go name, Go type and output
// file is fixed here once, so emitters only read it.
type API struct {
	Closure     *Closure
	Package     string // Go package name, e.g. "cleanroomsml"
	ImportPath  string // import path of the root package
	TypesPath   string // import path of the types subpackage
	ServiceID   string // aws.api#service sdkId, e.g. "CleanRoomsML"
	SigningName string // aws.auth#sigv4 name
	// EndpointPrefix is the host prefix of the default regional endpoint.
	EndpointPrefix string
	Version        string // the service's API version
	// Protocol is the protocol trait ID the client speaks, e.g.
	// "aws.protocols#restJson1"; "" when no client is generated.
	Protocol string
	Bindings Bindings

	Operations []*Op    // sorted by name
	Types      []*Named // types-package declarations, sorted by Go name
	Inputs     []*Named // operation inputs and outputs (root package), in operation order

	// Warnings are problems that do not stop generation, such as a pattern
	// Go's regexp cannot express (its check is left out).
	Warnings []*Error
}

// Bindings is how a protocol places members on the wire. BuildAPI reads it
// to fix each field's Location, Wire name and timestamp format.
type Bindings struct {
	// Protocol is the protocol trait ID; "" for none.
	Protocol string
	// HTTP reports whether the HTTP binding traits (httpLabel, httpQuery,
	// httpHeader, httpPayload, …) apply. Without them every member is in
	// the body.
	HTTP bool
	// JSONName reports whether the jsonName trait names body members.
	JSONName bool
	// BodyTimestamp is the default format of timestamps in a body:
	// "epoch-seconds" when empty.
	BodyTimestamp string
	// QueryErrorCodes reports whether an error's code is the code of its
	// aws.protocols#awsQueryError trait, when it has one, rather than its
	// shape name.
	QueryErrorCodes bool
}

// GoKind says how a GoType is spelled.
type GoKind uint8

// Go type kinds.
const (
	// KindBasic is a predeclared or imported type named by Pkg and Ident:
	// string, int32, bool, []byte, time.Time, *big.Int's big.Int, io.Reader
	// (a streaming blob input; io.ReadCloser for outputs).
	KindBasic GoKind = iota
	// KindNamed is a generated declaration (Named).
	KindNamed
	KindSlice
	KindMap
)

// GoType is the Go type of a value bound to a shape.
type GoType struct {
	Kind  GoKind
	Pkg   string // import path, "" for predeclared and same-package types
	Ident string // type name
	Ptr   bool   // the value is held through a pointer
	Named *Named // KindNamed
	// Elem is the element (slice) or value (map) type, with its constraints.
	Elem      *GoType
	ElemCheck Constraints
	// KeyCheck holds a map key's constraints (keys are Go strings).
	KeyCheck Constraints
	// Sparse collections keep null entries: their elements are pointers.
	Sparse bool
	// Shape is the Smithy shape the type represents.
	Shape *Shape
}

// Constraints are the effective constraint traits on a value: a member's
// own traits over those of its target.
type Constraints struct {
	Required    bool
	Length      *Bounds
	Range       *Bounds
	Pattern     *Pattern
	UniqueItems bool
}

// Pattern is a pattern trait translated from ECMA-262 to Go regexp syntax: a
// value matches when it matches every expression of Match and none of
// NotMatch.
type Pattern struct {
	Source          string // as written in the model
	Match, NotMatch []string
}

// Any reports whether any constraint applies.
func (c Constraints) Any() bool {
	return c.Required || c.Length != nil || c.Range != nil || c.Pattern != nil || c.UniqueItems
}

// NamedKind is the kind of a generated declaration.
type NamedKind uint8

// Declaration kinds.
const (
	NamedStruct NamedKind = iota
	NamedError
	NamedEnum
	NamedIntEnum
	NamedUnion
)

// Named is a generated declaration: a struct, error, enum or union.
type Named struct {
	Kind  NamedKind
	Shape *Shape
	Name  string // Go name
	Pkg   string // import path of the package it is declared in
	Doc   string // documentation HTML

	Fields []*Field     // struct, error and union members, in emission order
	Values []*EnumValue // enum and intEnum values, in model order

	// Union: the name of the unknown-member type shared by all unions.
	UnknownMember string
	// Error: the error code ErrorCode returns by default and the fault.
	ErrorCode string
	Fault     string // "client" or "server"
	// MessageField is the error's message field (nil when the shape has no
	// message member; Message is then synthesized).
	MessageField *Field
}

// Location is where an HTTP binding puts a member.
type Location uint8

// HTTP binding locations.
const (
	InBody Location = iota
	InLabel
	InQuery
	InQueryParams
	InHeader
	InPrefixHeaders
	InPayload
	InStatusCode
)

// Field is a member of a generated struct or union.
type Field struct {
	Member *MemberShape
	Name   string // Go field name (for unions: the wrapper type's name)
	Type   *GoType
	Check  Constraints
	// Wire is the member's name on the wire: jsonName for JSON bodies, the
	// member name otherwise; LocationName is the label, query key or header.
	Wire         string
	Location     Location
	LocationName string
	// TimestampFormat is the effective format of a timestamp member.
	TimestampFormat string
	// Default is the member's effective default value: nil when it has none,
	// a null one, or the clientOptional trait, and for members of @input
	// structures, which clients treat as optional.
	Default    *gjson.Result
	Deprecated *Deprecated
	Doc        string
}

// EnumValue is one enum or intEnum value.
type EnumValue struct {
	Name  string // Go constant name
	Value string // string enums
	Int   int64  // intEnums
	Doc   string
}

// Op is an operation of the API.
type Op struct {
	Shape         *Shape
	Name          string // Go method name
	Doc           string
	Input, Output *Named
	Errors        []*Named
	HTTP          *HTTP
	HostPrefix    string
	Paginator     *Paginator
	File          string // "api_op_<Name>.go"
	Deprecated    *Deprecated
	// InputStream and OutputStream are the operation's event streams, nil
	// when it has none; their members are not among Input's and Output's
	// Fields.
	InputStream, OutputStream *EventStream
}

// Paginator describes a paginated operation's tokens and items.
type Paginator struct {
	InputToken  *Field
	OutputToken []*Field // path from the output to the token
	PageSize    *Field   // nil when the operation has no page size
	Items       []*Field // path from the output to the items; nil without items
}
