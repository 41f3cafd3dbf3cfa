package eventstream

import (
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"sync"

	"github.com/aws/smithy-go"
)

// Decoder turns the messages of one output event stream into events of type
// E, the stream's union interface. Generated code declares one per stream.
type Decoder[E any] struct {
	// Event decodes an event message; eventType is its :event-type, the
	// union member's name. It reports ok false for an event type it does not
	// know, and the reader skips the message.
	Event func(eventType string, m *Message) (event E, ok bool, err error)
	// Exception decodes an exception message into the modeled error of the
	// union member named exceptionType. A nil Exception, or a nil result for
	// an unmodeled exception, gives a *smithy.GenericAPIError with that code.
	Exception func(exceptionType string, m *Message) error
}

// Reader reads the events of an output stream from an HTTP response body.
// Its Events, Close and Err methods are those of aws-sdk-go-v2's stream
// readers; All is a range-over-func view of the same events. Use one of
// Events and All.
//
// The stream ends at the end of the body, at an exception or error message
// (reported by Err), at a message that cannot be read (Err reports a
// *smithy.DeserializationError wrapping a *MessageError), when the context
// given to NewReader is done (Err reports its error) or at Close. The body
// is closed when the stream ends. No timeout applies besides the context's.
type Reader[E any] struct {
	ctx     context.Context
	body    io.ReadCloser
	frames  *frameReader
	dec     Decoder[E]
	pending *Message
	stop    func() bool

	ch        chan E
	closing   chan struct{}
	ended     chan struct{} // closed when the stream ends
	closeOnce sync.Once
	endOnce   sync.Once

	mu    sync.Mutex
	state readerState
	err   error
}

type readerState int

const (
	idle readerState = iota
	pumping
	pulling
	ended
)

// NewReader returns the reader of the event stream in body. ctx bounds the
// whole stream: when it is done, the body is closed, which must interrupt a
// blocked Read as it does for net/http response bodies. Reading starts at
// the first call of Events or All.
func NewReader[E any](ctx context.Context, body io.ReadCloser, dec Decoder[E]) *Reader[E] {
	r := &Reader[E]{
		ctx:     ctx,
		body:    body,
		frames:  newFrameReader(body),
		dec:     dec,
		ch:      make(chan E),
		closing: make(chan struct{}),
		ended:   make(chan struct{}),
	}
	r.stop = context.AfterFunc(ctx, func() { r.body.Close() })
	return r
}

// InitialResponse reads the first message of a protocol that sends the
// operation output in the stream and passes it to decode when it is an
// initial-response event. Any other first message is kept for Events, as a
// stream may omit the initial response. Call it before Events or All.
func (r *Reader[E]) InitialResponse(decode func(*Message) error) error {
	m, err := r.readMessage()
	if err != nil {
		r.end(err)
		return r.Err()
	}
	typ := headerOr(&m, MessageTypeHeader, "")
	if typ == EventMessage && headerOr(&m, EventTypeHeader, "") == InitialResponse {
		if err := decode(&m); err != nil {
			err = deserializationError(err)
			r.end(err)
			return err
		}
		return nil
	}
	r.pending = &m
	if typ == ExceptionMessage || typ == ErrorMessage {
		_, err := r.next()
		r.end(err)
		return r.Err()
	}
	return nil
}

// Events returns the channel of events. It is closed when the stream ends;
// Err then reports why, if not at the end of the body or by Close.
func (r *Reader[E]) Events() <-chan E {
	r.mu.Lock()
	if r.state == idle {
		r.state = pumping
		go r.pump()
	}
	r.mu.Unlock()
	return r.ch
}

// All returns an iterator over the events. A stream that ends with an error
// yields it last, with the zero E. Stopping the loop early closes the stream.
// Unless Events was called first, events are read in the loop's own
// goroutine, without a channel.
func (r *Reader[E]) All() iter.Seq2[E, error] {
	return func(yield func(E, error) bool) {
		r.mu.Lock()
		pull := r.state == idle
		if pull {
			r.state = pulling
		}
		r.mu.Unlock()
		if !pull {
			for ev := range r.Events() {
				if !yield(ev, nil) {
					r.Close()
					return
				}
			}
		} else {
			defer close(r.ch)
			for {
				ev, err := r.next()
				if err != nil {
					r.end(err)
					break
				}
				if !yield(ev, nil) {
					r.Close()
					return
				}
			}
		}
		if err := r.Err(); err != nil {
			var zero E
			yield(zero, err)
		}
	}
}

