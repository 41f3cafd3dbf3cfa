package eventstream_test

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"math/rand/v2"
	"testing"

	"github.com/aws/smithy-go"

	"github.com/smithygen/smithygen/runtime/eventstream"
	"github.com/smithygen/smithygen/runtime/eventstream/eventstreamtest"
)

// rawFrame encodes a message from raw header bytes, with correct CRCs.
func rawFrame(headers, payload []byte) []byte {
	total := uint32(16 + len(headers) + len(payload))
	b := binary.BigEndian.AppendUint32(nil, total)
	b = binary.BigEndian.AppendUint32(b, uint32(len(headers)))
	b = binary.BigEndian.AppendUint32(b, crc32.ChecksumIEEE(b))
	b = append(append(b, headers...), payload...)
	return binary.BigEndian.AppendUint32(b, crc32.ChecksumIEEE(b))
}

// prelude returns only a prelude with a correct CRC.
func prelude(total, headersLen uint32) []byte {
	b := binary.BigEndian.AppendUint32(nil, total)
	b = binary.BigEndian.AppendUint32(b, headersLen)
	return binary.BigEndian.AppendUint32(b, crc32.ChecksumIEEE(b))
}

// readAll decodes a stream with the Converse decoder and returns the number
// of events before it ended and its error.
func readAll(t *testing.T, data []byte) (int, error) {
	t.Helper()
	b := newBody(data)
	r := newReader(context.Background(), b)
	n := 0
	var last error
	for _, err := range r.All() {
		if err != nil {
			last = err
			continue
		}
		n++
	}
	if !b.closed.Load() {
		t.Fatal("body not closed at the end of the stream")
	}
	return n, last
}

func wantMessageError(t *testing.T, err error, kind error) {
	t.Helper()
	var de *smithy.DeserializationError
	var me *eventstream.MessageError
	if !errors.As(err, &de) || !errors.As(err, &me) || !errors.Is(err, kind) {
		t.Fatalf("error %T %v, want a *smithy.DeserializationError wrapping a *MessageError of kind %v", err, err, kind)
	}
}

func TestTruncatedStream(t *testing.T) {
	leakCheck(t)
	msgs := converse.Messages()
	head := eventstreamtest.Encode(msgs[:3]...)
	last := eventstreamtest.Encode(msgs[3])
	for cut := 1; cut < len(last); cut++ {
		n, err := readAll(t, append(bytes.Clone(head), last[:cut]...))
		if n != 3 {
			t.Fatalf("cut %d: %d events before the truncated one, want 3", cut, n)
		}
		wantMessageError(t, err, eventstream.ErrTruncated)
		var me *eventstream.MessageError
		errors.As(err, &me)
		if me.Offset != int64(len(head)) {
			t.Fatalf("cut %d: offset %d, want %d", cut, me.Offset, len(head))
		}
	}
}

func TestChecksums(t *testing.T) {
	leakCheck(t)
	good := eventstreamtest.Encode(converse.Messages()[1])
	for _, tc := range []struct {
		name string
		at   int
	}{
		{"prelude length", 1},
		{"prelude CRC", 9},
		{"headers", 14},
		{"payload", len(good) - 6},
		{"message CRC", len(good) - 1},
	} {
		bad := bytes.Clone(good)
		bad[tc.at] ^= 0x40
		n, err := readAll(t, bad)
		if n != 0 {
			t.Fatalf("%s: %d events", tc.name, n)
		}
		wantMessageError(t, err, eventstream.ErrChecksum)
	}
}

func TestOversizedMessages(t *testing.T) {
	leakCheck(t)
	cases := map[string][]byte{
		"headers": prelude(16+eventstream.MaxHeadersLen+1, eventstream.MaxHeadersLen+1),
		"payload": prelude(16+eventstream.MaxPayloadLen+1, 0),
		"max":     prelude(^uint32(0), 0),
	}
	for name, data := range cases {
		if _, err := readAll(t, data); err == nil {
			t.Fatalf("%s: no error", name)
		} else {
			wantMessageError(t, err, eventstream.ErrTooLarge)
		}
	}
}

func TestMalformedMessages(t *testing.T) {
	leakCheck(t)
	eventHeaders := func(extra ...byte) []byte {
		var b []byte
		b = append(b, 13)
		b = append(b, ":message-type"...)
		b = append(b, 7, 0, 5)
		b = append(b, "event"...)
		return append(b, extra...)
	}
	withHeaders := func(set func(*eventstream.Message)) []byte {
		var m eventstream.Message
		set(&m)
		m.Payload = []byte(`{}`)
		return eventstreamtest.Encode(m)
	}
	cases := map[string][]byte{
		"total below minimum":     prelude(15, 0),
		"headers beyond message":  prelude(20, 5),
		"unknown header type":     rawFrame(eventHeaders(1, 'x', 42), nil),
		"header past its section": rawFrame(eventHeaders(1, 'x', 7, 0, 200, 'a'), nil),
		"missing message type": withHeaders(func(m *eventstream.Message) {
			eventstream.SetString(m, eventstream.EventTypeHeader, "messageStart")
		}),
		"message type not a string": withHeaders(func(m *eventstream.Message) {
			eventstream.SetBlob(m, eventstream.MessageTypeHeader, []byte("event"))
			eventstream.SetString(m, eventstream.EventTypeHeader, "messageStart")
		}),
		"unknown message type": withHeaders(func(m *eventstream.Message) {
			eventstream.SetString(m, eventstream.MessageTypeHeader, "notice")
		}),
		"missing event type": withHeaders(func(m *eventstream.Message) {
			eventstream.SetString(m, eventstream.MessageTypeHeader, "event")
		}),
		"event type not a string": withHeaders(func(m *eventstream.Message) {
			eventstream.SetString(m, eventstream.MessageTypeHeader, "event")
			eventstream.SetInt(m, eventstream.EventTypeHeader, 3)
		}),
		"missing exception type": withHeaders(func(m *eventstream.Message) {
			eventstream.SetString(m, eventstream.MessageTypeHeader, "exception")
		}),
	}
	for name, data := range cases {
		_, err := readAll(t, data)
		if err == nil {
			t.Fatalf("%s: no error", name)
		}
		wantMessageError(t, err, eventstream.ErrMalformed)
	}
}

func TestBadPayloadIsDeserializationError(t *testing.T) {
	leakCheck(t)
	msgs := []eventstream.Message{eventstreamtest.Event("contentBlockDelta", []byte(`{"contentBlockIndex":"x"}`))}
	_, err := readAll(t, eventstreamtest.Encode(msgs...))
	if !errors.As(err, new(*smithy.DeserializationError)) {
		t.Fatalf("error %T %v", err, err)
	}
}

func TestGarbage(t *testing.T) {
	leakCheck(t)
	rng := rand.New(rand.NewPCG(1, 2))
	valid := eventstreamtest.Encode(converse.Messages()...)
	for i := range 500 {
		var data []byte
		if i%2 == 0 {
			data = make([]byte, rng.IntN(200))
			for j := range data {
				data[j] = byte(rng.Uint32())
			}
		} else {
			data = bytes.Clone(valid)
			for range 1 + rng.IntN(4) {
				data[rng.IntN(len(data))] ^= byte(1 + rng.IntN(255))
			}
		}
		if _, err := readAll(t, data); err == nil && len(data) > 0 {
			t.Fatalf("case %d: corrupt stream read without error", i)
		}
	}
}
