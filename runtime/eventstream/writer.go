package eventstream

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/aws/smithy-go"
	"github.com/aws/smithy-go/eventstream"
)

// EncodeFunc encodes an event of an input stream: it sets the headers and
// payload of its member on m (:content-type included) and returns the
// member's name, sent as :event-type. A modeled error member is sent as an
// exception message instead: the callback sets :message-type to
// "exception", and the name is sent as :exception-type. Generated code
// declares one per stream.
type EncodeFunc[E any] func(event E, m *Message) (eventType string, err error)

// MessageSigner signs a message's encoded headers and payload, each
// signature chained to the one before.
type MessageSigner = eventstream.MessageSigner

// ErrClosed is returned by Send after Close.
var ErrClosed = errors.New("event stream closed")

// Writer sends the events of an input stream on a request body: each is
// encoded in the caller's goroutine, then written, signed when a signer is
// given, by one goroutine in the order the Send calls were accepted. Send,
// Close and Err are those of aws-sdk-go-v2's stream writers and safe for
// concurrent use.
type Writer[E any] struct {
	ctx    context.Context
	body   io.WriteCloser
	out    io.WriteCloser
	encode EncodeFunc[E]
	stop   func() bool

	encMu sync.Mutex
	codec *eventstream.Encoder
	buf   bytes.Buffer

	frames    chan frame
	closing   chan struct{}
	exited    chan struct{}
	closeOnce sync.Once

	mu  sync.Mutex
	err error
}

type frame struct {
	data []byte
	done chan error
}

// NewWriter returns a writer of events onto body, the request body pipe.
// With a signer, each message is wrapped in a signed envelope (:date and
// :chunk-signature headers) and Close sends the signed empty message that
// ends the stream; without one (anonymous or bearer auth), messages are
// written as they are. ctx bounds the whole stream: when it is done the
// body is closed with its error, which also ends a write the server stalls.
func NewWriter[E any](ctx context.Context, body io.WriteCloser, encode EncodeFunc[E], signer MessageSigner) *Writer[E] {
	w := &Writer[E]{
		ctx:     ctx,
		body:    body,
		out:     body,
		encode:  encode,
		codec:   eventstream.NewEncoder(),
		frames:  make(chan frame),
		closing: make(chan struct{}),
		exited:  make(chan struct{}),
	}
	if signer != nil {
		w.out = eventstream.NewSigningWriter(body, signer)
	}
	w.stop = context.AfterFunc(ctx, func() { abort(body, ctx.Err()) })
	go w.loop()
	return w
}

// Send encodes and writes one event. It returns when the event is written,
// the writer fails or ctx is done; in the last case the write itself goes on
// and a later Send waits behind it.
func (w *Writer[E]) Send(ctx context.Context, event E) error {
	if err := w.Err(); err != nil {
		return err
	}
	data, err := w.encodeEvent(event)
	if err != nil {
		return &smithy.SerializationError{Err: err}
	}
	return w.send(ctx, data)
}

