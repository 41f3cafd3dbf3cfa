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
