package cleanroomsml

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/aws/smithy-go"
)

// testMembership is a membership ID that satisfies the model's UUID pattern
// and length.
const testMembership = "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0"

// testCredentials are the static credentials every test client signs with.
var testCredentials = aws.Credentials{
	AccessKeyID:     "AKIDTESTCLEANROOMS",
	SecretAccessKey: "test-secret-key",
	Source:          "test",
}

func staticCredentials() aws.CredentialsProvider {
	return aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
		return testCredentials, nil
	})
}

// noBackoff retries without waiting, to keep retry tests fast.
type noBackoff struct{}

func (noBackoff) BackoffDelay(int, error) (time.Duration, error) { return 0, nil }

// fastRetryer is the standard retryer (3 attempts) without backoff delay.
func fastRetryer() aws.Retryer {
	return retry.NewStandard(func(o *retry.StandardOptions) { o.Backoff = noBackoff{} })
}

// received is one request as the test server saw it.
type received struct {
	Method string
	URL    url.URL
	Host   string
	Header http.Header
	Body   []byte
	ConLen int64
}

// responder writes the response to the n-th request (counted from 1).
type responder func(w http.ResponseWriter, r *http.Request, n int)

// fakeService is an httptest server that records every request.
type fakeService struct {
	*httptest.Server
	mu      sync.Mutex
	reqs    []received
	respond responder
}

func newFakeService(t *testing.T, respond responder) *fakeService {
	t.Helper()
	s := &fakeService{respond: respond}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.Close)
	return s
}

func (s *fakeService) serve(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	s.mu.Lock()
	s.reqs = append(s.reqs, received{Method: r.Method, URL: *r.URL, Host: r.Host,
		Header: r.Header.Clone(), Body: body, ConLen: r.ContentLength})
	n := len(s.reqs)
	s.mu.Unlock()
	s.respond(w, r, n)
}

// hits returns how many requests the server received.
func (s *fakeService) hits() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.reqs)
}

// request returns the i-th received request (from 0).
func (s *fakeService) request(t *testing.T, i int) received {
	t.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	if i >= len(s.reqs) {
		t.Fatalf("server received %d requests, want at least %d", len(s.reqs), i+1)
	}
	return s.reqs[i]
}

// client returns a client built with New that sends to the server, signs
// with static credentials in us-east-1 and retries without delay.
func (s *fakeService) client(optFns ...func(*Options)) *Client {
	return New(Options{
		Region:       "us-east-1",
		BaseEndpoint: aws.String(s.URL),
		Credentials:  staticCredentials(),
		HTTPClient:   s.Client(),
		Retryer:      fastRetryer(),
	}, optFns...)
}

// noRetries makes a client or call send a single attempt.
func noRetries(o *Options) { o.Retryer = aws.NopRetryer{} }

// reply answers every request with status, body and header pairs.
func reply(status int, body string, headerPairs ...string) responder {
	return func(w http.ResponseWriter, _ *http.Request, _ int) {
		write(w, status, body, headerPairs...)
	}
}

func write(w http.ResponseWriter, status int, body string, headerPairs ...string) {
	for i := 0; i+1 < len(headerPairs); i += 2 {
		w.Header().Set(headerPairs[i], headerPairs[i+1])
	}
	if w.Header().Get("Content-Type") == "" {
		w.Header().Set("Content-Type", "application/json")
	}
	w.WriteHeader(status)
	io.WriteString(w, body)
}

// validInput is a request that passes client-side validation.
func validInput() *ListTrainedModelsInput {
	return &ListTrainedModelsInput{MembershipIdentifier: aws.String(testMembership)}
}

// mustAs returns err's first error of type T or fails the test.
func mustAs[T error](t *testing.T, err error) T {
	t.Helper()
	var target T
	if !errors.As(err, &target) {
		t.Fatalf("error %v (%T) does not wrap a %T", err, err, target)
	}
	return target
}

// checkOperationError checks that err is this client's *smithy.OperationError.
func checkOperationError(t *testing.T, err error) {
	t.Helper()
	if err == nil {
		t.Fatal("call succeeded, want an error")
	}
	oe := mustAs[*smithy.OperationError](t, err)
	if oe.ServiceID != "CleanRoomsML" || oe.OperationName != "ListTrainedModels" {
		t.Errorf("OperationError names %q/%q, want CleanRoomsML/ListTrainedModels", oe.ServiceID, oe.OperationName)
	}
}

// authorization is a parsed SigV4 Authorization header.
type authorization struct {
	credential, signedHeaders, signature string
}

func parseAuthorization(t *testing.T, v string) authorization {
	t.Helper()
	rest, ok := strings.CutPrefix(v, "AWS4-HMAC-SHA256 ")
	if !ok {
		t.Fatalf("Authorization %q is not AWS4-HMAC-SHA256", v)
	}
	var a authorization
	for _, part := range strings.Split(rest, ",") {
		k, val, _ := strings.Cut(strings.TrimSpace(part), "=")
		switch k {
		case "Credential":
			a.credential = val
		case "SignedHeaders":
			a.signedHeaders = val
		case "Signature":
			a.signature = val
		}
	}
	if a.credential == "" || a.signedHeaders == "" || a.signature == "" {
		t.Fatalf("Authorization %q lacks Credential, SignedHeaders or Signature", v)
	}
	return a
}

// resign signs a copy of the received request with aws-sdk-go-v2's signer,
// over the headers the received Authorization lists as signed and at its
// X-Amz-Date, and returns the resulting Authorization header.
func resign(t *testing.T, r received) string {
	t.Helper()
	a := parseAuthorization(t, r.Header.Get("Authorization"))
	when, err := time.Parse("20060102T150405Z", r.Header.Get("X-Amz-Date"))
	if err != nil {
		t.Fatalf("X-Amz-Date: %v", err)
	}
	u := r.URL
	u.Scheme, u.Host = "http", r.Host
	again, err := http.NewRequest(r.Method, u.String(), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range strings.Split(a.signedHeaders, ";") {
		if k != "host" {
			again.Header[http.CanonicalHeaderKey(k)] = r.Header.Values(k)
		}
	}
	sum := sha256.Sum256(r.Body)
	err = v4.NewSigner().SignHTTP(context.Background(), testCredentials, again,
		hex.EncodeToString(sum[:]), "cleanrooms-ml", "us-east-1", when)
	if err != nil {
		t.Fatal(err)
	}
	return again.Header.Get("Authorization")
}
