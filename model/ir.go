// Package model loads Smithy models into a resolved intermediate representation.
//
// A Model holds every shape of the loaded files with member targets resolved to
// shapes, mixins flattened, apply statements merged and the traits that code
// generation reads parsed into typed fields. Everything downstream reads this
// representation, never raw JSON.
package model

import (
	"sort"
	"strings"
)

// Type is the kind of a Smithy shape.
type Type uint8

// The Smithy 2.0 shape types.
const (
	InvalidType Type = iota
	Blob
	Boolean
	String
	Byte
	Short
	Integer
	Long
	Float
	Double
	BigInteger
	BigDecimal
	Timestamp
	Document
	Enum
	IntEnum
	List
	Map
	Structure
	Union
	Service
	Operation
	Resource
	Member
	// Set is the Smithy 1.0 set type; it loads as a list with unique items.
	Set
)

var typeNames = [...]string{
	InvalidType: "invalid", Blob: "blob", Boolean: "boolean", String: "string",
	Byte: "byte", Short: "short", Integer: "integer", Long: "long", Float: "float",
	Double: "double", BigInteger: "bigInteger", BigDecimal: "bigDecimal",
	Timestamp: "timestamp", Document: "document", Enum: "enum", IntEnum: "intEnum",
	List: "list", Map: "map", Structure: "structure", Union: "union",
	Service: "service", Operation: "operation", Resource: "resource",
	Member: "member", Set: "set",
}

// String returns the type's name as written in a model.
func (t Type) String() string {
	if int(t) < len(typeNames) {
		return typeNames[t]
	}
	return "invalid"
}

func parseType(s string) Type {
	for t, n := range typeNames {
		if n == s && Type(t) != InvalidType && Type(t) != Member {
			return Type(t)
		}
	}
	return InvalidType
}

// IsNumber reports whether t is a numeric type, intEnum included.
func (t Type) IsNumber() bool {
	return t >= Byte && t <= BigDecimal || t == IntEnum
}

// Shape is one shape of a model. Fields that do not apply to its type are zero.
type Shape struct {
	ID     string // absolute shape ID, "namespace#Name"
	Type   Type
	Traits Traits
	Pos    Pos

	// Members of a structure, union, enum or intEnum in declaration order
	// (mixin members first); a list's "member"; a map's "key" and "value".
	Members []*MemberShape

	// Service, operation and resource properties.
	Version              string
	Operations           []*Shape
	Resources            []*Shape
	Errors               []*Shape          // operation errors, or a service's common errors
	Rename               map[string]string // service: shape ID → name in this service
	Input, Output        *Shape            // operation
	Identifiers          []Binding         // resource
	Properties           []Binding         // resource
	Create, Put, Read    *Shape            // resource lifecycle operations
	Update, Delete, List *Shape
	CollectionOperations []*Shape

	mixins   []string
	flat     bool // mixins flattened
	resolved bool // references resolved
	raw      rawShape
}

// MemberShape is a member of an aggregate or enum shape.
type MemberShape struct {
	Name      string
	Container *Shape
	Target    *Shape
	Traits    Traits
	Pos       Pos
}

// ID returns the member's absolute shape ID, "namespace#Shape$member".
func (m *MemberShape) ID() string { return m.Container.ID + "$" + m.Name }

// Binding names a resource identifier or property and its target.
type Binding struct {
	Name   string
	Target *Shape
}

// Name returns the name part of a shape ID (without namespace or member).
func Name(id string) string {
	_, n, _ := strings.Cut(id, "#")
	n, _, _ = strings.Cut(n, "$")
	return n
}

// Member returns the member called name, or nil.
func (s *Shape) Member(name string) *MemberShape {
	for _, m := range s.Members {
		if m.Name == name {
			return m
		}
	}
	return nil
}

// Name returns the shape's name without its namespace.
func (s *Shape) Name() string { return Name(s.ID) }

// Model is a loaded, resolved set of shapes.
type Model struct {
	// Shapes sorted by ID; mixin shapes are removed once flattened.
	Shapes []*Shape
	// Metadata holds the merged metadata entries, sorted by key.
	Metadata []Trait
	// Warnings are problems that Smithy reports without failing the load,
	// such as a deprecated feature, in file order.
	Warnings []*Error
	byID     map[string]*Shape
}

// Shape returns the shape with the given absolute ID, or nil.
func (m *Model) Shape(id string) *Shape { return m.byID[id] }

// Services returns the model's service shapes in ID order.
func (m *Model) Services() []*Shape {
	var out []*Shape
	for _, s := range m.Shapes {
		if s.Type == Service {
			out = append(out, s)
		}
	}
	return out
}

func sortShapes(shapes []*Shape) {
	sort.Slice(shapes, func(i, j int) bool { return shapes[i].ID < shapes[j].ID })
}
