// Package validate checks the inputs of generated clients against Smithy
// constraint traits before any network I/O. Checks add violations to a
// smithy.InvalidParamsError: missing required members as smithy's
// ParamRequiredError, length, range, pattern and uniqueItems violations as
// *Error. Each violation names its parameter path, for example
// "CreateThingInput.Items[2].Name" or "CreateThingInput.Tags[env]".
package validate

import (
	"strconv"

	"github.com/aws/smithy-go"
)

// Error is a length, range, pattern or uniqueItems violation of one
// parameter. It implements smithy.InvalidParamError.
type Error struct {
	trait   string
	reason  string
	context string // the operation input's name
	nested  string // path from the input to the member holding the field
	field   string // the member, or "" for a collection element
}

var _ smithy.InvalidParamError = (*Error)(nil)

func newError(trait, field, reason string) *Error {
	return &Error{trait: trait, field: field, reason: reason}
}

// Error describes the violation and where it occurred.
func (e *Error) Error() string { return e.reason + ", " + e.Field() + "." }

// Field is the path of the parameter, with its context.
func (e *Error) Field() string { return join(join(e.context, e.nested), e.field) }

// Trait is the name of the violated trait: "length", "range", "pattern" or
// "uniqueItems".
func (e *Error) Trait() string { return e.trait }

// Reason describes the violation without the parameter path.
func (e *Error) Reason() string { return e.reason }

// SetContext sets the base context of the path.
func (e *Error) SetContext(ctx string) { e.context = ctx }

// AddNestedContext prepends ctx to the nested part of the path.
func (e *Error) AddNestedContext(ctx string) { e.nested = join(ctx, e.nested) }

// join joins path segments with a dot, except before an index or key.
func join(a, b string) string {
	if a == "" || b == "" || b[0] == '[' {
		return a + b
	}
	return a + "." + b
}

// NestIndex adds the violations n of element i of the list field.
func NestIndex(e *smithy.InvalidParamsError, field string, i int, n smithy.InvalidParamsError) {
	if n.Len() > 0 {
		e.AddNested(field+"["+strconv.Itoa(i)+"]", n)
	}
}

// NestKey adds the violations n of the entry key of the map field.
func NestKey(e *smithy.InvalidParamsError, field, key string, n smithy.InvalidParamsError) {
	if n.Len() > 0 {
		e.AddNested(field+"["+key+"]", n)
	}
}

// Result returns nil when e holds no violation, else e as a
// smithy.InvalidParamsError value, as aws-sdk-go-v2 validators return it.
// Valid inputs allocate nothing.
func Result(e smithy.InvalidParamsError) error {
	if e.Len() == 0 {
		return nil
	}
	return e
}
