// Package document holds the Smithy document type of generated clients: an
// untyped, JSON-like value such as a free-form configuration.
//
// Interface matches the method set of aws-sdk-go-v2's document.Interface, so
// values move between the two without conversion.
package document

import (
	"bytes"
	"encoding/json"
	"errors"
)

// Interface is a document value. Protocols send the JSON MarshalSmithyDocument
// returns; decoded documents unmarshal into Go values as encoding/json would.
type Interface interface {
	// MarshalSmithyDocument returns the document as JSON.
	MarshalSmithyDocument() ([]byte, error)
	// UnmarshalSmithyDocument decodes the document into v, a pointer.
	UnmarshalSmithyDocument(v any) error
}

// NewLazyDocument returns a document holding v, marshaled with encoding/json
// when it is sent.
func NewLazyDocument(v any) Interface { return lazy{v: v} }

type lazy struct{ v any }

func (d lazy) MarshalSmithyDocument() ([]byte, error) { return json.Marshal(d.v) }

func (d lazy) UnmarshalSmithyDocument(v any) error {
	b, err := json.Marshal(d.v)
	if err != nil {
		return err
	}
	return json.Unmarshal(b, v)
}

// FromJSON returns a document holding a copy of raw, which must be one
// valid JSON value.
func FromJSON(raw []byte) (Interface, error) {
	if !json.Valid(raw) {
		return nil, errors.New("document: invalid JSON value")
	}
	return rawJSON(bytes.Clone(raw)), nil
}

// rawJSON is a document received on the wire.
type rawJSON []byte

func (d rawJSON) MarshalSmithyDocument() ([]byte, error) { return bytes.Clone(d), nil }

// UnmarshalSmithyDocument decodes the document; numbers decoded into an
// interface value keep their text as json.Number.
func (d rawJSON) UnmarshalSmithyDocument(v any) error {
	dec := json.NewDecoder(bytes.NewReader(d))
	dec.UseNumber()
	return dec.Decode(v)
}
