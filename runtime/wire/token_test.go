package wire

import (
	"bytes"
	"errors"
	"io"
	"testing"
)

func TestNewToken(t *testing.T) {
	a, b := NewToken(), NewToken()
	if len(a) != 36 || a == b || a[14] != '4' || a[8] != '-' {
		t.Errorf("tokens %q %q", a, b)
	}
}

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errors.New("broken") }

func TestTokenRand(t *testing.T) {
	defer func(r io.Reader) { TokenRand = r }(TokenRand)
	TokenRand = bytes.NewReader(make([]byte, 16))
	if got := NewToken(); got != "00000000-0000-4000-8000-000000000000" {
		t.Errorf("token from zero bytes %q", got)
	}
	TokenRand = failingReader{}
	if a, b := NewToken(), NewToken(); a == b || len(a) != 36 || a[14] != '4' {
		t.Errorf("tokens after a failing source %q %q", a, b)
	}
}
