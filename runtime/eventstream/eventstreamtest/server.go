package eventstreamtest

import (
	"net/http"
	"net/http/httptest"
	"sync"

	es "github.com/smithygen/smithygen/runtime/eventstream"
)

// Stream is an http.Handler answering every request with an event stream
// response: status 200, Content-Type application/vnd.amazon.eventstream, an
// x-amzn-RequestId, then each message flushed as it is written.
type Stream struct {
	Messages []es.Message
	// Raw, when set, is written after Messages as it is: broken frames.
	Raw []byte
	// Stall keeps the response open after the messages until the client
	// goes away, as a server that stops sending would.
	Stall bool
	// Header is added to the response headers.
	Header http.Header
	// Input, when set, receives each message of the request body, read
	// while the response is written (an input event stream).
	Input func(es.Message)
	// InputErr, when set, receives the error that ended reading the
	// request body, nil at its clean end.
	InputErr func(error)
}

// ServeHTTP implements http.Handler.
func (s *Stream) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	rc := http.NewResponseController(w)
	var input sync.WaitGroup
	if s.Input != nil {
		_ = rc.EnableFullDuplex()
		input.Go(func() {
			err := DecodeEach(r.Body, s.Input)
			if s.InputErr != nil {
				s.InputErr(err)
			}
		})
	}
	for k, v := range s.Header {
		w.Header()[k] = v
	}
	w.Header().Set("Content-Type", es.ContentType)
	w.Header().Set("X-Amzn-Requestid", "eventstreamtest-request")
	w.WriteHeader(http.StatusOK)
	_ = rc.Flush()
	for _, m := range s.Messages {
		if _, err := w.Write(Encode(m)); err != nil {
			return
		}
		if err := rc.Flush(); err != nil {
			return
		}
	}
	if len(s.Raw) > 0 {
		_, _ = w.Write(s.Raw)
		_ = rc.Flush()
	}
	input.Wait()
	if s.Stall {
		<-r.Context().Done()
	}
}

// NewServer starts a local HTTP server answering with the stream. Close it
// when done.
func NewServer(s *Stream) *httptest.Server { return httptest.NewServer(s) }
