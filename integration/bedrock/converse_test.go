package bedrock

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	"github.com/aws/smithy-go/logging"
	"github.com/aws/smithy-go/middleware"

	ours "github.com/smithygen/smithygen/integration/bedrock/gen/bedrockruntime"
	"github.com/smithygen/smithygen/integration/bedrock/gen/bedrockruntime/types"
	"github.com/smithygen/smithygen/runtime/eventstream/eventstreamtest"
)

var input = &ours.ConverseStreamInput{
	ModelId: aws.String("anthropic.claude-3-haiku"),
	Messages: []types.Message{{Role: types.ConversationRoleUser,
		Content: []types.ContentBlock{&types.ContentBlockMemberText{Value: "Hello"}}}},
}

// answer collects what a ConverseStream response carries.
type answer struct {
	text                 strings.Builder
	started, stopped     bool
	stopReason           types.StopReason
	input, output, total int32
	latency              int64
	events               int
}

func (a *answer) add(ev types.ConverseStreamOutput) {
	a.events++
	switch v := ev.(type) {
	case *types.ConverseStreamOutputMemberMessageStart:
		a.started = v.Value.Role == types.ConversationRoleAssistant
	case *types.ConverseStreamOutputMemberContentBlockDelta:
		if d, ok := v.Value.Delta.(*types.ContentBlockDeltaMemberText); ok {
			a.text.WriteString(d.Value)
		}
	case *types.ConverseStreamOutputMemberMessageStop:
		a.stopped, a.stopReason = true, v.Value.StopReason
	case *types.ConverseStreamOutputMemberMetadata:
		u := v.Value.Usage
		a.input, a.output, a.total = *u.InputTokens, *u.OutputTokens, *u.TotalTokens
		a.latency = *v.Value.Metrics.LatencyMs
	}
}

func TestConverseStream(t *testing.T) {
	leakCheck(t)
	deltas := eventstreamtest.Deltas(40)
	stream := &eventstreamtest.Stream{Messages: eventstreamtest.Converse{Deltas: deltas, InputTokens: 12, OutputTokens: 40, LatencyMs: 321}.Messages()}
	paths := make(chan string, 1)
	srv := server(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasPrefix(r.Header.Get("Authorization"), "AWS4-HMAC-SHA256 ") {
			t.Errorf("unsigned request: %v", r.Header)
		}
		paths <- r.URL.EscapedPath()
		stream.ServeHTTP(w, r)
	}))
	out, err := client(t, srv).ConverseStream(context.Background(), input)
	if err != nil {
		t.Fatal(err)
	}
	s := out.GetStream()
	defer s.Close()
	var a answer
	for ev := range s.Events() {
		a.add(ev)
	}
	if err := s.Err(); err != nil {
		t.Fatal(err)
	}
	if a.text.String() != strings.Join(deltas, "") || !a.started || !a.stopped || a.stopReason != types.StopReasonEndTurn {
		t.Errorf("text %q, started %v, stopped %v (%q)", a.text.String(), a.started, a.stopped, a.stopReason)
	}
	if a.input != 12 || a.output != 40 || a.total != 52 || a.latency != 321 || a.events != 44 {
		t.Errorf("usage %d/%d/%d, latency %d, %d events", a.input, a.output, a.total, a.latency, a.events)
	}
	if id, _ := awsmiddleware.GetRequestIDMetadata(out.ResultMetadata); id != "eventstreamtest-request" {
		t.Errorf("request ID %q", id)
	}
	if got := <-paths; got != "/model/anthropic.claude-3-haiku/converse-stream" {
		t.Errorf("path %q", got)
	}
}

// All is the same stream as a range-over-func iterator.
func TestConverseStreamAll(t *testing.T) {
	leakCheck(t)
	srv := converseServer(t, eventstreamtest.Converse{Deltas: eventstreamtest.Deltas(5), InputTokens: 1, OutputTokens: 5})
	out, err := client(t, srv).ConverseStream(context.Background(), input)
	if err != nil {
		t.Fatal(err)
	}
	var a answer
	for ev, err := range out.GetStream().All() {
		if err != nil {
			t.Fatal(err)
		}
		a.add(ev)
	}
	if a.text.String() != "w0 w1 w2 w3 w4 " || a.total != 6 {
		t.Errorf("text %q, %d tokens", a.text.String(), a.total)
	}
}

// A modeled throttlingException mid-stream ends it; Err reports it typed.
func TestConverseStreamThrottled(t *testing.T) {
	leakCheck(t)
	srv := converseServer(t, eventstreamtest.Converse{Deltas: eventstreamtest.Deltas(10), ThrottleAfter: 3,
		ThrottleMessage: "slow down"})
	out, err := client(t, srv).ConverseStream(context.Background(), input)
	if err != nil {
		t.Fatal(err)
	}
	s := out.GetStream()
	var a answer
	for ev := range s.Events() {
		a.add(ev)
	}
	var te *types.ThrottlingException
	if !errors.As(s.Err(), &te) || te.ErrorMessage() != "slow down" || te.ErrorCode() != "ThrottlingException" {
		t.Fatalf("Err %v (%T)", s.Err(), s.Err())
	}
	if a.text.String() != "w0 w1 w2 " {
		t.Errorf("text before the exception %q", a.text.String())
	}
	if err := s.Close(); !errors.As(err, &te) {
		t.Errorf("Close returned %v", err)
	}
}

