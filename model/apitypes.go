package model

// Import paths of the runtime types generated code refers to.
const (
	DocumentPkg = "github.com/smithygen/smithygen/runtime/document"
)

var basicTypes = map[Type]string{
	Boolean: "bool", String: "string", Byte: "int8", Short: "int16", Integer: "int32",
	Long: "int64", Float: "float32", Double: "float64",
}

// goType is the Go type of a value of shape s. valueDefault makes scalars
// values instead of pointers (members with a non-null default).
func (b *builder) goType(s *Shape, valueDefault bool) *GoType {
	if n := b.named[s]; n != nil {
		return &GoType{Kind: KindNamed, Ident: n.Name, Pkg: n.Pkg, Named: n, Shape: s, Ptr: n.Kind == NamedStruct || n.Kind == NamedError}
	}
	t := &GoType{Kind: KindBasic, Shape: s}
	switch s.Type {
	case Blob:
		if s.Traits.Streaming {
			t.Pkg, t.Ident = "io", "Reader"
			break
		}
		t.Kind, t.Elem = KindSlice, &GoType{Kind: KindBasic, Ident: "byte", Shape: s}
	case Timestamp:
		t.Pkg, t.Ident, t.Ptr = "time", "Time", !valueDefault
	case BigInteger:
		t.Pkg, t.Ident, t.Ptr = "math/big", "Int", true
	case BigDecimal:
		t.Pkg, t.Ident, t.Ptr = "math/big", "Float", true
	case Document:
		t.Pkg, t.Ident = DocumentPkg, "Interface"
	case List, Set, Map:
		b.collection(t, s)
	case Structure:
		// The prelude's Unit as a union member or member target.
		t.Kind, t.Ident, t.Pkg = KindNamed, "Unit", ""
		t.Named = &Named{Kind: NamedStruct, Shape: s, Name: "Unit"}
	default:
		t.Ident = basicTypes[s.Type]
		t.Ptr = !valueDefault
	}
	return t
}

// collection fills a list or map type. Elements are values unless the
// collection is sparse.
func (b *builder) collection(t *GoType, s *Shape) {
	t.Kind = KindSlice
	el := s.Member("member")
	if s.Type == Map {
		t.Kind, el = KindMap, s.Member("value")
	}
	if el == nil || el.Target == nil {
		t.Elem = &GoType{Kind: KindBasic, Ident: "string"}
		return
	}
	t.Sparse = s.Traits.Sparse
	t.Elem = b.goType(el.Target, true)
	if n := t.Elem.Named; n != nil && n.Kind != NamedUnion && n.Kind != NamedEnum && n.Kind != NamedIntEnum {
		t.Elem.Ptr = t.Sparse
	} else if t.Elem.Kind == KindBasic && t.Elem.Pkg != "io" {
		t.Elem.Ptr = t.Sparse || t.Elem.Pkg == "math/big"
	}
	t.ElemCheck = b.constraints(el)
	t.ElemCheck.Required = false
	if k := s.Member("key"); s.Type == Map && k != nil && k.Target != nil {
		t.KeyCheck = b.constraints(k)
		t.KeyCheck.Required = false
	}
}
