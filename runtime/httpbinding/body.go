package httpbinding

import (
	"bytes"
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"hash"
	"hash/crc32"
	"hash/crc64"
	"io"
	"net/http"
	"strings"

	"github.com/aws/smithy-go"

	"github.com/smithygen/smithygen/runtime/transport"
)

// SetContentMD5 sets the Content-MD5 header operations with the
// httpChecksumRequired trait send, unless it is already set.
func SetContentMD5(r *transport.Request) error {
	if _, ok := r.Header["Content-Md5"]; ok {
		return nil
	}
	h := md5.New()
	if err := r.Digest(h); err != nil {
		return err
	}
	r.Header["Content-Md5"] = []string{base64.StdEncoding.EncodeToString(h.Sum(nil))}
	return nil
}

// ResponseStream is the body of a streaming blob output: the response body
// unread, or the body as read for a response that was read whole.
func ResponseStream(resp *transport.Response) io.ReadCloser {
	if resp.Stream != nil {
		return resp.Stream
	}
	return io.NopCloser(bytes.NewReader(resp.Body))
}

// DefaultChecksum is the algorithm of the request checksums of operations
// with the aws.protocols#httpChecksum trait when the caller chose none.
const DefaultChecksum = "CRC32"

var crc64NVME = crc64.MakeTable(0x9a6c9329ac4bc9b5)

// checksumHash returns the hash of a checksum algorithm, nil when it is not
// supported.
func checksumHash(algorithm string) hash.Hash {
	switch strings.ToUpper(algorithm) {
	case "CRC32":
		return crc32.NewIEEE()
	case "CRC32C":
		return crc32.New(crc32.MakeTable(crc32.Castagnoli))
	case "CRC64NVME":
		return crc64.New(crc64NVME)
	case "SHA1":
		return sha1.New()
	case "SHA256":
		return sha256.New()
	case "SHA512":
		return sha512.New()
	case "MD5":
		return md5.New()
	}
	return nil
}

// SetChecksum sets the x-amz-checksum-<algorithm> header to the base64
// checksum of the body, unless the header is already set. An empty
// algorithm selects DefaultChecksum and, when algorithmHeader is not empty,
// names it in that header, as the input member it is bound to would.
func SetChecksum(r *transport.Request, algorithm, algorithmHeader string) error {
	if algorithm == "" {
		algorithm = DefaultChecksum
		if algorithmHeader != "" {
			r.Header[http.CanonicalHeaderKey(algorithmHeader)] = []string{algorithm}
		}
	}
	h := checksumHash(algorithm)
	if h == nil {
		return &smithy.SerializationError{Err: errors.New("unsupported checksum algorithm " + algorithm)}
	}
	key := http.CanonicalHeaderKey("x-amz-checksum-" + strings.ToLower(algorithm))
	if _, ok := r.Header[key]; ok {
		return nil
	}
	if err := r.Digest(h); err != nil {
		return err
	}
	r.Header[key] = []string{base64.StdEncoding.EncodeToString(h.Sum(nil))}
	return nil
}

// GlacierChecksums sets the checksum headers Amazon Glacier requires of a
// request with a body, unless they are set: X-Amz-Content-Sha256, the hex
// SHA-256 of the body, and X-Amz-Sha256-Tree-Hash, the SHA-256 tree hash of
// its 1 MiB chunks. A streaming body is read once for both (see
// transport.Request.Digest).
func GlacierChecksums(r *transport.Request) error {
	if !r.HasBody() {
		return nil
	}
	_, hasSum := r.Header["X-Amz-Content-Sha256"]
	_, hasTree := r.Header["X-Amz-Sha256-Tree-Hash"]
	if hasSum && hasTree {
		return nil
	}
	sum, tree := sha256.New(), &treeHasher{}
	if err := r.Digest(io.MultiWriter(sum, tree)); err != nil {
		return err
	}
	if !hasSum {
		r.Header["X-Amz-Content-Sha256"] = []string{hex.EncodeToString(sum.Sum(nil))}
	}
	if !hasTree {
		r.Header["X-Amz-Sha256-Tree-Hash"] = []string{hex.EncodeToString(tree.sum())}
	}
	return nil
}

// treeHasher computes the SHA-256 tree hash of what is written to it: the
// hashes of its 1 MiB chunks, combined pairwise level by level.
type treeHasher struct {
	chunk hash.Hash
	n     int // bytes in the current chunk
	level [][]byte
}

const treeChunk = 1 << 20

func (t *treeHasher) Write(p []byte) (int, error) {
	written := len(p)
	for len(p) > 0 {
		if t.chunk == nil {
			t.chunk = sha256.New()
		}
		k := min(len(p), treeChunk-t.n)
		t.chunk.Write(p[:k])
		t.n += k
		p = p[k:]
		if t.n == treeChunk {
			t.level = append(t.level, t.chunk.Sum(nil))
			t.chunk, t.n = nil, 0
		}
	}
	return written, nil
}

func (t *treeHasher) sum() []byte {
	level := t.level
	if t.chunk != nil || len(level) == 0 {
		if t.chunk == nil {
			t.chunk = sha256.New()
		}
		level = append(level, t.chunk.Sum(nil))
	}
	for len(level) > 1 {
		var next [][]byte
		for i := 0; i < len(level); i += 2 {
			if i+1 == len(level) {
				next = append(next, level[i])
				continue
			}
			sum := sha256.Sum256(append(append([]byte(nil), level[i]...), level[i+1]...))
			next = append(next, sum[:])
		}
		level = next
	}
	return level[0]
}

// Unsupported is the error for a request this runtime cannot send, such as
// one with an event stream.
func Unsupported(feature string) error {
	return &smithy.SerializationError{Err: errors.New(feature + " are not supported")}
}
