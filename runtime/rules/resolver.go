package rules

import (
	"encoding/binary"
	"fmt"
	"hash/maphash"
	"sync"
	"sync/atomic"

	smithyendpoints "github.com/aws/smithy-go/endpoints"
)

// Ruleset is a generated client's encoded rule set and partition table,
// decoded on first use.
type Ruleset struct {
	data       string
	partitions string // partitions.json; "" for DefaultPartitions
	once       sync.Once
	prog       *Program
	parts      *Partitions
	err        error
}

// NewRuleset returns the rule set encoded in data (see Encode), evaluated
// against the partition table partitionsJSON, or the default table when it
// is "".
func NewRuleset(data, partitionsJSON string) *Ruleset {
	return &Ruleset{data: data, partitions: partitionsJSON}
}

func (r *Ruleset) load() (*Program, *Partitions, error) {
	r.once.Do(func() {
		r.prog, r.err = Decode(r.data)
		if r.err != nil {
			return
		}
		if r.partitions == "" {
			r.parts, r.err = DefaultPartitions()
		} else {
			r.parts, r.err = ParsePartitions([]byte(r.partitions))
		}
	})
	return r.prog, r.parts, r.err
}

// WithPartitions returns a copy of r evaluated against another partition
// table (partitions.json).
func (r *Ruleset) WithPartitions(partitionsJSON string) *Ruleset {
	return NewRuleset(r.data, partitionsJSON)
}

// Program returns the decoded rule set.
func (r *Ruleset) Program() (*Program, error) {
	p, _, err := r.load()
	return p, err
}

// cacheSize is the number of entries of a Resolver's cache.
const cacheSize = 64

// Resolver evaluates a rule set and remembers results: resolving the same
// parameters again costs a hash and a comparison. The cache is direct-mapped
// (a new result replaces the one in its slot), so parameters that vary per
// call, such as a bucket name, keep its size bounded.
//
// Endpoints returned for the same parameters share their Headers and
// Properties: callers must not modify them.
type Resolver struct {
	rules *Ruleset
	seed  maphash.Seed
	cache [cacheSize]atomic.Pointer[entry]
}

type entry struct {
	key string
	ep  smithyendpoints.Endpoint
	err error
}

// NewResolver returns a resolver of rs with an empty cache.
func NewResolver(rs *Ruleset) *Resolver {
	return &Resolver{rules: rs, seed: maphash.MakeSeed()}
}

// Resolve evaluates the rule set with one argument per parameter, in
// parameter order.
func (r *Resolver) Resolve(args []Value) (smithyendpoints.Endpoint, error) {
	var buf [256]byte
	key, ok := appendKey(buf[:0], args)
	if !ok {
		return r.eval(args)
	}
	slot := &r.cache[maphash.Bytes(r.seed, key)%cacheSize]
	if e := slot.Load(); e != nil && e.key == string(key) {
		return e.ep, e.err
	}
	ep, err := r.eval(args)
	slot.Store(&entry{key: string(key), ep: ep, err: err})
	return ep, err
}

func (r *Resolver) eval(args []Value) (smithyendpoints.Endpoint, error) {
	p, parts, err := r.rules.load()
	if err != nil {
		return smithyendpoints.Endpoint{}, fmt.Errorf("endpoint rules: %w", err)
	}
	return p.Eval(args, parts)
}

// appendKey appends an encoding of args that differs for any two argument
// lists; it reports false for values that are not parameter values.
func appendKey(b []byte, args []Value) ([]byte, bool) {
	for i := range args {
		v := &args[i]
		b = append(b, byte(v.kind))
		switch v.kind {
		case None:
		case Bool:
			b = append(b, byte(v.n))
		case String:
			b = binary.AppendUvarint(b, uint64(len(v.s)))
			b = append(b, v.s...)
		case StringArray:
			list, _ := v.AsStrings()
			b = binary.AppendUvarint(b, uint64(len(list)))
			for _, s := range list {
				b = binary.AppendUvarint(b, uint64(len(s)))
				b = append(b, s...)
			}
		default:
			return b, false
		}
	}
	return b, true
}
