package httpbinding

import (
	"encoding/base64"
	"fmt"
	"net/http"
	"strings"

	"github.com/aws/smithy-go"

	"github.com/smithygen/smithygen/runtime/wire"
)

// Header returns the first value of a response header, trimmed. key must be
// in canonical form.
func Header(h http.Header, key string) (string, bool) {
	vs := h[key]
	if len(vs) == 0 {
		return "", false
	}
	return strings.TrimSpace(vs[0]), true
}

// HeaderList returns the items of a list-valued header: every field line
// split at commas outside quoted strings, then unquoted.
func HeaderList(h http.Header, key string) ([]string, bool) {
	vs := h[key]
	if len(vs) == 0 {
		return nil, false
	}
	return SplitHeader(vs), true
}

// HeaderDates returns the items of a header listing http-date timestamps,
// whose values contain a comma themselves.
func HeaderDates(h http.Header, key string) ([]string, bool) {
	vs := h[key]
	if len(vs) == 0 {
		return nil, false
	}
	return SplitHTTPDates(vs), true
}

// SplitHeader splits header field lines into list items at commas outside
// double-quoted strings; items are trimmed and quoted items unescaped.
func SplitHeader(lines []string) []string {
	out := make([]string, 0, len(lines))
	for _, line := range lines {
		if strings.TrimSpace(line) == "" {
			continue
		}
		for {
			item, rest, more := cutItem(line)
			out = append(out, item)
			if !more {
				break
			}
			line = rest
		}
	}
	return out
}

// cutItem returns the first item of a header list and the rest after its
// comma; more is false for the last item.
func cutItem(s string) (item, rest string, more bool) {
	s = strings.TrimLeft(s, " \t")
	if strings.HasPrefix(s, `"`) {
		var b strings.Builder
		i := 1
		for ; i < len(s) && s[i] != '"'; i++ {
			if s[i] == '\\' && i+1 < len(s) {
				i++
			}
			b.WriteByte(s[i])
		}
		s = s[min(i+1, len(s)):]
		_, rest, more = strings.Cut(s, ",")
		return b.String(), rest, more
	}
	item, rest, more = strings.Cut(s, ",")
	return strings.TrimSpace(item), rest, more
}

// SplitHTTPDates splits header lines listing http-date timestamps: an item
// without digits (the weekday) is joined with the one after it.
func SplitHTTPDates(lines []string) []string {
	parts := SplitHeader(lines)
	out := parts[:0]
	for i := 0; i < len(parts); i++ {
		p := parts[i]
		if i+1 < len(parts) && !strings.ContainsAny(p, "0123456789") {
			i++
			p += ", " + parts[i]
		}
		out = append(out, p)
	}
	return out
}

// JoinHeader joins string list items into one header value, quoting items
// that hold a comma, a double quote or surrounding whitespace.
func JoinHeader[V ~string](items []V) string {
	var b strings.Builder
	for i, v := range items {
		if i > 0 {
			b.WriteString(", ")
		}
		s := string(v)
		if !strings.ContainsAny(s, `,"`) && strings.TrimSpace(s) == s {
			b.WriteString(s)
			continue
		}
		b.WriteByte('"')
		for j := 0; j < len(s); j++ {
			if s[j] == '"' || s[j] == '\\' {
				b.WriteByte('\\')
			}
			b.WriteByte(s[j])
		}
		b.WriteByte('"')
	}
	return b.String()
}

// PrefixHeaders collects the response headers starting with prefix
// (case-insensitively) into a map keyed by the lower-cased rest of the name;
// nil when there are none. An empty prefix collects every header.
func PrefixHeaders[V ~string](h http.Header, prefix string) map[string]V {
	var m map[string]V
	for k, vs := range h {
		if len(k) < len(prefix) || !strings.EqualFold(k[:len(prefix)], prefix) || len(vs) == 0 {
			continue
		}
		if m == nil {
			m = make(map[string]V)
		}
		m[strings.ToLower(k[len(prefix):])] = V(strings.TrimSpace(vs[0]))
	}
	return m
}

// SetPrefixHeaders sets one request header per map entry, named prefix+key.
// Keys are applied in sorted order so that colliding names resolve the same
// way every time.
func SetPrefixHeaders[V ~string](h http.Header, prefix string, m map[string]V) {
	for _, k := range wire.SortedKeys(m) {
		h[http.CanonicalHeaderKey(prefix+k)] = []string{string(m[k])}
	}
}

// Base64 encodes a string header bound to a mediaType string.
func Base64(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }

// ParseBase64 decodes a base64 header value.
func ParseBase64(s string) (string, error) {
	b, err := base64.StdEncoding.DecodeString(s)
	return string(b), err
}

// HeaderError reports a response header that could not be parsed.
func HeaderError(key string, err error) error {
	return &smithy.DeserializationError{Err: fmt.Errorf("failed to decode response header %s: %w", key, err)}
}
