package s3integration

import (
	"bufio"
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/johannesboyne/gofakes3"
	"github.com/johannesboyne/gofakes3/backend/s3mem"
)

// server is an S3 endpoint under test and the credentials it accepts.
type server struct {
	name      string
	endpoint  string
	accessKey string
	secretKey string
	// virtualHosted servers take the bucket from the host
	// (bucket.localhost:port), others from the path.
	virtualHosted bool
	// httpClient sends the clients' requests; nil selects http.DefaultClient.
	httpClient *http.Client
}

// gofakes3Server serves gofakes3 with an in-memory backend in process,
// behind a check of every request's SigV4 signature (gofakes3 checks none).
func gofakes3Server(t *testing.T) server {
	srv := server{name: "gofakes3", accessKey: "AKID", secretKey: "SECRET"}
	creds := aws.Credentials{AccessKeyID: srv.accessKey, SecretAccessKey: srv.secretKey}
	ts := httptest.NewServer(checkSigV4(gofakes3.New(s3mem.New()).Server(), creds, region))
	t.Cleanup(ts.Close)
	srv.endpoint = ts.URL
	return srv
}

// gofakes3VirtualServer serves gofakes3 at http://localhost:port with
// buckets in the host: bucket.localhost:port. Requests whose host names no
// bucket are refused, so that a client falling back to path-style fails.
// Its HTTP client connects every *.localhost name to the server.
func gofakes3VirtualServer(t *testing.T) server {
	srv := server{name: "gofakes3 virtual-hosted", accessKey: "AKID", secretKey: "SECRET", virtualHosted: true}
	creds := aws.Credentials{AccessKeyID: srv.accessKey, SecretAccessKey: srv.secretKey}
	ts := httptest.NewUnstartedServer(nil)
	addr := ts.Listener.Addr().String()
	_, port, _ := net.SplitHostPort(addr)
	base := "localhost:" + port
	fake := gofakes3.New(s3mem.New(), gofakes3.WithHostBucketBase(base)).Server()
	ts.Config.Handler = requireHostBucket(checkSigV4(fake, creds, region), base)
	ts.Start()
	t.Cleanup(ts.Close)
	srv.endpoint = "http://" + base
	dialer := &net.Dialer{Timeout: 5 * time.Second}
	srv.httpClient = &http.Client{Transport: &http.Transport{
		DialContext: func(ctx context.Context, network, a string) (net.Conn, error) {
			if host, p, err := net.SplitHostPort(a); err == nil && p == port && (host == "localhost" || strings.HasSuffix(host, ".localhost")) {
				a = addr
			}
			return dialer.DialContext(ctx, network, a)
		},
	}}
	return srv
}

// requireHostBucket refuses requests whose host is not bucket.base.
func requireHostBucket(next http.Handler, base string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if b, ok := strings.CutSuffix(r.Host, "."+base); !ok || b == "" || strings.Contains(b, ".") {
			w.Header().Set("Content-Type", "application/xml")
			w.WriteHeader(http.StatusBadRequest)
			_, _ = w.Write([]byte("<Error><Code>InvalidRequest</Code><Message>path-style request " + r.Host + r.URL.Path +
				" to a virtual-hosted server</Message></Error>"))
			return
		}
		next.ServeHTTP(w, r)
	})
}

// client is the HTTP client of requests to srv.
func (srv server) client() *http.Client {
	if srv.httpClient != nil {
		return srv.httpClient
	}
	return http.DefaultClient
}

// requireServer reports a server that cannot be started: a failure when
// the CI variable is set (CI must run every server-backed test), a skip
// otherwise.
func requireServer(t *testing.T, format string, args ...any) {
	t.Helper()
	if os.Getenv("CI") != "" {
		t.Fatalf(format, args...)
	}
	t.Skipf(format+" (run make integration to install it)", args...)
}

var listening = regexp.MustCompile(`S3rver listening on (\S+)`)

// s3rverServer starts s3rver (installed by make integration under
// s3rver/node_modules) on a free port. It checks the access key of SigV4
// requests, not their signature.
func s3rverServer(t *testing.T) server {
	bin, err := filepath.Abs(filepath.Join("s3rver", "node_modules", ".bin", "s3rver"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(bin); err != nil {
		requireServer(t, "s3rver is not installed: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cmd := exec.CommandContext(ctx, bin, "-d", t.TempDir(), "-a", "127.0.0.1", "-p", "0")
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	// s3rver's continuation tokens use DES, which OpenSSL 3 keeps in its
	// legacy provider.
	cmd.Env = append(os.Environ(), "NODE_OPTIONS=--openssl-legacy-provider")
	if err := cmd.Start(); err != nil {
		cancel()
		requireServer(t, "starting s3rver: %v", err)
	}
	t.Cleanup(func() {
		cancel()
		_ = cmd.Wait()
	})
	addr := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if m := listening.FindStringSubmatch(sc.Text()); m != nil {
				addr <- m[1]
			}
		}
	}()
	select {
	case a := <-addr:
		return server{name: "s3rver", endpoint: "http://" + a, accessKey: "S3RVER", secretKey: "S3RVER"}
	case <-time.After(30 * time.Second):
		t.Fatal("s3rver did not start listening within 30s")
	}
	return server{}
}
