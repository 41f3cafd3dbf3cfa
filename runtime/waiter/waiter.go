// Package waiter runs the polling loop of generated waiters: it calls an
// operation until the waiter's acceptors reach a terminal state, delaying
// between attempts with the jittered exponential backoff of Smithy's
// waiters specification, and never sleeping past the caller's maximum wait
// time.
package waiter

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"time"

	"github.com/aws/smithy-go/logging"
	"github.com/aws/smithy-go/middleware"
)

// Settings are a waiter's resolved options for one Wait call.
type Settings struct {
	// Name is the waiter's name, used in errors.
	Name string
	// MinDelay and MaxDelay bound the delay between attempts. A MaxDelay of
	// zero or less selects DefaultMaxDelay.
	MinDelay, MaxDelay, DefaultMaxDelay time.Duration
	// MaxWait is the total time the caller allows; it must be positive.
	MaxWait time.Duration
	// LogAttempts logs each attempt at debug level to the logger of the
	// context (see middleware.SetLogger).
	LogAttempts bool
}

// Attempt calls the operation once and applies the acceptors: retry
// reports that the waiter should poll again; a non-nil error ends the wait
// with that error (a failure state, or an error no acceptor matched).
type Attempt[Out any] func(ctx context.Context) (out Out, retry bool, err error)

// Wait calls attempt until it stops retrying or the maximum wait time is
// spent, and returns the output of the attempt that succeeded.
//
// After attempt n (from 1) asks to retry, Wait sleeps for Delay(n, ...)
// given the time left; the delay that would leave no more than MinDelay is
// stretched to all the time left, so that the last attempt is made at the
// deadline. Requests are bounded by ctx only: the specification's last
// attempt starts at the deadline itself.
func Wait[Out any](ctx context.Context, s Settings, attempt Attempt[Out]) (Out, error) {
	var none Out
	if s.MaxWait <= 0 {
		return none, errors.New("maximum wait time for waiter must be greater than zero")
	}
	if s.MaxDelay <= 0 {
		s.MaxDelay = s.DefaultMaxDelay
	}
	if s.MinDelay > s.MaxDelay {
		return none, fmt.Errorf("minimum waiter delay %v must be lesser than or equal to maximum waiter delay of %v.", s.MinDelay, s.MaxDelay)
	}
	clock, rnd := clockOf(ctx), randOf(ctx)
	deadline := clock.Now().Add(s.MaxWait)
	for n := int64(1); ; n++ {
		if s.LogAttempts {
			middleware.GetLogger(ctx).Logf(logging.Debug, "attempting waiter request, attempt count: %d", n)
		}
		out, retry, err := attempt(ctx)
		if err != nil {
			return none, err
		}
		if !retry {
			return out, nil
		}
		remaining := deadline.Sub(clock.Now())
		if remaining <= 0 {
			break
		}
		delay, err := Delay(n, s.MinDelay, s.MaxDelay, remaining, rnd)
		if err != nil {
			return none, fmt.Errorf("error computing waiter delay, %w", err)
		}
		if err := clock.Sleep(ctx, delay); err != nil {
			return none, fmt.Errorf("request cancelled while waiting, %w", err)
		}
	}
	return none, fmt.Errorf("exceeded max wait time for %s waiter", s.Name)
}

// Delay is the delay after retry attempt n (from 1) with remaining time
// left before the deadline, per the waiters specification:
//
//	attemptCeiling = log(maxDelay / minDelay) / log(2) + 1
//	delay = maxDelay if attempt > attemptCeiling, else minDelay * 2^(attempt-1)
//	delay = random(minDelay, delay)
//	delay = remaining if remaining - delay <= minDelay
//
// random picks uniformly between the two bounds, inclusive, at nanosecond
// granularity, using r.
func Delay(attempt int64, minDelay, maxDelay, remaining time.Duration, r Rand) (time.Duration, error) {
	if minDelay <= 0 {
		return 0, errors.New("minDelay must be greater than zero when computing Delay")
	}
	if maxDelay <= 0 {
		return 0, errors.New("maxDelay must be greater than zero when computing Delay")
	}
	ceiling := math.Log(float64(maxDelay)/float64(minDelay))/math.Log(2) + 1
	delay := maxDelay
	if float64(attempt) <= ceiling {
		// attempt-1 <= log2(maxDelay/minDelay): the product does not
		// overflow, but rounding may carry it just past maxDelay.
		delay = min(minDelay<<(attempt-1), maxDelay)
	}
	if delay > minDelay {
		delay = minDelay + time.Duration(r.Int64N(int64(delay-minDelay)+1))
	}
	if remaining-delay <= minDelay {
		delay = remaining
	}
	return delay, nil
}

// Rand is a source of random numbers: Int64N returns a value in [0, n).
// *rand.Rand of math/rand/v2 implements it.
type Rand interface {
	Int64N(n int64) int64
}

// Clock tells the time and sleeps.
type Clock interface {
	Now() time.Time
	// Sleep waits for d, or returns ctx's error once ctx is done.
	Sleep(ctx context.Context, d time.Duration) error
}

type clockKey struct{}
type randKey struct{}

// WithClock returns a context under which waiters use c instead of the
// system clock, so that tests can observe and skip delays.
func WithClock(ctx context.Context, c Clock) context.Context {
	return context.WithValue(ctx, clockKey{}, c)
}

// WithRand returns a context under which waiters draw jitter from r.
func WithRand(ctx context.Context, r Rand) context.Context {
	return context.WithValue(ctx, randKey{}, r)
}

func clockOf(ctx context.Context) Clock {
	if c, ok := ctx.Value(clockKey{}).(Clock); ok {
		return c
	}
	return systemClock{}
}

func randOf(ctx context.Context) Rand {
	if r, ok := ctx.Value(randKey{}).(Rand); ok {
		return r
	}
	return globalRand{}
}

type systemClock struct{}

func (systemClock) Now() time.Time { return time.Now() }

func (systemClock) Sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

type globalRand struct{}

func (globalRand) Int64N(n int64) int64 { return rand.Int64N(n) }
