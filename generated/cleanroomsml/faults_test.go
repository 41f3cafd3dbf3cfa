package cleanroomsml

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/ratelimit"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"go.uber.org/goleak"
)

// faultyPage is the page every successful call must decode.
const faultyPage = `{"trainedModels":[{"name":"m1","status":"ACTIVE"},{"name":"m2","status":"CREATE_PENDING"}],"nextToken":"t"}`

// faultyServer answers ListTrainedModels, failing about a third of the
// responses the ways networks and proxies do: a body cut off after the
// headers, a connection reset or closed without a response, throttling,
// and an HTML 503 page.
type faultyServer struct {
	mu     sync.Mutex
	rnd    *rand.Rand
	faults map[string]int
}

func (s *faultyServer) pick() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	kind := "ok"
	if s.rnd.Float64() < 0.35 {
		kind = []string{"truncated", "reset", "closed", "throttled", "html503"}[s.rnd.IntN(5)]
	}
	s.faults[kind]++
	return kind
}

func (s *faultyServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	hijack := func() (net.Conn, func(string)) {
		conn, buf, err := w.(http.Hijacker).Hijack()
		if err != nil {
			panic(err)
		}
		return conn, func(raw string) { buf.WriteString(raw); buf.Flush() }
	}
	switch s.pick() {
	case "truncated":
		conn, send := hijack()
		send(fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s",
			len(faultyPage), faultyPage[:len(faultyPage)/3]))
		conn.Close()
	case "reset":
		conn, _ := hijack()
		conn.(*net.TCPConn).SetLinger(0)
		conn.Close()
	case "closed":
		conn, _ := hijack()
		conn.Close()
	case "throttled":
		write(w, 429, `{"message":"slow down"}`, "X-Amzn-Errortype", "ThrottlingException")
	case "html503":
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(503)
		fmt.Fprint(w, "<html><body><h1>503 Service Unavailable</h1></body></html>")
	default:
		write(w, 200, faultyPage)
	}
}

// TestFaultyNetwork sends 1,280 ListTrainedModels calls from 64 goroutines
// to a server that fails 35% of its responses, with 8 attempts allowed: a
// @readonly call whose response is cut off is safe to send again, so
// nearly every call succeeds, none returns wrong or partial data, every
// call ends within its deadline and no goroutine is left behind.
func TestFaultyNetwork(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	fs := &faultyServer{rnd: rand.New(rand.NewPCG(1, 2)), faults: map[string]int{}}
	srv := httptest.NewServer(fs)
	defer srv.Close()
	tr := &http.Transport{MaxIdleConnsPerHost: 64}
	defer tr.CloseIdleConnections()
	c := New(Options{Region: "us-east-1", BaseEndpoint: aws.String(srv.URL), Credentials: staticCredentials(),
		HTTPClient: &http.Client{Transport: tr},
		Retryer: retry.NewStandard(func(o *retry.StandardOptions) {
			o.MaxAttempts = 8
			o.Backoff = noBackoff{}
			// The retry quota exists to stop retrying under sustained
			// faults; this test measures each call's own retries.
			o.RateLimiter = ratelimit.None
		})})
	const callers, calls = 64, 20
	var ok, failed, wrong, late atomic.Int64
	var wg sync.WaitGroup
	for range callers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range calls {
				ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
				out, err := c.ListTrainedModels(ctx, validInput())
				if ctx.Err() != nil {
					late.Add(1)
				}
				cancel()
				switch {
				case err != nil:
					failed.Add(1)
				case len(out.TrainedModels) != 2 || aws.ToString(out.TrainedModels[1].Name) != "m2" ||
					out.TrainedModels[1].Status != "CREATE_PENDING" || aws.ToString(out.NextToken) != "t":
					wrong.Add(1)
				default:
					ok.Add(1)
				}
			}
		}()
	}
	wg.Wait()
	t.Logf("faulty network: %d calls, %d ok, %d failed, %d wrong, %d late; responses %v",
		callers*calls, ok.Load(), failed.Load(), wrong.Load(), late.Load(), fs.faults)
	if ok.Load() < 1270 || wrong.Load() != 0 || late.Load() != 0 {
		t.Errorf("%d of %d calls succeeded (want at least 1270), %d wrong, %d past their deadline",
			ok.Load(), callers*calls, wrong.Load(), late.Load())
	}
}
