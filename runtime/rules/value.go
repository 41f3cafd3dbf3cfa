package rules

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
// expression. The zero Value is None (unset).
type Value struct {
	kind Kind
	b    bool
	n    int
	s    string
	list []string
	rec  any // *PartitionConfig, *arnRecord or *urlRecord
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
	return Value{kind: Bool, b: *v}
}

// StringArrayValue returns v as a Value; nil is None.
func StringArrayValue(v []string) Value {
	if v == nil {
		return Value{}
	}
	return Value{kind: StringArray, list: v}
}

// Str is a string Value.
func Str(s string) Value { return Value{kind: String, s: s} }

// Boolean is a bool Value.
func Boolean(b bool) Value { return Value{kind: Bool, b: b} }

// Integer is an int Value (integer literals are arguments of substring).
func Integer(n int) Value { return Value{kind: Int, n: n} }

// Strings is a stringArray Value.
func Strings(s []string) Value {
	if s == nil {
		s = []string{}
	}
	return Value{kind: StringArray, list: s}
}

// Kind returns the kind of v.
func (v Value) Kind() Kind { return v.kind }

// IsSet reports whether v is not None.
func (v Value) IsSet() bool { return v.kind != None }

// AsString returns the string of a String value.
func (v Value) AsString() (string, bool) { return v.s, v.kind == String }

// AsBool returns the bool of a Bool value.
func (v Value) AsBool() (bool, bool) { return v.b, v.kind == Bool }

// AsInt returns the int of an Int value.
func (v Value) AsInt() (int, bool) { return v.n, v.kind == Int }

// AsStrings returns the strings of a StringArray value.
func (v Value) AsStrings() ([]string, bool) { return v.list, v.kind == StringArray }

// Equal reports whether two values are of the same kind and equal; records
// compare by identity.
func (v Value) Equal(w Value) bool {
	if v.kind != w.kind {
		return false
	}
	switch v.kind {
	case Bool:
		return v.b == w.b
	case String:
		return v.s == w.s
	case Int:
		return v.n == w.n
	case StringArray:
		if len(v.list) != len(w.list) {
			return false
		}
		for i := range v.list {
			if v.list[i] != w.list[i] {
				return false
			}
		}
		return true
	case None:
		return true
	}
	return v.rec == w.rec
}
