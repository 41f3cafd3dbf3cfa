package xml

import (
	"bytes"
	"iter"
	"unicode/utf8"
	"unsafe"
)

// Iter iterates over the child elements of an element.
type Iter struct {
	d     *Decoder
	depth int
	ok    bool
}

// Children starts iterating over the child elements of the element last
// started; text between them is ignored. Each child Next reports must be
// consumed (by a value reader, Skip or Children) before the next Next, else
// Next skips it.
func (d *Decoder) Children() Iter {
	if !d.take() || d.self {
		d.self = false
		return Iter{d: d}
	}
	return Iter{d: d, depth: len(d.stack), ok: true}
}

// Next advances to the next child element, which becomes the element last
// started; it reports false at the parent's end tag or on error.
func (it *Iter) Next() bool {
	d := it.d
	if !it.ok || d.err != nil {
		return false
	}
	if d.fresh {
		d.fresh = false
		if !d.self && d.skipOpen() != nil {
			return false
		}
		d.self = false
	}
	for len(d.stack) > it.depth && d.skipOpen() == nil {
	}
	b := d.b
	for d.err == nil {
		if d.skipText() != nil {
			break
		}
		if d.pos+1 < len(b) && b[d.pos+1] == '/' {
			d.endTag()
			break
		}
		if ok, err := d.markup(true); err == nil && ok {
			return d.startTag(true) == nil
		}
	}
	it.ok = false
	return false
}

// Name returns the local name of the element last started.
func (it *Iter) Name() []byte { return it.d.Name() }

// Done returns err, else the iteration's error.
func (it *Iter) Done(err error) error {
	if err != nil {
		return err
	}
	return it.d.err
}

// skipText checks the text from d.pos on and stops at the next '<'.
func (d *Decoder) skipText() error {
	b := d.b
	i := d.pos
	for {
		for i < len(b) && textByte[b[i]] {
			i++
		}
		if i == len(b) {
			return d.eof()
		}
		switch c := b[i]; {
		case c == '<':
			d.pos = i
			return nil
		case c == '&':
			_, n, ok := entity(b[i:])
			if !ok {
				return d.syntax(i, "invalid reference")
			}
			i += n
		case c == '\r':
			i++
		case c >= utf8.RuneSelf:
			r, n := utf8.DecodeRune(b[i:])
			if !isChar(r, n) {
				return d.syntax(i, "invalid UTF-8")
			}
			i += n
		default:
			return d.syntax(i, "invalid character")
		}
	}
}

// take marks the content of the element last started as being read and
// reports whether there was such an element.
func (d *Decoder) take() bool {
	if d.err != nil {
		return false
	}
	if !d.fresh {
		d.syntax(d.pos, "no element to read")
		return false
	}
	d.fresh = false
	return true
}

// Skip skips the element last started, its whole subtree included.
func (d *Decoder) Skip() error {
	if !d.take() {
		return d.err
	}
	if d.self {
		d.self = false
		return nil
	}
	return d.skipOpen()
}

// Raw skips the element last started, like Skip, and returns its bytes as
// they are in the body, start and end tags included (an unknown union
// member's element). Its text is not checked.
func (d *Decoder) Raw() ([]byte, error) {
	lo := d.name.lo - 1
	if err := d.Skip(); err != nil {
		return nil, err
	}
	return d.b[lo:d.pos], nil
}

// Name returns the local name of the element last started, valid until the
// next read.
func (d *Decoder) Name() []byte {
	n := d.b[d.name.lo:d.name.hi]
	if i := bytes.IndexByte(n, ':'); i >= 0 {
		return n[i+1:]
	}
	return n
}

// Prefix returns the namespace prefix of the element last started.
func (d *Decoder) Prefix() []byte {
	n := d.b[d.name.lo:d.name.hi]
	if i := bytes.IndexByte(n, ':'); i >= 0 {
		return n[:i]
	}
	return nil
}

// Namespace returns the namespace URI of the element last started: the one
// its prefix, or the default namespace, is bound to in scope; "" if none.
func (d *Decoder) Namespace() string {
	prefix := d.Prefix()
	if string(prefix) == "xml" {
		return "http://www.w3.org/XML/1998/namespace"
	}
	for i := len(d.ns) - 1; i >= 0; i-- {
		bd := d.ns[i]
		if bytes.Equal(d.b[bd.prefix.lo:bd.prefix.hi], prefix) {
			return d.attrValue(bd.uri)
		}
	}
	return ""
}

// Attr returns the value of the attribute of the element last started whose
// qualified name (prefix included, as in "xsi:type") is name. Each call
// reads the start tag again.
func (d *Decoder) Attr(name string) (string, bool) {
	for a, i, ok := d.nextAttr(d.attrs.lo, d.attrs.hi); ok; a, i, ok = d.nextAttr(i, d.attrs.hi) {
		if string(d.b[a.name.lo:a.name.hi]) == name {
			return d.attrValue(a), true
		}
	}
	return "", false
}

// Attrs iterates over the qualified names and values of the attributes of
// the element last started, namespace declarations included.
func (d *Decoder) Attrs() iter.Seq2[[]byte, string] {
	return func(yield func([]byte, string) bool) {
		for a, i, ok := d.nextAttr(d.attrs.lo, d.attrs.hi); ok; a, i, ok = d.nextAttr(i, d.attrs.hi) {
			if !yield(d.b[a.name.lo:a.name.hi], d.attrValue(a)) {
				return
			}
		}
	}
}

