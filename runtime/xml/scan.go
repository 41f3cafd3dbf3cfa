package xml

import (
	"bytes"
	"unicode/utf8"
)

// Limits bound what a decoder accepts; a document beyond them is an *Error.
type Limits struct {
	// MaxDepth is the deepest nesting of elements, the root being 1.
	MaxDepth int
	// MaxAttrs is the most attributes (namespace declarations included) one
	// element may have.
	MaxAttrs int
}

// DefaultLimits are the limits of a new decoder.
var DefaultLimits = Limits{MaxDepth: 10000, MaxAttrs: 256}

// span is the byte range b[lo:hi] of the body.
type span struct{ lo, hi int }

type attr struct {
	name, value span
	raw         bool // the value holds references or white space to normalize
}

// binding is a namespace declaration in scope at depth and below.
type binding struct {
	depth  int
	prefix span // empty for the default namespace
	uri    attr
}

// Decoder reads one XML document held in memory. Generated code drives it
// element by element: Root starts the root element, Children iterates over
// the child elements of the element last started, and the value readers (Str,
// Int, Time, …) or Skip consume the element last started. Decoded strings
// without references share the body's memory, which the caller must not
// modify afterwards.
type Decoder struct {
	b   []byte
	pos int
	lim Limits
	err error

	stack []span // qualified names of the open elements
	// The element last started: its name and attributes, whether its start
	// tag was self-closing, and whether its content is still unread.
	name  span
	self  bool
	fresh bool
	attrs span // the attributes in the start tag, read again on demand
	ns    []binding

	scratch []byte
	kept    []byte // holds copied strings, see keep
	values
}

// NewDecoder returns a decoder of body with DefaultLimits.
func NewDecoder(body []byte) *Decoder {
	return &Decoder{b: body, lim: DefaultLimits}
}

// SetLimits replaces the decoder's limits; zero fields keep their default.
func (d *Decoder) SetLimits(l Limits) {
	if l.MaxDepth > 0 {
		d.lim.MaxDepth = l.MaxDepth
	}
	if l.MaxAttrs > 0 {
		d.lim.MaxAttrs = l.MaxAttrs
	}
}

// fail records the first error, an *Error at off, and returns it.
func (d *Decoder) fail(off int, cause error, msg string) error {
	if d.err == nil {
		d.err = &Error{Offset: off, Msg: msg, Err: cause}
	}
	return d.err
}

func (d *Decoder) syntax(off int, msg string) error { return d.fail(off, ErrSyntax, msg) }

func (d *Decoder) eof() error { return d.syntax(len(d.b), "unexpected end of document") }

// Root skips the prolog (BOM, XML declaration, comments, processing
// instructions, white space) and starts the root element. It reports false
// without error when the body holds no element at all.
func (d *Decoder) Root() (bool, error) {
	if d.err != nil {
		return false, d.err
	}
	if d.pos != 0 || d.fresh || len(d.stack) > 0 {
		return false, d.syntax(d.pos, "root element already read")
	}
	b := d.b
	if bytes.HasPrefix(b, []byte("\xef\xbb\xbf")) {
		d.pos = 3
	}
	for {
		d.pos = skipSpace(b, d.pos)
		if d.pos == len(b) {
			return false, nil
		}
		if b[d.pos] != '<' {
			return false, d.syntax(d.pos, "text before the root element")
		}
		if ok, err := d.markup(false); err != nil {
			return false, err
		} else if !ok {
			continue
		}
		return true, d.startTag(true)
	}
}

// Finish checks that nothing but white space, comments and processing
// instructions follows the root element, which must have been read.
func (d *Decoder) Finish() error {
	if d.err != nil {
		return d.err
	}
	if d.fresh {
		if err := d.Skip(); err != nil {
			return err
		}
	}
	for len(d.stack) > 0 {
		if err := d.skipOpen(); err != nil {
			return err
		}
	}
	for {
		d.pos = skipSpace(d.b, d.pos)
		if d.pos == len(d.b) {
			return nil
		}
		if d.b[d.pos] != '<' {
			return d.syntax(d.pos, "text after the root element")
		}
		if ok, err := d.markup(false); err != nil {
			return err
		} else if ok {
			return d.syntax(d.pos, "second root element")
		}
	}
}

