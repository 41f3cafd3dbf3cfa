package httpbinding

import (
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
	"net/http"
	"strings"

	"github.com/aws/smithy-go"

	"github.com/smithygen/smithygen/runtime/transport"
)

// SetContentMD5 sets the Content-MD5 header operations with the
// httpChecksumRequired trait send, unless it is already set.
func SetContentMD5(r *transport.Request) {
	if _, ok := r.Header["Content-Md5"]; ok {
		return
	}
	sum := md5.Sum(r.Body)
	r.Header["Content-Md5"] = []string{base64.StdEncoding.EncodeToString(sum[:])}
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
	h.Write(r.Body)
	r.Header[key] = []string{base64.StdEncoding.EncodeToString(h.Sum(nil))}
	return nil
}

// GlacierChecksums sets the checksum headers Amazon Glacier requires of a
// request with a body, unless they are set: X-Amz-Content-Sha256, the hex
// SHA-256 of the body, and X-Amz-Sha256-Tree-Hash, the SHA-256 tree hash of
// its 1 MiB chunks.
func GlacierChecksums(r *transport.Request) {
	if len(r.Body) == 0 {
		return
	}
	if _, ok := r.Header["X-Amz-Content-Sha256"]; !ok {
		sum := sha256.Sum256(r.Body)
		r.Header["X-Amz-Content-Sha256"] = []string{hex.EncodeToString(sum[:])}
	}
	if _, ok := r.Header["X-Amz-Sha256-Tree-Hash"]; !ok {
		r.Header["X-Amz-Sha256-Tree-Hash"] = []string{hex.EncodeToString(treeHash(r.Body))}
	}
}

// treeHash is the SHA-256 tree hash of b: the hashes of its 1 MiB chunks,
// combined pairwise level by level.
func treeHash(b []byte) []byte {
	const chunk = 1 << 20
	var level [][]byte
	for off := 0; off == 0 || off < len(b); off += chunk {
		sum := sha256.Sum256(b[off:min(off+chunk, len(b))])
		level = append(level, sum[:])
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
