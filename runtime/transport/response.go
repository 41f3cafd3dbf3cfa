package transport

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"time"

	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/smithy-go"
	"github.com/aws/smithy-go/middleware"
	"github.com/aws/smithy-go/tracing"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// ResponseBodyError reports that a response's body failed to arrive whole:
// the connection was reset or closed, or the stream ended early. The service
// may have applied the request. Retryers retry it (through its
// RetryableError method) only when the operation is safe to send again.
type ResponseBodyError struct {
	// Idempotent is set when the operation may be sent again (Operation.Idempotent).
	Idempotent bool
	Err        error
}

func (e *ResponseBodyError) Error() string {
	if e.Idempotent {
		return "response body did not arrive whole, " + e.Err.Error()
	}
	return "response body did not arrive whole and the request may have been applied " +
		"(the operation is not idempotent, so it is not retried), " + e.Err.Error()
}

func (e *ResponseBodyError) Unwrap() error { return e.Err }

// RetryableError tells aws-sdk-go-v2's retryers whether to retry the error.
func (e *ResponseBodyError) RetryableError() bool { return e.Idempotent }

// ResponseTooLargeError reports a response body longer than the client's
// MaxResponseBodyBytes; the body is not read past the limit.
type ResponseTooLargeError struct {
	Limit int64
	// ContentLength is the announced length, or -1 when the body was longer
	// than announced or had no Content-Length.
	ContentLength int64
}

func (e *ResponseTooLargeError) Error() string {
	if e.ContentLength >= 0 {
		return "response body of " + strconv.FormatInt(e.ContentLength, 10) +
			" bytes exceeds the limit of " + strconv.FormatInt(e.Limit, 10) + " bytes"
	}
	return "response body exceeds the limit of " + strconv.FormatInt(e.Limit, 10) + " bytes"
}

// RetryableError reports that the error is not retried.
func (e *ResponseTooLargeError) RetryableError() bool { return false }

// handleResponse reads and closes the body, records the request ID and
// decodes the output or the service error.
func (s *call) handleResponse(ctx context.Context, resp *http.Response, md *middleware.Metadata) error {
	if resp.Header == nil {
		resp.Header = http.Header{}
	}
	streamed := s.streamedResponse(resp)
	var body []byte
	var readErr error
	if !streamed {
		body, readErr = readBody(resp, s.client.maxBody)
	}
	reqID := requestID(resp.Header)
	if reqID != "" {
		awsmiddleware.SetRequestIDMetadata(md, reqID)
		if s.client.obs.tracer != nil {
			if sp, ok := tracing.GetSpan(ctx); ok {
				sp.SetProperty("aws.request_id", reqID)
			}
		}
	}
	if s.logger != nil && s.client.obs.logResponse {
		s.logResponse(resp, body)
	}
	if readErr != nil {
		return responseError(resp, reqID, s.readError(ctx, readErr))
	}
	if streamed {
		return responseError(resp, reqID, s.decodeStream(ctx, resp))
	}
	s.resp = Response{StatusCode: resp.StatusCode, Header: resp.Header, Body: body}
	err := s.decode(ctx)
	if s.resp.StatusCode != resp.StatusCode {
		resp.StatusCode = s.resp.StatusCode // an error document in a 2xx response
	}
	if reqID == "" && s.resp.RequestID != "" {
		reqID = s.resp.RequestID
		awsmiddleware.SetRequestIDMetadata(md, reqID)
	}
	return responseError(resp, reqID, err)
}

// ErrErrorResponse is what a Decode function returns for a 2xx response
// whose body is an error document (S3 answers some operations with 200 and
// an <Error>): the response is then handled as a 500 response, decoded by
// the operation's Error function and retried as a server error.
var ErrErrorResponse = errors.New("error document in a success response")

// decode decodes the output or the error of s.resp, with aws-sdk-go-v2's
// OperationDeserializer span and deserialization metric.
func (s *call) decode(ctx context.Context) error {
	sp := s.span(ctx, "OperationDeserializer")
	defer endSpan(sp)
	if m := s.client.obs.meters; m != nil {
		defer s.timed(ctx, m.deserialize, time.Now())
	}
	if s.resp.StatusCode < 200 || s.resp.StatusCode >= 300 {
		return s.apiError()
	}
	if s.op.Decode == nil {
		return nil
	}
	if err := s.op.Decode(&s.resp); err != nil {
		if err == ErrErrorResponse {
			s.resp.StatusCode = http.StatusInternalServerError
			return s.apiError()
		}
		return deserializationError(err, s.resp.Body)
	}
	return nil
}