// markup skips a comment, processing instruction or, inside an element, a
// CDATA section at d.pos, which holds '<'. It reports true, leaving d.pos,
// when a tag starts there instead.
func (d *Decoder) markup(inElement bool) (bool, error) {
	b, i := d.b, d.pos
	if i+1 >= len(b) {
		return false, d.eof()
	}
	switch b[i+1] {
	case '?':
		end := bytes.Index(b[i+2:], []byte("?>"))
		if end < 0 {
			return false, d.eof()
		}
		if !inElement {
			if err := d.checkDecl(i, b[i+2:i+2+end]); err != nil {
				return false, err
			}
		}
		d.pos = i + 2 + end + 2
		return false, nil
	case '!':
		switch {
		case bytes.HasPrefix(b[i:], []byte("<!--")):
			end := bytes.Index(b[i+4:], []byte("-->"))
			if end < 0 {
				return false, d.eof()
			}
			d.pos = i + 4 + end + 3
			return false, nil
		case bytes.HasPrefix(b[i:], []byte("<!DOCTYPE")):
			return false, d.fail(i, ErrDOCTYPE, "")
		case inElement && bytes.HasPrefix(b[i:], []byte("<![CDATA[")):
			end := bytes.Index(b[i+9:], []byte("]]>"))
			if end < 0 {
				return false, d.eof()
			}
			d.pos = i + 9 + end + 3
			return false, nil
		}
		return false, d.syntax(i, "invalid markup after <!")
	}
	return true, nil
}

// checkDecl rejects an XML declaration naming an encoding other than UTF-8.
func (d *Decoder) checkDecl(off int, pi []byte) error {
	if !bytes.HasPrefix(pi, []byte("xml")) || len(pi) > 3 && !isSpace(pi[3]) {
		return nil
	}
	i := bytes.Index(pi, []byte("encoding"))
	if i < 0 {
		return nil
	}
	rest := bytes.TrimLeft(pi[i+len("encoding"):], " \t\r\n")
	if len(rest) == 0 || rest[0] != '=' {
		return d.syntax(off, "malformed XML declaration")
	}
	rest = bytes.TrimLeft(rest[1:], " \t\r\n")
	if len(rest) < 2 || rest[0] != '"' && rest[0] != '\'' {
		return d.syntax(off, "malformed XML declaration")
	}
	end := bytes.IndexByte(rest[1:], rest[0])
	if end < 0 {
		return d.syntax(off, "malformed XML declaration")
	}
	enc := rest[1 : 1+end]
	for _, ok := range [...]string{"utf-8", "utf8", "us-ascii", "ascii"} {
		if bytes.EqualFold(enc, []byte(ok)) {
			return nil
		}
	}
	return d.syntax(off, "unsupported encoding "+string(enc))
}

// startTag reads the start tag at d.pos. When store is set it becomes the
// element last started, with its attributes and namespace declarations.
func (d *Decoder) startTag(store bool) error {
	b := d.b
	lo := d.pos + 1
	hi, err := d.readName(lo)
	if err != nil {
		return err
	}
	if store {
		d.name = span{lo, hi}
		d.attrs = span{hi, hi}
		d.trimNS(len(d.stack))
	}
	i, n := hi, 0
	for {
		j := skipSpace(b, i)
		if j == len(b) {
			return d.eof()
		}
		switch b[j] {
		case '>':
			d.pos = j + 1
			return d.opened(store, false, span{lo, hi}, j)
		case '/':
			if j+1 < len(b) && b[j+1] == '>' {
				d.pos = j + 2
				return d.opened(store, true, span{lo, hi}, j)
			}
			return d.syntax(j, "expected /> after /")
		}
		if j == i {
			return d.syntax(j, "expected white space before an attribute")
		}
		if n++; n > d.lim.MaxAttrs {
			return d.fail(j, ErrAttrs, "")
		}
		if i, err = d.attribute(j, store); err != nil {
			return err
		}
	}
}

// opened records a start tag just read, whose attributes end at end.
func (d *Decoder) opened(store, self bool, name span, end int) error {
	if len(d.stack) >= d.lim.MaxDepth {
		return d.fail(name.lo-1, ErrDepth, "")
	}
	if store {
		d.self, d.fresh = self, true
		d.attrs.hi = end
	}
	if !self {
		d.stack = append(d.stack, name)
	}
	return nil
}

// attribute reads the attribute at i and returns the offset after it. When
// store is set its value is checked and a namespace declaration recorded.
func (d *Decoder) attribute(i int, store bool) (int, error) {
	b := d.b
	nameHi, err := d.readName(i)
	if err != nil {
		return 0, err
	}
	j := skipSpace(b, nameHi)
	if j == len(b) || b[j] != '=' {
		return 0, d.syntax(j, "expected = after attribute name")
	}
	j = skipSpace(b, j+1)
	if j == len(b) || b[j] != '"' && b[j] != '\'' {
		return 0, d.syntax(j, "expected quoted attribute value")
	}
	end := bytes.IndexByte(b[j+1:], b[j])
	if end < 0 {
		return 0, d.eof()
	}
	a := attr{name: span{i, nameHi}, value: span{j + 1, j + 1 + end}}
	if store {
		if a.raw, err = d.checkAttrValue(a.value); err != nil {
			return 0, err
		}
		d.declare(a)
	}
	return j + 1 + end + 1, nil
}

