package eventstream

import (
	"fmt"
	"time"

	"github.com/aws/smithy-go/eventstream"
)

// Message is one event stream message: its headers and payload.
type Message = eventstream.Message

// Headers are the headers of a Message, in wire order.
type Headers = eventstream.Headers

// ContentType is the media type of an event stream HTTP body.
const ContentType = "application/vnd.amazon.eventstream"

// PayloadHash is the X-Amz-Content-Sha256 value a request with a signed
// input event stream is signed with.
const PayloadHash = "STREAMING-AWS4-HMAC-SHA256-EVENTS"

// Names and values of the headers the protocol itself uses.
const (
	MessageTypeHeader   = ":message-type"
	EventTypeHeader     = ":event-type"
	ExceptionTypeHeader = ":exception-type"
	ErrorCodeHeader     = ":error-code"
	ErrorMessageHeader  = ":error-message"
	ContentTypeHeader   = ":content-type"
	DateHeader          = ":date"
	SignatureHeader     = ":chunk-signature"

	EventMessage     = "event"
	ExceptionMessage = "exception"
	ErrorMessage     = "error"

	// InitialResponse is the :event-type of the message carrying the
	// operation output in protocols that send it in the stream.
	InitialResponse = "initial-response"
	// InitialRequest is its counterpart carrying the operation input.
	InitialRequest = "initial-request"
)

// HeaderError reports a header whose value does not have the type of the
// member it binds to, or is out of that type's range.
type HeaderError struct {
	Name string
	// Want is the Smithy type of the member, e.g. "integer".
	Want string
	// Value is the header's value as received.
	Value any
}

func (e *HeaderError) Error() string {
	return fmt.Sprintf("event header %q: want %s, got %T %v", e.Name, e.Want, e.Value, e.Value)
}

func header(m *Message, name string) eventstream.Value {
	for i := range m.Headers {
		if m.Headers[i].Name == name {
			return m.Headers[i].Value
		}
	}
	return nil
}

// HeaderString returns a string header, nil when absent.
func HeaderString(m *Message, name string) (*string, error) {
	s, ok, err := headerString(m, name)
	if !ok {
		return nil, err
	}
	return &s, nil
}

func headerString(m *Message, name string) (string, bool, error) {
	switch v := header(m, name).(type) {
	case nil:
		return "", false, nil
	case eventstream.StringValue:
		return string(v), true, nil
	default:
		return "", false, &HeaderError{Name: name, Want: "string", Value: v.Get()}
	}
}

// HeaderBool returns a boolean header, nil when absent.
func HeaderBool(m *Message, name string) (*bool, error) {
	switch v := header(m, name).(type) {
	case nil:
		return nil, nil
	case eventstream.BoolValue:
		b := bool(v)
		return &b, nil
	default:
		return nil, &HeaderError{Name: name, Want: "boolean", Value: v.Get()}
	}
}

// HeaderBlob returns a byte-array header, nil when absent.
func HeaderBlob(m *Message, name string) ([]byte, error) {
	switch v := header(m, name).(type) {
	case nil:
		return nil, nil
	case eventstream.BytesValue:
		return []byte(v), nil
	default:
		return nil, &HeaderError{Name: name, Want: "blob", Value: v.Get()}
	}
}

// HeaderTimestamp returns a timestamp header, nil when absent.
func HeaderTimestamp(m *Message, name string) (*time.Time, error) {
	switch v := header(m, name).(type) {
	case nil:
		return nil, nil
	case eventstream.TimestampValue:
		t := time.Time(v)
		return &t, nil
	default:
		return nil, &HeaderError{Name: name, Want: "timestamp", Value: v.Get()}
	}
}

// HeaderByte returns a byte header, nil when absent. Like the other integer
// getters it accepts any integer header whose value fits.
func HeaderByte(m *Message, name string) (*int8, error) {
	return headerInt[int8](m, name, "byte")
}

// HeaderShort returns a short header, nil when absent.
func HeaderShort(m *Message, name string) (*int16, error) {
	return headerInt[int16](m, name, "short")
}

// HeaderInt returns an integer header, nil when absent.
func HeaderInt(m *Message, name string) (*int32, error) {
	return headerInt[int32](m, name, "integer")
}

// HeaderLong returns a long header, nil when absent.
func HeaderLong(m *Message, name string) (*int64, error) {
	return headerInt[int64](m, name, "long")
}

func headerInt[T int8 | int16 | int32 | int64](m *Message, name, want string) (*T, error) {
	var n int64
	switch v := header(m, name).(type) {
	case nil:
		return nil, nil
	case eventstream.Int8Value:
		n = int64(v)
	case eventstream.Int16Value:
		n = int64(v)
	case eventstream.Int32Value:
		n = int64(v)
	case eventstream.Int64Value:
		n = int64(v)
	default:
		return nil, &HeaderError{Name: name, Want: want, Value: v.Get()}
	}
	t := T(n)
	if int64(t) != n {
		return nil, &HeaderError{Name: name, Want: want, Value: n}
	}
	return &t, nil
}

// SetString sets a string header, replacing one of the same name.
func SetString(m *Message, name, v string) { m.Headers.Set(name, eventstream.StringValue(v)) }

// SetBool sets a boolean header.
func SetBool(m *Message, name string, v bool) { m.Headers.Set(name, eventstream.BoolValue(v)) }

// SetByte sets a byte header.
func SetByte(m *Message, name string, v int8) { m.Headers.Set(name, eventstream.Int8Value(v)) }

// SetShort sets a short header.
func SetShort(m *Message, name string, v int16) { m.Headers.Set(name, eventstream.Int16Value(v)) }

// SetInt sets an integer header.
func SetInt(m *Message, name string, v int32) { m.Headers.Set(name, eventstream.Int32Value(v)) }

// SetLong sets a long header.
func SetLong(m *Message, name string, v int64) { m.Headers.Set(name, eventstream.Int64Value(v)) }

// SetBlob sets a byte-array header.
func SetBlob(m *Message, name string, v []byte) { m.Headers.Set(name, eventstream.BytesValue(v)) }

// SetTimestamp sets a timestamp header; the wire keeps milliseconds.
func SetTimestamp(m *Message, name string, v time.Time) {
	m.Headers.Set(name, eventstream.TimestampValue(v))
}
