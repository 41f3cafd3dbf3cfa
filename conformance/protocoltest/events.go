package protocoltest

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"io"
	"net/http"
	"reflect"
	"sort"
	"testing"
	"time"

	es "github.com/smithygen/smithygen/runtime/eventstream"
	"github.com/smithygen/smithygen/runtime/eventstream/eventstreamtest"
)

// EventServer is an HTTP client double for event stream cases. It answers
// at once with Code, Header and Body, then reads the request body's event
// messages (an input stream), unwrapping signed envelopes, while the client
// sends them.
type EventServer struct {
	Code   int
	Header http.Header
	// Body is the response body: the encoded output messages, or an error
	// response.
	Body []byte

	// Request is the request received.
	Request  *http.Request
	read     chan struct{}
	messages []es.Message
	err      error
}

// Do answers r and starts reading its body.
func (s *EventServer) Do(r *http.Request) (*http.Response, error) {
	s.Request = r
	s.read = make(chan struct{})
	go func() {
		defer close(s.read)
		if r.Body == nil {
			return
		}
		s.messages, s.err = decodeSigned(r.Body)
		r.Body.Close()
	}()
	h := s.Header.Clone()
	if h == nil {
		h = http.Header{}
	}
	return &http.Response{StatusCode: s.Code, Header: h, Body: io.NopCloser(bytes.NewReader(s.Body)),
		ContentLength: int64(len(s.Body)), Request: r}, nil
}

// Messages waits for the end of the request body and returns its event
// messages.
func (s *EventServer) Messages(t testing.TB) []es.Message {
	t.Helper()
	if s.Request == nil {
		t.Fatal(errNoRequest)
	}
	select {
	case <-s.read:
	case <-time.After(10 * time.Second):
		t.Fatal("the request body did not end")
	}
	if s.err != nil {
		t.Fatalf("reading the request body: %v", s.err)
	}
	return s.messages
}

// decodeSigned reads the messages of an input stream. A message signed
// with SigV4 event signing is an envelope (:date, :chunk-signature) whose
// payload is the message; the empty envelope that ends a signed stream is
// dropped.
func decodeSigned(r io.Reader) ([]es.Message, error) {
	msgs, err := eventstreamtest.Decode(r)
	if err != nil {
		return nil, err
	}
	var out []es.Message
	for _, m := range msgs {
		if sig, _ := es.HeaderBlob(&m, es.SignatureHeader); sig == nil {
			out = append(out, m)
			continue
		}
		if len(m.Payload) == 0 {
			continue
		}
		inner, err := eventstreamtest.Decode(bytes.NewReader(m.Payload))
		if err != nil || len(inner) != 1 {
			return nil, fmt.Errorf("signed envelope holds %d messages: %v", len(inner), err)
		}
		out = append(out, inner[0])
	}
	return out, nil
}

// MessageBytes returns the concatenated decoding of base64-encoded messages.
func MessageBytes(encoded ...string) []byte {
	var out []byte
	for _, e := range encoded {
		b, err := base64.StdEncoding.DecodeString(e)
		if err != nil {
			panic(err)
		}
		out = append(out, b...)
	}
	return out
}

// Event is what an eventStreamTests case expects of a message the client
// sends. Header values are Go values of the header's type: bool, int8,
// int16, int32, int64, []byte, string or time.Time.
type Event struct {
	Headers        map[string]any
	ForbidHeaders  []string
	RequireHeaders []string
	// Body is checked when HasBody is set, as in Request.
	HasBody       bool
	Body          string
	BodyMediaType string
}

// CheckEvents compares the messages sent with those expected, in order.
func CheckEvents(t testing.TB, got []es.Message, want []Event) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%d messages sent, want %d: %v", len(got), len(want), got)
	}
	for i := range want {
		for _, p := range EventProblems(got[i], want[i]) {
			t.Errorf("message %d: %s", i, p)
		}
	}
}

// EventProblems lists how m differs from want.
func EventProblems(m es.Message, want Event) []string {
	var out []string
	names := make([]string, 0, len(want.Headers))
	for k := range want.Headers {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		v := headerOf(m, k)
		if v == nil {
			out = append(out, fmt.Sprintf("header %s is missing, want %v", k, want.Headers[k]))
			continue
		}
		if got := v.Get(); !headerEqual(got, want.Headers[k]) {
			out = append(out, fmt.Sprintf("header %s = %T %v, want %T %v", k, got, got, want.Headers[k], want.Headers[k]))
		}
	}
	for _, k := range want.ForbidHeaders {
		if v := headerOf(m, k); v != nil {
			out = append(out, fmt.Sprintf("forbidden header %s is set to %v", k, v.Get()))
		}
	}
	for _, k := range want.RequireHeaders {
		if headerOf(m, k) == nil {
			out = append(out, fmt.Sprintf("required header %s is missing", k))
		}
	}
	if want.HasBody {
		out = append(out, bodyProblems(m.Payload, Request{Body: want.Body, BodyMediaType: want.BodyMediaType})...)
	}
	return out
}

func headerOf(m es.Message, name string) interface{ Get() any } {
	for _, h := range m.Headers {
		if h.Name == name {
			return h.Value
		}
	}
	return nil
}

func headerEqual(got, want any) bool {
	if g, ok := got.(time.Time); ok {
		w, ok := want.(time.Time)
		return ok && g.Equal(w)
	}
	return reflect.DeepEqual(got, want)
}
