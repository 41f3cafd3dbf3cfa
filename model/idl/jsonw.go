package idl

import "unicode/utf8"

// mark ties an offset in the JSON document to a byte offset in the IDL.
type mark struct {
	off, pos int32
}

// writer appends compact JSON and records marks.
type writer struct {
	buf   []byte
	marks []mark
}

func (w *writer) mark(pos int32) {
	off := int32(len(w.buf))
	if n := len(w.marks); n > 0 && w.marks[n-1].off == off {
		w.marks[n-1].pos = pos
		return
	}
	w.marks = append(w.marks, mark{off, pos})
}

func (w *writer) raw(s string) { w.buf = append(w.buf, s...) }

// key writes a quoted object key and its colon, preceded by a comma unless
// it is the first key of the object.
func (w *writer) key(first bool, k string) {
	if !first {
		w.buf = append(w.buf, ',')
	}
	w.str(k)
	w.buf = append(w.buf, ':')
}

const hexDigits = "0123456789abcdef"

func (w *writer) str(s string) {
	w.buf = append(w.buf, '"')
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
		w.buf = append(w.buf, s[start:i]...)
		switch c {
		case '"', '\\':
			w.buf = append(w.buf, '\\', c)
		case '\n':
			w.buf = append(w.buf, '\\', 'n')
		case '\r':
			w.buf = append(w.buf, '\\', 'r')
		case '\t':
			w.buf = append(w.buf, '\\', 't')
		default:
			if c >= utf8.RuneSelf {
				w.buf = append(w.buf, `\ufffd`...)
			} else {
				w.buf = append(w.buf, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			}
		}
		i++
		start = i
	}
	w.buf = append(w.buf, s[start:]...)
	w.buf = append(w.buf, '"')
}

func (w *writer) node(n *node) {
	w.mark(n.pos)
	switch n.kind {
	case nNull:
		w.raw("null")
	case nTrue:
		w.raw("true")
	case nFalse:
		w.raw("false")
	case nNumber:
		w.raw(n.text)
	case nString, nShapeID:
		w.str(n.text)
	case nArray:
		w.buf = append(w.buf, '[')
		for i, e := range n.elems {
			if i > 0 {
				w.buf = append(w.buf, ',')
			}
			w.node(e)
		}
		w.buf = append(w.buf, ']')
	case nObject:
		w.buf = append(w.buf, '{')
		for i, k := range n.keys {
			w.key(i == 0, k)
			w.node(n.elems[i])
		}
		w.buf = append(w.buf, '}')
	}
}

// target writes {"target": id}.
func (w *writer) target(r ref) {
	w.mark(r.pos)
	w.raw(`{"target":`)
	w.str(r.id)
	w.buf = append(w.buf, '}')
}
