package eventstream_test

import (
	"context"
	"errors"
	"reflect"
	"testing"
	"time"

	"github.com/aws/smithy-go"

	"github.com/smithygen/smithygen/runtime/eventstream"
	"github.com/smithygen/smithygen/runtime/eventstream/eventstreamtest"
)

var converse = eventstreamtest.Converse{
	Deltas:      []string{"Hello", ", ", "world", "!"},
	InputTokens: 12, OutputTokens: 4, LatencyMs: 321,
}

var converseWant = []string{"start:assistant", "delta:Hello", "delta:, ", "delta:world", "delta:!",
	"stop-block", "stop:end_turn", "usage:12/4/16"}

func TestEventsOverHTTP(t *testing.T) {
	leakCheck(t)
	ctx := context.Background()
	r := newReader(ctx, serve(t, ctx, &eventstreamtest.Stream{Messages: converse.Messages()}))
	if got := collect(r.Events()); !reflect.DeepEqual(got, converseWant) {
		t.Fatalf("events %q, want %q", got, converseWant)
	}
	if err := r.Err(); err != nil {
		t.Fatalf("Err: %v", err)
	}
	if err := r.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	if err := r.Close(); err != nil {
		t.Fatalf("second Close: %v", err)
	}
}

func TestAllOverHTTP(t *testing.T) {
	leakCheck(t)
	ctx := context.Background()
	r := newReader(ctx, serve(t, ctx, &eventstreamtest.Stream{Messages: converse.Messages()}))
	var got []string
	for ev, err := range r.All() {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, summary(ev))
	}
	if !reflect.DeepEqual(got, converseWant) {
		t.Fatalf("events %q, want %q", got, converseWant)
	}
}

func TestAllAfterEventsUsesTheChannel(t *testing.T) {
	leakCheck(t)
	r := newReader(context.Background(), newBody(eventstreamtest.Encode(converse.Messages()...)))
	ch := r.Events()
	first := summary(<-ch)
	got := []string{first}
	for ev, err := range r.All() {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, summary(ev))
	}
	if !reflect.DeepEqual(got, converseWant) {
		t.Fatalf("events %q, want %q", got, converseWant)
	}
}

func TestModeledExceptionEndsStream(t *testing.T) {
	leakCheck(t)
	c := converse
	c.ThrottleAfter = 2
	ctx := context.Background()
	want := []string{"start:assistant", "delta:Hello", "delta:, "}

	t.Run("Events", func(t *testing.T) {
		r := newReader(ctx, serve(t, ctx, &eventstreamtest.Stream{Messages: c.Messages()}))
		if got := collect(r.Events()); !reflect.DeepEqual(got, want) {
			t.Fatalf("events %q, want %q", got, want)
		}
		var te *ThrottlingException
		if err := r.Err(); !errors.As(err, &te) || te.Message == nil || *te.Message == "" {
			t.Fatalf("Err %T %v, want *ThrottlingException with a message", err, err)
		}
		if err := r.Close(); !errors.As(err, new(*ThrottlingException)) {
			t.Fatalf("Close returned %v, want the stream's error", err)
		}
	})
	t.Run("All", func(t *testing.T) {
		r := newReader(ctx, serve(t, ctx, &eventstreamtest.Stream{Messages: c.Messages()}))
		var got []string
		var last error
		for ev, err := range r.All() {
			if err != nil {
				last = err
				continue
			}
			got = append(got, summary(ev))
		}
		if !reflect.DeepEqual(got, want) || !errors.As(last, new(*ThrottlingException)) {
			t.Fatalf("events %q, error %v", got, last)
		}
	})
}

func TestErrorMessage(t *testing.T) {
	leakCheck(t)
	msgs := append(converse.Messages()[:2], eventstreamtest.Error("InternalFailure", "it broke"))
	r := newReader(context.Background(), newBody(eventstreamtest.Encode(msgs...)))
	if got := collect(r.Events()); len(got) != 2 {
		t.Fatalf("events %q", got)
	}
	var ae *smithy.GenericAPIError
	if err := r.Err(); !errors.As(err, &ae) || ae.Code != "InternalFailure" || ae.Message != "it broke" {
		t.Fatalf("Err %#v", err)
	}
}

