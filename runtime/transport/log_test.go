package transport

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/smithy-go/logging"
	"github.com/aws/smithy-go/middleware"
)

type logLines []string

func (l *logLines) Logf(c logging.Classification, format string, v ...any) {
	*l = append(*l, string(c)+" "+fmt.Sprintf(format, v...))
}

// TestLogRedactsSensitiveMembers logs a call whose request and response
// carry @sensitive members in headers and bodies, on both paths.
func TestLogRedactsSensitiveMembers(t *testing.T) {
	for _, stack := range []bool{false, true} {
		fc := &fakeClient{respond: func(int, *http.Request) (*http.Response, error) {
			return jsonResponse(200, `{"user":"u","password":"response-secret"}`, "X-Secret", "header-secret-2"), nil
		}}
		var log logLines
		cfg := baseConfig(fc)
		cfg.Credentials = NewCredentialsCache(credentials{aws.Credentials{AccessKeyID: "AKID",
			SecretAccessKey: "very-secret-access-key", SessionToken: "session-token"}})
		cfg.Logger, cfg.ClientLogMode = &log, aws.LogRequestWithBody|aws.LogResponseWithBody|aws.LogSigning
		cfg.Redaction = &Redaction{Headers: []string{"x-secret"}, Body: RedactJSONMembers("password")}
		if stack {
			cfg.APIOptions = []func(*middleware.Stack) error{func(*middleware.Stack) error { return nil }}
		}
		op := testOp("PutUser", func(r *Request) error {
			r.Method, r.Path, r.Body = "POST", "/users", []byte(`{"user":"u","password":"request-secret"}`)
			r.Header.Set("X-Secret", "header-secret-1")
			r.Header.Set("Content-Type", "application/json")
			return nil
		}, nil)
		if _, err := NewClient(cfg).Invoke(context.Background(), op); err != nil {
			t.Fatal(err)
		}
		all := strings.Join(log, "\n")
		for _, secret := range []string{"request-secret", "response-secret", "header-secret-1", "header-secret-2",
			"session-token", "very-secret-access-key", fc.requests()[0].req.Header.Get("Authorization")} {
			if strings.Contains(all, secret) {
				t.Errorf("stack=%v: log shows %q:\n%s", stack, secret, all)
			}
		}
		for _, want := range []string{`{"user":"u","password":"REDACTED"}`, "X-Secret: REDACTED", "Authorization: REDACTED",
			"X-Amz-Security-Token: REDACTED", "DEBUG Request\nPOST /users HTTP/1.1", "DEBUG Response\nHTTP/1.1 200 OK"} {
			if !strings.Contains(all, want) {
				t.Errorf("stack=%v: log lacks %q:\n%s", stack, want, all)
			}
		}
	}
}
