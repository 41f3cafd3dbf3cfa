package transport

import (
	"encoding/hex"
	"math/rand/v2"
	"runtime"
	"strings"
)

// Version is the runtime version reported in the User-Agent.
const Version = "0.1.0"

// buildUserAgent returns the User-Agent (in the AWS SDK User-Agent 2.1 format)
// naming this project, the platform and the application.
func buildUserAgent(appID string) string {
	ua := "smithygen/" + Version + " ua/2.1 os/" + osName() +
		" lang/go#" + uaToken(strings.TrimPrefix(runtime.Version(), "go")) +
		" md/GOOS#" + runtime.GOOS + " md/GOARCH#" + runtime.GOARCH
	if appID != "" {
		ua += " app/" + uaToken(appID)
	}
	return ua
}

// osName returns the User-Agent name of the operating system.
func osName() string {
	switch runtime.GOOS {
	case "linux", "windows", "ios", "android":
		return runtime.GOOS
	case "darwin":
		return "macos"
	}
	return "other"
}

// uaToken replaces the characters a User-Agent token may not hold with '-'.
func uaToken(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= '0' && r <= '9', r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
			return r
		case strings.ContainsRune("!#$%&'*+-.^_`|~", r):
			return r
		}
		return '-'
	}, s)
}

// newInvocationID returns a random (version 4) UUID for amz-sdk-invocation-id.
func newInvocationID() string {
	var b [16]byte
	for i := 0; i < 16; i += 8 {
		v := rand.Uint64()
		for j := range 8 {
			b[i+j] = byte(v >> (8 * j))
		}
	}
	return UUID(b)
}

// UUID formats 16 random bytes as a version 4 UUID.
func UUID(b [16]byte) string {
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
