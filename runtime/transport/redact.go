package transport

import (
	"bytes"
	"strconv"
)

// RedactJSONMembers returns a Redaction.Body for JSON protocols: it replaces
// the value of every object member named one of names, at any depth, with
// "REDACTED". A body that is not JSON is replaced whole, by its length.
func RedactJSONMembers(names ...string) func([]byte) []byte {
	set := make(map[string]bool, len(names))
	for _, n := range names {
		set[n] = true
	}
	return func(body []byte) []byte {
		var out bytes.Buffer
		p := redactor{in: body, out: &out, names: set}
		p.space()
		if !p.value(false) {
			return RedactBody(body)
		}
		p.space()
		if p.i != len(p.in) {
			return RedactBody(body)
		}
		return out.Bytes()
	}
}

// RedactBody is a Redaction.Body that hides the whole body, giving its length.
func RedactBody(body []byte) []byte {
	return []byte("[" + redacted + ": " + strconv.Itoa(len(body)) + " bytes]")
}

// redactor copies one JSON document, replacing the values of named members.
type redactor struct {
	in    []byte
	i     int
	out   *bytes.Buffer
	names map[string]bool
}

func (p *redactor) space() {
	for p.i < len(p.in) && (p.in[p.i] == ' ' || p.in[p.i] == '\t' || p.in[p.i] == '\n' || p.in[p.i] == '\r') {
		p.out.WriteByte(p.in[p.i])
		p.i++
	}
}

// value copies (or, when hide is set, skips and replaces) one value.
func (p *redactor) value(hide bool) bool {
	start, mark := p.i, p.out.Len()
	if p.i >= len(p.in) {
		return false
	}
	var ok bool
	switch c := p.in[p.i]; {
	case c == '{':
		ok = p.object()
	case c == '[':
		ok = p.array()
	case c == '"':
		_, ok = p.str()
	default:
		for p.i < len(p.in) && bytes.IndexByte([]byte(",}] \t\r\n"), p.in[p.i]) < 0 {
			p.out.WriteByte(p.in[p.i])
			p.i++
		}
		ok = p.i > start
	}
	if ok && hide {
		p.out.Truncate(mark)
		p.out.WriteString(`"` + redacted + `"`)
	}
	return ok
}

// str copies a string and returns its raw contents.
func (p *redactor) str() (string, bool) {
	start := p.i
	p.i++
	for p.i < len(p.in) {
		switch p.in[p.i] {
		case '\\':
			p.i += 2
			continue
		case '"':
			p.i++
			p.out.Write(p.in[start:p.i])
			return string(p.in[start+1 : p.i-1]), true
		}
		p.i++
	}
	return "", false
}

func (p *redactor) object() bool {
	p.out.WriteByte('{')
	p.i++
	p.space()
	if p.i < len(p.in) && p.in[p.i] == '}' {
		p.out.WriteByte('}')
		p.i++
		return true
	}
	for {
		p.space()
		if p.i >= len(p.in) || p.in[p.i] != '"' {
			return false
		}
		key, ok := p.str()
		if !ok {
			return false
		}
		p.space()
		if p.i >= len(p.in) || p.in[p.i] != ':' {
			return false
		}
		p.out.WriteByte(':')
		p.i++
		p.space()
		if !p.value(p.names[key]) {
			return false
		}
		p.space()
		if p.i >= len(p.in) {
			return false
		}
		switch p.in[p.i] {
		case ',':
			p.out.WriteByte(',')
			p.i++
		case '}':
			p.out.WriteByte('}')
			p.i++
			return true
		default:
			return false
		}
	}
}

func (p *redactor) array() bool {
	p.out.WriteByte('[')
	p.i++
	p.space()
	if p.i < len(p.in) && p.in[p.i] == ']' {
		p.out.WriteByte(']')
		p.i++
		return true
	}
	for {
		p.space()
		if !p.value(false) {
			return false
		}
		p.space()
		if p.i >= len(p.in) {
			return false
		}
		switch p.in[p.i] {
		case ',':
			p.out.WriteByte(',')
			p.i++
		case ']':
			p.out.WriteByte(']')
			p.i++
			return true
		default:
			return false
		}
	}
}
