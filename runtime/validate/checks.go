package validate

import (
	"fmt"
	"math"
	"math/big"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"sync"

	"github.com/aws/smithy-go"
)

// Required reports that field, a required member, is missing. Validators
// call it instead of building the error where the member is checked, which
// keeps each check a call.
func Required(e *smithy.InvalidParamsError, field string) {
	e.Add(smithy.NewErrParamRequired(field))
}

// Length checks the length n of field (runes of a string, bytes of a blob,
// elements of a list or map) against [min, max]. A negative max is unbounded.
func Length(e *smithy.InvalidParamsError, field string, n int, min, max int64) {
	switch {
	case int64(n) < min:
		e.Add(newError("length", field, "minimum length of "+strconv.FormatInt(min, 10)))
	case max >= 0 && int64(n) > max:
		e.Add(newError("length", field, "maximum length of "+strconv.FormatInt(max, 10)))
	}
}

// Number is the set of Go types of Smithy numbers checked by Range.
type Number interface {
	~int8 | ~int16 | ~int32 | ~int64 | ~float32 | ~float64
}

// Range checks that min <= v <= max. NaN is in every range.
func Range[T Number](e *smithy.InvalidParamsError, field string, v, min, max T) {
	Min(e, field, v, min)
	Max(e, field, v, max)
}

// Min checks that v >= min.
func Min[T Number](e *smithy.InvalidParamsError, field string, v, min T) {
	if v < min {
		e.Add(newError("range", field, fmt.Sprintf("minimum value of %v", min)))
	}
}

// Max checks that v <= max.
func Max[T Number](e *smithy.InvalidParamsError, field string, v, max T) {
	if v > max {
		e.Add(newError("range", field, fmt.Sprintf("maximum value of %v", max)))
	}
}

// Big is the set of arbitrary-precision number types.
type Big interface{ *big.Int | *big.Float }

// BigMin checks that v >= min; a nil v is not checked.
func BigMin[T Big](e *smithy.InvalidParamsError, field string, v T, min float64) {
	if c, ok := bigCmp(v, min); ok && c < 0 {
		e.Add(newError("range", field, "minimum value of "+strconv.FormatFloat(min, 'g', -1, 64)))
	}
}

// BigMax checks that v <= max; a nil v is not checked.
func BigMax[T Big](e *smithy.InvalidParamsError, field string, v T, max float64) {
	if c, ok := bigCmp(v, max); ok && c > 0 {
		e.Add(newError("range", field, "maximum value of "+strconv.FormatFloat(max, 'g', -1, 64)))
	}
}

// bigCmp compares v with f exactly, without allocating; ok is false for
// nil v or NaN f. Rounding to float64 is monotonic and f is a float64, so
// the rounded value orders v against f, and the accuracy breaks ties.
func bigCmp[T Big](v T, f float64) (c int, ok bool) {
	var r float64
	var acc big.Accuracy
	switch x := any(v).(type) {
	case *big.Int:
		if x == nil {
			return 0, false
		}
		r, acc = x.Float64()
	case *big.Float:
		if x == nil {
			return 0, false
		}
		r, acc = x.Float64()
	}
	switch {
	case math.IsNaN(f):
		return 0, false
	case r < f:
		return -1, true
	case r > f:
		return 1, true
	case acc == big.Below: // r < v
		return 1, true
	case acc == big.Above:
		return -1, true
	}
	return 0, true
}

// Pattern is a pattern trait's regular expression translated to Go: a value
// matches when it matches every expression of Match (Src itself when Match
// is nil) and none of NotMatch. Generated code declares patterns as
// package variables initialized by literals, so that a program pays only
// for the patterns of the validators it links; the expressions compile on
// first use.
type Pattern struct {
	Src      string   // as written in the model
	Match    []string // Go expressions that must match; nil means Src
	NotMatch []string // Go expressions that must not match

	once sync.Once
	res  []*regexp.Regexp // Match, then NotMatch
	err  error
}

// compile compiles the expressions once.
func (p *Pattern) compile() ([]*regexp.Regexp, error) {
	p.once.Do(func() {
		match := p.Match
		if match == nil {
			match = []string{p.Src}
		}
		for _, e := range append(append([]string(nil), match...), p.NotMatch...) {
			re, err := regexp.Compile(e)
			if err != nil {
				p.res, p.err = nil, err
				return
			}
			p.res = append(p.res, re)
		}
	})
	return p.res, p.err
}

// String returns the pattern as written in the model.
func (p *Pattern) String() string { return p.Src }

// Match checks that s matches p. Like ECMA-262 RegExp.test, the match is
// unanchored unless the expression anchors itself.
func Match(e *smithy.InvalidParamsError, field, s string, p *Pattern) {
	res, err := p.compile()
	if err != nil {
		e.Add(newError("pattern", field, fmt.Sprintf("invalid pattern %q: %v", p.Src, err)))
		return
	}
	pos := len(res) - len(p.NotMatch)
	for i, re := range res {
		if re.MatchString(s) != (i < pos) {
			e.Add(newError("pattern", field, fmt.Sprintf("value does not match pattern %q", p.Src)))
			return
		}
	}
}

// smallList is the length up to which Unique compares pairs instead of
// allocating a set.
const smallList = 16

// Unique checks that no two elements of list are equal (==).
func Unique[T comparable](e *smithy.InvalidParamsError, field string, list []T) {
	if len(list) <= smallList {
		UniqueFunc(e, field, list, func(a, b T) bool { return a == b })
		return
	}
	seen := make(map[T]int, len(list))
	for i, x := range list {
		if j, dup := seen[x]; dup {
			duplicate(e, field, j, i)
			return
		}
		seen[x] = i
	}
}

// UniqueFunc checks that no two elements of list are equal by eq.
func UniqueFunc[T any](e *smithy.InvalidParamsError, field string, list []T, eq func(a, b T) bool) {
	for i := 1; i < len(list); i++ {
		for j := 0; j < i; j++ {
			if eq(list[j], list[i]) {
				duplicate(e, field, j, i)
				return
			}
		}
	}
}

// UniqueDeep checks that no two elements of list are deeply equal
// (reflect.DeepEqual): pointers are compared by the values they point to.
func UniqueDeep[T any](e *smithy.InvalidParamsError, field string, list []T) {
	UniqueFunc(e, field, list, func(a, b T) bool { return reflect.DeepEqual(a, b) })
}

// BigEqual reports whether two big numbers are equal in value, or both nil.
func BigEqual[T Big](a, b T) bool {
	switch x := any(a).(type) {
	case *big.Int:
		y := any(b).(*big.Int)
		if x == nil || y == nil {
			return x == y
		}
		return x.Cmp(y) == 0
	case *big.Float:
		y := any(b).(*big.Float)
		if x == nil || y == nil {
			return x == y
		}
		return x.Cmp(y) == 0
	}
	return false
}

func duplicate(e *smithy.InvalidParamsError, field string, first, second int) {
	e.Add(newError("uniqueItems", field, fmt.Sprintf("items must be unique: [%d] repeats [%d]", second, first)))
}

// Keys returns the keys of m in increasing order, so that violations are
// reported in a stable order. An empty map allocates nothing.
func Keys[M ~map[string]V, V any](m M) []string {
	if len(m) == 0 {
		return nil
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