func TestUnmodeledException(t *testing.T) {
	leakCheck(t)
	msgs := []eventstream.Message{eventstreamtest.Exception("serviceUnavailableException", []byte(`{"message":"later"}`))}
	r := newReader(context.Background(), newBody(eventstreamtest.Encode(msgs...)))
	collect(r.Events())
	var ae *smithy.GenericAPIError
	if err := r.Err(); !errors.As(err, &ae) || ae.Code != "serviceUnavailableException" {
		t.Fatalf("Err %#v", err)
	}
}

func TestUnknownEventsAreSkipped(t *testing.T) {
	leakCheck(t)
	msgs := converse.Messages()
	var withUnknown []eventstream.Message
	for i, m := range msgs {
		withUnknown = append(withUnknown, m)
		if i%2 == 0 {
			withUnknown = append(withUnknown, eventstreamtest.Event("futureEvent", []byte(`{"x":1}`)))
		}
	}
	r := newReader(context.Background(), newBody(eventstreamtest.Encode(withUnknown...)))
	if got := collect(r.Events()); !reflect.DeepEqual(got, converseWant) || r.Err() != nil {
		t.Fatalf("events %q, err %v", got, r.Err())
	}
}

func TestCloseMidStream(t *testing.T) {
	leakCheck(t)
	ctx := context.Background()
	stream := &eventstreamtest.Stream{Messages: converse.Messages()[:3], Stall: true}

	t.Run("Events", func(t *testing.T) {
		r := newReader(ctx, serve(t, ctx, stream))
		ch := r.Events()
		for range 3 {
			<-ch
		}
		// The reader now waits on a server that sends nothing more.
		time.AfterFunc(20*time.Millisecond, func() { r.Close() })
		for ev := range ch {
			t.Fatalf("event after Close: %s", summary(ev))
		}
		if err := r.Err(); err != nil {
			t.Fatalf("Err after Close: %v", err)
		}
	})
	t.Run("All", func(t *testing.T) {
		r := newReader(ctx, serve(t, ctx, stream))
		n := 0
		for _, err := range r.All() {
			if err != nil {
				t.Fatal(err)
			}
			if n++; n == 2 {
				break
			}
		}
		if err := r.Err(); err != nil {
			t.Fatalf("Err after break: %v", err)
		}
		for range r.Events() {
			t.Fatal("event after break")
		}
	})
	t.Run("BeforeReading", func(t *testing.T) {
		b := newBody(eventstreamtest.Encode(converse.Messages()...))
		r := newReader(ctx, b)
		r.Close()
		if !b.closed.Load() {
			t.Fatal("body not closed")
		}
		if got := collect(r.Events()); len(got) != 0 {
			t.Fatalf("events after Close: %q", got)
		}
	})
}

func TestContextEndsStream(t *testing.T) {
	leakCheck(t)
	stream := &eventstreamtest.Stream{Messages: converse.Messages()[:2], Stall: true}

	t.Run("Cancel", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		r := newReader(ctx, serve(t, ctx, stream))
		ch := r.Events()
		<-ch
		<-ch
		cancel()
		for range ch {
			t.Fatal("event after cancel")
		}
		if err := r.Err(); !errors.Is(err, context.Canceled) {
			t.Fatalf("Err %v, want context.Canceled", err)
		}
	})
	t.Run("DeadlineOnStalledServer", func(t *testing.T) {
		ctx, cancel := context.WithTimeout(context.Background(), 500*time.Millisecond)
		defer cancel()
		r := newReader(ctx, serve(t, ctx, stream))
		var last error
		n := 0
		for _, err := range r.All() {
			if err != nil {
				last = err
			} else {
				n++
			}
		}
		if n != 2 || !errors.Is(last, context.DeadlineExceeded) {
			t.Fatalf("%d events, error %v", n, last)
		}
	})
	t.Run("ConsumerGone", func(t *testing.T) {
		// Nobody receives from Events; cancelling must still free the reader.
		ctx, cancel := context.WithCancel(context.Background())
		b := newBody(eventstreamtest.Encode(converse.Messages()...))
		r := newReader(ctx, b)
		r.Events()
		cancel()
		deadline := time.Now().Add(2 * time.Second)
		for r.Err() == nil && time.Now().Before(deadline) {
			time.Sleep(time.Millisecond)
		}
		if !errors.Is(r.Err(), context.Canceled) || !b.closed.Load() {
			t.Fatalf("Err %v, body closed %v", r.Err(), b.closed.Load())
		}
	})
}

