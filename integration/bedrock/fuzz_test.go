package bedrock

import (
	"testing"
)

// FuzzConverseStreamResponse drives the generated client's event stream
// response path with arbitrary bodies: every body ends the stream, with
// events, an error or both, and never panics.
func FuzzConverseStreamResponse(f *testing.F) {
	good := messages(3)
	f.Add(good)
	f.Add(good[:len(good)-5])
	f.Add(append(frame(), withPrelude(1<<20, 1<<19)...))
	f.Add(withPrelude(16, 0))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, body []byte) {
		readBody(t, body)
	})
}
