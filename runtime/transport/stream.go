package transport

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/aws/smithy-go"
)

// Payload hashes a request is signed with instead of the SHA-256 of its body.
const (
	// UnsignedPayload is the hash of a body that is not signed: an operation
	// with the aws.auth#unsignedPayload trait, or a stream that cannot be
	// read twice sent over TLS.
	UnsignedPayload = "UNSIGNED-PAYLOAD"
	// EventStreamPayload is the hash of a request whose body is an input
	// event stream, each message of which is signed on its own.
	EventStreamPayload = "STREAMING-AWS4-HMAC-SHA256-EVENTS"
)

// contentSHA256Header tells the service which payload hash a request was
// signed with, as aws-sdk-go-v2's ContentSHA256Header middleware does.
const contentSHA256Header = "X-Amz-Content-Sha256"

// MessageSigner signs the messages of an input event stream, each signature
// chained to the one before (smithy-go's eventstream.MessageSigner).
type MessageSigner interface {
	SignMessage(headers, payload []byte, signingTime time.Time) ([]byte, error)
}

// SetStream makes body the streaming request body and, unless a header
// member already set it, sets its Content-Type. See Request.Stream.
func (r *Request) SetStream(contentType string, body io.Reader) {
	r.Stream = body
	if _, ok := r.Header["Content-Type"]; !ok {
		r.Header["Content-Type"] = []string{contentType}
	}
}

// responseStreams is what a decoder of a streamed response gets besides
// the body.
type responseStreams struct {
	ctx     context.Context
	writer  *io.PipeWriter
	signer  MessageSigner
	initial []byte
}

// Context is the context of the call a streamed response belongs to: a
// decoder handing the stream to the caller bounds what it builds on it
// with this context. It is context.Background for other responses.
func (r *Response) Context() context.Context {
	if r.streams == nil {
		return context.Background()
	}
	return r.streams.ctx
}

// EventWriter is the request body of an input event stream
// (Request.EventStream): what is written to it is sent. It is nil for other
// requests.
func (r *Response) EventWriter() *io.PipeWriter {
	if r.streams == nil {
		return nil
	}
	return r.streams.writer
}

// InitialRequest is the payload of the initial-request message of an input
// event stream, which the serializer leaves in Body for protocols that send
// the operation input in the stream (awsJson).
func (r *Response) InitialRequest() []byte {
	if r.streams == nil {
		return nil
	}
	return r.streams.initial
}

// EventSigner signs the messages of an input event stream, each chained
// from the request's signature; nil when requests are not signed.
func (r *Response) EventSigner() MessageSigner {
	if r.streams == nil {
		return nil
	}
	return r.streams.signer
}

// LengthRequiredError reports a request stream whose length is needed (the
// requiresLength trait) but cannot be known before it is read: it has no Len
// method and is not an io.Seeker.
type LengthRequiredError struct{}

func (*LengthRequiredError) Error() string {
	return "request body stream requires a known length (the operation's payload has @requiresLength): " +
		"pass an io.ReadSeeker or a reader with a Len() int method, such as *os.File, *bytes.Reader or *strings.Reader"
}

// requestStream is the state of a call's streaming request body.
type requestStream struct {
	r      io.Reader
	seeker io.Seeker // nil unless the stream can be rewound
	start  int64     // where the seeker was when the call got it
	length int64     // -1: unknown, sent chunked
	// read is set once an attempt read from a stream that cannot be
	// rewound: it is not sent again.
	read atomic.Bool
	body *streamBody // the current attempt's body of a seekable stream
	// pipe and signer are an input event stream's.
	pipe   *io.PipeWriter
	signer MessageSigner
}

// newRequestStream inspects a request stream: whether it can be rewound and
// its length.
func newRequestStream(r io.Reader, requiresLength bool) (*requestStream, error) {
	s := &requestStream{r: r, length: -1}
	if sk, ok := r.(io.Seeker); ok {
		pos, err := sk.Seek(0, io.SeekCurrent)
		if err == nil {
			s.seeker, s.start = sk, pos
		}
	}
	switch {
	case hasLen(r):
		s.length = int64(r.(interface{ Len() int }).Len())
	case s.seeker != nil:
		end, err := s.seeker.Seek(0, io.SeekEnd)
		if err != nil {
			return nil, &smithy.SerializationError{Err: fmt.Errorf("request body stream length: %w", err)}
		}
		if _, err := s.seeker.Seek(s.start, io.SeekStart); err != nil {
			return nil, &smithy.SerializationError{Err: fmt.Errorf("request body stream: %w", err)}
		}
		s.length = end - s.start
	}
	if s.length < 0 && requiresLength {
		return nil, &smithy.SerializationError{Err: &LengthRequiredError{}}
	}
	return s, nil
}

