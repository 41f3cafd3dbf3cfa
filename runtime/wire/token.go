package wire

import (
	"crypto/rand"
	"io"

	"github.com/smithygen/smithygen/runtime/transport"
)

// TokenRand is the source of the random bytes of idempotency tokens. Tests
// may replace it before making calls: a reader of zero bytes yields the
// token 00000000-0000-4000-8000-000000000000.
var TokenRand io.Reader = rand.Reader

// NewToken returns a version 4 UUID drawn from TokenRand for an idempotency
// token member the caller left unset; crypto/rand is used should TokenRand
// fail.
func NewToken() string {
	var b [16]byte
	if _, err := io.ReadFull(TokenRand, b[:]); err != nil {
		_, _ = rand.Read(b[:]) // crypto/rand.Read never fails
	}
	return transport.UUID(b)
}
