package eventstream

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"reflect"
	"testing"

	"github.com/aws/smithy-go/eventstream"
)

// frameOf encodes raw header bytes and a payload as a message with correct
// CRCs.
func frameOf(headers, payload []byte) []byte {
	b := binary.BigEndian.AppendUint32(nil, uint32(16+len(headers)+len(payload)))
	b = binary.BigEndian.AppendUint32(b, uint32(len(headers)))
	b = binary.BigEndian.AppendUint32(b, crc32.ChecksumIEEE(b))
	b = append(append(b, headers...), payload...)
	return binary.BigEndian.AppendUint32(b, crc32.ChecksumIEEE(b))
}

// FuzzHeadersMatchSmithy checks the reader's header decoding against
// smithy-go's decoder on the same frames, twice in a row so that names and
// values kept from the first frame are used for the second: what it
// accepts, smithy-go reads the same, and it accepts every canonical
// encoding smithy-go accepts (it is stricter only about trailing bytes).
func FuzzHeadersMatchSmithy(f *testing.F) {
	var all eventstream.Headers
	all.Set(":message-type", eventstream.StringValue("event"))
	all.Set("t", eventstream.BoolValue(true))
	all.Set("f", eventstream.BoolValue(false))
	all.Set("b", eventstream.Int8Value(-3))
	all.Set("s", eventstream.Int16Value(-300))
	all.Set("i", eventstream.Int32Value(70000))
	all.Set("l", eventstream.Int64Value(-1<<40))
	all.Set("bytes", eventstream.BytesValue("\x00\x01"))
	all.Set("ts", eventstream.TimestampValue{})
	all.Set("uuid", eventstream.UUIDValue{1, 2, 3})
	var enc bytes.Buffer
	if err := eventstream.EncodeHeaders(&enc, all); err != nil {
		f.Fatal(err)
	}
	f.Add(enc.Bytes())
	f.Add([]byte{1, 'x', 7, 0, 1, 'y', 1, 'x', 7, 0, 0}) // a repeated name
	f.Add([]byte{1, 'x', 10})                            // an unknown type
	f.Add([]byte{3, 'a', 'b'})                           // a short name
	f.Fuzz(func(t *testing.T, headers []byte) {
		frame := frameOf(headers, []byte("p"))
		two := append(bytes.Clone(frame), frame...)
		want, werr := eventstream.NewDecoder().Decode(bytes.NewReader(frame), nil)
		fr := newFrameReader(bytes.NewReader(two))
		for i := range 2 {
			got, gerr := fr.read()
			switch {
			case gerr == nil && werr != nil:
				t.Fatalf("frame %d: accepted %v, smithy-go failed with %v", i, got.Headers, werr)
			case gerr == nil && (!reflect.DeepEqual(got.Headers, want.Headers) || !bytes.Equal(got.Payload, want.Payload)):
				t.Fatalf("frame %d: headers %v, smithy-go %v", i, got.Headers, want.Headers)
			case gerr != nil && werr == nil:
				// smithy-go ignores a name length byte that ends the
				// section; a canonical encoding must be read alike.
				var again bytes.Buffer
				eventstream.EncodeHeaders(&again, want.Headers)
				if bytes.Equal(again.Bytes(), headers) {
					t.Fatalf("frame %d: error %v on headers smithy-go reads as %v", i, gerr, want.Headers)
				}
				return
			}
		}
	})
}

// Decoding the headers of a message allocates the header list only, once
// names and values have been seen.
func TestHeadersAllocations(t *testing.T) {
	var hs eventstream.Headers
	hs.Set(MessageTypeHeader, eventstream.StringValue(EventMessage))
	hs.Set(EventTypeHeader, eventstream.StringValue("contentBlockDelta"))
	hs.Set(ContentTypeHeader, eventstream.StringValue("application/json"))
	var enc bytes.Buffer
	eventstream.EncodeHeaders(&enc, hs)
	fr := newFrameReader(nil)
	fr.headers(enc.Bytes())
	if n := testing.AllocsPerRun(100, func() { fr.headers(enc.Bytes()) }); n != 1 {
		t.Fatalf("%v allocations per message", n)
	}
}
