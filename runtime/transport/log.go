package transport

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"net/http/httputil"
	"strings"

	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/aws/smithy-go/logging"
)

// Requests and responses are logged as aws-sdk-go-v2's RequestResponseLogger
// logs them ("Request\n" and "Response\n" followed by the httputil dump,
// bodies only with the ...WithBody modes), except that secrets are replaced
// by redacted: the Authorization and X-Amz-Security-Token headers always,
// the session token wherever it appears in signing logs, and the headers and
// body members a Redaction names.

// redacted replaces a secret in log lines.
const redacted = "REDACTED"

// alwaysRedacted are the headers never logged.
var alwaysRedacted = []string{"Authorization", "X-Amz-Security-Token"}

// Redaction hides the values of @sensitive members in logged requests and
// responses. Generated clients pass one when their service has such members.
type Redaction struct {
	// Headers are the canonical names of headers bound to sensitive members.
	Headers []string
	// Body returns a copy of a logged body with sensitive values replaced;
	// nil logs bodies unchanged. See RedactJSONMembers.
	Body func(body []byte) []byte
}

// redactHeader returns a copy of h with secret header values replaced.
func (s *call) redactHeader(h http.Header) http.Header {
	out := h.Clone()
	mask := func(k string) {
		if _, ok := out[k]; ok {
			out[k] = []string{redacted}
		}
	}
	for _, k := range alwaysRedacted {
		mask(k)
	}
	if r := s.client.obs.redaction; r != nil {
		for _, k := range r.Headers {
			mask(http.CanonicalHeaderKey(k))
		}
	}
	return out
}

// redactBody returns body with sensitive values replaced.
func (s *call) redactBody(body []byte) []byte {
	if r := s.client.obs.redaction; r != nil && r.Body != nil && len(body) > 0 {
		return r.Body(body)
	}
	return body
}

// logRequest logs the signed request of an attempt.
func (s *call) logRequest(req *http.Request, body []byte) {
	withBody := s.client.obs.logRequestBody
	r := req.Clone(req.Context())
	r.Header = s.redactHeader(req.Header)
	r.Body, r.ContentLength = nil, 0
	if len(body) > 0 {
		b := body
		if withBody {
			b = s.redactBody(body)
		}
		r.Body, r.ContentLength = io.NopCloser(bytes.NewReader(b)), int64(len(b))
	}
	dump, err := httputil.DumpRequestOut(r, withBody)
	if err != nil {
		s.logger.Logf(logging.Warn, "failed to dump request for logging: %v", err)
		return
	}
	s.logger.Logf(logging.Debug, "Request\n%v", string(dump))
}

// logResponse logs a response whose body has been read; the body of one
// handed to the decoder unread is not logged.
func (s *call) logResponse(resp *http.Response, body []byte) {
	withBody := s.client.obs.logResponseBody && !s.streamedResponse(resp)
	r := *resp
	r.Header = s.redactHeader(resp.Header)
	b := body
	if withBody {
		b = s.redactBody(body)
	}
	r.Body, r.ContentLength = io.NopCloser(bytes.NewReader(b)), int64(len(b))
	dump, err := httputil.DumpResponse(&r, withBody)
	if err != nil {
		s.logger.Logf(logging.Warn, "failed to dump response for logging: %v", err)
		return
	}
	s.logger.Logf(logging.Debug, "Response\n%v", string(dump))
}

// signingLogOptions makes the signer log its canonical request and string to
// sign, as LogSigning does in aws-sdk-go-v2, with the session token and the
// values of sensitive headers of h hidden.
func (s *call) signingLogOptions(token string, h http.Header) func(*v4.SignerOptions) {
	secrets := []string{token}
	if r := s.client.obs.redaction; r != nil {
		for _, k := range r.Headers {
			secrets = append(secrets, h.Values(k)...)
		}
	}
	return func(o *v4.SignerOptions) {
		o.Logger = secretLogger{next: s.logger, secrets: secrets}
		o.LogSigning = true
	}
}

// secretLogger replaces secrets in every line it forwards.
type secretLogger struct {
	next    logging.Logger
	secrets []string
}

func (l secretLogger) Logf(c logging.Classification, format string, v ...any) {
	msg := fmt.Sprintf(format, v...)
	for _, s := range l.secrets {
		if s != "" {
			msg = strings.ReplaceAll(msg, s, redacted)
		}
	}
	l.next.Logf(c, "%s", msg)
}
