package waiter

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/aws/smithy-go/logging"
	"github.com/aws/smithy-go/middleware"
)

// fakeClock advances only when slept on, and records the sleeps.
type fakeClock struct {
	now    time.Time
	sleeps []time.Duration
	// work is how long each attempt takes.
	work time.Duration
}

func (c *fakeClock) Now() time.Time { return c.now }

func (c *fakeClock) Sleep(ctx context.Context, d time.Duration) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	c.sleeps = append(c.sleeps, d)
	c.now = c.now.Add(d)
	return nil
}

// scriptRand returns picks in turn, checking each is below the bound asked.
type scriptRand struct {
	t     *testing.T
	picks []int64
	asked []int64
}

func (r *scriptRand) Int64N(n int64) int64 {
	r.asked = append(r.asked, n)
	if len(r.picks) == 0 {
		return n - 1
	}
	v := r.picks[0]
	r.picks = r.picks[1:]
	if v >= n {
		r.t.Fatalf("pick %d not below %d", v, n)
	}
	return v
}

func testCtx(c *fakeClock, r Rand) context.Context {
	return WithRand(WithClock(context.Background(), c), r)
}

// retryAlways is an attempt that asks to retry every time, counting calls
// and advancing the clock by the clock's work time.
func retryAlways(c *fakeClock, calls *int) Attempt[string] {
	return func(context.Context) (string, bool, error) {
		*calls++
		c.now = c.now.Add(c.work)
		return "", true, nil
	}
}

// TestSpecExample replays the example of the waiters specification: minDelay
// 2 s, maxDelay 120 s, maxWaitTime 300 s, requests taking no time, and the
// random picks of its table. The thirteenth delay is stretched to the 4 s
// left; the attempt at 300 s is the last one.
func TestSpecExample(t *testing.T) {
	table := []int64{2, 3, 6, 6, 22, 62, 43, 24, 71, 42, 9, 6, 4}
	var picks []int64
	for _, d := range table[1:] {
		picks = append(picks, int64(time.Duration(d-2)*time.Second))
	}
	c := &fakeClock{now: time.Unix(1000, 0)}
	r := &scriptRand{t: t, picks: picks}
	calls := 0
	_, err := Wait(testCtx(c, r), Settings{Name: "ThingExists", MinDelay: 2 * time.Second, MaxDelay: 120 * time.Second, MaxWait: 300 * time.Second}, retryAlways(c, &calls))
	if err == nil || err.Error() != "exceeded max wait time for ThingExists waiter" {
		t.Fatalf("err = %v", err)
	}
	if len(c.sleeps) != len(table) {
		t.Fatalf("slept %d times, want %d: %v", len(c.sleeps), len(table), c.sleeps)
	}
	total := time.Duration(0)
	for i, d := range c.sleeps {
		if d != time.Duration(table[i])*time.Second {
			t.Errorf("delay %d = %v, want %ds", i+1, d, table[i])
		}
		total += d
	}
	if total != 300*time.Second || calls != 14 {
		t.Errorf("slept %v in all over %d calls, want 300s and 14 calls", total, calls)
	}
	// The bounds of the random picks: [2, min(2*2^(n-1), 120)] seconds,
	// inclusive; attempt 1 has a single possible delay and draws nothing.
	wantBounds := []time.Duration{4, 8, 16, 32, 64, 120, 120, 120, 120, 120, 120, 120}
	if len(r.asked) != len(wantBounds) {
		t.Fatalf("asked %d random numbers, want %d", len(r.asked), len(wantBounds))
	}
	for i, n := range r.asked {
		if want := int64((wantBounds[i]-2)*time.Second) + 1; n != want {
			t.Errorf("random bound %d = %d, want %d", i+2, n, want)
		}
	}
}

func TestDelay(t *testing.T) {
	s := time.Second
	top := &scriptRand{t: t} // always the largest value allowed
	for _, c := range []struct {
		attempt            int64
		min, max, left, is time.Duration
	}{
		{1, 2 * s, 120 * s, 300 * s, 2 * s},
		{2, 2 * s, 120 * s, 300 * s, 4 * s},
		{6, 2 * s, 120 * s, 300 * s, 64 * s},
		{7, 2 * s, 120 * s, 300 * s, 120 * s},  // past the attempt ceiling
		{60, 2 * s, 120 * s, 300 * s, 120 * s}, // no overflow
		{3, 5 * s, 5 * s, 100 * s, 5 * s},      // linear backoff
		{2, 2 * s, 120 * s, 6 * s, 6 * s},      // 6-4 <= 2: all that is left
		{2, 2 * s, 120 * s, 7 * s, 4 * s},
		{1, 2 * s, 120 * s, 1 * s, 1 * s}, // less than minDelay left
		{63, 1, time.Duration(1<<62) + 12345, 1 << 62, 1 << 62},
	} {
		got, err := Delay(c.attempt, c.min, c.max, c.left, top)
		if err != nil || got != c.is {
			t.Errorf("Delay(%d, %v, %v, %v) = %v, %v; want %v", c.attempt, c.min, c.max, c.left, got, err, c.is)
		}
	}
	low := &scriptRand{t: t, picks: []int64{0}}
	if got, _ := Delay(5, 2*s, 120*s, 300*s, low); got != 2*s {
		t.Errorf("lowest pick = %v, want minDelay", got)
	}
	for _, bad := range [][2]time.Duration{{0, s}, {s, 0}} {
		if _, err := Delay(1, bad[0], bad[1], s, top); err == nil {
			t.Errorf("Delay with min %v max %v: no error", bad[0], bad[1])
		}
	}
}

