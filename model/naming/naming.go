// Package naming turns Smithy names into Go identifiers the way aws-sdk-go-v2
// (smithy-go codegen) names them, so generated code can stand in for an
// aws-sdk-go-v2 service client by changing only the import path.
//
// The v2 rules reproduced here:
//
//   - Type names (structures, unions, enums) and struct fields: the Smithy
//     name (after the service's rename map, which the caller applies) with its
//     leading non-letters dropped and its first letter upper-cased. Nothing
//     else changes: "error_description" becomes "Error_description" and
//     "__string" becomes "String".
//   - Operation inputs and outputs are <Op>Input and <Op>Output whatever the
//     shapes are called (InputType, OutputType).
//   - Union members are wrapped in <Union>Member<Member> structs; unknown
//     members decode into UnknownUnionMember. A shape whose type name equals
//     one of those names gets a trailing "_" (TypeNames).
//   - Enum constants are <EnumType> followed by the words of the enum member
//     name, not the value (EnumConst, EnumConsts).
//   - Fields named String get a trailing "_"; error structs also escape Error,
//     ErrorCode, ErrorFault, Unwrap and Get<Field>/Has<Field>, and fold
//     Message, ErrorMessage and ErrorCodeOverride into their built-in fields
//     (Fields).
//   - Package names are the sdkId lower-cased without spaces and dashes
//     (Package; any other character that is not an ASCII letter or digit is
//     dropped too).
//   - Enum types get a Values method and union wrappers a Value field; neither
//     can clash with constants or wrapper names, so nothing is escaped for them.
//
// Where v2 would fail (invalid or empty names, duplicates, names clashing with
// generated fields such as ResultMetadata) the functions here still return
// valid, unique Go identifiers, chosen deterministically.
package naming

import (
	"fmt"
	"go/token"
	"go/types"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Exported returns the exported Go identifier v2 uses for a shape or member
// name: leading non-letters are dropped and the first letter is upper-cased.
//
// For input that is not a Smithy identifier the result is still a valid
// exported identifier: runs of characters Go does not allow in identifiers
// split the name into words that are each capitalized ("foo-bar.baz" gives
// "FooBarBaz"); a name without letters keeps its digits and underscores
// behind an "X" ("_1" gives "X_1"), as does one whose first letter has no
// upper case.
func Exported(name string) string {
	var b strings.Builder
	for _, w := range identWords(strings.TrimLeftFunc(name, notLetter)) {
		b.WriteString(capitalize(w))
	}
	s := b.String()
	if s == "" {
		return "X" + strings.Join(identWords(name), "")
	}
	if first, _ := utf8.DecodeRuneInString(s); !unicode.IsUpper(first) {
		return "X" + s
	}
	return s
}

// Unexported returns a lowerCamel Go identifier for name, for unexported
// helpers, locals and parameters. It is Exported(name) with its leading
// capitals lowered ("FooBar" → "fooBar", "URLPath" → "urlPath", "ID" → "id");
// Go keywords and predeclared identifiers ("type", "string", "nil", "len")
// get a trailing "_".
func Unexported(name string) string {
	s := lowerLead(Exported(name))
	if token.IsKeyword(s) || types.Universe.Lookup(s) != nil {
		return s + "_"
	}
	return s
}

// Package returns the Go package name for an aws.api#service sdkId: the
// sdkId lower-cased, keeping only ASCII letters and digits ("CleanRoomsML" →
// "cleanroomsml", "SSO OIDC" → "ssooidc", "ECR PUBLIC" → "ecrpublic"). It
// fails when no valid package name remains.
func Package(sdkID string) (string, error) {
	var b strings.Builder
	for _, r := range strings.ToLower(sdkID) {
		if ('a' <= r && r <= 'z') || ('0' <= r && r <= '9') {
			b.WriteRune(r)
		}
	}
	s := b.String()
	switch {
	case s == "":
		return "", fmt.Errorf("naming: sdkId %q has no letters or digits", sdkID)
	case s[0] >= '0' && s[0] <= '9':
		return "", fmt.Errorf("naming: package name %q from sdkId %q starts with a digit", s, sdkID)
	case token.IsKeyword(s) || s == "main":
		return "", fmt.Errorf("naming: package name %q from sdkId %q is reserved", s, sdkID)
	}
	return s, nil
}

// identWords splits s at every run of runes Go does not allow in
// identifiers (anything but letters, digits and "_").
func identWords(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return r != '_' && !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

func notLetter(r rune) bool { return !unicode.IsLetter(r) }

// capitalize upper-cases the first rune of s.
func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// lowerLead lowers the leading run of upper-case runes of s, leaving the
// last one of a multi-rune run upper-cased when a lower-case rune follows it
// (it starts the next word).
func lowerLead(s string) string {
	rs := []rune(s)
	n := 0
	for n < len(rs) && unicode.IsUpper(rs[n]) {
		n++
	}
	if n > 1 && n < len(rs) && unicode.IsLower(rs[n]) {
		n--
	}
	for i := range n {
		rs[i] = unicode.ToLower(rs[i])
	}
	return string(rs)
}
