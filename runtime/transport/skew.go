package transport

import (
	"errors"
	"net/http"
	"time"

	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// Clock-skew correction follows aws-sdk-go-v2 (the Clock Skew Correction
// SEP): every response's Date header gives a candidate skew, the difference
// between the server's clock and ours when the response arrived; the next
// attempt, and the client's later calls, sign at now+skew; and an error whose
// code may mean a skewed signature is retryable when the skew used to sign it
// is more than skewThreshold off the candidate.

// skewThreshold is the divergence past which a signature error is taken as
// caused by clock skew.
const skewThreshold = 4 * time.Minute

// maxTrustedRequestDuration bounds the round trip whose Date header is used.
const maxTrustedRequestDuration = 15 * time.Minute

// clockSkewCodes are the error codes that may mean a skewed signature.
var clockSkewCodes = map[string]bool{
	"InvalidSignatureException": true,
	"SignatureDoesNotMatch":     true,
	"AuthFailure":               true,
	"RequestTimeTooSkewed":      true,
	"AccessDeniedException":     true,
}

// observeSkew records in a the skew measured from the response to a request
// signed at a.signedAt, received now. Cached responses (with an Age header),
// responses without a valid Date and slow round trips give none.
func observeSkew(a *attempt, h http.Header) {
	date := h["Date"]
	if len(date) == 0 || date[0] == "" || len(h["Age"]) > 0 {
		return
	}
	received := time.Now()
	if received.Sub(a.signedAt) > maxTrustedRequestDuration {
		return
	}
	server, err := smithyhttp.ParseTime(date[0])
	if err != nil {
		return
	}
	a.observed, a.hasObserved = server.Sub(received), true
}

// ClockSkewError is a signature error found to be caused by clock skew; it is
// retryable, and the next attempt signs with the corrected time.
type ClockSkewError struct {
	// Skew is the difference between the server's clock and ours.
	Skew time.Duration
	Err  error
}

func (e *ClockSkewError) Error() string {
	return "request signed with a skewed clock (server clock is " + e.Skew.String() + " off), " + e.Err.Error()
}

func (e *ClockSkewError) Unwrap() error { return e.Err }

// RetryableError makes aws-sdk-go-v2's retryers retry the error.
func (e *ClockSkewError) RetryableError() bool { return true }

// wrapClockSkew wraps err in *ClockSkewError when its code may mean a skewed
// signature and the attempt's signing skew is more than skewThreshold off the
// skew its response showed.
func wrapClockSkew(err error, a *attempt) error {
	if !a.hasObserved {
		return err
	}
	var coded interface{ ErrorCode() string }
	if !errors.As(err, &coded) || !clockSkewCodes[coded.ErrorCode()] {
		return err
	}
	d := a.skew - a.observed
	if d < 0 {
		d = -d
	}
	if d <= skewThreshold {
		return err
	}
	return &ClockSkewError{Skew: a.observed, Err: err}
}
