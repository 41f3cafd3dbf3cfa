// Package eventstreamtest builds event stream messages and serves them over
// a local HTTP server, for tests of event stream readers and of generated
// clients with streaming operations.
package eventstreamtest

import (
	"bytes"
	"errors"
	"io"

	"github.com/aws/smithy-go/eventstream"

	es "github.com/smithygen/smithygen/runtime/eventstream"
)

// Event returns an event message of the given :event-type with a JSON
// payload; an empty payload gets no :content-type.
func Event(eventType string, payload []byte) es.Message {
	var m es.Message
	es.SetString(&m, es.MessageTypeHeader, es.EventMessage)
	es.SetString(&m, es.EventTypeHeader, eventType)
	if len(payload) > 0 {
		es.SetString(&m, es.ContentTypeHeader, "application/json")
		m.Payload = payload
	}
	return m
}

// Exception returns an exception message of the given :exception-type with
// a JSON payload, e.g. {"message":"..."}.
func Exception(exceptionType string, payload []byte) es.Message {
	var m es.Message
	es.SetString(&m, es.MessageTypeHeader, es.ExceptionMessage)
	es.SetString(&m, es.ExceptionTypeHeader, exceptionType)
	es.SetString(&m, es.ContentTypeHeader, "application/json")
	m.Payload = payload
	return m
}

// Error returns an error message with :error-code and :error-message.
func Error(code, message string) es.Message {
	var m es.Message
	es.SetString(&m, es.MessageTypeHeader, es.ErrorMessage)
	es.SetString(&m, es.ErrorCodeHeader, code)
	es.SetString(&m, es.ErrorMessageHeader, message)
	return m
}

// Encode returns the wire encoding of messages, one after the other. It
// panics on a message the codec rejects (a header name over 255 bytes).
func Encode(msgs ...es.Message) []byte {
	var buf bytes.Buffer
	enc := eventstream.NewEncoder()
	for _, m := range msgs {
		if err := enc.Encode(&buf, m); err != nil {
			panic(err)
		}
	}
	return buf.Bytes()
}

// Decode reads every message of an encoded stream, such as a request body
// an input stream wrote. A stream ending inside a message is an error.
func Decode(r io.Reader) ([]es.Message, error) {
	var out []es.Message
	err := DecodeEach(r, func(m es.Message) { out = append(out, m) })
	return out, err
}

// DecodeEach calls fn with each message of an encoded stream as it is read.
func DecodeEach(r io.Reader, fn func(es.Message)) error {
	dec := eventstream.NewDecoder()
	cr := &countingReader{r: r}
	for {
		start := cr.n
		m, err := dec.Decode(cr, nil)
		if err == io.EOF && cr.n == start {
			return nil
		}
		if err != nil {
			if errors.Is(err, io.EOF) {
				err = io.ErrUnexpectedEOF
			}
			return err
		}
		fn(m)
	}
}

type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}
