package cleanroomsml

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/smithy-go/logging"
)

// logLines is a logging.Logger that keeps what it is sent.
type logLines struct {
	mu    sync.Mutex
	lines []string
}

func (l *logLines) Logf(c logging.Classification, format string, v ...any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.lines = append(l.lines, string(c)+" "+fmt.Sprintf(format, v...))
}

func (l *logLines) find(prefix string) []string {
	var out []string
	for _, line := range l.lines {
		if strings.HasPrefix(line, prefix) {
			out = append(out, line)
		}
	}
	return out
}

var sessionCredentials = aws.Credentials{AccessKeyID: "AKIDSESSION", SecretAccessKey: "session-secret-key",
	SessionToken: "session-token-value", Source: "test"}

// logCall makes a call that is throttled once with mode and returns the log
// and the Authorization headers the server received.
func logCall(t *testing.T, mode aws.ClientLogMode) (*logLines, []string) {
	t.Helper()
	s := newFakeService(t, throttleThen(1))
	log := &logLines{}
	c := s.client(func(o *Options) {
		o.Logger, o.ClientLogMode = log, mode
		o.Credentials = aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
			return sessionCredentials, nil
		})
	})
	if _, err := c.ListTrainedModels(context.Background(), validInput()); err != nil {
		t.Fatal(err)
	}
	var auth []string
	for i := range s.hits() {
		auth = append(auth, s.request(t, i).Header.Get("Authorization"))
	}
	return log, auth
}

func TestLogRequestsResponsesRetries(t *testing.T) {
	log, _ := logCall(t, aws.LogRequest|aws.LogResponse|aws.LogRetries)
	requests := log.find("DEBUG Request\nGET /memberships/" + testMembership + "/trained-models HTTP/1.1\r\n")
	responses := log.find("DEBUG Response\nHTTP/1.1 ")
	if len(requests) != 2 || len(responses) != 2 {
		t.Fatalf("%d requests and %d responses logged, want 2 each:\n%s", len(requests), len(responses), strings.Join(log.lines, "\n---\n"))
	}
	if !strings.HasPrefix(responses[0], "DEBUG Response\nHTTP/1.1 429 Too Many Requests\r\n") ||
		!strings.HasPrefix(responses[1], "DEBUG Response\nHTTP/1.1 200 OK\r\n") {
		t.Errorf("responses:\n%s", strings.Join(responses, "\n---\n"))
	}
	if !strings.Contains(requests[1], "Amz-Sdk-Request: attempt=2; max=3\r\n") {
		t.Errorf("second request:\n%s", requests[1])
	}
	if strings.Contains(responses[1], "after-retry") {
		t.Errorf("response body logged without LogResponseWithBody:\n%s", responses[1])
	}
	if got := log.find("DEBUG retrying request CleanRoomsML/ListTrainedModels, attempt 2"); len(got) != 1 {
		t.Errorf("retry lines %q in\n%s", got, strings.Join(log.lines, "\n---\n"))
	}
}

func TestLogBodies(t *testing.T) {
	log, _ := logCall(t, aws.LogResponseWithBody)
	responses := log.find("DEBUG Response\n")
	if len(responses) != 2 || !strings.HasSuffix(responses[1], `{"trainedModels":[{"name":"after-retry"}]}`) {
		t.Errorf("responses:\n%s", strings.Join(responses, "\n---\n"))
	}
	if len(log.find("DEBUG Request")) != 0 || len(log.find("DEBUG retrying")) != 0 {
		t.Errorf("logged more than responses:\n%s", strings.Join(log.lines, "\n---\n"))
	}
}

// TestLogNeverShowsSecrets logs everything and checks that the secret key,
// the session token and the signatures sent appear nowhere.
func TestLogNeverShowsSecrets(t *testing.T) {
	log, auth := logCall(t, aws.LogRequestWithBody|aws.LogResponseWithBody|aws.LogRetries|aws.LogSigning)
	all := strings.Join(log.lines, "\n")
	if len(log.find("DEBUG Request Signature:")) != 2 || !strings.Contains(all, "Authorization: REDACTED\r\n") ||
		!strings.Contains(all, "X-Amz-Security-Token: REDACTED\r\n") {
		t.Fatalf("want signing logs and redacted headers:\n%s", all)
	}
	secrets := []string{sessionCredentials.SecretAccessKey, sessionCredentials.SessionToken}
	for _, a := range auth {
		parsed := parseAuthorization(t, a)
		secrets = append(secrets, parsed.signature)
	}
	for _, s := range secrets {
		if strings.Contains(all, s) {
			t.Errorf("log shows secret %q:\n%s", s, all)
		}
	}
}
