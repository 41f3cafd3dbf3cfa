package eventstream_test

import (
	"context"
	"errors"
	"io"
	"reflect"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/smithy-go"

	"github.com/smithygen/smithygen/runtime/eventstream"
	"github.com/smithygen/smithygen/runtime/eventstream/eventstreamtest"
)

// chanReader is a test double of an output stream: the events of ch, then
// err.
type chanReader struct {
	ch     chan ConverseStreamOutput
	err    error
	closed atomic.Bool
}

func (r *chanReader) Events() <-chan ConverseStreamOutput { return r.ch }
func (r *chanReader) Close() error                        { r.closed.Store(true); return nil }
func (r *chanReader) Err() error                          { return r.err }

func TestOutputStreamAll(t *testing.T) {
	leakCheck(t)
	t.Run("Reader", func(t *testing.T) {
		s := &eventstream.OutputStream[ConverseStreamOutput]{Reader: newReader(context.Background(),
			newBody(eventstreamtest.Encode(converse.Messages()...)))}
		var got []string
		for ev, err := range s.All() {
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, summary(ev))
		}
		if !reflect.DeepEqual(got, converseWant) {
			t.Fatalf("events %q", got)
		}
	})
	t.Run("Double", func(t *testing.T) {
		r := &chanReader{ch: make(chan ConverseStreamOutput, 2), err: errors.New("ended")}
		r.ch <- &MemberMessageStart{Value: MessageStartEvent{Role: new(string)}}
		r.ch <- &MemberContentBlockStop{}
		close(r.ch)
		s := &eventstream.OutputStream[ConverseStreamOutput]{Reader: r}
		var n int
		var last error
		for ev, err := range s.All() {
			if err != nil {
				last = err
				continue
			}
			if ev == nil {
				t.Fatal("nil event")
			}
			n++
		}
		if n != 2 || last == nil || last.Error() != "ended" {
			t.Fatalf("%d events, error %v", n, last)
		}
		r.ch = make(chan ConverseStreamOutput, 1)
		r.ch <- &MemberContentBlockStop{}
		for range s.All() {
			break
		}
		if !r.closed.Load() {
			t.Fatal("stopping the loop did not close the reader")
		}
	})
}

