package restjson

import (
	"crypto/rand"
	"encoding/hex"
	"io"
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
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	var out [36]byte
	hex.Encode(out[0:8], b[0:4])
	hex.Encode(out[9:13], b[4:6])
	hex.Encode(out[14:18], b[6:8])
	hex.Encode(out[19:23], b[8:10])
	hex.Encode(out[24:], b[10:])
	out[8], out[13], out[18], out[23] = '-', '-', '-', '-'
	return string(out[:])
}
