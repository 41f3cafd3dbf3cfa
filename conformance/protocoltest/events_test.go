package protocoltest

import (
	"bytes"
	"context"
	"io"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"

	es "github.com/smithygen/smithygen/runtime/eventstream"
	"github.com/smithygen/smithygen/runtime/eventstream/eventstreamtest"
)

func event() es.Message {
	m := eventstreamtest.Event("headers", []byte(`{"a":1}`))
	es.SetBool(&m, "b", true)
	es.SetLong(&m, "l", 4294967294)
	es.SetBlob(&m, "x", []byte("foo"))
	es.SetTimestamp(&m, "t", time.Unix(1730384114, 0))
	return m
}

func TestEventProblems(t *testing.T) {
	ok := Event{Headers: map[string]any{":event-type": "headers", "b": true, "l": int64(4294967294), "x": []byte("foo"),
		"t": Time(1730384114, 0)}, RequireHeaders: []string{":message-type"}, ForbidHeaders: []string{"nope"},
		HasBody: true, Body: `{"a": 1}`, BodyMediaType: "application/json"}
	if p := EventProblems(event(), ok); len(p) != 0 {
		t.Fatalf("matching event reported: %q", p)
	}
	bad := []func(*Event){
		func(w *Event) { w.Headers = map[string]any{"l": int32(4)} },
		func(w *Event) { w.Headers = map[string]any{"b": false} },
		func(w *Event) { w.Headers = map[string]any{"missing": "x"} },
		func(w *Event) { w.RequireHeaders = []string{"missing"} },
		func(w *Event) { w.ForbidHeaders = []string{"b"} },
		func(w *Event) { w.Body = `{"a": 2}` },
	}
	for i, change := range bad {
		w := ok
		change(&w)
		if p := EventProblems(event(), w); len(p) != 1 {
			t.Errorf("change %d: problems %q, want one", i, p)
		}
	}
}

// Signed envelopes are unwrapped and the empty one ending the stream
// dropped; unsigned messages are read as they are.
func TestDecodeSigned(t *testing.T) {
	pr, pw := io.Pipe()
	creds := aws.Credentials{AccessKeyID: "AKID", SecretAccessKey: "SECRET"}
	encode := func(m es.Message, out *es.Message) (string, error) {
		*out = m
		return "headers", nil
	}
	w := es.NewWriter(context.Background(), pw, encode, es.NewSigner(creds, "svc", "us-west-2", []byte("seed")))
	got := make(chan []es.Message, 1)
	go func() {
		msgs, err := decodeSigned(pr)
		if err != nil {
			t.Error(err)
		}
		got <- msgs
	}()
	w.Send(context.Background(), event())
	w.Close()
	msgs := <-got
	if len(msgs) != 1 || len(EventProblems(msgs[0], Event{Headers: map[string]any{"b": true}})) != 0 {
		t.Fatalf("messages %v", msgs)
	}
	plain, err := decodeSigned(bytes.NewReader(eventstreamtest.Encode(event(), event())))
	if err != nil || len(plain) != 2 {
		t.Fatalf("%d unsigned messages, %v", len(plain), err)
	}
}