func TestTransportReadError(t *testing.T) {
	leakCheck(t)
	broken := errors.New("connection reset")
	r := newReader(context.Background(), &failingBody{data: eventstreamtest.Encode(converse.Messages()[:2]...), err: broken})
	if got := collect(r.Events()); len(got) != 2 {
		t.Fatalf("events %q", got)
	}
	if err := r.Err(); !errors.Is(err, broken) {
		t.Fatalf("Err %v", err)
	}
}

type failingBody struct {
	data []byte
	err  error
}

func (b *failingBody) Read(p []byte) (int, error) {
	if len(b.data) == 0 {
		return 0, b.err
	}
	n := copy(p, b.data)
	b.data = b.data[n:]
	return n, nil
}

func (b *failingBody) Close() error { return nil }

func TestPayloadMemoryIsNotReused(t *testing.T) {
	leakCheck(t)
	var kept [][]byte
	var copies []string
	dec := eventstream.Decoder[int]{Event: func(_ string, m *eventstream.Message) (int, bool, error) {
		kept = append(kept, m.Payload)
		copies = append(copies, string(m.Payload))
		return len(kept), true, nil
	}}
	msgs := converse.Messages()
	r := eventstream.NewReader(context.Background(), newBody(eventstreamtest.Encode(msgs...)), dec)
	for _, err := range r.All() {
		if err != nil {
			t.Fatal(err)
		}
	}
	for i := range kept {
		if string(kept[i]) != copies[i] || copies[i] != string(msgs[i].Payload) {
			t.Fatalf("payload %d changed to %q, was %q", i, kept[i], copies[i])
		}
	}
}

func TestInitialResponse(t *testing.T) {
	leakCheck(t)
	initial := eventstreamtest.Event(eventstream.InitialResponse, []byte(`{"sessionId":"s-1"}`))
	t.Run("Present", func(t *testing.T) {
		r := newReader(context.Background(), newBody(eventstreamtest.Encode(append([]eventstream.Message{initial}, converse.Messages()...)...)))
		var got string
		if err := r.InitialResponse(func(m *eventstream.Message) error { got = string(m.Payload); return nil }); err != nil {
			t.Fatal(err)
		}
		if got != `{"sessionId":"s-1"}` {
			t.Fatalf("initial response %q", got)
		}
		if ev := collect(r.Events()); !reflect.DeepEqual(ev, converseWant) {
			t.Fatalf("events %q", ev)
		}
	})
	t.Run("Absent", func(t *testing.T) {
		r := newReader(context.Background(), newBody(eventstreamtest.Encode(converse.Messages()...)))
		if err := r.InitialResponse(func(*eventstream.Message) error { t.Fatal("called"); return nil }); err != nil {
			t.Fatal(err)
		}
		if ev := collect(r.Events()); !reflect.DeepEqual(ev, converseWant) {
			t.Fatalf("events %q", ev)
		}
	})
	t.Run("Exception", func(t *testing.T) {
		c := converse
		c.ThrottleAfter = 1
		msgs := c.Messages()
		b := newBody(eventstreamtest.Encode(msgs[len(msgs)-1]))
		r := newReader(context.Background(), b)
		err := r.InitialResponse(func(*eventstream.Message) error { return nil })
		if !errors.As(err, new(*ThrottlingException)) || !b.closed.Load() {
			t.Fatalf("InitialResponse: %v, body closed %v", err, b.closed.Load())
		}
	})
}
