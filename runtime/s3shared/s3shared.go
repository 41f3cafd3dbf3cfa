// Package s3shared holds the behavior generated S3 clients add to the
// restXml protocol, as the AWS SDKs do: the X-Amz-Content-Sha256 header,
// the detection of error documents sent with a 200 status, and path-style
// bucket addressing for clients whose endpoint rules do not address the
// bucket (S3's rule set puts it in the host or the endpoint's path).
package s3shared

import (
	"crypto/sha256"
	"encoding/hex"

	"github.com/smithygen/smithygen/runtime/httpbinding"
	"github.com/smithygen/smithygen/runtime/transport"
	"github.com/smithygen/smithygen/runtime/xml"
)

// PathStyle addresses bucket path-style: the escaped bucket name becomes
// the first segment of r.Path ("/" alone becomes "/bucket").
func PathStyle(r *transport.Request, bucket string) {
	b := "/" + httpbinding.EscapeLabel(bucket, false)
	if r.Path == "" || r.Path == "/" {
		r.Path = b
		return
	}
	r.Path = b + r.Path
}

// UnsignedPayload is the X-Amz-Content-Sha256 value of a body that is not
// signed.
const UnsignedPayload = "UNSIGNED-PAYLOAD"

// SetContentSHA256 sets the X-Amz-Content-Sha256 header S3 requires of
// signed requests: the hex SHA-256 of the body or, for a streaming upload,
// UNSIGNED-PAYLOAD. The transport signs the value as the payload hash.
func SetContentSHA256(r *transport.Request, streaming bool) {
	v := UnsignedPayload
	if !streaming {
		sum := sha256.Sum256(r.Body)
		v = hex.EncodeToString(sum[:])
	}
	r.Header["X-Amz-Content-Sha256"] = []string{v}
}

// IsErrorDocument reports whether an XML body's root element is <Error>,
// the error document S3 may send with a 200 status. A body that is not XML
// is not one.
func IsErrorDocument(body []byte) bool {
	d := xml.NewDecoder(body)
	ok, err := d.Root()
	return err == nil && ok && string(d.Name()) == "Error"
}
