package xml

import (
	"github.com/smithygen/smithygen/runtime/wire"
)

// values are the slabs of the pointers one decode returns.
type values struct {
	sc    wire.Scalars
	arena wire.Arena
}

// New returns a pointer to a new zero T. Values come from chunks shared by
// one decode, which saves an allocation per decoded structure.
func New[T any](d *Decoder) *T { return wire.New[T](&d.arena) }
