package eventstream_test

import (
	"context"
	"testing"

	"github.com/smithygen/smithygen/runtime/eventstream"
	"github.com/smithygen/smithygen/runtime/eventstream/eventstreamtest"
)

// FuzzReader feeds arbitrary bytes to a Reader: it must end with an event
// list and an error or none, never panic, and close the body. The decode
// callback reads every header with every getter, as generated code may.
func FuzzReader(f *testing.F) {
	c := converse
	c.ThrottleAfter = 2
	full := eventstreamtest.Encode(converse.Messages()...)
	f.Add(full)
	f.Add(full[:len(full)-7])
	f.Add(eventstreamtest.Encode(c.Messages()...))
	f.Add(eventstreamtest.Encode(eventstreamtest.Error("InternalFailure", "x")))
	f.Add(rawFrame([]byte{1, 'x', 42}, nil))
	f.Add(prelude(16+eventstream.MaxPayloadLen+1, 0))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		dec := eventstream.Decoder[int]{
			Event: func(et string, m *eventstream.Message) (int, bool, error) {
				for _, h := range m.Headers {
					eventstream.HeaderString(m, h.Name)
					eventstream.HeaderBool(m, h.Name)
					eventstream.HeaderByte(m, h.Name)
					eventstream.HeaderShort(m, h.Name)
					eventstream.HeaderInt(m, h.Name)
					eventstream.HeaderLong(m, h.Name)
					eventstream.HeaderBlob(m, h.Name)
					eventstream.HeaderTimestamp(m, h.Name)
				}
				return len(m.Payload), et != "skip", nil
			},
			Exception: converseStreamOutputDecoder.Exception,
		}
		b := newBody(data)
		r := eventstream.NewReader(context.Background(), b, dec)
		n := 0
		for _, err := range r.All() {
			if err == nil {
				n++
			}
		}
		if n > len(data)/16 {
			t.Fatalf("%d events from %d bytes", n, len(data))
		}
		if !b.closed.Load() {
			t.Fatal("body not closed")
		}
	})
}