// nextAttr returns the attribute of a checked start tag at or after i and
// the offset after it; ok is false at the end of the attributes.
func (d *Decoder) nextAttr(i, end int) (a attr, next int, ok bool) {
	b := d.b
	i = skipSpace(b, i)
	if i >= end {
		return attr{}, end, false
	}
	nameHi := i
	for nameByte[b[nameHi]] {
		nameHi++
	}
	j := skipSpace(b, nameHi)
	j = skipSpace(b, j+1) // past =
	q := j
	vhi := q + 1 + bytes.IndexByte(b[q+1:end], b[q])
	a = attr{name: span{i, nameHi}, value: span{q + 1, vhi}}
	a.raw = bytes.IndexByte(b[q+1:vhi], '&') >= 0 || bytes.ContainsAny(b[q+1:vhi], "\t\n\r")
	return a, vhi + 1, true
}

// declare records a namespace declaration of the element last started.
func (d *Decoder) declare(a attr) {
	name := d.b[a.name.lo:a.name.hi]
	if !bytes.HasPrefix(name, []byte("xmlns")) {
		return
	}
	depth := len(d.stack) + 1
	switch {
	case len(name) == 5:
		d.ns = append(d.ns, binding{depth: depth, uri: a})
	case name[5] == ':':
		d.ns = append(d.ns, binding{depth: depth, prefix: span{a.name.lo + 6, a.name.hi}, uri: a})
	}
}

// trimNS drops the namespace declarations of elements deeper than depth.
func (d *Decoder) trimNS(depth int) {
	for len(d.ns) > 0 && d.ns[len(d.ns)-1].depth > depth {
		d.ns = d.ns[:len(d.ns)-1]
	}
}

// endTag reads the end tag at d.pos and closes the innermost open element.
func (d *Decoder) endTag() error {
	b := d.b
	lo := d.pos + 2
	hi, err := d.readName(lo)
	if err != nil {
		return err
	}
	j := skipSpace(b, hi)
	if j == len(b) {
		return d.eof()
	}
	if b[j] != '>' {
		return d.syntax(j, "expected > in end tag")
	}
	n := len(d.stack)
	if n == 0 {
		return d.syntax(d.pos, "end tag without start tag")
	}
	open := d.stack[n-1]
	if !bytes.Equal(b[open.lo:open.hi], b[lo:hi]) {
		return d.syntax(d.pos, "</"+string(b[lo:hi])+"> closes <"+string(b[open.lo:open.hi])+">")
	}
	d.stack = d.stack[:n-1]
	d.trimNS(n - 1)
	d.pos = j + 1
	return nil
}

// readName reads the name at i and returns the offset after it.
func (d *Decoder) readName(i int) (int, error) {
	b := d.b
	if i >= len(b) {
		return 0, d.eof()
	}
	if !nameStart[b[i]] {
		return 0, d.syntax(i, "invalid name")
	}
	j, wide := i+1, b[i] >= utf8.RuneSelf
	for j < len(b) && nameByte[b[j]] {
		wide = wide || b[j] >= utf8.RuneSelf
		j++
	}
	if wide && !utf8.Valid(b[i:j]) {
		return 0, d.syntax(i, "invalid UTF-8 in name")
	}
	if c := bytes.IndexByte(b[i:j], ':'); c == 0 || c == j-i-1 {
		return 0, d.syntax(i, "empty prefix or local name")
	}
	return j, nil
}

// skipOpen skips the rest of the innermost open element, end tag included.
// Text is not checked.
func (d *Decoder) skipOpen() error {
	b := d.b
	target := len(d.stack) - 1
	for d.err == nil {
		i := bytes.IndexByte(b[d.pos:], '<')
		if i < 0 {
			return d.eof()
		}
		d.pos += i
		if d.pos+1 < len(b) && b[d.pos+1] == '/' {
			if err := d.endTag(); err != nil {
				return err
			}
			if len(d.stack) == target {
				return nil
			}
			continue
		}
		if ok, err := d.markup(true); err != nil {
			return err
		} else if ok {
			if err := d.startTag(false); err != nil {
				return err
			}
		}
	}
	return d.err
}

func skipSpace(b []byte, i int) int {
	for i < len(b) && isSpace(b[i]) {
		i++
	}
	return i
}

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

// nameStart and nameByte are the bytes that may start and continue a name.
// Bytes of multi-byte UTF-8 sequences are accepted and checked as UTF-8.
var nameStart, nameByte [256]bool

func init() {
	for c := range 256 {
		letter := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == ':' || c >= 0x80
		nameStart[c] = letter
		nameByte[c] = letter || c >= '0' && c <= '9' || c == '-' || c == '.'
	}
}
