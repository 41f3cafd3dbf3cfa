package waiter

import (
	"math/big"
	"time"
)

// FailureError is returned when an acceptor moves a waiter to its failure
// state. Err is the operation's error when the acceptor matched one;
// Message is the acceptor's message, when it has one.
type FailureError struct {
	Message string
	Err     error
}

func (e *FailureError) Error() string {
	if e.Message != "" {
		return "waiter state transitioned to Failure: " + e.Message
	}
	return "waiter state transitioned to Failure"
}

func (e *FailureError) Unwrap() error { return e.Err }

// Seconds is t as JMESPath sees a timestamp: seconds since the Unix epoch,
// with the fraction.
func Seconds(t time.Time) float64 {
	return float64(t.Unix()) + float64(t.Nanosecond())/1e9
}

// Float is a big number as JMESPath sees it: the nearest float64.
func Float(x interface {
	Float64() (float64, big.Accuracy)
}) float64 {
	f, _ := x.Float64()
	return f
}

// Slice is s[start:stop:step] as JMESPath slices arrays: a nil bound takes
// its default, a negative one counts from the end, and a negative step
// walks backwards. step must not be 0.
func Slice[T any](s []T, start, stop *int, step int) []T {
	n := len(s)
	adjust := func(i int) int {
		switch {
		case i < 0 && i+n < 0:
			if step > 0 {
				return 0
			}
			return -1
		case i < 0:
			return i + n
		case i >= n && step > 0:
			return n
		case i >= n:
			return n - 1
		}
		return i
	}
	lo, hi := 0, n
	if step < 0 {
		lo, hi = n-1, -1
	}
	if start != nil {
		lo = adjust(*start)
	}
	if stop != nil {
		hi = adjust(*stop)
	}
	out := make([]T, 0)
	for i := lo; step > 0 && i < hi || step < 0 && i > hi; i += step {
		out = append(out, s[i])
	}
	return out
}
