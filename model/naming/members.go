package naming

import "slices"

// Kind tells Fields which generated struct a structure shape becomes; each
// kind carries different generated fields and methods that members must not
// shadow.
type Kind int

const (
	// Plain is a structure in the types package.
	Plain Kind = iota
	// Input is an operation's <Op>Input struct.
	Input
	// Output is an operation's <Op>Output struct, which ends with a
	// ResultMetadata field.
	Output
	// Error is an error structure: it has the fields Message and
	// ErrorCodeOverride and the methods Error, ErrorMessage, ErrorCode and
	// ErrorFault.
	Error
)

// UnknownUnionMember is the type v2 generates, once per types package, for
// union members a client does not know.
const UnknownUnionMember = "UnknownUnionMember"

// InputType returns the name of an operation's input struct, <Op>Input,
// whatever the input shape is called.
func InputType(operation string) string { return Exported(operation) + "Input" }

// OutputType returns the name of an operation's output struct, <Op>Output,
// whatever the output shape is called.
func OutputType(operation string) string { return Exported(operation) + "Output" }

// UnionMember returns the name of the struct wrapping one union member,
// <Union>Member<Member>, e.g. "AnalysisSource" + "text" gives
// "AnalysisSourceMemberText".
func UnionMember(union, member string) string {
	return Exported(union) + "Member" + Exported(member)
}

// UnionMembers returns the wrapper struct names of all members of a union,
// in order, made unique with Unique.
func UnionMembers(union string, members []string) []string {
	out := make([]string, len(members))
	for i, m := range members {
		out[i] = UnionMember(union, m)
	}
	return Unique(out)
}

// TypeNames returns the Go type names of the shapes (structures, unions,
// enums) declared in one types package, in order. unionMembers are the
// wrapper names of every union in that package (UnionMembers); a shape named
// like one of them, or like UnknownUnionMember, gets a trailing "_" as in v2.
// Duplicates are resolved with Unique.
func TypeNames(shapes, unionMembers []string) []string {
	out := make([]string, len(shapes))
	for i, s := range shapes {
		out[i] = Exported(s)
	}
	return Unique(out, slices.Concat(unionMembers, []string{UnknownUnionMember})...)
}

// errorEscaped are member names v2 escapes in error structs because they
// would shadow the error methods.
var errorEscaped = map[string]bool{"Error": true, "ErrorCode": true, "ErrorFault": true, "Unwrap": true}

// Fields returns the Go field names of a structure's members (Smithy member
// names, in model order) for a struct of the given kind.
//
// Each name is Exported(member) with v2's escapes applied: "String" becomes
// "String_" everywhere; in an Error struct, Error, ErrorCode, ErrorFault,
// Unwrap and any Get<X> or Has<X> where X is another member get a trailing
// "_", while Message and ErrorMessage map to the built-in Message field and
// ErrorCodeOverride to the built-in ErrorCodeOverride field. Beyond v2, an
// Output member named ResultMetadata becomes "ResultMetadata_", and names
// that still clash are made unique with Unique.
func Fields(kind Kind, members []string) []string {
	base := make([]string, len(members))
	for i, m := range members {
		base[i] = Exported(m)
	}
	var accessors map[string]bool
	if kind == Error {
		accessors = make(map[string]bool, 2*len(base))
		for _, b := range base {
			accessors["Get"+b], accessors["Has"+b] = true, true
		}
	}
	out := make([]string, len(base))
	for i, b := range base {
		out[i] = field(kind, b, accessors)
	}
	if kind == Output {
		return Unique(out, "ResultMetadata")
	}
	return Unique(out)
}

func field(kind Kind, name string, accessors map[string]bool) string {
	if name == "String" {
		name += "_"
	}
	if kind != Error {
		return name
	}
	if accessors[name] {
		name += "_"
	}
	switch {
	case errorEscaped[name]:
		return name + "_"
	case name == "ErrorMessage":
		return "Message"
	}
	return name
}
