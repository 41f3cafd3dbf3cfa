package idl

import (
	"bytes"
	"sort"
	"unicode/utf8"
)

// file is one parsed IDL file.
type file struct {
	name      string
	src       []byte
	lines     []int32 // byte offsets of line starts
	version   string  // "" when the file has no $version statement
	inSuffix  string
	outSuffix string
	metadata  []metaEntry
	ns        string
	uses      []ref
	shapes    []*shapeDef
	useMap    map[string]string // local name → absolute shape ID
}

type metaEntry struct {
	key string
	pos int32
	val *node
}

func (f *file) v1() bool { return f.version == "" || f.version[0] == '1' }

// lineCol converts a byte offset into a 1-based line and character column.
func (f *file) lineCol(pos int32) (int, int) {
	if f.lines == nil {
		f.lines = lineStarts(f.src)
	}
	pos = max(0, min(pos, int32(len(f.src))))
	i := sort.Search(len(f.lines), func(i int) bool { return f.lines[i] > pos }) - 1
	return i + 1, utf8.RuneCount(f.src[f.lines[i]:pos]) + 1
}

// lineStarts returns the offsets at which lines start; a line ends with LF,
// CRLF or a lone CR.
func lineStarts(src []byte) []int32 {
	lines := make([]int32, 1, len(src)/32+1)
	if bytes.IndexByte(src, '\r') < 0 {
		for i := 0; ; {
			j := bytes.IndexByte(src[i:], '\n')
			if j < 0 {
				return lines
			}
			i += j + 1
			lines = append(lines, int32(i))
		}
	}
	for i, c := range src {
		if c == '\n' || c == '\r' && (i+1 >= len(src) || src[i+1] != '\n') {
			lines = append(lines, int32(i+1))
		}
	}
	return lines
}

type nodeKind uint8

const (
	nNull nodeKind = iota
	nTrue
	nFalse
	nNumber
	nString
	nShapeID // unquoted shape ID, resolved in place to an absolute ID
	nArray
	nObject
)

// node is a node value. Objects keep their keys in source order.
type node struct {
	kind  nodeKind
	pos   int32
	text  string  // number lexeme, string value or shape ID
	elems []*node // array elements or object values
	keys  []string
}

func (n *node) get(key string) *node {
	for i, k := range n.keys {
		if k == key {
			return n.elems[i]
		}
	}
	return nil
}

// ref is a shape ID written in the IDL; id becomes absolute once resolved.
type ref struct {
	id  string
	pos int32
}

// traitApp is one applied trait; val is nil when the value was omitted.
type traitApp struct {
	id  ref
	val *node
	pos int32
}

type memberDef struct {
	name   string
	pos    int32
	target ref // empty id when elided
	elided bool
	traits []traitApp
}

// shapeDef is a shape statement, a generated inline structure or an apply
// statement (kind "apply", with the target in name).
type shapeDef struct {
	kind    string
	name    string
	abs     string
	pos     int32
	file    *file
	traits  []traitApp
	mixins  []ref
	forRes  ref
	members []*memberDef
	body    *node // service and resource properties
	op      *opBody
}

type opBody struct {
	input, output ref
	errors        []ref
	hasErrors     bool
}

func (s *shapeDef) member(name string) *memberDef {
	for _, m := range s.members {
		if m.name == name {
			return m
		}
	}
	return nil
}

func (f *file) versionName() string {
	if f.version == "" {
		return "1.0"
	}
	return f.version
}
