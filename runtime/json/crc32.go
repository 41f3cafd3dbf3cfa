package json

import (
	"fmt"
	"hash/crc32"
	"io"
	"net/http"
	"strconv"

	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"

	"github.com/smithygen/smithygen/runtime/transport"
)

// CRC32Header is the response header in which DynamoDB sends the CRC32
// (IEEE) checksum of the response body, as a decimal number.
const CRC32Header = "X-Amz-Crc32"

// CRC32Client returns an HTTP client that sends requests with next (nil: a
// shared default client) and verifies the X-Amz-Crc32 checksum of every
// response that has one, as aws-sdk-go-v2's DynamoDB client does: reading
// the end of a body whose checksum differs fails with an error that
// retryers retry (it implements RetryableError). An unparsable header fails
// the read with an error that is not retried.
func CRC32Client(next transport.HTTPClient) transport.HTTPClient {
	if next == nil {
		next = defaultHTTPClient
	}
	return crc32Client{next}
}

var defaultHTTPClient = awshttp.NewBuildableClient()

type crc32Client struct{ next transport.HTTPClient }

func (c crc32Client) Do(r *http.Request) (*http.Response, error) {
	resp, err := c.next.Do(r)
	if err != nil || resp == nil || resp.Body == nil || resp.Body == http.NoBody {
		return resp, err
	}
	v := resp.Header.Get(CRC32Header)
	if v == "" {
		return resp, nil
	}
	body := &crc32Body{body: resp.Body, size: resp.ContentLength}
	sum, perr := strconv.ParseUint(v, 10, 32)
	if perr != nil {
		body.err = &ChecksumError{Header: v}
	}
	body.expect = uint32(sum)
	resp.Body = body
	return resp, nil
}

// crc32Body checks the checksum once it has read size bytes (when the size
// is known) or at EOF. A mismatch is reported by a read that returns no
// bytes, so that io.ReadFull and io.ReadAll both return it.
type crc32Body struct {
	body   io.ReadCloser
	size   int64 // Content-Length, -1 when unknown
	read   int64
	sum    uint32
	expect uint32
	err    error // sticky: a bad header or a mismatch
}

func (b *crc32Body) Read(p []byte) (int, error) {
	if b.err != nil {
		return 0, b.err
	}
	n, err := b.body.Read(p)
	b.sum = crc32.Update(b.sum, crc32.IEEETable, p[:n])
	b.read += int64(n)
	if err == io.EOF || (b.size >= 0 && b.read >= b.size) {
		if b.sum != b.expect {
			b.err = &ChecksumError{Expected: b.expect, Actual: b.sum}
			return 0, b.err
		}
	}
	return n, err
}

func (b *crc32Body) Close() error { return b.body.Close() }

// ChecksumError is a response body whose CRC32 checksum is not the one its
// X-Amz-Crc32 header states, or a header that is not a checksum. A
// mismatched body was most likely damaged in transit, so that error is
// retryable; an unparsable header is not.
type ChecksumError struct {
	Expected, Actual uint32
	// Header is the unparsable header value, if that was the failure.
	Header string
}

func (e *ChecksumError) Error() string {
	if e.Header != "" {
		return fmt.Sprintf("unable to parse checksum header %q", e.Header)
	}
	return fmt.Sprintf("response did not match expected checksum, %d, %d", e.Expected, e.Actual)
}

// RetryableError tells aws-sdk-go-v2's retryers whether to retry.
func (e *ChecksumError) RetryableError() bool { return e.Header == "" }
