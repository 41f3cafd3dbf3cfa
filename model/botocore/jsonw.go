package botocore

import (
	"encoding/json"
	"errors"
	"strconv"
	"unicode/utf8"
)

// mark ties an offset of the written JSON to an offset of the botocore file.
type mark struct{ off, pos int }

// writer appends compact JSON and records marks.
type writer struct {
	buf   []byte
	marks []mark
}

func (w *writer) mark(pos int) {
	if pos < 0 {
		return
	}
	off := len(w.buf)
	if n := len(w.marks); n > 0 && w.marks[n-1].off == off {
		w.marks[n-1].pos = pos
		return
	}
	w.marks = append(w.marks, mark{off, pos})
}

func (w *writer) raw(s string) { w.buf = append(w.buf, s...) }

// key writes an object key and its colon, after a comma unless first.
func (w *writer) key(first bool, k string) {
	if !first {
		w.buf = append(w.buf, ',')
	}
	w.str(k)
	w.buf = append(w.buf, ':')
}

func (w *writer) str(s string) { w.buf = appendString(w.buf, s) }

// shape writes one entry of the "shapes" object.
func (w *writer) shape(first bool, s *shapeOut) {
	w.mark(s.pos)
	w.key(first, s.id)
	w.raw(`{"type":`)
	w.str(s.typ)
	for _, p := range s.props {
		w.mark(p.pos)
		w.key(false, p.key)
		w.raw(p.raw)
	}
	switch s.typ {
	case "structure", "union", "enum", "intEnum":
		w.raw(`,"members":{`)
		for i, m := range s.members {
			w.key(i == 0, m.name)
			w.member(m)
		}
		w.buf = append(w.buf, '}')
	case "list", "map":
		for _, m := range s.members {
			w.key(false, m.name)
			w.member(m)
		}
	}
	w.traits(s.traits)
	w.buf = append(w.buf, '}')
}

func (w *writer) member(m *memberOut) {
	w.mark(m.pos)
	w.raw(`{"target":`)
	w.mark(m.targetPos)
	w.str(m.target)
	w.traits(m.traits)
	w.buf = append(w.buf, '}')
}

func (w *writer) traits(ts []trait) {
	if len(ts) == 0 {
		return
	}
	w.raw(`,"traits":{`)
	for i, t := range ts {
		w.mark(t.pos)
		w.key(i == 0, t.id)
		w.raw(t.raw)
	}
	w.buf = append(w.buf, '}')
}

const hexDigits = "0123456789abcdef"

// appendString appends s as a JSON string; invalid UTF-8 becomes U+FFFD.
func appendString(buf []byte, s string) []byte {
	buf = append(buf, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' && c < utf8.RuneSelf {
			i++
			continue
		}
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(s[i:])
			if r != utf8.RuneError || size != 1 {
				i += size
				continue
			}
		}
		buf = append(buf, s[start:i]...)
		switch c {
		case '"', '\\':
			buf = append(buf, '\\', c)
		case '\n':
			buf = append(buf, '\\', 'n')
		case '\r':
			buf = append(buf, '\\', 'r')
		case '\t':
			buf = append(buf, '\\', 't')
		default:
			if c >= utf8.RuneSelf {
				buf = append(buf, `\ufffd`...)
			} else {
				buf = append(buf, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			}
		}
		i++
		start = i
	}
	buf = append(buf, s[start:]...)
	return append(buf, '"')
}

// quote returns s as a JSON string.
func quote(s string) string { return string(appendString(nil, s)) }

// ref is {"target": id}.
func ref(id string) string { return `{"target":` + quote(id) + `}` }

// jsonObject writes a JSON object of already encoded values, in the given order.
func jsonObject(kv ...string) string {
	b := []byte{'{'}
	for i := 0; i+1 < len(kv); i += 2 {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, kv[i])
		b = append(b, ':')
		b = append(b, kv[i+1]...)
	}
	return string(append(b, '}'))
}

func array(elems []string) string {
	b := []byte{'['}
	for i, e := range elems {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, e...)
	}
	return string(append(b, ']'))
}

func boolJSON(v bool) string { return strconv.FormatBool(v) }

// syntaxError finds where and why data stops being valid JSON.
func syntaxError(data []byte) (int, string) {
	var v any
	var se *json.SyntaxError
	err := json.Unmarshal(data, &v)
	if errors.As(err, &se) {
		return max(int(se.Offset)-1, 0), se.Error()
	}
	if err != nil {
		return len(data), err.Error()
	}
	return len(data), "not valid JSON"
}
