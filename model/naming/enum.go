package naming

import (
	"go/token"
	"go/types"
	"strings"
	"unicode"
)

// EnumMember is one member of an enum, intEnum or enum-trait string shape:
// Name is the member name (the enum trait definition's name), Value its
// wire value.
type EnumMember struct {
	Name  string
	Value string
}

// EnumConst returns the v2 name of an enum constant: typeName followed by
// the words of the member name. Words are split at every rune that is not a
// letter or digit ("_" included); a word mixing ASCII upper and lower case
// keeps its case with the first letter upper-cased, any other word is
// lower-cased and then capitalized. So TrainedModelStatus + CREATE_PENDING
// gives TrainedModelStatusCreatePending, CacheClusterSize + SIZE_0_POINT_5_GB
// gives CacheClusterSizeSize0Point5Gb, and a word like "fooBar" stays FooBar.
//
// v2 derives the name from the member name only; value is used when
// memberName is empty (an enum trait definition without a name, for which v2
// emits no constants at all): "ml.m5.xlarge" gives <Type>MlM5Xlarge,
// "us-east-1" <Type>UsEast1, "2XLARGE" <Type>2xlarge, "application/json"
// <Type>ApplicationJson. A name without letters or digits gives typeName
// itself; EnumConsts resolves that clash.
func EnumConst(typeName, memberName, value string) string {
	name := memberName
	if name == "" {
		name = value
	}
	var b strings.Builder
	b.WriteString(typeName)
	for _, w := range enumWords(name) {
		if !hasASCIIUpperAndLower(w) {
			w = strings.ToLower(w)
		}
		b.WriteString(capitalize(w))
	}
	return b.String()
}

// EnumConsts returns the constant names of all members of the enum typeName,
// in order. A name that an earlier member (or the type itself) already took
// falls back, as in v2, to the raw member name; when that is no usable
// identifier or is taken too, "_" is appended until the name is free.
func EnumConsts(typeName string, members []EnumMember) []string {
	used := map[string]bool{typeName: true}
	out := make([]string, len(members))
	for i, m := range members {
		c := EnumConst(typeName, m.Name, m.Value)
		if used[c] {
			c = enumFallback(c, m.Name, used)
		}
		used[c] = true
		out[i] = c
	}
	return out
}

func enumFallback(label, raw string, used map[string]bool) string {
	if token.IsIdentifier(raw) && types.Universe.Lookup(raw) == nil && !used[raw] {
		return raw
	}
	for used[label] {
		label += "_"
	}
	return label
}

// enumWords splits s at every rune that is neither a letter nor a digit.
func enumWords(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

func hasASCIIUpperAndLower(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return 'a' <= r && r <= 'z' }) &&
		strings.ContainsFunc(s, func(r rune) bool { return 'A' <= r && r <= 'Z' })
}
