package json

import (
	"encoding/base64"

	"github.com/smithygen/smithygen/runtime/wire"
)

// New returns a pointer to a new zero T. Values come from chunks shared by
// one decode, which saves an allocation per decoded structure.
func New[T any](d *Decoder) *T { return wire.New[T](&d.arena) }

// Keep returns a copy of s in memory shared by the decode, with a capacity
// of its length; a nil s stays nil and an empty one stays empty. Decoders
// collect a list's elements in a buffer of their own and keep the result.
func Keep[T any](d *Decoder, s []T) []T { return wire.Keep(&d.arena, s) }

// blob decodes base64 text into the decode's byte chunks.
func (d *Decoder) blob(text []byte) ([]byte, error) {
	b := d.sc.Bytes.Take(base64.StdEncoding.DecodedLen(len(text)))
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
