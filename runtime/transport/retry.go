package transport

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/smithy-go/logging"
	"github.com/aws/smithy-go/metrics"
	"github.com/aws/smithy-go/middleware"
	"github.com/aws/smithy-go/tracing"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// ResolveRetryer returns the retryer a client uses: r, or retry.NewStandard
// when r is nil, limited to maxAttempts when that is positive. Generated
// clients call it once in New, as aws-sdk-go-v2 clients do.
func ResolveRetryer(r aws.Retryer, maxAttempts int) aws.Retryer {
	if r == nil {
		return retry.NewStandard(func(o *retry.StandardOptions) {
			if maxAttempts > 0 {
				o.MaxAttempts = maxAttempts
			}
		})
	}
	if maxAttempts > 0 {
		return retry.AddWithMaxAttempts(r, maxAttempts)
	}
	return r
}

// retryerV1 adapts an aws.Retryer without GetAttemptToken.
type retryerV1 struct{ aws.Retryer }

func (r retryerV1) GetAttemptToken(context.Context) (func(error) error, error) {
	return r.GetInitialToken(), nil
}

func asRetryerV2(r aws.Retryer) aws.RetryerV2 {
	if v2, ok := r.(aws.RetryerV2); ok {
		return v2
	}
	return retryerV1{r}
}

func nopRelease(error) error { return nil }

// attempt is one attempt of a call as the retry loop sees it.
type attempt struct {
	n, max int
	// skew is added to the signing time: the clock skew measured so far.
	skew time.Duration
	// observed is the skew measured from this attempt's response Date header,
	// valid when hasObserved is set.
	observed    time.Duration
	hasObserved bool
	// signedAt is when the direct path signed the attempt.
	signedAt time.Time
}

// attemptFunc makes one attempt and returns its metadata; nil selects the
// direct path's (*call).attempt.
type attemptFunc func(ctx context.Context, a *attempt) (middleware.Metadata, error)

// retryLoop makes attempts until one succeeds or the retryer stops it, with
// the token bookkeeping, clock-skew correction, spans, metrics, log lines and
// errors of aws-sdk-go-v2's retry.Attempt middleware. The metadata returned is
// the last attempt's, with the results of every attempt when there were more
// than one (see GetAttemptResults).
func (s *call) retryLoop(ctx context.Context, outerSpan bool, do attemptFunc) (middleware.Metadata, error) {
	c := s.client
	o := &c.obs
	if o.tracer != nil {
		// aws-sdk-go-v2 clients open a RetryLoop span around the retry
		// middleware (the stack path's spanRetryLoop), which opens its own.
		var sp tracing.Span
		if outerSpan {
			ctx, sp = tracing.StartSpan(ctx, "RetryLoop")
			defer sp.End()
		}
		ctx, sp = tracing.StartSpan(ctx, "RetryLoop")
		defer sp.End()
	}
	r := c.retryer
	a := &s.att
	*a = attempt{max: r.MaxAttempts()}
	if !c.disableSkew {
		a.skew = time.Duration(c.skew.Load())
	}
	var results []retry.AttemptResult
	releaseRetry := nopRelease
	for {
		a.n++
		a.hasObserved = false
		actx := ctx
		var span tracing.Span
		var start time.Time
		if o.tracer != nil {
			actx, span = tracing.StartSpan(ctx, "Attempt", func(so *tracing.SpanOptions) {
				so.Properties.Set("operation.attempt", a.n)
			})
		}
		if o.meters != nil {
			o.meters.attempts.Add(ctx, 1, o.opAttrs(s.op.Name))
			start = time.Now()
		}
		md, err, retried := s.tryOnce(actx, a, do, &releaseRetry)
		if o.meters != nil {
			o.meters.attemptDuration.Record(ctx, time.Since(start).Seconds(), o.opAttrs(s.op.Name))
			if err != nil {
				o.meters.errors.Add(ctx, 1, o.opAttrs(s.op.Name), func(ro *metrics.RecordMetricOptions) {
					ro.Properties.Set("exception.type", errorType(err))
				})
			}
		}
		if span != nil {
			span.End()
		}
		if retried || len(results) > 0 {
			results = append(results, retry.AttemptResult{Err: err, Retryable: retried || isRetryableResult(err),
				Retried: retried, ResponseMetadata: md})
		}
		if a.hasObserved {
			a.skew = a.observed
		}
		if !retried {
			if !c.disableSkew && a.hasObserved {
				c.skew.Store(int64(a.observed))
			}
			if len(results) > 1 {
				md = md.Clone()
				setAttemptResults(&md, results)
			}
			return md, err
		}
	}
}

// isRetryableResult reports whether a final error was retryable but out of
// attempts.
func isRetryableResult(err error) bool {
	var max *retry.MaxAttemptsError
	return errors.As(err, &max)
}

