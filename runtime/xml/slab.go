package xml

import (
	"time"
	"unsafe"

	"github.com/smithygen/smithygen/runtime/wire"
)

// slabSize is the number of values in a full slab chunk.
const slabSize = 32

// slab hands out pointers to values stored in shared chunks. Chunks start
// small (about 256 bytes, at least one value) and double up to slabSize
// values, so that a decode holding few values of a large type wastes little.
type slab[T any] struct{ buf []T }

func (s *slab[T]) ptr(v T) *T {
	p := s.next()
	*p = v
	return p
}

// next returns a pointer to the next zero value.
func (s *slab[T]) next() *T {
	if len(s.buf) == cap(s.buf) {
		var zero T
		n := min(max(2*cap(s.buf), 256/max(int(unsafe.Sizeof(zero)), 1), 1), slabSize)
		s.buf = make([]T, 0, n)
	}
	s.buf = s.buf[:len(s.buf)+1]
	return &s.buf[len(s.buf)-1]
}

// values are the slabs of the pointers one decode returns.
type values struct {
	strs  slab[string]
	bools slab[bool]
	i32   slab[int32]
	i64   slab[int64]
	f64   slab[float64]
	times slab[time.Time]
	arena wire.Arena
}

// New returns a pointer to a new zero T. Values come from chunks shared by
// one decode, which saves an allocation per decoded structure.
func New[T any](d *Decoder) *T { return wire.New[T](&d.arena) }
