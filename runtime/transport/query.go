package transport

import "strings"

// AddQuery appends key=value to RawQuery, percent-encoding both as RFC 3986
// requires (the form SigV4 signs).
func (r *Request) AddQuery(key, value string) {
	if r.RawQuery != "" {
		r.RawQuery += "&"
	}
	r.RawQuery += escapeQuery(key) + "=" + escapeQuery(value)
}

func escapeQuery(s string) string {
	n := 0
	for i := 0; i < len(s); i++ {
		if !unreserved(s[i]) {
			n++
		}
	}
	if n == 0 {
		return s
	}
	const hexDigits = "0123456789ABCDEF"
	var b strings.Builder
	b.Grow(len(s) + 2*n)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if unreserved(c) {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hexDigits[c>>4])
		b.WriteByte(hexDigits[c&15])
	}
	return b.String()
}

func unreserved(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ||
		c == '-' || c == '.' || c == '_' || c == '~'
}