// tryOnce makes attempt a and decides whether to retry it, sleeping before
// the next attempt when so.
func (s *call) tryOnce(ctx context.Context, a *attempt, do attemptFunc, releaseRetry *func(error) error) (
	md middleware.Metadata, err error, retried bool) {
	if err := ctx.Err(); err != nil {
		return md, err, false
	}
	c := s.client
	r := c.retryer
	releaseAttempt, err := r.GetAttemptToken(ctx)
	if err != nil {
		return md, fmt.Errorf("failed to get retry Send token, %w", err), false
	}
	if a.n > 1 {
		s.logRetry("retrying request %s/%s, attempt %d", c.serviceID, s.op.Name, a.n)
	}
	if do == nil {
		md, err = s.attempt(ctx, a)
	} else {
		md, err = do(ctx, a)
	}
	if rerr := (*releaseRetry)(err); rerr != nil && err != nil {
		return md, fmt.Errorf("failed to release retry token after request error, %w", err), false
	}
	*releaseRetry = nopRelease
	if rerr := releaseAttempt(err); rerr != nil && err != nil {
		return md, fmt.Errorf("failed to release initial token after request error, %w", err), false
	}
	if err == nil {
		return md, nil, false
	}
	if !c.disableSkew {
		err = wrapClockSkew(err, a)
	}
	if !r.IsErrorRetryable(err) {
		s.logRetry("request failed with unretryable error %v", err)
		return md, err, false
	}
	if s.stream != nil && !s.stream.canRetry() {
		s.logRetry("request body stream was read and is not seekable, not retrying %v", err)
		return md, &StreamNotRetriedError{Err: err}, false
	}
	if a.max > 0 && a.n >= a.max {
		s.logRetry("max retry attempts exhausted, max %d", a.max)
		return md, &retry.MaxAttemptsError{Attempt: a.n, Err: err}, false
	}
	release, terr := r.GetRetryToken(ctx, err)
	if terr != nil {
		return md, errors.Join(err, terr), false
	}
	*releaseRetry = release
	delay, derr := r.RetryDelay(a.n, err)
	if derr != nil {
		return md, derr, false
	}
	if serr := sleep(ctx, s.retryAfter(delay, err)); serr != nil {
		return md, &aws.RequestCanceledError{Err: serr}, false
	}
	return md, err, true
}

// logRetry logs a retry decision when ClientLogMode has LogRetries.
func (s *call) logRetry(format string, v ...any) {
	if s.client.obs.logRetries {
		s.logger.Logf(logging.Debug, format, v...)
	}
}

// retryAfter clamps the backoff to the response's x-amz-retry-after hint (in
// milliseconds) within [backoff, backoff+5s]; invalid hints are ignored.
func (s *call) retryAfter(backoff time.Duration, err error) time.Duration {
	var re *smithyhttp.ResponseError
	if !errors.As(err, &re) || re.Response == nil || re.Response.Response == nil {
		return backoff
	}
	v := re.Response.Header.Get("X-Amz-Retry-After")
	if v == "" {
		return backoff
	}
	ms, perr := strconv.ParseInt(v, 10, 64)
	if perr != nil || ms < 0 {
		s.logRetry("ignoring invalid x-amz-retry-after header value %q", v)
		return backoff
	}
	hint := time.Duration(ms) * time.Millisecond
	return min(max(hint, backoff), backoff+5*time.Second)
}

// errorType is the exception.type of an error in metrics: its API error code,
// else its Go type.
func errorType(err error) string {
	var api interface{ ErrorCode() string }
	if errors.As(err, &api) {
		return api.ErrorCode()
	}
	return fmt.Sprintf("%T", err)
}

func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// attemptResultsKey keys the results of a retried call's attempts.
type attemptResultsKey struct{}

func setAttemptResults(md *middleware.Metadata, results []retry.AttemptResult) {
	md.Set(attemptResultsKey{}, retry.AttemptResults{Results: results})
}

// GetAttemptResults returns the result of every attempt of a call that was
// retried, in order; ok is false for a call made in one attempt.
// (retry.GetAttemptResults reads a key of aws-sdk-go-v2's own.)
func GetAttemptResults(md middleware.Metadata) (results retry.AttemptResults, ok bool) {
	results, ok = md.Get(attemptResultsKey{}).(retry.AttemptResults)
	return results, ok
}

// attemptHeaders caches the amz-sdk-request values for a maximum attempt count.
type attemptHeaders struct {
	max    int
	values []string
}

const maxCachedAttempts = 10

func newAttemptHeaders(maxAttempts int) attemptHeaders {
	h := attemptHeaders{max: maxAttempts}
	for n := 1; n <= min(maxAttempts, maxCachedAttempts); n++ {
		h.values = append(h.values, formatAttempt(n, maxAttempts))
	}
	return h
}

func (h *attemptHeaders) get(n, maxAttempts int) string {
	if maxAttempts == h.max && n <= len(h.values) {
		return h.values[n-1]
	}
	return formatAttempt(n, maxAttempts)
}

func formatAttempt(n, maxAttempts int) string {
	v := "attempt=" + strconv.Itoa(n)
	if maxAttempts != 0 {
		v += "; max=" + strconv.Itoa(maxAttempts)
	}
	return v
}
