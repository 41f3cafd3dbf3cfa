package transport

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
)

// resign recomputes the SigV4 Authorization of a request as the server
// received it, over the headers its Authorization lists as signed.
func resign(t *testing.T, r *http.Request, body []byte) (got, want string) {
	t.Helper()
	got = r.Header.Get("Authorization")
	_, signed, ok := strings.Cut(got, "SignedHeaders=")
	if !ok {
		t.Fatalf("Authorization %q has no SignedHeaders", got)
	}
	signed, _, _ = strings.Cut(signed, ",")
	when, err := time.Parse("20060102T150405Z", r.Header.Get("X-Amz-Date"))
	if err != nil {
		t.Fatal(err)
	}
	u := *r.URL
	u.Scheme, u.Host = "http", r.Host
	again, err := http.NewRequest(r.Method, u.String(), bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range strings.Split(signed, ";") {
		if k != "host" && k != "content-length" {
			again.Header[http.CanonicalHeaderKey(k)] = r.Header.Values(k)
		}
	}
	sum := sha256.Sum256(body)
	creds, _ := testCreds.Retrieve(context.Background())
	err = v4.NewSigner().SignHTTP(context.Background(), creds, again, hex.EncodeToString(sum[:]),
		"cleanrooms-ml", "us-east-1", when)
	if err != nil {
		t.Fatal(err)
	}
	return got, again.Header.Get("Authorization")
}

// signingServer answers 503 to the first request and 200 afterwards,
// recording every request's headers and body.
type signingServer struct {
	mu     sync.Mutex
	reqs   []*http.Request
	bodies [][]byte
}

func (s *signingServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	s.mu.Lock()
	s.reqs = append(s.reqs, r)
	s.bodies = append(s.bodies, body)
	n := len(s.reqs)
	s.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	if n == 1 {
		w.WriteHeader(http.StatusServiceUnavailable)
	}
	io.WriteString(w, "{}")
}

func TestSigV4SignedPerAttempt(t *testing.T) {
	ss := &signingServer{}
	srv := httptest.NewServer(ss)
	defer srv.Close()
	cfg := baseConfig(srv.Client())
	cfg.Endpoint, cfg.BaseEndpoint = nil, aws.String(srv.URL)
	if _, err := NewClient(cfg).Invoke(context.Background(), postOp(nil)); err != nil {
		t.Fatal(err)
	}
	if len(ss.reqs) != 2 {
		t.Fatalf("%d attempts, want 2", len(ss.reqs))
	}
	var auths []string
	for i, r := range ss.reqs {
		got, want := resign(t, r, ss.bodies[i])
		if got != want {
			t.Fatalf("attempt %d: Authorization\n %s\ndoes not match the recomputed\n %s", i+1, got, want)
		}
		scope := "Credential=AKIDEXAMPLE/" + r.Header.Get("X-Amz-Date")[:8] + "/us-east-1/cleanrooms-ml/aws4_request,"
		if !strings.HasPrefix(got, "AWS4-HMAC-SHA256 "+scope) {
			t.Fatalf("Authorization %q lacks scope %q", got, scope)
		}
		for _, h := range []string{"amz-sdk-invocation-id", "amz-sdk-request", "content-type", "x-amz-security-token"} {
			if !strings.Contains(got, h) {
				t.Fatalf("header %s not signed: %s", h, got)
			}
		}
		if r.Header.Get("X-Amz-Security-Token") != "session-token" {
			t.Fatalf("security token %q", r.Header.Get("X-Amz-Security-Token"))
		}
		// The signer sends the query in canonical (sorted) order.
		if r.URL.RawQuery != "maxResults=10&name=a%20b%2Fc%2Bd&z=last" {
			t.Fatalf("query %q", r.URL.RawQuery)
		}
		auths = append(auths, got)
	}
	if auths[0] == auths[1] {
		t.Fatal("retry re-sent the first attempt's signature")
	}
}

func TestAnonymousCredentialsUnsigned(t *testing.T) {
	for name, p := range map[string]aws.CredentialsProvider{
		"nil":              nil,
		"anonymous":        aws.AnonymousCredentials{},
		"anonymous ptr":    &aws.AnonymousCredentials{},
		"cached anonymous": NewCredentialsCache(aws.AnonymousCredentials{}),
	} {
		fc := okClient()
		cfg := baseConfig(fc)
		cfg.Credentials = p
		if _, err := NewClient(cfg).Invoke(context.Background(), getOp("/")); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if h := fc.requests()[0].req.Header; h.Get("Authorization") != "" || h.Get("X-Amz-Date") != "" {
			t.Fatalf("%s: request signed: %v", name, h)
		}
	}
}

func TestNewCredentialsCache(t *testing.T) {
	static := credentials{aws.Credentials{AccessKeyID: "a", SecretAccessKey: "b"}}
	cached := NewCredentialsCache(static)
	if _, ok := cached.(*aws.CredentialsCache); !ok {
		t.Fatalf("static provider not cached: %T", cached)
	}
	if again := NewCredentialsCache(cached); again != cached {
		t.Fatal("a cache was wrapped again")
	}
	if p := NewCredentialsCache(aws.AnonymousCredentials{}); p != (aws.AnonymousCredentials{}) {
		t.Fatalf("anonymous credentials wrapped: %T", p)
	}
	if NewCredentialsCache(nil) != nil {
		t.Fatal("nil provider wrapped")
	}
}

type failingCreds struct{ err error }

func (f failingCreds) Retrieve(context.Context) (aws.Credentials, error) {
	return aws.Credentials{}, f.err
}

func TestCredentialsErrorWrapped(t *testing.T) {
	fc := okClient()
	cfg := baseConfig(fc)
	cause := errors.New("no profile configured")
	cfg.Credentials = failingCreds{cause}
	_, err := NewClient(cfg).Invoke(context.Background(), getOp("/"))
	if !errors.Is(err, cause) || !strings.Contains(err.Error(), "get credentials: no profile configured") {
		t.Fatalf("error %v", err)
	}
	if n := len(fc.requests()); n != 0 {
		t.Fatalf("%d requests sent without credentials", n)
	}
}
