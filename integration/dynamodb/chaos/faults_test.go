package chaos

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/Shopify/toxiproxy/v2"
	"github.com/Shopify/toxiproxy/v2/collectors"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/rs/zerolog"
)

// toxic is one toxiproxy fault and the share of connections it affects.
type toxic struct {
	Name       string         `json:"name"`
	Type       string         `json:"type"`
	Stream     string         `json:"stream"`
	Toxicity   float32        `json:"toxicity"`
	Attributes map[string]int `json:"attributes"`
}

// toxics are the TCP faults between the client and the server.
var toxics = []toxic{
	{"reset", "reset_peer", "downstream", 0.03, map[string]int{"timeout": 20}},
	{"reset-up", "reset_peer", "upstream", 0.02, map[string]int{"timeout": 5}},
	{"truncate", "limit_data", "downstream", 0.04, map[string]int{"bytes": 600}},
	{"stall", "timeout", "downstream", 0.02, map[string]int{"timeout": 300}},
	{"latency", "latency", "downstream", 0.3, map[string]int{"latency": 5, "jitter": 5}},
	{"slicer", "slicer", "downstream", 0.3, map[string]int{"average_size": 64, "size_variation": 48, "delay": 50}},
	{"bandwidth", "bandwidth", "downstream", 0.2, map[string]int{"rate": 512}},
}

// startProxy runs toxiproxy in process between a loopback port and
// upstream, with the toxics; stop ends it and its connections.
func startProxy(upstream string) (listen string, stop func(), err error) {
	srv := toxiproxy.NewServer(toxiproxy.NewMetricsContainer(prometheus.NewRegistry()), zerolog.Nop())
	srv.Metrics.ProxyMetrics = collectors.NewProxyMetricCollectors()
	p := toxiproxy.NewProxy(srv, "dynamodb", "127.0.0.1:0", upstream)
	if err := p.Start(); err != nil {
		return "", nil, err
	}
	for _, t := range toxics {
		var b bytes.Buffer
		fmt.Fprintf(&b, `{"name":%q,"type":%q,"stream":%q,"toxicity":%g,"attributes":{`, t.Name, t.Type, t.Stream, t.Toxicity)
		first := true
		for k, v := range t.Attributes {
			if !first {
				b.WriteByte(',')
			}
			first = false
			fmt.Fprintf(&b, "%q:%d", k, v)
		}
		b.WriteString("}}")
		if _, err := p.Toxics.AddToxicJson(&b); err != nil {
			p.Stop()
			return "", nil, fmt.Errorf("toxic %s: %w", t.Name, err)
		}
	}
	return p.Listen, p.Stop, nil
}

// faultCounts counts the HTTP faults injected.
type faultCounts struct {
	throttled, html503, closed atomic.Int64
}

// faultyTransport injects HTTP faults around a transport: 429 throttling
// before a request is sent, and an HTML 503 page or a closed connection
// after the server has received it.
type faultyTransport struct {
	next   http.RoundTripper
	counts *faultCounts
	mu     sync.Mutex
	rng    *rand.Rand
}

func (f *faultyTransport) roll() float64 {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.rng.Float64()
}

const throttleBody = `{"__type":"com.amazonaws.dynamodb.v20120810#ThrottlingException","message":"Rate of requests exceeds the allowed throughput."}`

func (f *faultyTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	p := f.roll()
	if p < 0.03 {
		f.counts.throttled.Add(1)
		if r.Body != nil {
			_, _ = io.Copy(io.Discard, r.Body)
			r.Body.Close()
		}
		return synthetic(r, 429, "application/x-amz-json-1.0", throttleBody), nil
	}
	resp, err := f.next.RoundTrip(r)
	if err != nil {
		return nil, err
	}
	switch {
	case p < 0.05:
		f.counts.html503.Add(1)
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		return synthetic(r, 503, "text/html", "<html><head><title>503 Service Unavailable</title></head><body><h1>Service Unavailable</h1></body></html>"), nil
	case p < 0.07:
		f.counts.closed.Add(1)
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		return nil, &net.OpError{Op: "read", Net: "tcp", Err: errors.New("connection closed by peer")}
	}
	return resp, nil
}

func synthetic(r *http.Request, status int, contentType, body string) *http.Response {
	return &http.Response{
		StatusCode: status, Status: fmt.Sprintf("%d %s", status, http.StatusText(status)),
		Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
		Header:        http.Header{"Content-Type": {contentType}},
		Body:          io.NopCloser(strings.NewReader(body)),
		ContentLength: int64(len(body)), Request: r,
	}
}

// newHTTPClient returns an HTTP client through the proxy at listen with
// the HTTP faults, and the transport to close its idle connections.
func newHTTPClient(listen string, counts *faultCounts, seed uint64) (*http.Client, *http.Transport) {
	base := &http.Transport{
		DialContext: func(ctx context.Context, network, _ string) (net.Conn, error) {
			var d net.Dialer
			return d.DialContext(ctx, network, listen)
		},
		MaxIdleConnsPerHost: 64,
	}
	return &http.Client{Transport: &faultyTransport{next: base, counts: counts, rng: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}}, base
}