// When the output stream of a duplex stream ends, its input is closed: the
// signed end of stream is sent and Send reports the stream closed.
func TestDuplexStreamClosesInputWithOutput(t *testing.T) {
	leakCheck(t)
	ctx := context.Background()
	pr, pw := io.Pipe()
	sent := make(chan []eventstream.Message, 1)
	go func() {
		msgs, _ := eventstreamtest.Decode(pr)
		sent <- msgs
	}()
	w := eventstream.NewWriter(ctx, pw, encodeAudio, eventstream.NewSigner(testCreds, "transcribe", "us-west-2", testSeed))
	r := newReader(ctx, newBody(eventstreamtest.Encode(converse.Messages()...)))
	s := eventstream.NewDuplexStream[*AudioEvent, ConverseStreamOutput](w, r)
	if err := s.Send(ctx, audio(0)); err != nil {
		t.Fatal(err)
	}
	if got := collect(s.Events()); !reflect.DeepEqual(got, converseWant) {
		t.Fatalf("events %q", got)
	}
	select {
	case msgs := <-sent:
		checkSigned(t, msgs, 1, testSeed)
	case <-time.After(5 * time.Second):
		t.Fatal("the input stream was not closed when the output ended")
	}
	if err := s.Send(ctx, audio(1)); !errors.Is(err, eventstream.ErrClosed) {
		t.Fatalf("Send after the end: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
}

// An output stream ending with a modeled error is the duplex stream's error.
func TestDuplexStreamErr(t *testing.T) {
	leakCheck(t)
	ctx := context.Background()
	c := converse
	c.ThrottleAfter = 1
	pr, pw := io.Pipe()
	go io.Copy(io.Discard, pr)
	w := eventstream.NewWriter(ctx, pw, encodeAudio, nil)
	r := newReader(ctx, newBody(eventstreamtest.Encode(c.Messages()...)))
	s := eventstream.NewDuplexStream[*AudioEvent, ConverseStreamOutput](w, r)
	var last error
	for _, err := range s.All() {
		last = err
	}
	if !errors.As(last, new(*ThrottlingException)) || !errors.As(s.Err(), new(*ThrottlingException)) {
		t.Fatalf("All ended with %v, Err %v", last, s.Err())
	}
	s.Close()
}

// afterInput is a response body that records, when closed, whether the
// input pipe was already closed.
type afterInput struct {
	pipe  *io.PipeWriter
	after chan bool
}

func (a afterInput) Read([]byte) (int, error) { return 0, io.EOF }
func (a afterInput) Close() error {
	_, err := a.pipe.Write([]byte{0})
	a.after <- errors.Is(err, io.ErrClosedPipe)
	return nil
}

// An input-only stream keeps the response open while it sends, closing it
// after the input has ended.
func TestInputStreamClosesResponseAfterInput(t *testing.T) {
	leakCheck(t)
	pr, pw := io.Pipe()
	go io.Copy(io.Discard, pr)
	w := eventstream.NewWriter(context.Background(), pw, encodeAudio, nil)
	resp := afterInput{pipe: pw, after: make(chan bool, 1)}
	s := eventstream.NewInputStream[*AudioEvent](w, resp)
	if err := s.Send(context.Background(), audio(0)); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if !<-resp.after {
		t.Fatal("the response was closed before the input")
	}
}

// An encode callback that marks its message an exception sends it with
// :exception-type; SendInitialRequest sends the initial-request event.
func TestWriterExceptionAndInitialRequest(t *testing.T) {
	leakCheck(t)
	ctx := context.Background()
	pr, pw := io.Pipe()
	sent := make(chan []eventstream.Message, 1)
	go func() {
		msgs, _ := eventstreamtest.Decode(pr)
		sent <- msgs
	}()
	encode := func(ev *AudioEvent, m *eventstream.Message) (string, error) {
		if ev == nil {
			eventstream.SetString(m, eventstream.MessageTypeHeader, eventstream.ExceptionMessage)
			m.Payload = []byte(`{"message":"bad audio"}`)
			return "badAudio", nil
		}
		return encodeAudio(ev, m)
	}
	w := eventstream.NewWriter(ctx, pw, encode, nil)
	if err := w.SendInitialRequest(ctx, []byte(`{"session":"s"}`), "application/x-amz-json-1.1"); err != nil {
		t.Fatal(err)
	}
	if err := w.Send(ctx, nil); err != nil {
		t.Fatal(err)
	}
	w.Close()
	msgs := <-sent
	if len(msgs) != 2 {
		t.Fatalf("%d messages", len(msgs))
	}
	header := func(m eventstream.Message, name string) string {
		v, _ := eventstream.HeaderString(&m, name)
		if v == nil {
			return ""
		}
		return *v
	}
	if header(msgs[0], eventstream.EventTypeHeader) != eventstream.InitialRequest ||
		header(msgs[0], eventstream.ContentTypeHeader) != "application/x-amz-json-1.1" || string(msgs[0].Payload) != `{"session":"s"}` {
		t.Errorf("initial request %v %q", msgs[0].Headers, msgs[0].Payload)
	}
	if header(msgs[1], eventstream.MessageTypeHeader) != eventstream.ExceptionMessage ||
		header(msgs[1], eventstream.ExceptionTypeHeader) != "badAudio" || header(msgs[1], eventstream.EventTypeHeader) != "" {
		t.Errorf("exception %v", msgs[1].Headers)
	}
}

func TestMissingInitialMember(t *testing.T) {
	err := eventstream.MissingInitialMember("sessionId")
	var derr *smithy.DeserializationError
	if !errors.As(err, &derr) || derr.Error() == "" {
		t.Fatalf("%T %v", err, err)
	}
}
