// Package jsonw writes compact JSON and remembers where each part came
// from, so that the model loader can report positions in the files the
// IDL and botocore converters read.
package jsonw

import (
	"sort"
	"unicode/utf8"
)

// Mark ties an offset of the written JSON to an offset of the source.
type Mark struct{ Off, Pos int32 }

// Writer appends compact JSON and records marks, sorted by JSON offset.
type Writer struct {
	Buf   []byte
	Marks []Mark
}

// Mark records that what is written next comes from source offset pos; a
// negative pos records nothing.
func (w *Writer) Mark(pos int) {
	if pos < 0 {
		return
	}
	off := int32(len(w.Buf))
	if n := len(w.Marks); n > 0 && w.Marks[n-1].Off == off {
		w.Marks[n-1].Pos = int32(pos)
		return
	}
	w.Marks = append(w.Marks, Mark{off, int32(pos)})
}

// Raw writes s as it is.
func (w *Writer) Raw(s string) { w.Buf = append(w.Buf, s...) }

// Byte writes c.
func (w *Writer) Byte(c byte) { w.Buf = append(w.Buf, c) }

// Key writes an object key and its colon, after a comma unless first.
func (w *Writer) Key(first bool, k string) {
	if !first {
		w.Buf = append(w.Buf, ',')
	}
	w.Str(k)
	w.Buf = append(w.Buf, ':')
}

// Str writes s as a JSON string.
func (w *Writer) Str(s string) { w.Buf = AppendString(w.Buf, s) }

// Source returns the source offset of the JSON at offset off: the mark at
// or before it; false when none is.
func Source(marks []Mark, off int) (int, bool) {
	i := sort.Search(len(marks), func(i int) bool { return int(marks[i].Off) > off }) - 1
	if i < 0 {
		return 0, false
	}
	return int(marks[i].Pos), true
}

const hexDigits = "0123456789abcdef"

// AppendString appends s as a JSON string; invalid UTF-8 becomes U+FFFD.
func AppendString(buf []byte, s string) []byte {
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
