package rules

import (
	"slices"
	"unsafe"
)

// Kind is the type of a Value.
type Kind uint8

// Value kinds. Partition, ARN and URL are the records returned by
// aws.partition, aws.parseArn and parseURL; getAttr reads their attributes.
const (
	None Kind = iota
	Bool
	String
	StringArray
	Int
	Partition
	ARN
	URL
)

var kindNames = [...]string{"none", "bool", "string", "stringArray", "int", "partition", "arn", "url"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "invalid"
}

// Value is a rule-set value: a parameter, a variable or the result of an
// expression. The zero Value is None (unset). Values are small (40 bytes)
// because the evaluator passes them around by value.
type Value struct {
	kind Kind
	n    int            // Bool: 0 or 1; Int: the integer; StringArray: the length
	s    string         // String
	p    unsafe.Pointer // StringArray: the first element; records: *PartitionConfig, *arnRecord or *urlRecord
}

// StringValue returns v as a Value; nil is None.
func StringValue(v *string) Value {
	if v == nil {
		return Value{}
	}
	return Value{kind: String, s: *v}
}

// BoolValue returns v as a Value; nil is None.
func BoolValue(v *bool) Value {
	if v == nil {
		return Value{}
	}
	return Boolean(*v)
}

// StringArrayValue returns v as a Value; nil is None.
func StringArrayValue(v []string) Value {
	if v == nil {
		return Value{}
	}
	return Strings(v)
}

// Str is a string Value.
func Str(s string) Value { return Value{kind: String, s: s} }

// Boolean is a bool Value.
func Boolean(b bool) Value {
	if b {
		return Value{kind: Bool, n: 1}
	}
	return Value{kind: Bool}
}

// Integer is an int Value (integer literals are arguments of substring).
func Integer(n int) Value { return Value{kind: Int, n: n} }

// Strings is a stringArray Value; the Value shares s.
func Strings(s []string) Value {
	return Value{kind: StringArray, n: len(s), p: unsafe.Pointer(unsafe.SliceData(s))}
}

func record[T any](k Kind, r *T) Value { return Value{kind: k, p: unsafe.Pointer(r)} }

// Kind returns the kind of v.
func (v Value) Kind() Kind { return v.kind }

// IsSet reports whether v is not None.
func (v Value) IsSet() bool { return v.kind != None }

// AsString returns the string of a String value.
func (v Value) AsString() (string, bool) { return v.s, v.kind == String }

// AsBool returns the bool of a Bool value.
func (v Value) AsBool() (bool, bool) { return v.n != 0, v.kind == Bool }

// AsInt returns the int of an Int value.
func (v Value) AsInt() (int, bool) { return v.n, v.kind == Int }

// AsStrings returns the strings of a StringArray value.
func (v Value) AsStrings() ([]string, bool) {
	if v.kind != StringArray {
		return nil, false
	}
	if v.p == nil {
		return []string{}, true
	}
	return unsafe.Slice((*string)(v.p), v.n), true
}

// Equal reports whether two values are of the same kind and equal; records
// compare by identity.
func (v Value) Equal(w Value) bool {
	if v.kind != w.kind {
		return false
	}
	switch v.kind {
	case Bool, Int:
		return v.n == w.n
	case String:
		return v.s == w.s
	case StringArray:
		a, _ := v.AsStrings()
		b, _ := w.AsStrings()
		return slices.Equal(a, b)
	case None:
		return true
	}
	return v.p == w.p
}
