package transport

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
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

// retryLoop makes attempts until one succeeds or the retryer stops it, with
// the token bookkeeping and errors of aws-sdk-go-v2's retry.Attempt.
func (s *call) retryLoop(ctx context.Context) error {
	r := s.client.retryer
	maxAttempts := r.MaxAttempts()
	releaseRetry := nopRelease
	for n := 1; ; n++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		releaseAttempt, err := r.GetAttemptToken(ctx)
		if err != nil {
			return fmt.Errorf("failed to get retry Send token, %w", err)
		}
		err = s.attempt(ctx, n, maxAttempts)
		if rerr := releaseRetry(err); rerr != nil && err != nil {
			return fmt.Errorf("failed to release retry token after request error, %w", err)
		}
		releaseRetry = nopRelease
		if rerr := releaseAttempt(err); rerr != nil && err != nil {
			return fmt.Errorf("failed to release initial token after request error, %w", err)
		}
		if err == nil || !r.IsErrorRetryable(err) {
			return err
		}
		if maxAttempts > 0 && n >= maxAttempts {
			return &retry.MaxAttemptsError{Attempt: n, Err: err}
		}
		if releaseRetry, err = s.backOff(ctx, n, err); err != nil {
			return err
		}
	}
}

// backOff takes a retry token and sleeps before attempt n+1.
func (s *call) backOff(ctx context.Context, n int, attemptErr error) (func(error) error, error) {
	r := s.client.retryer
	release, err := r.GetRetryToken(ctx, attemptErr)
	if err != nil {
		return nopRelease, errors.Join(attemptErr, err)
	}
	delay, err := r.RetryDelay(n, attemptErr)
	if err != nil {
		return release, err
	}
	if err := sleep(ctx, retryAfter(delay, attemptErr)); err != nil {
		return release, &aws.RequestCanceledError{Err: err}
	}
	return release, nil
}

// retryAfter clamps the backoff to the response's x-amz-retry-after hint (in
// milliseconds) within [backoff, backoff+5s]; invalid hints are ignored.
func retryAfter(backoff time.Duration, err error) time.Duration {
	var re *smithyhttp.ResponseError
	if !errors.As(err, &re) || re.Response == nil || re.Response.Response == nil {
		return backoff
	}
	ms, perr := strconv.ParseInt(re.Response.Header.Get("X-Amz-Retry-After"), 10, 64)
	if perr != nil || ms < 0 {
		return backoff
	}
	hint := time.Duration(ms) * time.Millisecond
	return min(max(hint, backoff), backoff+5*time.Second)
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
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
