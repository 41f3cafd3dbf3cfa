package wire

import (
	"reflect"
	"unsafe"
)

// Chunk sizes: an arena's first chunk of a type holds about firstChunk
// bytes (at least one value); each next one doubles, up to the larger of
// chunkValues values and maxChunk bytes.
const (
	firstChunk  = 256
	maxChunk    = 4096
	chunkValues = 32
)

// Arena hands out zero values of any type from chunks shared by one
// decode, which saves an allocation per decoded structure or list. The
// values live as long as any of their chunk's values is reachable.
//
// Its bookkeeping is not generic: New and Keep are the only code that a
// type instantiates, and both are a call and a copy, so that a generated
// package with hundreds of structure types compiles no slab code per type.
type Arena struct {
	slabs []rawSlab
}

// rawSlab is the current chunk of one type.
type rawSlab struct {
	key      any // (*T)(nil)
	elem     reflect.Type
	size     uintptr
	base     unsafe.Pointer // the chunk
	off, end uintptr        // next free byte and the chunk's length in bytes
	values   int            // values in the chunk
}

// zero is where values of zero size point.
var zero uintptr

// New returns a pointer to a new zero T from a.
func New[T any](a *Arena) *T { return (*T)(a.alloc(any((*T)(nil)), 1)) }

// Keep returns a copy of s from a, with a capacity of its length so that
// appending to it never writes over a neighbour; a nil s stays nil and an
// empty one stays empty.
func Keep[T any](a *Arena, s []T) []T {
	if s == nil {
		return nil
	}
	if len(s) == 0 {
		return []T{}
	}
	out := unsafe.Slice((*T)(a.alloc(any((*T)(nil)), len(s))), len(s))
	copy(out, s)
	return out
}

// alloc returns n consecutive zero values of the type key points to.
func (a *Arena) alloc(key any, n int) unsafe.Pointer {
	s := a.slab(key)
	if s.size == 0 {
		return unsafe.Pointer(&zero)
	}
	need := uintptr(n) * s.size
	if s.end-s.off < need {
		limit := max(chunkValues, maxChunk/int(s.size))
		if n > limit/2 {
			return reflect.New(reflect.ArrayOf(n, s.elem)).UnsafePointer()
		}
		s.grow(n, limit)
	}
	p := unsafe.Add(s.base, s.off)
	s.off += need
	return p
}

// slab returns a's slab of the type key points to.
func (a *Arena) slab(key any) *rawSlab {
	for i := range a.slabs {
		if a.slabs[i].key == key {
			return &a.slabs[i]
		}
	}
	elem := reflect.TypeOf(key).Elem()
	a.slabs = append(a.slabs, rawSlab{key: key, elem: elem, size: elem.Size()})
	return &a.slabs[len(a.slabs)-1]
}

// grow starts a chunk with room for at least n values and at most limit,
// unless n is more.
func (s *rawSlab) grow(n, limit int) {
	c := max(2*s.values, firstChunk/int(s.size), 1)
	c = max(min(c, limit), n)
	s.base = reflect.New(reflect.ArrayOf(c, s.elem)).UnsafePointer()
	s.off, s.end, s.values = 0, uintptr(c)*s.size, c
}
