package wire

import (
	"time"
	"unsafe"
)

// Slab hands out pointers to values, and slices of values, of one type
// from shared chunks, sized as an Arena's. It is the typed fast path for
// the scalars that decoders return most; Arena serves every other type.
type Slab[T any] struct{ buf []T }

// Ptr returns a pointer to a copy of v.
func (s *Slab[T]) Ptr(v T) *T {
	if len(s.buf) == cap(s.buf) {
		s.grow(1)
	}
	s.buf = s.buf[:len(s.buf)+1]
	p := &s.buf[len(s.buf)-1]
	*p = v
	return p
}

// Take returns n consecutive zero values whose capacity is n, so that
// appending to them never writes over a neighbour.
func (s *Slab[T]) Take(n int) []T {
	if cap(s.buf)-len(s.buf) < n {
		if n > s.limit()/2 {
			return make([]T, n)
		}
		s.grow(n)
	}
	i := len(s.buf)
	s.buf = s.buf[:i+n]
	return s.buf[i : i+n : i+n]
}

// limit is the most values a chunk holds.
func (s *Slab[T]) limit() int {
	var zero T
	return max(chunkValues, maxChunk/max(int(unsafe.Sizeof(zero)), 1))
}

// grow starts a chunk with room for at least n values.
func (s *Slab[T]) grow(n int) {
	var zero T
	size := max(2*cap(s.buf), firstChunk/max(int(unsafe.Sizeof(zero)), 1), 1)
	s.buf = make([]T, 0, max(min(size, s.limit()), n))
}

// Scalars are the slabs of the scalar pointers and blobs of one decode.
type Scalars struct {
	Strs  Slab[string]
	Bools Slab[bool]
	I32   Slab[int32]
	I64   Slab[int64]
	F64   Slab[float64]
	Times Slab[time.Time]
	Bytes Slab[byte]
}
