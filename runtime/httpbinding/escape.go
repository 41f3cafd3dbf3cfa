package httpbinding

import (
	"fmt"
	"strings"

	"github.com/aws/smithy-go"
)

const upperHex = "0123456789ABCDEF"

// unreserved reports whether c is an RFC 3986 unreserved character.
func unreserved(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ||
		c == '-' || c == '.' || c == '_' || c == '~'
}

// Escape percent-encodes every byte of s that is not an RFC 3986 unreserved
// character, as query keys, query values and URI labels require.
func Escape(s string) string { return escape(s, false) }

// EscapeLabel percent-encodes a URI label value. A greedy label ({name+})
// keeps "/" so that it spans path segments.
func EscapeLabel(s string, greedy bool) string { return escape(s, greedy) }

func escape(s string, keepSlash bool) string {
	n := 0
	for i := 0; i < len(s); i++ {
		if c := s[i]; !unreserved(c) && !(keepSlash && c == '/') {
			n++
		}
	}
	if n == 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 2*n)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if unreserved(c) || keepSlash && c == '/' {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(upperHex[c>>4])
		b.WriteByte(upperHex[c&15])
	}
	return b.String()
}

// MissingLabel is the error for an unset or empty member bound to a URI label
// or host label.
func MissingLabel(member string) error {
	return &smithy.SerializationError{Err: fmt.Errorf("input member %s must not be empty", member)}
}

// Query builds a query string in the order parameters are added.
type Query struct {
	buf  []byte
	keys []string
}

// Add appends key=value, percent-encoding both.
func (q *Query) Add(key, value string) {
	q.AddKey(key)
	q.buf = append(q.buf, '=')
	q.buf = append(q.buf, Escape(value)...)
}

// AddKey appends a key without a value, as a URI template's "?flag" does.
func (q *Query) AddKey(key string) {
	if len(q.buf) > 0 {
		q.buf = append(q.buf, '&')
	}
	q.buf = append(q.buf, Escape(key)...)
	q.keys = append(q.keys, key)
}

// Has reports whether key was added; httpQueryParams entries skip such keys,
// since httpQuery members and literal query parameters take precedence.
func (q *Query) Has(key string) bool {
	for _, k := range q.keys {
		if k == key {
			return true
		}
	}
	return false
}

// Encode returns the query string without "?".
func (q *Query) Encode() string { return string(q.buf) }