// send hands an encoded message to the writing goroutine and waits for it
// to be written.
func (w *Writer[E]) send(ctx context.Context, data []byte) error {
	if err := w.Err(); err != nil {
		return err
	}
	f := frame{data: data, done: make(chan error, 1)}
	select {
	case w.frames <- f:
	case <-ctx.Done():
		return ctx.Err()
	case <-w.closing:
		return ErrClosed
	case <-w.exited:
		return w.errOr(ErrClosed)
	}
	select {
	case err := <-f.done:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Close ends the stream (with the signed end message when signing) and
// closes the body. It waits for events already accepted to be written,
// which the context given to NewWriter bounds. It returns Err.
func (w *Writer[E]) Close() error {
	w.closeOnce.Do(func() { close(w.closing) })
	<-w.exited
	return w.Err()
}

// Err returns the error that ended the stream, if any.
func (w *Writer[E]) Err() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.err
}

func (w *Writer[E]) errOr(def error) error {
	if err := w.Err(); err != nil {
		return err
	}
	return def
}

func (w *Writer[E]) loop() {
	defer close(w.exited)
	defer w.stop()
	for {
		select {
		case f := <-w.frames:
			_, err := w.out.Write(f.data)
			if err != nil {
				err = w.fail(err)
			}
			f.done <- err
			if err != nil {
				return
			}
		case <-w.closing:
			if err := w.out.Close(); err != nil {
				w.fail(err)
			}
			return
		case <-w.ctx.Done():
			w.fail(w.ctx.Err())
			return
		}
	}
}

// fail records the error that ends the stream, the context's if it is done,
// and closes the body with it.
func (w *Writer[E]) fail(err error) error {
	if cerr := w.ctx.Err(); cerr != nil {
		err = cerr
	}
	w.mu.Lock()
	if w.err == nil {
		w.err = err
	}
	err = w.err
	w.mu.Unlock()
	abort(w.body, err)
	return err
}

func abort(body io.WriteCloser, err error) {
	if c, ok := body.(interface{ CloseWithError(error) error }); ok {
		c.CloseWithError(err)
		return
	}
	body.Close()
}

func (w *Writer[E]) encodeEvent(event E) ([]byte, error) {
	var m Message
	et, err := w.encode(event, &m)
	if err != nil {
		return nil, err
	}
	typ, typeHeader := EventMessage, EventTypeHeader
	if headerOr(&m, MessageTypeHeader, "") == ExceptionMessage {
		typ, typeHeader = ExceptionMessage, ExceptionTypeHeader
	}
	hs := make(Headers, 0, len(m.Headers)+2)
	hs = append(hs,
		eventstream.Header{Name: MessageTypeHeader, Value: eventstream.StringValue(typ)},
		eventstream.Header{Name: typeHeader, Value: eventstream.StringValue(et)})
	for _, h := range m.Headers {
		if h.Name != MessageTypeHeader && h.Name != typeHeader {
			hs = append(hs, h)
		}
	}
	m.Headers = hs
	return w.encodeMessage(et, m)
}

// SendInitialRequest sends the initial-request message of a protocol that
// sends the operation input in the stream (awsJson): payload, a document of
// the given content type, must precede every event.
func (w *Writer[E]) SendInitialRequest(ctx context.Context, payload []byte, contentType string) error {
	var m Message
	SetString(&m, MessageTypeHeader, EventMessage)
	SetString(&m, EventTypeHeader, InitialRequest)
	SetString(&m, ContentTypeHeader, contentType)
	m.Payload = payload
	data, err := w.encodeMessage(InitialRequest, m)
	if err != nil {
		return &smithy.SerializationError{Err: err}
	}
	return w.send(ctx, data)
}

// encodeMessage returns the wire encoding of m, the message of event et.
func (w *Writer[E]) encodeMessage(et string, m Message) ([]byte, error) {
	if len(m.Payload) > MaxPayloadLen {
		return nil, fmt.Errorf("event %s: payload of %d bytes exceeds %d", et, len(m.Payload), MaxPayloadLen)
	}
	w.encMu.Lock()
	defer w.encMu.Unlock()
	w.buf.Reset()
	if err := w.codec.Encode(&w.buf, m); err != nil {
		return nil, fmt.Errorf("event %s: %w", et, err)
	}
	if n := w.buf.Len() - overheadLen - len(m.Payload); n > MaxHeadersLen {
		return nil, fmt.Errorf("event %s: headers of %d bytes exceed %d", et, n, MaxHeadersLen)
	}
	return bytes.Clone(w.buf.Bytes()), nil
}

// NewSigner returns the SigV4 event signer of a stream whose initial
// request was signed with seed (see SeedSignature), using aws-sdk-go-v2's
// v4.StreamSigner. Signing name and region are the request's.
func NewSigner(creds aws.Credentials, signingName, region string, seed []byte) MessageSigner {
	return &streamSigner{s: v4.NewStreamSigner(creds, signingName, region, seed)}
}

// SeedSignature returns the signature of a SigV4-signed request, from its
// Authorization header or X-Amz-Signature query parameter.
func SeedSignature(signed *http.Request) ([]byte, error) {
	if signed == nil || signed.URL == nil {
		return nil, errors.New("no signed request")
	}
	return v4.GetSignedRequestSignature(signed)
}

type streamSigner struct{ s *v4.StreamSigner }

func (s *streamSigner) SignMessage(headers, payload []byte, t time.Time) ([]byte, error) {
	return s.s.GetSignature(context.Background(), headers, payload, t)
}
