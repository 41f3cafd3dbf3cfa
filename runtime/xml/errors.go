package xml

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/aws/smithy-go"
)

// Error is a document the decoder rejects: malformed XML, a limit exceeded,
// a DOCTYPE, or text that is not a value of the type read.
type Error struct {
	// Offset is the byte offset in the body where the problem was found.
	Offset int
	// Msg says what is wrong.
	Msg string
	// Err is the cause: one of the Err* values below, a strconv or base64
	// error, or nil.
	Err error
}

func (e *Error) Error() string {
	if e.Err != nil && e.Msg == "" {
		return fmt.Sprintf("xml: %v at offset %d", e.Err, e.Offset)
	}
	if e.Err != nil {
		return fmt.Sprintf("xml: %s at offset %d: %v", e.Msg, e.Offset, e.Err)
	}
	return fmt.Sprintf("xml: %s at offset %d", e.Msg, e.Offset)
}

func (e *Error) Unwrap() error { return e.Err }

// Causes of an *Error that callers may test with errors.Is.
var (
	// ErrSyntax is malformed XML.
	ErrSyntax = errors.New("syntax error")
	// ErrDOCTYPE is a document type declaration, which is never processed.
	ErrDOCTYPE = errors.New("DOCTYPE is not allowed")
	// ErrDepth is nesting deeper than Limits.MaxDepth.
	ErrDepth = errors.New("document nested too deeply")
	// ErrAttrs is an element with more attributes than Limits.MaxAttrs.
	ErrAttrs = errors.New("too many attributes")
	// ErrValue is element text that is not a value of the type read.
	ErrValue = errors.New("invalid value")
)

// Error wraps a decoding error in a *smithy.DeserializationError with a
// snapshot of the body.
func (d *Decoder) Error(err error) error { return DecodeError(err, d.b) }

// DecodeError wraps err in a *smithy.DeserializationError holding the last
// kilobyte of body; an error that already is one is returned as it is.
func DecodeError(err error, body []byte) error {
	var derr *smithy.DeserializationError
	if errors.As(err, &derr) {
		return err
	}
	const snapshot = 1024
	return &smithy.DeserializationError{
		Err:      fmt.Errorf("failed to decode response body, %w", err),
		Snapshot: bytes.Clone(body[max(0, len(body)-snapshot):]),
	}
}