// Close ends the stream and closes the body. It is safe to call more than
// once and concurrently with reading. It returns Err.
func (r *Reader[E]) Close() error {
	r.closeOnce.Do(func() { close(r.closing) })
	r.end(nil)
	return r.Err()
}

// Err returns the error that ended the stream, nil while it is being read
// or when it ended at the end of the body or by Close.
func (r *Reader[E]) Err() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.err
}

func (r *Reader[E]) pump() {
	defer close(r.ch)
	for {
		ev, err := r.next()
		if err != nil {
			r.end(err)
			return
		}
		select {
		case r.ch <- ev:
		case <-r.closing:
			r.end(nil)
			return
		case <-r.ctx.Done():
			r.end(r.ctx.Err())
			return
		}
	}
}

// end records why the stream ended, once, and releases the body. The
// channel is closed here when no goroutine reads the stream, else by it.
func (r *Reader[E]) end(err error) {
	r.endOnce.Do(func() {
		if err == io.EOF {
			err = nil
		}
		r.mu.Lock()
		r.err = err
		if r.state == idle {
			r.state = ended
			close(r.ch)
		}
		r.mu.Unlock()
		r.stop()
		r.body.Close()
		close(r.ended)
	})
}

// done is closed when the stream has ended.
func (r *Reader[E]) done() <-chan struct{} { return r.ended }

// next returns the next event, or the error that ends the stream: io.EOF at
// the end of the body.
func (r *Reader[E]) next() (E, error) {
	var zero E
	for {
		var m Message
		if r.pending != nil {
			m, r.pending = *r.pending, nil
		} else {
			var err error
			if m, err = r.readMessage(); err != nil {
				return zero, err
			}
		}
		typ, err := r.protocolHeader(&m, MessageTypeHeader)
		if err != nil {
			return zero, err
		}
		switch typ {
		case EventMessage:
			et, err := r.protocolHeader(&m, EventTypeHeader)
			if err != nil {
				return zero, err
			}
			if et == InitialResponse {
				continue // an initial response not asked for
			}
			ev, ok, err := r.dec.Event(et, &m)
			if err != nil {
				return zero, deserializationError(fmt.Errorf("event %s: %w", et, err))
			}
			if ok {
				return ev, nil
			}
		case ExceptionMessage:
			et, err := r.protocolHeader(&m, ExceptionTypeHeader)
			if err != nil {
				return zero, err
			}
			var modeled error
			if r.dec.Exception != nil {
				modeled = r.dec.Exception(et, &m)
			}
			if modeled == nil {
				modeled = &smithy.GenericAPIError{Code: et, Message: headerOr(&m, ErrorMessageHeader, "")}
			}
			return zero, modeled
		case ErrorMessage:
			return zero, &smithy.GenericAPIError{
				Code:    headerOr(&m, ErrorCodeHeader, "UnknownError"),
				Message: headerOr(&m, ErrorMessageHeader, ""),
			}
		default:
			return zero, deserializationError(&MessageError{Offset: r.frames.start, Kind: ErrMalformed,
				Err: fmt.Errorf("unknown %s %q", MessageTypeHeader, typ)})
		}
	}
}

// readMessage reads one message unless the stream was closed, mapping a
// failed read to the reason the stream ended.
func (r *Reader[E]) readMessage() (Message, error) {
	select {
	case <-r.closing:
		return Message{}, io.EOF
	default:
	}
	if err := r.ctx.Err(); err != nil {
		return Message{}, err
	}
	m, err := r.frames.read()
	if err == nil || err == io.EOF {
		return m, err
	}
	select {
	case <-r.closing:
		return Message{}, io.EOF
	default:
	}
	if cerr := r.ctx.Err(); cerr != nil {
		return Message{}, cerr
	}
	var merr *MessageError
	if errors.As(err, &merr) {
		return Message{}, &smithy.DeserializationError{Err: err}
	}
	return Message{}, err
}

// protocolHeader returns a required string header of the protocol.
func (r *Reader[E]) protocolHeader(m *Message, name string) (string, error) {
	v, ok, err := headerString(m, name)
	if err == nil && !ok {
		err = fmt.Errorf("missing %s header", name)
	}
	if err != nil {
		return "", deserializationError(&MessageError{Offset: r.frames.start, Kind: ErrMalformed, Err: err})
	}
	return v, nil
}

func headerOr(m *Message, name, def string) string {
	if v, ok, _ := headerString(m, name); ok {
		return v
	}
	return def
}

func deserializationError(err error) error {
	var derr *smithy.DeserializationError
	if errors.As(err, &derr) {
		return err
	}
	return &smithy.DeserializationError{Err: err}
}
