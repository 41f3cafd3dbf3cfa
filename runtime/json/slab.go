package json

import (
	"encoding/base64"
	"unsafe"

	"github.com/smithygen/smithygen/runtime/wire"
)

// slabSize is the number of values a full slab chunk holds at least; a
// chunk of a small type holds up to chunkBytes of them.
const (
	slabSize   = 32
	chunkBytes = 4096
)

// slab hands out pointers to values, and slices of values, stored in
// shared chunks. Chunks start small (about 256 bytes, at least one value)
// and double up to the larger of slabSize values and chunkBytes, so that a
// decode holding few values of a large type wastes little.
type slab[T any] struct{ buf []T }

func (s *slab[T]) ptr(v T) *T {
	p := s.next()
	*p = v
	return p
}

// next returns a pointer to the next zero value.
func (s *slab[T]) next() *T {
	if len(s.buf) == cap(s.buf) {
		s.grow(1)
	}
	s.buf = s.buf[:len(s.buf)+1]
	return &s.buf[len(s.buf)-1]
}

// take returns n consecutive zero values whose capacity is n, so that
// appending to them never writes over a neighbour.
func (s *slab[T]) take(n int) []T {
	if cap(s.buf)-len(s.buf) < n {
		if n > s.maxChunk()/2 {
			return make([]T, n)
		}
		s.grow(n)
	}
	i := len(s.buf)
	s.buf = s.buf[:i+n]
	return s.buf[i : i+n : i+n]
}

func (s *slab[T]) maxChunk() int {
	var zero T
	return max(slabSize, chunkBytes/max(int(unsafe.Sizeof(zero)), 1))
}

// grow starts a chunk with room for at least n values.
func (s *slab[T]) grow(n int) {
	var zero T
	size := max(2*cap(s.buf), 256/max(int(unsafe.Sizeof(zero)), 1), 1)
	s.buf = make([]T, 0, max(min(size, s.maxChunk()), n))
}

// New returns a pointer to a new zero T. Values come from chunks shared by
// one decode, which saves an allocation per decoded structure.
func New[T any](d *Decoder) *T { return wire.New[T](&d.arena) }

// Keep returns a copy of s in memory shared by the decode, with a capacity
// of its length; a nil s stays nil and an empty one stays empty. Decoders
// collect a list's elements in a buffer of their own and keep the result.
func Keep[T any](d *Decoder, s []T) []T { return wire.Keep(&d.arena, s) }

// blob decodes base64 text into the decode's byte chunks.
func (d *Decoder) blob(text []byte) ([]byte, error) {
	b := d.bytes.take(base64.StdEncoding.DecodedLen(len(text)))
	n, err := base64.StdEncoding.Decode(b, text)
	if err != nil {
		return nil, err
	}
	return b[:n:n], nil
}

// maxHints is the number of map decoders whose sizes a decode remembers.
const maxHints = 1024

// smallMap is the most entries a map made without a size holds in one
// allocation.
const smallMap = 8

// MapHint returns the size of the last map decoded with the hint slot,
// the size to make the next one with: maps of one shape tend to be of one
// size, and a map made big enough grows no more.
func (d *Decoder) MapHint(slot int) int {
	if slot < 0 || slot >= len(d.hints) {
		return 0
	}
	return int(d.hints[slot])
}

// SetMapHint records the size of a map decoded with the hint slot. Sizes
// up to smallMap need no hint.
func (d *Decoder) SetMapHint(slot, n int) {
	if slot < 0 || slot >= maxHints {
		return
	}
	if slot >= len(d.hints) {
		if n <= smallMap {
			return
		}
		d.hints = append(d.hints, make([]int32, slot+1-len(d.hints))...)
	}
	d.hints[slot] = int32(min(n, 1<<20))
}

// Extend returns s with one more element, the zero value, doubling the
// capacity when s is full: a list of n elements costs at most 2n elements
// of garbage, where append's gentler growth of long slices costs 4n.
func Extend[T any](s []T) []T {
	if len(s) < cap(s) {
		return s[:len(s)+1]
	}
	grown := make([]T, len(s)+1, 2*cap(s)+1)
	copy(grown, s)
	return grown
}
