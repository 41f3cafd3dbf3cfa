package query

const hex = "0123456789ABCDEF"

// appendEscaped appends s form-encoded as url.QueryEscape does: letters,
// digits and -_.~ as they are, space as +, other bytes as %XX.
func appendEscaped(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case unreserved[c]:
			b = append(b, c)
		case c == ' ':
			b = append(b, '+')
		default:
			b = append(b, '%', hex[c>>4], hex[c&15])
		}
	}
	return b
}

func appendEscapedBytes(b, s []byte) []byte {
	for _, c := range s {
		switch {
		case unreserved[c]:
			b = append(b, c)
		case c == ' ':
			b = append(b, '+')
		default:
			b = append(b, '%', hex[c>>4], hex[c&15])
		}
	}
	return b
}

var unreserved [256]bool

func init() {
	for c := range 256 {
		unreserved[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ||
			c == '-' || c == '_' || c == '.' || c == '~'
	}
}
