package transport

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"

	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/smithy-go"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// handleResponse reads and closes the body, records the request ID and
// decodes the output or the service error.
func (s *call) handleResponse(resp *http.Response) error {
	body, readErr := readBody(resp)
	if resp.Header == nil {
		resp.Header = http.Header{}
	}
	reqID := requestID(resp.Header)
	if reqID != "" {
		awsmiddleware.SetRequestIDMetadata(&s.metadata, reqID)
	}
	if readErr != nil {
		return responseError(resp, reqID, &smithy.DeserializationError{
			Err: fmt.Errorf("failed to read response body, %w", readErr)})
	}
	s.resp = Response{StatusCode: resp.StatusCode, Header: resp.Header, Body: body}
	if resp.StatusCode < 200 || resp.StatusCode >= 300 {
		return s.errorResponse(resp, reqID)
	}
	if s.op.Decode == nil {
		return nil
	}
	if err := s.op.Decode(&s.resp); err != nil {
		if err == ErrErrorResponse {
			resp.StatusCode = http.StatusInternalServerError
			s.resp.StatusCode = resp.StatusCode
			return s.errorResponse(resp, reqID)
		}
		return responseError(resp, reqID, deserializationError(err, body))
	}
	return nil
}

// ErrErrorResponse is what a Decode function returns for a 2xx response
// whose body is an error document (S3 answers some operations with 200 and
// an <Error>): the response is then handled as a 500 response, decoded by
// the operation's Error function and retried as a server error.
var ErrErrorResponse = errors.New("error document in a success response")

// errorResponse returns the operation's error for an error response, with
// the request ID of its headers, else the one its decoder found in the body.
func (s *call) errorResponse(resp *http.Response, reqID string) error {
	err := s.apiError()
	if reqID == "" && s.resp.RequestID != "" {
		reqID = s.resp.RequestID
		awsmiddleware.SetRequestIDMetadata(&s.metadata, reqID)
	}
	return responseError(resp, reqID, err)
}

// maxSizedRead bounds the buffer allocated up front from Content-Length.
const maxSizedRead = 1 << 20

// readBody reads the whole body, closes it and leaves http.NoBody in its
// place for users of the error's response.
func readBody(resp *http.Response) ([]byte, error) {
	if resp.Body == nil || resp.Body == http.NoBody {
		resp.Body = http.NoBody
		return nil, nil
	}
	var body []byte
	var err error
	if n := resp.ContentLength; n >= 0 && n <= maxSizedRead {
		body = make([]byte, n)
		_, err = io.ReadFull(resp.Body, body)
	} else {
		body, err = io.ReadAll(resp.Body)
	}
	resp.Body.Close()
	resp.Body = http.NoBody
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

// responseError wraps err with the HTTP response and request ID.
func responseError(resp *http.Response, reqID string, err error) error {
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
