package bedrock

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"io"
	"net/http"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/smithy-go"

	ours "github.com/smithygen/smithygen/integration/bedrock/gen/bedrockruntime"
	"github.com/smithygen/smithygen/integration/bedrock/gen/bedrockruntime/types"
	es "github.com/smithygen/smithygen/runtime/eventstream"
	"github.com/smithygen/smithygen/runtime/eventstream/eventstreamtest"
)

// bodyClient answers every request with a 200 event stream response whose
// body is the given bytes.
type bodyClient struct{ body []byte }

func (c bodyClient) Do(r *http.Request) (*http.Response, error) {
	return &http.Response{StatusCode: 200, Header: http.Header{"Content-Type": {es.ContentType}},
		Body: io.NopCloser(bytes.NewReader(c.body)), ContentLength: int64(len(c.body)), Request: r}, nil
}

// readBody runs ConverseStream over a response body and returns the events'
// types and the error that ended the stream.
func readBody(t testing.TB, body []byte) (int, error) {
	c := ours.New(ours.Options{Region: "us-east-1", BaseEndpoint: aws.String("https://bedrock.local"),
		Credentials: creds, HTTPClient: bodyClient{body}, RetryMaxAttempts: 1})
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	out, err := c.ConverseStream(ctx, input)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	var last error
	for ev, err := range out.GetStream().All() {
		if last != nil {
			t.Fatalf("event %T after the error %v", ev, last)
		}
		if err != nil {
			last = err
			continue
		}
		if ev == nil {
			t.Fatal("nil event")
		}
		n++
	}
	return n, last
}

func messages(n int) []byte {
	return eventstreamtest.Encode(eventstreamtest.Converse{Deltas: eventstreamtest.Deltas(n)}.Messages()...)
}

// frame returns the encoding of one delta message.
func frame() []byte {
	return eventstreamtest.Encode(eventstreamtest.Event("contentBlockDelta", eventstreamtest.ContentBlockDelta(0, "x")))
}

// withPrelude returns a frame with the given lengths and a valid prelude CRC.
func withPrelude(total, headers uint32) []byte {
	b := make([]byte, 16)
	binary.BigEndian.PutUint32(b[0:], total)
	binary.BigEndian.PutUint32(b[4:], headers)
	binary.BigEndian.PutUint32(b[8:], crc32.ChecksumIEEE(b[:8]))
	return b
}

func TestBadFrames(t *testing.T) {
	leakCheck(t)
	good := frame()
	flip := func(b []byte, i int) []byte {
		c := bytes.Clone(b)
		c[i] ^= 0x40
		return c
	}
	cases := []struct {
		name   string
		body   []byte
		events int
		kind   error
	}{
		{"truncated", append(bytes.Clone(good), good[:len(good)/2]...), 1, es.ErrTruncated},
		{"truncated prelude", append(bytes.Clone(good), good[:7]...), 1, es.ErrTruncated},
		{"prelude CRC", append(bytes.Clone(good), flip(good, 9)...), 1, es.ErrChecksum},
		{"message CRC", append(bytes.Clone(good), flip(good, len(good)-1)...), 1, es.ErrChecksum},
		{"payload byte", append(bytes.Clone(good), flip(good, len(good)-8)...), 1, es.ErrChecksum},
		{"oversized headers", append(bytes.Clone(good), withPrelude(es.MaxHeadersLen+1000, es.MaxHeadersLen+1)...), 1, es.ErrTooLarge},
		{"oversized payload", withPrelude(es.MaxPayloadLen+100, 0), 0, es.ErrTooLarge},
		{"inconsistent lengths", withPrelude(20, 100), 0, es.ErrMalformed},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			n, err := readBody(t, c.body)
			var derr *smithy.DeserializationError
			if n != c.events || !errors.As(err, &derr) || !errors.Is(err, c.kind) {
				t.Fatalf("%d events, error %v; want %d events and %v", n, err, c.events, c.kind)
			}
		})
	}
}

// Unknown event types are skipped, as the event stream specification says.
func TestUnknownEventsSkipped(t *testing.T) {
	leakCheck(t)
	body := append(messages(2), eventstreamtest.Encode(
		eventstreamtest.Event("futureEvent", []byte(`{"x":1}`)),
		eventstreamtest.Event("contentBlockDelta", eventstreamtest.ContentBlockDelta(0, "after")))...)
	n, err := readBody(t, body)
	if err != nil || n != 7 {
		t.Fatalf("%d events, %v", n, err)
	}
}

// A payload that is not the event's JSON ends the stream with a
// deserialization error naming the event.
func TestBadEventPayload(t *testing.T) {
	leakCheck(t)
	body := eventstreamtest.Encode(eventstreamtest.Event("contentBlockDelta", []byte(`{"contentBlockIndex":"zero"}`)))
	_, err := readBody(t, body)
	var derr *smithy.DeserializationError
	if !errors.As(err, &derr) {
		t.Fatalf("error %v", err)
	}
	if _, err := readBody(t, eventstreamtest.Encode(eventstreamtest.Error("InternalFailure", "boom"))); err == nil {
		t.Fatal("an error message did not end the stream with an error")
	} else if ae := new(smithy.GenericAPIError); !errors.As(err, &ae) || ae.Code != "InternalFailure" {
		t.Fatalf("error message read as %v", err)
	}
	var te *types.ModelStreamErrorException
	body = eventstreamtest.Encode(eventstreamtest.Exception("modelStreamErrorException", []byte(`{"message":"m","originalStatusCode":424}`)))
	if _, err := readBody(t, body); !errors.As(err, &te) || *te.OriginalStatusCode != 424 {
		t.Fatalf("exception read as %v", err)
	}
}
