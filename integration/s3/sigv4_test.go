package s3integration

import (
	"context"
	"net/http"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
)

// checkSigV4 answers 403 to requests whose SigV4 signature is not the one
// aws-sdk-go-v2's signer computes with S3's settings (the path signed as
// sent, X-Amz-Content-Sha256 as the payload hash) over the headers the
// request lists as signed; it passes the others to next.
func checkSigV4(next http.Handler, creds aws.Credentials, region string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if got, want := r.Header.Get("Authorization"), expectedAuthorization(r, creds, region); got != want {
			w.Header().Set("Content-Type", "application/xml")
			w.WriteHeader(http.StatusForbidden)
			_, _ = w.Write([]byte("<Error><Code>SignatureDoesNotMatch</Code><Message>expected " + want + "</Message></Error>"))
			return
		}
		next.ServeHTTP(w, r)
	})
}

func expectedAuthorization(r *http.Request, creds aws.Credentials, region string) string {
	_, signed, ok := strings.Cut(r.Header.Get("Authorization"), "SignedHeaders=")
	when, err := time.Parse("20060102T150405Z", r.Header.Get("X-Amz-Date"))
	if !ok || err != nil {
		return "a SigV4 Authorization with X-Amz-Date"
	}
	signed, _, _ = strings.Cut(signed, ",")
	u := *r.URL
	u.Scheme, u.Host = "http", r.Host
	again := &http.Request{Method: r.Method, URL: &u, Host: r.Host, Header: http.Header{}, ContentLength: r.ContentLength}
	for _, k := range strings.Split(signed, ";") {
		if k != "host" && k != "content-length" {
			again.Header[http.CanonicalHeaderKey(k)] = r.Header.Values(k)
		}
	}
	err = v4.NewSigner().SignHTTP(context.Background(), creds, again, r.Header.Get("X-Amz-Content-Sha256"), "s3", region, when,
		func(o *v4.SignerOptions) { o.DisableURIPathEscaping = true })
	if err != nil {
		return err.Error()
	}
	return again.Header.Get("Authorization")
}