func (d *Decoder) attrValue(a attr) string {
	v := d.b[a.value.lo:a.value.hi]
	if !a.raw {
		return d.share(v)
	}
	out := make([]byte, 0, len(v))
	for i := 0; i < len(v); i++ {
		switch c := v[i]; c {
		case '&':
			r, n, _ := entity(v[i:])
			out = utf8.AppendRune(out, r)
			i += n - 1
		case '\r':
			if i+1 < len(v) && v[i+1] == '\n' {
				i++
			}
			out = append(out, ' ')
		case '\n', '\t':
			out = append(out, ' ')
		default:
			out = append(out, c)
		}
	}
	return string(out)
}

// checkAttrValue checks the attribute value at v and reports whether it
// holds references or white space to normalize.
func (d *Decoder) checkAttrValue(v span) (bool, error) {
	raw := false
	b := d.b
	for i := v.lo; i < v.hi; {
		c := b[i]
		switch {
		case c == '&':
			_, n, ok := entity(b[i:v.hi])
			if !ok {
				return false, d.syntax(i, "invalid reference")
			}
			raw = true
			i += n
		case c == '<':
			return false, d.syntax(i, "< in attribute value")
		case c == '\t' || c == '\n' || c == '\r':
			raw = true
			i++
		case c < 0x20:
			return false, d.syntax(i, "invalid character")
		case c >= utf8.RuneSelf:
			r, n := utf8.DecodeRune(b[i:v.hi])
			if !isChar(r, n) {
				return false, d.syntax(i, "invalid UTF-8")
			}
			i += n
		default:
			i++
		}
	}
	return raw, nil
}

// share returns b, a part of the body, as a string sharing its memory.
func (d *Decoder) share(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// text reads the text content of the element last started, up to and
// including its end tag. The result is part of the body when shared, else it
// is the decoder's scratch buffer, valid until the next read.
func (d *Decoder) text() (out []byte, shared bool, err error) {
	if !d.take() {
		return nil, false, d.err
	}
	if d.self {
		d.self = false
		return nil, true, nil
	}
	b := d.b
	start, i := d.pos, d.pos
	copied := false
	flush := func(hi int) {
		if !copied {
			d.scratch = d.scratch[:0]
			copied = true
		}
		d.scratch = append(d.scratch, b[start:hi]...)
	}
	for {
		for i < len(b) && textByte[b[i]] {
			i++
		}
		if i == len(b) {
			return nil, false, d.eof()
		}
		switch c := b[i]; {
		case c == '<':
			if i+1 < len(b) && b[i+1] == '/' {
				d.pos = i
				if err := d.endTag(); err != nil {
					return nil, false, err
				}
				if !copied {
					return b[start:i], true, nil
				}
				flush(i)
				return d.scratch, false, nil
			}
			flush(i)
			d.pos = i
			if bytes.HasPrefix(b[i:], []byte("<![CDATA[")) {
				end := bytes.Index(b[i+9:], []byte("]]>"))
				if end < 0 {
					return nil, false, d.eof()
				}
				start = i + 9
				flush(start + end)
				d.pos = start + end + 3
			} else if ok, err := d.markup(true); err != nil {
				return nil, false, err
			} else if ok {
				return nil, false, d.syntax(i, "element inside a text value")
			}
			start, i = d.pos, d.pos
		case c == '&':
			r, n, ok := entity(b[i:])
			if !ok {
				return nil, false, d.syntax(i, "invalid reference")
			}
			flush(i)
			d.scratch = utf8.AppendRune(d.scratch, r)
			i += n
			start = i
		case c == '\r':
			flush(i)
			d.scratch = append(d.scratch, '\n')
			if i++; i < len(b) && b[i] == '\n' {
				i++
			}
			start = i
		case c >= utf8.RuneSelf:
			r, n := utf8.DecodeRune(b[i:])
			if !isChar(r, n) {
				return nil, false, d.syntax(i, "invalid UTF-8")
			}
			i += n
		default:
			return nil, false, d.syntax(i, "invalid character")
		}
	}
}

// entity decodes the reference at the start of b: one of the five predefined
// entities or a character reference. It returns the rune and the length of
// the reference.
func entity(b []byte) (rune, int, bool) {
	end := bytes.IndexByte(b[:min(len(b), 12)], ';')
	if end < 2 {
		return 0, 0, false
	}
	ref := b[1:end]
	switch string(ref) {
	case "lt":
		return '<', end + 1, true
	case "gt":
		return '>', end + 1, true
	case "amp":
		return '&', end + 1, true
	case "apos":
		return '\'', end + 1, true
	case "quot":
		return '"', end + 1, true
	}
	if ref[0] != '#' || len(ref) < 2 {
		return 0, 0, false
	}
	digits, base := ref[1:], rune(10)
	if digits[0] == 'x' {
		digits, base = digits[1:], 16
	}
	if len(digits) == 0 {
		return 0, 0, false
	}
	var r rune
	for _, c := range digits {
		var v rune
		switch {
		case c >= '0' && c <= '9':
			v = rune(c - '0')
		case base == 16 && c >= 'a' && c <= 'f':
			v = rune(c-'a') + 10
		case base == 16 && c >= 'A' && c <= 'F':
			v = rune(c-'A') + 10
		default:
			return 0, 0, false
		}
		if r = r*base + v; r > utf8.MaxRune {
			return 0, 0, false
		}
	}
	if !isChar(r, 2) {
		return 0, 0, false
	}
	return r, end + 1, true
}

// isChar reports whether r, decoded from n bytes, is an XML character.
func isChar(r rune, n int) bool {
	if r == utf8.RuneError && n == 1 {
		return false
	}
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

// textByte holds the bytes text reading passes over without a closer look.
var textByte [256]bool

func init() {
	for c := 0x20; c < 0x80; c++ {
		textByte[c] = c != '<' && c != '&'
	}
	textByte['\t'], textByte['\n'] = true, true
}