func TestWaitOutcomes(t *testing.T) {
	opErr := errors.New("boom")
	settings := Settings{Name: "W", MinDelay: time.Second, MaxDelay: 10 * time.Second, MaxWait: time.Minute}
	for _, c := range []struct {
		name    string
		results []error // nil: retry; errDone: success
		wantOut string
		wantErr string
		calls   int
	}{
		{"success first", []error{errDone}, "out1", "", 1},
		{"retry then success", []error{nil, nil, errDone}, "out3", "", 3},
		{"failure", []error{nil, opErr}, "", "boom", 2},
	} {
		c0 := &fakeClock{now: time.Unix(0, 0)}
		calls := 0
		out, err := Wait(testCtx(c0, &scriptRand{t: t}), settings, func(context.Context) (string, bool, error) {
			r := c.results[calls]
			calls++
			switch r {
			case nil:
				return "", true, nil
			case errDone:
				return fmt.Sprint("out", calls), false, nil
			}
			return "ignored", false, r
		})
		if out != c.wantOut || calls != c.calls || (err == nil) != (c.wantErr == "") || err != nil && err.Error() != c.wantErr {
			t.Errorf("%s: got %q, %v after %d calls; want %q, %q after %d", c.name, out, err, calls, c.wantOut, c.wantErr, c.calls)
		}
		if len(c0.sleeps) != c.calls-1 {
			t.Errorf("%s: slept %d times", c.name, len(c0.sleeps))
		}
	}
}

var errDone = errors.New("done")

func TestWaitSettingsErrors(t *testing.T) {
	attempt := func(context.Context) (int, bool, error) { t.Fatal("attempt made"); return 0, false, nil }
	for _, c := range []struct {
		s    Settings
		want string
	}{
		{Settings{MaxWait: 0, MinDelay: 1, MaxDelay: 2}, "maximum wait time for waiter must be greater than zero"},
		{Settings{MaxWait: time.Minute, MinDelay: 3 * time.Second, MaxDelay: 2 * time.Second}, "minimum waiter delay 3s must be lesser than or equal to maximum waiter delay of 2s."},
		{Settings{MaxWait: time.Minute, MinDelay: 3 * time.Minute, DefaultMaxDelay: 2 * time.Minute}, "minimum waiter delay 3m0s must be lesser than or equal to maximum waiter delay of 2m0s."},
	} {
		if _, err := Wait(context.Background(), c.s, attempt); err == nil || err.Error() != c.want {
			t.Errorf("%+v: err = %v, want %q", c.s, err, c.want)
		}
	}
	// A zero MinDelay fails when a delay is needed, as aws-sdk-go-v2's do.
	c := &fakeClock{}
	calls := 0
	_, err := Wait(testCtx(c, &scriptRand{t: t}), Settings{MaxWait: time.Minute, MaxDelay: time.Second}, retryAlways(c, &calls))
	if err == nil || err.Error() != "error computing waiter delay, minDelay must be greater than zero when computing Delay" || calls != 1 {
		t.Errorf("zero MinDelay: %v after %d calls", err, calls)
	}
}

// TestWaitDefaultMaxDelay checks that MaxDelay <= 0 selects the default.
func TestWaitDefaultMaxDelay(t *testing.T) {
	c := &fakeClock{}
	calls := 0
	Wait(testCtx(c, &scriptRand{t: t}), Settings{MinDelay: time.Second, DefaultMaxDelay: 3 * time.Second, MaxWait: time.Hour}, retryAlways(c, &calls))
	for _, d := range c.sleeps[:len(c.sleeps)-1] {
		if d > 3*time.Second {
			t.Fatalf("delay %v above the default max delay", d)
		}
	}
}

