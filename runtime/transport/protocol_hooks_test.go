package transport

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/aws/smithy-go"
)

// signAgain signs a copy of the request r, as sent, with payloadHash and
// the signer options opts, at r's signing time.
func signAgain(t *testing.T, r *http.Request, payloadHash string, opts ...func(*v4.SignerOptions)) string {
	t.Helper()
	_, signed, _ := strings.Cut(r.Header.Get("Authorization"), "SignedHeaders=")
	signed, _, _ = strings.Cut(signed, ",")
	when, err := time.Parse("20060102T150405Z", r.Header.Get("X-Amz-Date"))
	if err != nil {
		t.Fatal(err)
	}
	again := &http.Request{Method: r.Method, URL: r.URL, Host: r.URL.Host, Header: http.Header{}, ContentLength: r.ContentLength}
	for _, k := range strings.Split(signed, ";") {
		if k != "host" && k != "content-length" {
			again.Header[http.CanonicalHeaderKey(k)] = r.Header.Values(k)
		}
	}
	creds, _ := testCreds.Retrieve(context.Background())
	if err := v4.NewSigner().SignHTTP(context.Background(), creds, again, payloadHash, "cleanrooms-ml", "us-east-1", when, opts...); err != nil {
		t.Fatal(err)
	}
	return again.Header.Get("Authorization")
}

func TestSerializerPayloadHashAndUnescapedPath(t *testing.T) {
	fc := okClient()
	op := getOp("/bucket/a%20b")
	build := op.Build
	op.Build = func(r *Request) error {
		if err := build(r); err != nil {
			return err
		}
		r.Body = []byte("streamed")
		r.Header["X-Amz-Content-Sha256"] = []string{"UNSIGNED-PAYLOAD"}
		r.DisableURIPathEscaping = true
		return nil
	}
	if _, err := NewClient(baseConfig(fc)).Invoke(context.Background(), op); err != nil {
		t.Fatal(err)
	}
	r := fc.requests()[0].req
	got := r.Header.Get("Authorization")
	if want := signAgain(t, r, "UNSIGNED-PAYLOAD", func(o *v4.SignerOptions) { o.DisableURIPathEscaping = true }); got != want {
		t.Fatalf("Authorization\n %s\nwant\n %s", got, want)
	}
	if escaped := signAgain(t, r, "UNSIGNED-PAYLOAD"); got == escaped {
		t.Fatal("the path was signed escaped twice")
	}
}

// TestErrorDocumentInSuccess checks that a Decode returning
// ErrErrorResponse has the response handled as a 500: decoded by Error
// and retried.
func TestErrorDocumentInSuccess(t *testing.T) {
	fc := okClient()
	op := getOp("/")
	op.Decode = func(*Response) error { return ErrErrorResponse }
	var statuses []int
	op.Error = func(r *Response) error {
		statuses = append(statuses, r.StatusCode)
		return &smithy.GenericAPIError{Code: "InternalError", Message: "in a 200"}
	}
	_, err := NewClient(baseConfig(fc)).Invoke(context.Background(), op)
	if api := mustAs[*smithy.GenericAPIError](t, err); api.Code != "InternalError" {
		t.Fatalf("error %v", err)
	}
	if n := len(fc.requests()); n != 3 || len(statuses) != 3 || statuses[0] != 500 {
		t.Fatalf("%d attempts, Error saw statuses %v; want 3 attempts of 500", n, statuses)
	}
}

// TestBodyRequestID checks that the request ID an error decoder found in
// the body is reported when no header carries one, and that a header's
// wins.
func TestBodyRequestID(t *testing.T) {
	for _, header := range []string{"", "from-header"} {
		fc := &fakeClient{respond: func(int, *http.Request) (*http.Response, error) {
			if header == "" {
				return jsonResponse(400, "<Error/>"), nil
			}
			return jsonResponse(400, "<Error/>", "X-Amzn-Requestid", header), nil
		}}
		op := getOp("/")
		op.Error = func(r *Response) error {
			r.RequestID = "from-body"
			return &smithy.GenericAPIError{Code: "Bad"}
		}
		md, err := NewClient(baseConfig(fc)).Invoke(context.Background(), op)
		want := header
		if want == "" {
			want = "from-body"
		}
		var re interface{ ServiceRequestID() string }
		if !errors.As(err, &re) || re.ServiceRequestID() != want {
			t.Fatalf("header %q: error %v, want request ID %q", header, err, want)
		}
		if id, _ := awsmiddleware.GetRequestIDMetadata(md); id != want {
			t.Fatalf("header %q: metadata request ID %q, want %q", header, id, want)
		}
	}
}
