package eventstream_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"sync/atomic"
	"testing"

	"go.uber.org/goleak"

	"github.com/smithygen/smithygen/runtime/eventstream"
	"github.com/smithygen/smithygen/runtime/eventstream/eventstreamtest"
)

// leakCheck fails the test if goroutines it started outlive it. Call it
// first: cleanups run last-registered first, so it runs after the others.
func leakCheck(t *testing.T) {
	t.Helper()
	t.Cleanup(func() { goleak.VerifyNone(t) })
}

// serve starts a local server with the stream and returns the unread body
// of one response from it.
func serve(t *testing.T, ctx context.Context, s *eventstreamtest.Stream) io.ReadCloser {
	t.Helper()
	srv := eventstreamtest.NewServer(s)
	t.Cleanup(srv.Close)
	tr := &http.Transport{DisableKeepAlives: true}
	t.Cleanup(tr.CloseIdleConnections)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, srv.URL, nil)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := (&http.Client{Transport: tr}).Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if got := resp.Header.Get("Content-Type"); got != eventstream.ContentType {
		t.Fatalf("Content-Type %q", got)
	}
	return resp.Body
}

// body is an in-memory response body that records Close.
type body struct {
	r      io.Reader
	closed atomic.Bool
}

func newBody(b []byte) *body { return &body{r: bytes.NewReader(b)} }

func (b *body) Read(p []byte) (int, error) {
	if b.closed.Load() {
		return 0, io.ErrClosedPipe
	}
	return b.r.Read(p)
}

func (b *body) Close() error { b.closed.Store(true); return nil }

// summary renders an event as a short string.
func summary(ev ConverseStreamOutput) string {
	switch v := ev.(type) {
	case *MemberMessageStart:
		return "start:" + *v.Value.Role
	case *MemberContentBlockDelta:
		if txt, ok := v.Value.Delta.(*DeltaMemberText); ok {
			return "delta:" + txt.Value
		}
		return "delta:?"
	case *MemberContentBlockStop:
		return "stop-block"
	case *MemberMessageStop:
		return "stop:" + *v.Value.StopReason
	case *MemberMetadata:
		u := v.Value.Usage
		return fmt.Sprintf("usage:%d/%d/%d", *u.InputTokens, *u.OutputTokens, *u.TotalTokens)
	}
	return "?"
}

func collect(ch <-chan ConverseStreamOutput) []string {
	var out []string
	for ev := range ch {
		out = append(out, summary(ev))
	}
	return out
}

func newReader(ctx context.Context, rc io.ReadCloser) *eventstream.Reader[ConverseStreamOutput] {
	return eventstream.NewReader(ctx, rc, converseStreamOutputDecoder)
}
