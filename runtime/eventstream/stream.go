package eventstream

import (
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"sync"
	"time"

	"github.com/aws/smithy-go"
)

// EventReader reads the events of an output stream; *Reader implements it.
// Generated clients name it <Union>Reader, as aws-sdk-go-v2 does.
type EventReader[E any] interface {
	Events() <-chan E
	Close() error
	Err() error
}

// EventWriter sends the events of an input stream; *Writer implements it.
// Generated clients name it <Union>Writer.
type EventWriter[E any] interface {
	Send(context.Context, E) error
	Close() error
	Err() error
}

// OutputStream is the event stream of an operation that only receives
// events, <Op>EventStream in generated clients. Reader may be replaced by a
// test double.
type OutputStream[O any] struct {
	Reader EventReader[O]
}

// Events returns the channel of events, closed when the stream ends.
func (s *OutputStream[O]) Events() <-chan O { return s.Reader.Events() }

// Close ends the stream and releases the connection. It returns Err.
func (s *OutputStream[O]) Close() error { return s.Reader.Close() }

// Err returns the error that ended the stream, if any.
func (s *OutputStream[O]) Err() error { return s.Reader.Err() }

// All returns an iterator over the events: the error that ended the stream,
// if any, comes last with the zero event. Stopping the loop closes the
// stream. Use one of Events and All.
func (s *OutputStream[O]) All() iter.Seq2[O, error] { return all(s.Reader) }

// InputStream is the event stream of an operation that only sends events.
type InputStream[I any] struct {
	Writer EventWriter[I]

	response io.ReadCloser // the HTTP response body, open while events are sent
}

// NewInputStream returns the stream of w. The response body stays open
// while events are sent, as closing it would end the request too; Close
// closes it after the input.
func NewInputStream[I any](w EventWriter[I], response io.ReadCloser) *InputStream[I] {
	return &InputStream[I]{Writer: w, response: response}
}

// Send sends one event.
func (s *InputStream[I]) Send(ctx context.Context, event I) error { return s.Writer.Send(ctx, event) }

// Close ends the input stream, sending its end, then closes the response.
// It returns Err.
func (s *InputStream[I]) Close() error {
	err := s.Writer.Close()
	if s.response != nil {
		s.response.Close()
	}
	return err
}

// Err returns the error that ended the stream, if any.
func (s *InputStream[I]) Err() error { return s.Writer.Err() }

// DuplexStream is the event stream of an operation that sends and receives
// events. When the output stream ends, the input stream is closed too.
type DuplexStream[I, O any] struct {
	Writer EventWriter[I]
	Reader EventReader[O]

	closeOnce sync.Once
	errMu     sync.Mutex
	err       error
}

// NewDuplexStream returns the stream of w and r; when r is a *Reader, the
// input is closed as soon as the output ends.
func NewDuplexStream[I, O any](w EventWriter[I], r EventReader[O]) *DuplexStream[I, O] {
	s := &DuplexStream[I, O]{Writer: w, Reader: r}
	if d, ok := r.(interface{ done() <-chan struct{} }); ok {
		go func() {
			<-d.done()
			s.closeWriter()
		}()
	}
	return s
}

// Send sends one event.
func (s *DuplexStream[I, O]) Send(ctx context.Context, event I) error {
	return s.Writer.Send(ctx, event)
}

// Events returns the channel of output events, closed when the output
// stream ends.
func (s *DuplexStream[I, O]) Events() <-chan O { return s.Reader.Events() }

// All returns an iterator over the output events, as OutputStream.All.
func (s *DuplexStream[I, O]) All() iter.Seq2[O, error] { return all(s.Reader) }

// closeWait bounds how long Close waits for the input stream to end before
// closing the output stream, as aws-sdk-go-v2's event streams do.
const closeWait = time.Second

// Close ends the input stream, waiting up to a second for its end to be
// sent, then the output stream. It returns Err.
func (s *DuplexStream[I, O]) Close() error {
	s.closeOnce.Do(func() {
		done := make(chan struct{})
		go func() {
			s.closeWriter()
			close(done)
		}()
		t := time.NewTimer(closeWait)
		select {
		case <-done:
		case <-t.C:
		}
		t.Stop()
		s.Reader.Close()
	})
	return s.Err()
}

func (s *DuplexStream[I, O]) closeWriter() {
	if err := s.Writer.Close(); err != nil && !errors.Is(err, ErrClosed) {
		s.errMu.Lock()
		if s.err == nil {
			s.err = err
		}
		s.errMu.Unlock()
	}
}

// Err returns the error that ended either stream, the input's first.
func (s *DuplexStream[I, O]) Err() error {
	s.errMu.Lock()
	err := s.err
	s.errMu.Unlock()
	if err != nil {
		return err
	}
	if err := s.Writer.Err(); err != nil {
		return err
	}
	return s.Reader.Err()
}

// all is the iterator of a reader: its own when it has one, else its
// channel followed by its error.
func all[O any](r EventReader[O]) iter.Seq2[O, error] {
	if a, ok := r.(interface{ All() iter.Seq2[O, error] }); ok {
		return a.All()
	}
	return func(yield func(O, error) bool) {
		for ev := range r.Events() {
			if !yield(ev, nil) {
				r.Close()
				return
			}
		}
		if err := r.Err(); err != nil {
			var zero O
			yield(zero, err)
		}
	}
}

// MissingInitialMember is the error of a call whose initial response lacks
// a required member: the initial message was not received, which the event
// stream specification allows only when all its members are optional.
func MissingInitialMember(name string) error {
	return &smithy.DeserializationError{Err: fmt.Errorf("initial response lacks required member %s", name)}
}