// TestWaitCountsAttemptTime checks that the time attempts take is spent
// from the maximum wait time.
func TestWaitCountsAttemptTime(t *testing.T) {
	c := &fakeClock{now: time.Unix(0, 0), work: 10 * time.Second}
	start := c.now
	calls := 0
	_, err := Wait(testCtx(c, &scriptRand{t: t}), Settings{Name: "W", MinDelay: time.Second, MaxDelay: time.Second, MaxWait: 35 * time.Second}, retryAlways(c, &calls))
	if err == nil || !strings.HasPrefix(err.Error(), "exceeded max wait time") {
		t.Fatal(err)
	}
	// 0-10 attempt, 1 s, 11-21, 1 s, 22-32, then 3 s left: 3-1 <= 1 is
	// false, so 1 s, 33-43, past the deadline.
	if calls != 4 || c.now.Sub(start) != 43*time.Second {
		t.Errorf("%d calls, ended at %v", calls, c.now.Sub(start))
	}
}

func TestWaitCanceledWhileSleeping(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	calls := 0
	_, err := Wait(ctx, Settings{Name: "W", MinDelay: time.Hour, MaxDelay: time.Hour, MaxWait: 3 * time.Hour}, func(context.Context) (int, bool, error) {
		calls++
		cancel()
		return 0, true, nil
	})
	if !errors.Is(err, context.Canceled) || !strings.HasPrefix(err.Error(), "request cancelled while waiting, ") || calls != 1 {
		t.Errorf("err = %v after %d calls", err, calls)
	}
}

func TestSystemClockSleeps(t *testing.T) {
	var c systemClock
	start := c.Now()
	if err := c.Sleep(context.Background(), 5*time.Millisecond); err != nil || time.Since(start) < 5*time.Millisecond {
		t.Errorf("Sleep returned %v early", err)
	}
	if n := (globalRand{}).Int64N(3); n < 0 || n >= 3 {
		t.Errorf("Int64N(3) = %d", n)
	}
}

type recordLogger struct{ lines []string }

func (l *recordLogger) Logf(c logging.Classification, format string, v ...any) {
	l.lines = append(l.lines, string(c)+" "+fmt.Sprintf(format, v...))
}

func TestLogAttempts(t *testing.T) {
	log := &recordLogger{}
	c := &fakeClock{}
	ctx := middleware.SetLogger(testCtx(c, &scriptRand{t: t}), log)
	calls := 0
	Wait(ctx, Settings{MinDelay: time.Second, MaxDelay: time.Second, MaxWait: 2500 * time.Millisecond, LogAttempts: true}, retryAlways(c, &calls))
	// Attempts at 0 s, 1 s, and 2.5 s: 1.5 s left after the second, less
	// than 1 s would remain after a 1 s delay, so it waits all of it.
	want := []string{"DEBUG attempting waiter request, attempt count: 1", "DEBUG attempting waiter request, attempt count: 2", "DEBUG attempting waiter request, attempt count: 3"}
	if fmt.Sprint(log.lines) != fmt.Sprint(want) {
		t.Errorf("logged %q, want %q", log.lines, want)
	}
}

func TestFailureErrorAndValues(t *testing.T) {
	cause := errors.New("cause")
	e := &FailureError{Err: cause}
	if e.Error() != "waiter state transitioned to Failure" || !errors.Is(e, cause) {
		t.Errorf("%v", e)
	}
	if m := (&FailureError{Message: "disk full"}).Error(); m != "waiter state transitioned to Failure: disk full" {
		t.Errorf("%s", m)
	}
	if s := Seconds(time.Unix(1700000000, 500000000)); s != 1700000000.5 {
		t.Errorf("Seconds = %v", s)
	}
	if f := Float(big.NewInt(1 << 40)); f != 1<<40 {
		t.Errorf("Float = %v", f)
	}
}

func TestSlice(t *testing.T) {
	s := []int{0, 1, 2, 3, 4}
	p := func(i int) *int { return &i }
	for _, c := range []struct {
		start, stop *int
		step        int
		want        string
	}{
		{nil, nil, 1, "[0 1 2 3 4]"},
		{p(1), p(3), 1, "[1 2]"},
		{p(-2), nil, 1, "[3 4]"},
		{nil, p(-1), 1, "[0 1 2 3]"},
		{nil, nil, 2, "[0 2 4]"},
		{nil, nil, -1, "[4 3 2 1 0]"},
		{p(3), p(0), -1, "[3 2 1]"},
		{p(-10), p(10), 1, "[0 1 2 3 4]"},
		{p(10), p(-10), -2, "[4 2 0]"},
		{p(3), p(1), 1, "[]"},
	} {
		if got := fmt.Sprint(Slice(s, c.start, c.stop, c.step)); got != c.want {
			t.Errorf("Slice(%v, %v, %d) = %s, want %s", c.start, c.stop, c.step, got, c.want)
		}
	}
	if got := Slice([]int(nil), nil, nil, 1); got == nil || len(got) != 0 {
		t.Errorf("slice of nil = %#v, want an empty array", got)
	}
}
