package eventstream

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"

	"github.com/aws/smithy-go/eventstream"
)

// Limits on one message, as the event stream specification sets them.
// Frames are checked against them before any allocation.
const (
	MaxHeadersLen = 128 << 10
	MaxPayloadLen = 16 << 20
)

// Kinds of MessageError, for errors.Is.
var (
	// ErrTruncated: the stream ended inside a message.
	ErrTruncated = errors.New("truncated message")
	// ErrChecksum: a prelude or message CRC does not match.
	ErrChecksum = errors.New("checksum mismatch")
	// ErrTooLarge: the headers or payload exceed MaxHeadersLen or MaxPayloadLen.
	ErrTooLarge = errors.New("message too large")
	// ErrMalformed: inconsistent lengths, undecodable headers, or protocol
	// headers (:message-type, :event-type, ...) missing or not strings.
	ErrMalformed = errors.New("malformed message")
)

// MessageError is a message of an output stream that could not be read. The
// Reader reports it wrapped in a *smithy.DeserializationError.
type MessageError struct {
	// Offset is where the message starts in the stream.
	Offset int64
	// Kind is ErrTruncated, ErrChecksum, ErrTooLarge or ErrMalformed.
	Kind error
	// Err is the detail, if any.
	Err error
}

func (e *MessageError) Error() string {
	s := fmt.Sprintf("event stream message at offset %d: %v", e.Offset, e.Kind)
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

// Is reports whether target is the error's Kind.
func (e *MessageError) Is(target error) bool { return target == e.Kind }

// Unwrap returns the detail.
func (e *MessageError) Unwrap() error { return e.Err }

const (
	preludeLen  = 12 // total length, headers length, prelude CRC
	overheadLen = preludeLen + 4
)

// frameReader reads whole messages from a byte stream.
type frameReader struct {
	src *bufio.Reader
	// offset is the count of bytes read, start where the last message began.
	offset, start int64
	// names and values hold header names and string values seen before,
	// so that the protocol headers every message repeats are not
	// allocated again.
	names  map[string]string
	values map[string]eventstream.Value
}

func newFrameReader(r io.Reader) *frameReader {
	return &frameReader{src: bufio.NewReaderSize(r, 16<<10)}
}

// read returns the next message, io.EOF at a clean end of stream, a
// *MessageError for a bad message, or the underlying reader's error. The
// payload is in memory of its own that is never reused, so decoded values
// may refer to it.
func (f *frameReader) read() (Message, error) {
	start := f.offset
	f.start = start
	var prelude [preludeLen]byte
	n, err := io.ReadFull(f.src, prelude[:])
	f.offset += int64(n)
	if err != nil {
		if err == io.EOF {
			return Message{}, io.EOF
		}
		return Message{}, f.readErr(start, err)
	}
	total := binary.BigEndian.Uint32(prelude[0:4])
	headersLen := binary.BigEndian.Uint32(prelude[4:8])
	if crc32.ChecksumIEEE(prelude[:8]) != binary.BigEndian.Uint32(prelude[8:12]) {
		return Message{}, &MessageError{Offset: start, Kind: ErrChecksum, Err: errors.New("prelude")}
	}
	if total < overheadLen || headersLen > total-overheadLen {
		return Message{}, &MessageError{Offset: start, Kind: ErrMalformed,
			Err: fmt.Errorf("total length %d, headers length %d", total, headersLen)}
	}
	payloadLen := total - overheadLen - headersLen
	if headersLen > MaxHeadersLen || payloadLen > MaxPayloadLen {
		return Message{}, &MessageError{Offset: start, Kind: ErrTooLarge,
			Err: fmt.Errorf("headers %d bytes, payload %d bytes", headersLen, payloadLen)}
	}
	frame := make([]byte, total)
	copy(frame, prelude[:])
	n, err = io.ReadFull(f.src, frame[preludeLen:])
	f.offset += int64(n)
	if err != nil {
		return Message{}, f.readErr(start, err)
	}
	if crc32.ChecksumIEEE(frame[:total-4]) != binary.BigEndian.Uint32(frame[total-4:]) {
		return Message{}, &MessageError{Offset: start, Kind: ErrChecksum, Err: errors.New("message")}
	}
	var m Message
	if headersLen > 0 {
		if m.Headers, err = f.headers(frame[preludeLen : preludeLen+headersLen]); err != nil {
			return Message{}, &MessageError{Offset: start, Kind: ErrMalformed, Err: err}
		}
	}
	// The payload is the frame's own bytes, which nothing else writes to.
	if payloadLen > 0 {
		off := preludeLen + headersLen
		m.Payload = frame[off : off+payloadLen : off+payloadLen]
	}
	return m, nil
}

func (f *frameReader) readErr(start int64, err error) error {
	if err == io.ErrUnexpectedEOF || err == io.EOF {
		return &MessageError{Offset: start, Kind: ErrTruncated,
			Err: fmt.Errorf("stream ended at offset %d", f.offset)}
	}
	return err
}
