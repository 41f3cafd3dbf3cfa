package paginate

import "reflect"

// TokenKind says when a token of type Tok ends pagination and when two
// tokens are the same, for Options.StopOnDuplicateToken. The kinds are
// StringPtr, String and Map.
type TokenKind[Tok any] struct {
	empty func(Tok) bool
	same  func(prev, next Tok) bool
}

// StringPtr is the kind of *string tokens: nil or "" ends pagination.
var StringPtr = TokenKind[*string]{empty: emptyStringPtr, same: sameStringPtr}

// String is the kind of string tokens: "" ends pagination.
var String = TokenKind[string]{empty: emptyString, same: sameString}

// Map returns the kind of map tokens, such as DynamoDB keys: an empty map
// ends pagination, and non-empty maps are compared with reflect.DeepEqual.
func Map[M ~map[K]V, K comparable, V any]() TokenKind[M] {
	return TokenKind[M]{empty: emptyMap[M], same: sameMap[M]}
}

func emptyStringPtr(t *string) bool { return t == nil || *t == "" }

func sameStringPtr(prev, next *string) bool { return prev != nil && next != nil && *prev == *next }

func emptyString(t string) bool { return t == "" }

func sameString(prev, next string) bool { return prev == next }

func emptyMap[M ~map[K]V, K comparable, V any](t M) bool { return len(t) == 0 }

func sameMap[M ~map[K]V, K comparable, V any](prev, next M) bool {
	return len(prev) != 0 && reflect.DeepEqual(prev, next)
}
