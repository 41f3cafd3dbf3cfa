package httpbinding

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"io"
	"net/http"
	"testing"

	"github.com/smithygen/smithygen/runtime/transport"
)

func newRequest(body string) *transport.Request {
	return &transport.Request{Header: http.Header{}, Body: []byte(body)}
}

func gunzip(t *testing.T, b []byte) string {
	t.Helper()
	r, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	out, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

func b64(b []byte) string { return base64.StdEncoding.EncodeToString(b) }

func be32(v uint32) string { return b64(binary.BigEndian.AppendUint32(nil, v)) }

func be64(v uint64) string { return b64(binary.BigEndian.AppendUint64(nil, v)) }

// TestSetChecksum checks each algorithm against the standard check values
// of "123456789".
func TestSetChecksum(t *testing.T) {
	sha := sha256.Sum256([]byte("123456789"))
	cases := []struct{ alg, header, want string }{
		{"CRC32", "X-Amz-Checksum-Crc32", be32(0xCBF43926)},
		{"crc32c", "X-Amz-Checksum-Crc32c", be32(0xE3069283)},
		{"CRC64NVME", "X-Amz-Checksum-Crc64nvme", be64(0xAE8B14860A799888)},
		{"SHA256", "X-Amz-Checksum-Sha256", b64(sha[:])},
	}
	for _, c := range cases {
		r := newRequest("123456789")
		if err := SetChecksum(r, c.alg, ""); err != nil {
			t.Fatalf("%s: %v", c.alg, err)
		}
		if got := r.Header.Get(c.header); got != c.want {
			t.Errorf("%s: %s = %q, want %q", c.alg, c.header, got, c.want)
		}
	}
}

func TestSetChecksumDefaultsAndErrors(t *testing.T) {
	r := newRequest("123456789")
	if err := SetChecksum(r, "", "x-amz-sdk-checksum-algorithm"); err != nil {
		t.Fatal(err)
	}
	if a, c := r.Header.Get("X-Amz-Sdk-Checksum-Algorithm"), r.Header.Get("X-Amz-Checksum-Crc32"); a != "CRC32" || c != be32(0xCBF43926) {
		t.Errorf("default: algorithm %q, checksum %q", a, c)
	}
	r = newRequest("123456789")
	r.Header["X-Amz-Checksum-Sha1"] = []string{"given"}
	if err := SetChecksum(r, "SHA1", ""); err != nil || r.Header.Get("X-Amz-Checksum-Sha1") != "given" {
		t.Errorf("explicit header replaced: %v %q", err, r.Header.Get("X-Amz-Checksum-Sha1"))
	}
	if err := SetChecksum(newRequest("x"), "XXHASH3", ""); err == nil {
		t.Error("unsupported algorithm accepted")
	}
}

func TestSetContentMD5(t *testing.T) {
	r := newRequest(`{"foo":"base64 encoded md5 checksum"}`)
	SetContentMD5(r)
	if got := r.Header.Get("Content-Md5"); got != "iB0/3YSo7maijL0IGOgA9g==" {
		t.Errorf("Content-MD5 %q", got)
	}
}

// TestGlacierChecksums checks the tree hash of a body of three 1 MiB
// chunks and a partial one against the hashes combined by hand.
func TestGlacierChecksums(t *testing.T) {
	const mib = 1 << 20
	body := bytes.Repeat([]byte("0123456789abcdef"), (3*mib+100)/16)
	h := func(parts ...[]byte) []byte {
		s := sha256.Sum256(bytes.Join(parts, nil))
		return s[:]
	}
	c := [][]byte{h(body[:mib]), h(body[mib : 2*mib]), h(body[2*mib : 3*mib]), h(body[3*mib:])}
	want := h(h(c[0], c[1]), h(c[2], c[3]))
	r := &transport.Request{Header: http.Header{}, Body: body}
	GlacierChecksums(r)
	if got := r.Header.Get("X-Amz-Sha256-Tree-Hash"); got != hex.EncodeToString(want) {
		t.Errorf("tree hash %s, want %x", got, want)
	}
	if got := r.Header.Get("X-Amz-Content-Sha256"); got != hex.EncodeToString(h(body)) {
		t.Errorf("content hash %s", got)
	}
	small := newRequest("hello world")
	GlacierChecksums(small)
	const helloSHA = "b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9"
	if small.Header.Get("X-Amz-Sha256-Tree-Hash") != helloSHA || small.Header.Get("X-Amz-Content-Sha256") != helloSHA {
		t.Errorf("one-chunk hashes %v", small.Header)
	}
}

// onlyReader hides every method of r but Read.
type onlyReader struct{ r io.Reader }

func (o onlyReader) Read(p []byte) (int, error) { return o.r.Read(p) }

// Checksums of a streaming body are those of its bytes: a seekable stream
// is rewound to where it was, another is kept in memory as the body.
func TestChecksumsOfStreams(t *testing.T) {
	body := bytes.Repeat([]byte("stream "), 200000)
	want := &transport.Request{Header: http.Header{}, Body: body}
	GlacierChecksums(want)
	SetContentMD5(want)
	if err := SetChecksum(want, "SHA256", ""); err != nil {
		t.Fatal(err)
	}
	seekable := bytes.NewReader(append([]byte("skip"), body...))
	seekable.Seek(4, io.SeekStart)
	for name, stream := range map[string]io.Reader{"seekable": seekable, "unseekable": onlyReader{bytes.NewReader(body)}} {
		r := &transport.Request{Header: http.Header{}, Stream: stream}
		if err := GlacierChecksums(r); err != nil {
			t.Fatal(err)
		}
		if err := SetContentMD5(r); err != nil {
			t.Fatal(err)
		}
		if err := SetChecksum(r, "SHA256", ""); err != nil {
			t.Fatal(err)
		}
		for _, k := range []string{"X-Amz-Sha256-Tree-Hash", "X-Amz-Content-Sha256", "Content-Md5", "X-Amz-Checksum-Sha256"} {
			if r.Header.Get(k) != want.Header.Get(k) {
				t.Errorf("%s: %s %q, want %q", name, k, r.Header.Get(k), want.Header.Get(k))
			}
		}
		var rest []byte
		if r.Stream != nil {
			rest, _ = io.ReadAll(r.Stream)
		} else {
			rest = r.Body
		}
		if !bytes.Equal(rest, body) {
			t.Errorf("%s: %d bytes left to send", name, len(rest))
		}
	}
}
