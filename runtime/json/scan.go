package json

import (
	"errors"
	"fmt"
	"unicode/utf16"
	"unicode/utf8"
)

// maxDepth is the deepest nesting of objects and arrays a decode accepts;
// deeper documents fail instead of growing the decoder's stack.
const maxDepth = 10000

// scanner reads the tokens of one JSON document held in memory. It
// validates what it reads (string escapes, number syntax, literals,
// structure) and never reads past the end of buf.
type scanner struct {
	buf   []byte
	pos   int
	depth int
}

// SyntaxError is malformed JSON at a byte offset of the body.
type SyntaxError struct {
	Offset int
	Msg    string
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("invalid JSON at offset %d: %s", e.Offset, e.Msg)
}

var errDepth = errors.New("JSON nested too deeply")

func (s *scanner) errorf(format string, args ...any) error {
	return &SyntaxError{Offset: s.pos, Msg: fmt.Sprintf(format, args...)}
}

// unexpected describes the byte at pos where want was expected.
func (s *scanner) unexpected(want string) error {
	if s.pos >= len(s.buf) {
		return s.errorf("unexpected end of input, %s expected", want)
	}
	return s.errorf("unexpected %q, %s expected", s.buf[s.pos], want)
}

// ws skips whitespace and returns the next byte, 0 at the end.
func (s *scanner) ws() byte {
	for s.pos < len(s.buf) {
		c := s.buf[s.pos]
		if c > ' ' || (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
			return c
		}
		s.pos++
	}
	return 0
}

// lit consumes the literal word at pos.
func (s *scanner) lit(word string) error {
	if len(s.buf)-s.pos >= len(word) && string(s.buf[s.pos:s.pos+len(word)]) == word {
		s.pos += len(word)
		return nil
	}
	return s.unexpected(word)
}

// open consumes c ('{' or '[') at pos and enters a level of nesting.
func (s *scanner) open() error {
	if s.depth >= maxDepth {
		return errDepth
	}
	s.depth++
	s.pos++
	return nil
}

// str reads the string at pos (a '"'). Without escapes the result is part
// of buf; otherwise it is a new slice. Invalid UTF-8 and lone surrogates
// read as U+FFFD, as encoding/json reads them.
func (s *scanner) str() ([]byte, error) {
	start := s.pos + 1
	ascii := true
	for i := start; i < len(s.buf); i++ {
		switch c := s.buf[i]; {
		case c == '"':
			s.pos = i + 1
			b := s.buf[start:i]
			if !ascii && !utf8.Valid(b) {
				return validUTF8(b), nil
			}
			return b, nil
		case c == '\\':
			return s.strEscaped(start, i)
		case c < 0x20:
			s.pos = i
			return nil, s.errorf("control character %#x in string", c)
		case c >= 0x80:
			ascii = false
		}
	}
	s.pos = len(s.buf)
	return nil, s.unexpected(`closing '"'`)
}

// strEscaped reads a string from its first escape at i on.
func (s *scanner) strEscaped(start, i int) ([]byte, error) {
	out := make([]byte, 0, i-start+16)
	out = append(out, s.buf[start:i]...)
	for i < len(s.buf) {
		c := s.buf[i]
		switch {
		case c == '"':
			s.pos = i + 1
			if !utf8.Valid(out) {
				out = validUTF8(out)
			}
			return out, nil
		case c < 0x20:
			s.pos = i
			return nil, s.errorf("control character %#x in string", c)
		case c != '\\':
			out = append(out, c)
			i++
			continue
		}
		if i+1 >= len(s.buf) {
			break
		}
		e := s.buf[i+1]
		i += 2
		switch e {
		case '"', '\\', '/':
			out = append(out, e)
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'u':
			r, ok := hex4(s.buf, i)
			if !ok {
				s.pos = i
				return nil, s.errorf(`invalid \u escape`)
			}
			i += 4
			if utf16.IsSurrogate(r) {
				if r2, ok := hex4(s.buf, i+2); ok && s.buf[i] == '\\' && s.buf[i+1] == 'u' {
					if dec := utf16.DecodeRune(r, r2); dec != utf8.RuneError {
						r = dec
						i += 6
					} else {
						r = utf8.RuneError
					}
				} else {
					r = utf8.RuneError
				}
			}
			out = utf8.AppendRune(out, r)
		default:
			s.pos = i - 1
			return nil, s.errorf("invalid escape %q", e)
		}
	}
	s.pos = len(s.buf)
	return nil, s.unexpected(`closing '"'`)
}

// validUTF8 returns b with each byte of an invalid UTF-8 sequence replaced
// by U+FFFD, as encoding/json replaces them.
func validUTF8(b []byte) []byte {
	out := make([]byte, 0, len(b)+8)
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		out = utf8.AppendRune(out, r)
		b = b[n:]
	}
	return out
}

// hex4 reads four hex digits at b[i:].
func hex4(b []byte, i int) (rune, bool) {
	if i < 0 || i+4 > len(b) {
		return 0, false
	}
	var r rune
	for _, c := range b[i : i+4] {
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c -= 'a' - 10
		case c >= 'A' && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	return r, true
}

// num reads the number at pos and returns its text; integer reports that
// it has neither fraction nor exponent.
func (s *scanner) num() (text []byte, integer bool, err error) {
	b, i := s.buf, s.pos
	start := i
	digits := func() bool {
		j := i
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i++
		}
		return i > j
	}
	if i < len(b) && b[i] == '-' {
		i++
	}
	switch {
	case i < len(b) && b[i] == '0':
		i++
	case !digits():
		s.pos = i
		return nil, false, s.unexpected("digit")
	}
	integer = true
	if i < len(b) && b[i] == '.' {
		i++
		integer = false
		if !digits() {
			s.pos = i
			return nil, false, s.unexpected("digit")
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		integer = false
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		if !digits() {
			s.pos = i
			return nil, false, s.unexpected("digit")
		}
	}
	s.pos = i
	return b[start:i], integer, nil
}

// skip reads one value of any kind.
func (s *scanner) skip() error {
	switch c := s.ws(); c {
	case '"':
		_, err := s.str()
		return err
	case '{':
		if err := s.open(); err != nil {
			return err
		}
		for first := true; ; first = false {
			c := s.ws()
			if c == '}' {
				s.pos++
				s.depth--
				return nil
			}
			if !first {
				if c != ',' {
					return s.unexpected(`',' or '}'`)
				}
				s.pos++
				c = s.ws()
			}
			if c != '"' {
				return s.unexpected("member name")
			}
			if _, err := s.str(); err != nil {
				return err
			}
			if s.ws() != ':' {
				return s.unexpected(`':'`)
			}
			s.pos++
			if err := s.skip(); err != nil {
				return err
			}
		}
	case '[':
		if err := s.open(); err != nil {
			return err
		}
		for first := true; ; first = false {
			c := s.ws()
			if c == ']' {
				s.pos++
				s.depth--
				return nil
			}
			if !first {
				if c != ',' {
					return s.unexpected(`',' or ']'`)
				}
				s.pos++
			}
			if err := s.skip(); err != nil {
				return err
			}
		}
	case 't':
		return s.lit("true")
	case 'f':
		return s.lit("false")
	case 'n':
		return s.lit("null")
	default:
		if c == '-' || c >= '0' && c <= '9' {
			_, _, err := s.num()
			return err
		}
		return s.unexpected("value")
	}
}
