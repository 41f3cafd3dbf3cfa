package json

import (
	"errors"
	"math"
	"unsafe"

	"github.com/go-faster/jx"

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

// New returns a pointer to a new zero T. Values come from chunks shared by
// one decode, which saves an allocation per decoded structure.
func New[T any](d *Decoder) *T {
	key := any((*T)(nil))
	for _, a := range d.arenas {
		if a.key == key {
			return a.new.(*slab[T]).next()
		}
	}
	s := &slab[T]{}
	d.arenas = append(d.arenas, arena{key: key, new: s})
	return s.next()
}

// arena holds the slab of one structure type.
type arena struct {
	key any // (*T)(nil)
	new any // *slab[T]
}

var errRange = errors.New("integer out of range")

// Int reads an integer that must fit T; null reads as 0.
func Int[T ~int8 | ~int16 | ~int32 | ~int64](d *Decoder) (T, error) {
	if d.Null() {
		return 0, nil
	}
	v, err := d.d.Int64()
	if err != nil {
		return 0, err
	}
	if int64(T(v)) != v {
		return 0, errRange
	}
	return T(v), nil
}

// IntPtr reads an integer that must fit T; null reads as nil.
func IntPtr[T ~int8 | ~int16 | ~int32 | ~int64](d *Decoder) (*T, error) {
	if d.Null() {
		return nil, nil
	}
	v, err := Int[T](d)
	if err != nil {
		return nil, err
	}
	switch x := any(v).(type) {
	case int32:
		return any(d.i32.ptr(x)).(*T), nil
	case int64:
		return any(d.i64.ptr(x)).(*T), nil
	}
	return &v, nil
}

// Float reads a number, or NaN, Infinity or -Infinity as a string; null
// reads as 0.
func Float[T ~float32 | ~float64](d *Decoder) (T, error) {
	switch d.d.Next() {
	case jx.Null:
		return 0, d.d.Null()
	case jx.String:
		s, err := d.Str()
		if err != nil {
			return 0, err
		}
		v, err := wire.ParseFloat[T](s)
		if err != nil || !math.IsNaN(float64(v)) && !math.IsInf(float64(v), 0) {
			return 0, errors.New("number expected, got string " + s)
		}
		return v, nil
	}
	var zero T
	if unsafe.Sizeof(zero) == 4 {
		v, err := d.d.Float32()
		return T(v), err
	}
	v, err := d.d.Float64()
	return T(v), err
}

// FloatPtr reads a number like Float; null reads as nil.
func FloatPtr[T ~float32 | ~float64](d *Decoder) (*T, error) {
	if d.Null() {
		return nil, nil
	}
	v, err := Float[T](d)
	if err != nil {
		return nil, err
	}
	if x, ok := any(v).(float64); ok {
		return any(d.f64.ptr(x)).(*T), nil
	}
	return &v, nil
}