// The caller cancelling mid-stream ends the loop, even with the server
// stalled, and releases the connection.
func TestConverseStreamCancel(t *testing.T) {
	leakCheck(t)
	srv := server(t, &eventstreamtest.Stream{Messages: eventstreamtest.Converse{Deltas: eventstreamtest.Deltas(3)}.Messages()[:3], Stall: true})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	out, err := client(t, srv).ConverseStream(ctx, input)
	if err != nil {
		t.Fatal(err)
	}
	s := out.GetStream()
	n := 0
	done := make(chan struct{})
	go func() {
		defer close(done)
		for range s.Events() {
			if n++; n == 2 {
				cancel()
			}
		}
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("the loop did not end after cancel")
	}
	if !errors.Is(s.Err(), context.Canceled) {
		t.Fatalf("Err %v", s.Err())
	}
	s.Close()
}

// A stalled server is bounded by the caller's context only.
func TestConverseStreamStalledServer(t *testing.T) {
	leakCheck(t)
	srv := server(t, &eventstreamtest.Stream{Stall: true})
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	out, err := client(t, srv).ConverseStream(ctx, input)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	for ev, err := range out.GetStream().All() {
		if err == nil {
			t.Fatalf("event %T from a stalled server", ev)
		}
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("error %v", err)
		}
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Fatalf("took %v", d)
	}
}

// Closing the stream mid-way stops reading and is not an error.
func TestConverseStreamClose(t *testing.T) {
	leakCheck(t)
	srv := server(t, &eventstreamtest.Stream{Messages: eventstreamtest.Converse{Deltas: eventstreamtest.Deltas(3)}.Messages()[:2], Stall: true})
	out, err := client(t, srv).ConverseStream(context.Background(), input)
	if err != nil {
		t.Fatal(err)
	}
	s := out.GetStream()
	<-s.Events()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	for range s.Events() {
	}
}

// NewConverseStreamEventStream takes a test double as its Reader.
func TestConverseStreamDouble(t *testing.T) {
	ch := make(chan types.ConverseStreamOutput, 1)
	ch <- &types.ConverseStreamOutputMemberMessageStop{Value: types.MessageStopEvent{StopReason: types.StopReasonMaxTokens}}
	close(ch)
	s := ours.NewConverseStreamEventStream(func(s *ours.ConverseStreamEventStream) { s.Reader = double{ch} })
	var a answer
	for ev, err := range s.All() {
		if err != nil {
			t.Fatal(err)
		}
		a.add(ev)
	}
	if a.stopReason != types.StopReasonMaxTokens {
		t.Fatalf("stop reason %q", a.stopReason)
	}
}

type double struct {
	ch chan types.ConverseStreamOutput
}

func (d double) Events() <-chan types.ConverseStreamOutput { return d.ch }
func (double) Close() error                                { return nil }
func (double) Err() error                                  { return nil }

var _ ours.ConverseStreamOutputReader = double{}

// The middleware stack path (APIOptions) and body logging leave the stream
// to the caller: the events arrive whole and the body is not logged.
func TestConverseStreamStackAndLogging(t *testing.T) {
	leakCheck(t)
	srv := converseServer(t, eventstreamtest.Converse{Deltas: eventstreamtest.Deltas(8), InputTokens: 2, OutputTokens: 8})
	var logged strings.Builder
	var stackRan atomic.Bool
	out, err := client(t, srv).ConverseStream(context.Background(), input, func(o *ours.Options) {
		o.ClientLogMode = aws.LogResponseWithBody
		o.Logger = logging.LoggerFunc(func(_ logging.Classification, format string, v ...any) {
			fmt.Fprintf(&logged, format, v...)
		})
		o.APIOptions = append(o.APIOptions, func(s *middleware.Stack) error {
			stackRan.Store(true)
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	var a answer
	for ev, err := range out.GetStream().All() {
		if err != nil {
			t.Fatal(err)
		}
		a.add(ev)
	}
	if !stackRan.Load() || a.text.String() != strings.Join(eventstreamtest.Deltas(8), "") || a.total != 10 {
		t.Fatalf("stack %v, text %q, %d tokens", stackRan.Load(), a.text.String(), a.total)
	}
	if !strings.Contains(logged.String(), "Response") || strings.Contains(logged.String(), "w3 ") {
		t.Errorf("log %q: no response, or the streamed body", logged.String())
	}
}
