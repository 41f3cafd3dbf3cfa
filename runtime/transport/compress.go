package transport

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"strings"

	"github.com/aws/smithy-go"
)

// DefaultRequestMinCompressSizeBytes is the smallest body compressed when
// RequestMinCompressSizeBytes is 0, as in aws-sdk-go-v2.
const DefaultRequestMinCompressSizeBytes = 10240

// MaxRequestMinCompressSizeBytes is the largest valid
// RequestMinCompressSizeBytes.
const MaxRequestMinCompressSizeBytes = 10485760

// ValidateRequestMinCompressSizeBytes reports a RequestMinCompressSizeBytes
// outside [0, 10485760], the range aws-sdk-go-v2 accepts.
func ValidateRequestMinCompressSizeBytes(n int64) error {
	if n < 0 || n > MaxRequestMinCompressSizeBytes {
		return fmt.Errorf("invalid range for min request compression size bytes %d, must be within 0 and %d inclusively",
			n, MaxRequestMinCompressSizeBytes)
	}
	return nil
}

// compression is a client's request-compression setting.
type compression struct {
	disabled bool
	minBytes int
	err      error // an invalid setting, reported by calls that would compress
}

func newCompression(disabled bool, minBytes int64) compression {
	c := compression{disabled: disabled, minBytes: int(minBytes)}
	if err := ValidateRequestMinCompressSizeBytes(minBytes); err != nil {
		c.err = err
	}
	if minBytes == 0 {
		c.minBytes = DefaultRequestMinCompressSizeBytes
	}
	return c
}

// apply gzips a body the serializer marked compressible when it is
// streaming or at least minBytes long (a Stream is read into memory first), and appends "gzip" to any
// Content-Encoding already set. An invalid minimum fails such calls only,
// as in aws-sdk-go-v2.
func (c *compression) apply(r *Request) error {
	if !r.Compress || c.disabled {
		return nil
	}
	if c.err != nil {
		return c.err
	}
	if r.Stream != nil && !r.EventStream {
		b, err := io.ReadAll(r.Stream)
		if err != nil {
			return &smithy.SerializationError{Err: fmt.Errorf("read request body stream: %w", err)}
		}
		r.Body, r.Stream = b, nil
	}
	if len(r.Body) == 0 || !r.Streaming && len(r.Body) < c.minBytes {
		return nil
	}
	for k := range r.Header {
		if k == "Content-Md5" || strings.HasPrefix(k, "X-Amz-Checksum-") {
			return &smithy.SerializationError{Err: fmt.Errorf("request checksum %s was computed before compression", k)}
		}
	}
	var buf bytes.Buffer
	buf.Grow(len(r.Body) / 2)
	w := gzip.NewWriter(&buf)
	if _, err := w.Write(r.Body); err != nil {
		return &smithy.SerializationError{Err: err}
	}
	if err := w.Close(); err != nil {
		return &smithy.SerializationError{Err: err}
	}
	r.Body = buf.Bytes()
	enc := "gzip"
	if prev := strings.Join(r.Header["Content-Encoding"], ", "); strings.TrimSpace(prev) != "" {
		enc = prev + ", gzip"
	}
	r.Header["Content-Encoding"] = []string{enc}
	return nil
}