func hasLen(r io.Reader) bool { _, ok := r.(interface{ Len() int }); return ok }

// hash returns the hex SHA-256 of a seekable stream, leaving it at its start.
func (s *requestStream) hash() (string, error) {
	h := sha256.New()
	if _, err := io.Copy(h, s.r); err != nil {
		return "", &v4.HashComputationError{Err: fmt.Errorf("failed to compute payload hash, %w", err)}
	}
	if _, err := s.seeker.Seek(s.start, io.SeekStart); err != nil {
		return "", &v4.HashComputationError{Err: fmt.Errorf("failed to seek body to start, %w", err)}
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// attemptBody returns the body of attempt n: a seekable stream rewound to
// where the call got it; any other stream as it is (once: see canRetry).
func (s *requestStream) attemptBody(n int) (io.ReadCloser, error) {
	if s.length == 0 {
		return nil, nil
	}
	if s.seeker == nil {
		return &onceBody{s: s}, nil
	}
	if n > 1 {
		if s.body != nil {
			s.body.Close() // waits for a read of the previous attempt still running
		}
		if _, err := s.seeker.Seek(s.start, io.SeekStart); err != nil {
			return nil, fmt.Errorf("failed to rewind transport stream for retry, %w", err)
		}
	}
	s.body = &streamBody{r: s.r}
	return s.body, nil
}

// canRetry reports whether the stream can be sent again: it can be rewound,
// or no attempt has read from it.
func (s *requestStream) canRetry() bool { return s.seeker != nil || !s.read.Load() }

// streamBody is one attempt's view of a seekable stream. Once closed it
// reads nothing, so that an HTTP client still sending a failed attempt
// cannot read the stream while the next attempt rewinds it.
type streamBody struct {
	mu     sync.Mutex
	r      io.Reader
	closed bool
}

func (b *streamBody) Read(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		return 0, errAttemptOver
	}
	return b.r.Read(p)
}

// Close ends the attempt's reads; the caller's stream stays open.
func (b *streamBody) Close() error {
	b.mu.Lock()
	b.closed = true
	b.mu.Unlock()
	return nil
}

var errAttemptOver = errors.New("request body read after its attempt ended")

// onceBody is the body of a stream that cannot be rewound. It records that
// it was read; closing it leaves the caller's stream open (an input event
// stream's pipe is closed by the call).
type onceBody struct{ s *requestStream }

func (b *onceBody) Read(p []byte) (int, error) {
	b.s.read.Store(true)
	return b.s.r.Read(p)
}

func (b *onceBody) Close() error { return nil }

// prepareStream inspects the request stream, or the pipe of an input event
// stream, and fixes the payload hash the call signs with.
func (s *call) prepareStream() error {
	r := &s.req
	if r.EventStream {
		pr, pw := io.Pipe()
		r.Stream = pr
		s.stream = &requestStream{r: pr, length: -1, pipe: pw}
		return nil
	}
	st, err := newRequestStream(r.Stream, r.RequiresLength)
	if err != nil {
		return err
	}
	s.stream = st
	return nil
}

// fixedPayloadHash is the payload hash a request is signed with that does
// not depend on its bytes, "" when the body is hashed: UNSIGNED-PAYLOAD for
// @unsignedPayload operations and, over TLS, for streams that cannot be
// read twice; the event stream hash for input event streams. A stream that
// cannot be read twice over plain HTTP fails as it does in aws-sdk-go-v2,
// whose hash middleware cannot rewind it.
func (s *call) fixedPayloadHash(https bool) (string, error) {
	r := &s.req
	switch {
	case r.EventStream:
		return EventStreamPayload, nil
	case r.UnsignedPayload:
		return UnsignedPayload, nil
	case s.stream == nil || s.stream.seeker != nil:
		return "", nil
	case https:
		return UnsignedPayload, nil
	}
	return "", &v4.HashComputationError{Err: errors.New(
		"failed to seek body to start, request stream is not seekable (send an io.ReadSeeker, or use https to send it unsigned)")}
}

// signedPayloadHash computes the hash the direct path signs with and sets
// X-Amz-Content-Sha256 when it is not the body's SHA-256.
func (s *call) signedPayloadHash() error {
	fixed, err := s.fixedPayloadHash(s.dest.endpoint.scheme == "https")
	if err != nil {
		return err
	}
	switch {
	case fixed != "":
		s.payloadHash = fixed
		s.req.Header[contentSHA256Header] = []string{fixed}
	case len(s.req.Header[contentSHA256Header]) == 1:
		// The hash the serializer sent (S3's X-Amz-Content-Sha256) is the
		// one signed.
		s.payloadHash = s.req.Header[contentSHA256Header][0]
	case s.stream != nil:
		if s.stream.length == 0 {
			s.payloadHash = emptyPayloadHash
			return nil
		}
		if s.payloadHash, err = s.stream.hash(); err != nil {
			return err
		}
	default:
		s.payloadHash = payloadHash(s.req.Body)
	}
	return nil
}

// streamSigner signs input event stream messages with aws-sdk-go-v2's
// v4.StreamSigner, chained from the signature of the request.
type streamSigner struct{ s *v4.StreamSigner }

func (s *streamSigner) SignMessage(headers, payload []byte, t time.Time) ([]byte, error) {
	return s.s.GetSignature(context.Background(), headers, payload, t)
}

// startEventSigner keeps the signer of an input event stream's messages
// once its request is signed.
func (s *call) startEventSigner(signed *http.Request, creds aws.Credentials, name, region string) error {
	seed, err := v4.GetSignedRequestSignature(signed)
	if err != nil {
		return fmt.Errorf("event stream signer: %w", err)
	}
	s.stream.signer = &streamSigner{s: v4.NewStreamSigner(creds, name, region, seed)}
	return nil
}

// streamedResponse reports whether the body of resp is handed to Decode
// unread.
func (s *call) streamedResponse(resp *http.Response) bool {
	return s.req.StreamResponse && resp.StatusCode >= 200 && resp.StatusCode < 300
}

// decodeStream hands the unread body of a 2xx response to Decode, with the
// input event stream's pipe and signer. The body is closed unless Decode
// takes it.
func (s *call) decodeStream(ctx context.Context, resp *http.Response) error {
	st := &responseStreams{ctx: ctx}
	if s.stream != nil {
		st.writer, st.signer = s.stream.pipe, s.stream.signer
		if s.req.EventStream {
			st.initial = s.req.Body
		}
	}
	s.resp = Response{StatusCode: resp.StatusCode, Header: resp.Header, Stream: resp.Body, streams: st}
	resp.Body = http.NoBody
	err := s.decode(ctx)
	if err != nil {
		s.resp.Stream.Close()
	}
	return err
}

// endStream closes the pipe of an input event stream when the call fails,
// which ends the HTTP client's read of it.
func (s *call) endStream(err error) {
	if err == nil || s.stream == nil || s.stream.pipe == nil {
		return
	}
	s.stream.pipe.CloseWithError(err)
	s.stream.r.(*io.PipeReader).CloseWithError(err)
}

// StreamNotRetriedError is a retryable failure of an attempt that read from
// a request stream that cannot be rewound: it is not sent again.
type StreamNotRetriedError struct{ Err error }

func (e *StreamNotRetriedError) Error() string {
	return "failed to rewind transport stream for retry, request stream is not seekable: " + e.Err.Error()
}

func (e *StreamNotRetriedError) Unwrap() error { return e.Err }

// Digest writes the request payload to h, a hash or checksum: Body, or the
// whole of Stream. A seekable stream is read and rewound; any other stream
// is read into Body first, so that a checksum over it holds it in memory.
func (r *Request) Digest(h io.Writer) error {
	if r.Stream == nil || r.EventStream {
		_, err := h.Write(r.Body)
		return err
	}
	if sk, ok := r.Stream.(io.Seeker); ok {
		pos, err := sk.Seek(0, io.SeekCurrent)
		if err == nil {
			if _, err := io.Copy(h, r.Stream); err != nil {
				return &smithy.SerializationError{Err: fmt.Errorf("read request body stream: %w", err)}
			}
			if _, err := sk.Seek(pos, io.SeekStart); err != nil {
				return &smithy.SerializationError{Err: fmt.Errorf("rewind request body stream: %w", err)}
			}
			return nil
		}
	}
	b, err := io.ReadAll(r.Stream)
	if err != nil {
		return &smithy.SerializationError{Err: fmt.Errorf("read request body stream: %w", err)}
	}
	r.Body, r.Stream = b, nil
	_, err = h.Write(b)
	return err
}

// HasBody reports whether the request has a body: Body, a Stream or an
// input event stream.
func (r *Request) HasBody() bool { return len(r.Body) > 0 || r.Stream != nil || r.EventStream }