// readError classifies a failure to read the body. An error that says
// itself whether it is retried (a response checksum mismatch of a reader
// wrapping the body, say) keeps its say; other failures are the body not
// arriving whole.
func (s *call) readError(ctx context.Context, err error) error {
	var large *ResponseTooLargeError
	var classified interface{ RetryableError() bool }
	switch {
	case errors.As(err, &large):
		return large
	case ctx.Err() != nil:
		return &smithy.CanceledError{Err: ctx.Err()}
	case errors.As(err, &classified):
		return &smithy.DeserializationError{Err: fmt.Errorf("failed to read response body, %w", err)}
	}
	return &smithy.DeserializationError{Err: fmt.Errorf("failed to read response body, %w",
		&ResponseBodyError{Idempotent: s.op.Idempotent, Err: err})}
}

// maxSizedRead bounds the buffer allocated up front from Content-Length when
// no limit is set, so that a false Content-Length cannot make a call
// allocate more than this before any byte arrives. Up to it, a body takes
// exactly its length; a longer one grows as it is read.
const maxSizedRead = 256 << 20

// readBody reads the whole body, closes it and leaves http.NoBody in its
// place for users of the error's response. With limit > 0, a body longer
// than limit is not read past it. A body that ends before its Content-Length
// gives io.ErrUnexpectedEOF.
func readBody(resp *http.Response, limit int64) ([]byte, error) {
	if resp.Body == nil || resp.Body == http.NoBody {
		resp.Body = http.NoBody
		return nil, nil
	}
	defer func() {
		resp.Body.Close()
		resp.Body = http.NoBody
	}()
	n := resp.ContentLength
	if limit > 0 && n > limit {
		return nil, &ResponseTooLargeError{Limit: limit, ContentLength: n}
	}
	if n >= 0 && (n <= maxSizedRead || limit > 0) {
		body := make([]byte, n)
		if _, err := io.ReadFull(resp.Body, body); err != nil {
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return nil, err
		}
		return body, nil
	}
	if limit <= 0 {
		return io.ReadAll(resp.Body)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err == nil && int64(len(body)) > limit {
		return nil, &ResponseTooLargeError{Limit: limit, ContentLength: -1}
	}
	return body, err
}

// requestID returns the service request ID header.
func requestID(h http.Header) string {
	for _, k := range [...]string{"X-Amzn-Requestid", "X-Amz-Requestid", "X-Amz-Request-Id"} {
		if v := h[k]; len(v) > 0 && v[0] != "" {
			return v[0]
		}
	}
	return ""
}

// apiError returns the operation's typed error for a non-2xx response.
func (s *call) apiError() error {
	if s.op.Error != nil {
		if err := s.op.Error(&s.resp); err != nil {
			return err
		}
	}
	return &smithy.GenericAPIError{Code: "UnknownError", Message: http.StatusText(s.resp.StatusCode)}
}

func deserializationError(err error, body []byte) error {
	var derr *smithy.DeserializationError
	if errors.As(err, &derr) {
		return err
	}
	const snapshotSize = 1024
	return &smithy.DeserializationError{Err: err, Snapshot: body[max(0, len(body)-snapshotSize):]}
}

// responseError wraps a non-nil err with the HTTP response and request ID.
func responseError(resp *http.Response, reqID string, err error) error {
	if err == nil {
		return nil
	}
	return &awshttp.ResponseError{
		ResponseError: &smithyhttp.ResponseError{Response: &smithyhttp.Response{Response: resp}, Err: err},
		RequestID:     reqID,
	}
}

// sendError wraps an HTTP client failure; a cancelled context yields
// *smithy.CanceledError, which retryers never retry.
func sendError(ctx context.Context, resp *http.Response, err error) error {
	if resp == nil {
		resp = emptyResponse()
	} else if resp.Body != nil {
		resp.Body.Close()
		resp.Body = http.NoBody
	}
	err = &smithyhttp.RequestSendError{Err: err}
	if ctxErr := ctx.Err(); ctxErr != nil {
		err = &smithy.CanceledError{Err: ctxErr}
	}
	return responseError(resp, "", err)
}

func emptyResponse() *http.Response {
	return &http.Response{Header: http.Header{}, Body: http.NoBody}
}
