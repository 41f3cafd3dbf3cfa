package jmespath

// Node is a node of an expression's syntax tree. Pos is the byte offset in
// the expression of the token the node starts at (or is named by).
type Node interface {
	Pos() int
}

type at int

func (p at) Pos() int { return int(p) }

// Current is the current node: @, and the implicit left side of a
// projection or filter that starts an expression.
type Current struct{ at }

// Field selects a member of an object.
type Field struct {
	at
	Name string
}

// Subexpr evaluates Right against the result of Left (Left.Right).
type Subexpr struct {
	at
	Left, Right Node
}

// Index selects an element of an array; a negative index counts from the
// end.
type Index struct {
	at
	Left  Node
	Index int
}

// Slice selects elements of an array as Python slices do. Nil bounds take
// their defaults.
type Slice struct {
	at
	Left              Node
	Start, Stop, Step *int
}

// ProjectionKind says what a projection iterates over.
type ProjectionKind uint8

// Projection kinds.
const (
	// ListProjection is Left[*]; with Left a Flatten it is Left[], with Left
	// a Slice it is Left[a:b].
	ListProjection ProjectionKind = iota
	// ValueProjection is Left.*, over an object's values.
	ValueProjection
	// FilterProjection is Left[?Cond].
	FilterProjection
)

// Projection evaluates Right against each element of Left (an array, or
// an object's values) and collects the non-null results.
type Projection struct {
	at
	Kind        ProjectionKind
	Left, Right Node
	Cond        Node // FilterProjection
}

// Flatten merges the arrays among the elements of an array into it.
type Flatten struct {
	at
	Child Node
}

// Comparator is one of ==, !=, <, <=, >, >=.
type Comparator string

// Comparators.
const (
	EQ Comparator = "=="
	NE Comparator = "!="
	LT Comparator = "<"
	LE Comparator = "<="
	GT Comparator = ">"
	GE Comparator = ">="
)

// Compare compares two values.
type Compare struct {
	at
	Op          Comparator
	Left, Right Node
}

// And is Left && Right.
type And struct {
	at
	Left, Right Node
}

// Or is Left || Right.
type Or struct {
	at
	Left, Right Node
}

// Not is !Child.
type Not struct {
	at
	Child Node
}

// Literal is a JSON literal or raw string. Value is nil, bool, string,
// json.Number, []any or map[string]any.
type Literal struct {
	at
	Value any
}

// Function calls a built-in function.
type Function struct {
	at
	Name string
	Args []Node
}

// MultiList is [a, b, ...].
type MultiList struct {
	at
	Items []Node
}

// KeyValue is one entry of a MultiHash.
type KeyValue struct {
	Key   string
	Value Node
}

// MultiHash is {k: a, ...}.
type MultiHash struct {
	at
	Items []KeyValue
}

// Pipe evaluates Right against the result of Left, ending projections.
type Pipe struct {
	at
	Left, Right Node
}

// ExprRef is &Child, an expression passed unevaluated to a function.
type ExprRef struct {
	at
	Child Node
}
