// Package protocoltest holds what the generated protocol compliance tests
// share: HTTP client doubles, request assertions and a deep comparison of
// decoded values.
package protocoltest

import (
	"bytes"
	"context"
	"errors"
	"io"
	"math/big"
	"net/http"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/smithygen/smithygen/runtime/document"
)

// Region is the region clients under test use.
const Region = "us-west-2"

// Credentials are fixed credentials, so that requests are signed.
var Credentials aws.CredentialsProvider = aws.CredentialsProviderFunc(
	func(context.Context) (aws.Credentials, error) {
		return aws.Credentials{AccessKeyID: "AKID", SecretAccessKey: "SECRET", Source: "protocoltest"}, nil
	})

// Endpoint is the base endpoint of a case's host ("example.com" when the
// case names none).
func Endpoint(host string) *string {
	if host == "" {
		host = "example.com"
	}
	s := "https://" + host
	return &s
}

// Capture is an HTTP client that records the first request it is sent,
// with its body, and answers it with an empty 200 response.
type Capture struct {
	Request *http.Request
	Body    []byte
	err     error
}

// Do records r.
func (c *Capture) Do(r *http.Request) (*http.Response, error) {
	if c.Request == nil {
		c.Request = r
		if r.Body != nil {
			c.Body, c.err = io.ReadAll(r.Body)
		}
	}
	return &http.Response{StatusCode: 200, Header: http.Header{}, Body: http.NoBody, Request: r}, nil
}

// Responder is an HTTP client that answers every request with one response.
type Responder struct {
	Code   int
	Header http.Header
	Body   string
}

// Do returns the response.
func (r *Responder) Do(req *http.Request) (*http.Response, error) {
	h := r.Header.Clone()
	if h == nil {
		h = http.Header{}
	}
	return &http.Response{StatusCode: r.Code, Header: h, Body: io.NopCloser(strings.NewReader(r.Body)),
		ContentLength: int64(len(r.Body)), Request: req}, nil
}

// Ptr returns a pointer to v.
func Ptr[T any](v T) *T { return &v }

// Time returns the UTC time sec seconds and nsec nanoseconds after the epoch.
func Time(sec, nsec int64) time.Time { return time.Unix(sec, nsec).UTC() }

// Document returns the document holding JSON text; invalid text yields a
// document that fails to marshal.
func Document(text string) document.Interface {
	d, err := document.FromJSON([]byte(text))
	if err != nil {
		return badDocument{err}
	}
	return d
}

type badDocument struct{ err error }

func (d badDocument) MarshalSmithyDocument() ([]byte, error) { return nil, d.err }
func (d badDocument) UnmarshalSmithyDocument(any) error      { return d.err }

// BigInt parses a decimal integer; invalid text yields nil.
func BigInt(s string) *big.Int {
	v, _ := new(big.Int).SetString(s, 10)
	return v
}

// BigFloat parses a decimal number; invalid text yields nil.
func BigFloat(s string) *big.Float {
	v, _, err := big.ParseFloat(s, 10, 256, big.ToNearestEven)
	if err != nil {
		return nil
	}
	return v
}

// Reader returns a reader of text, for streaming members.
func Reader(text string) io.Reader { return bytes.NewReader([]byte(text)) }

// Zeros is a reader of zero bytes: idempotency tokens drawn from it are
// 00000000-0000-4000-8000-000000000000, the value protocol tests expect.
var Zeros io.Reader = zeros{}

type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

// errNoRequest reports a call that sent nothing.
var errNoRequest = errors.New("no request was sent")
