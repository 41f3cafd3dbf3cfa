package esbench

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"reflect"
	"runtime"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/bedrockruntime"
	"github.com/aws/aws-sdk-go-v2/service/bedrockruntime/types"
	"github.com/aws/smithy-go/auth/bearer"

	ours "github.com/smithygen/smithygen/bench/eventstream/gen/bedrockruntime"
	ourtypes "github.com/smithygen/smithygen/bench/eventstream/gen/bedrockruntime/types"
	"github.com/smithygen/smithygen/runtime/eventstream"
	"github.com/smithygen/smithygen/runtime/eventstream/eventstreamtest"
)

const deltas = 10000

// stream is a ConverseStream response body: messageStart, 10,000
// contentBlockDelta events with payloads of about 100 bytes, contentBlockStop,
// messageStop and metadata.
var stream, events = func() ([]byte, int) {
	texts := make([]string, deltas)
	for i := range texts {
		texts[i] = fmt.Sprintf(" token %05d of the streamed answer", i)
	}
	msgs := eventstreamtest.Converse{Deltas: texts, InputTokens: 25, OutputTokens: deltas, LatencyMs: 900}.Messages()
	return eventstreamtest.Encode(msgs...), len(msgs)
}()

type fakeHTTP struct{ body []byte }

func (f fakeHTTP) Do(*http.Request) (*http.Response, error) {
	return &http.Response{
		StatusCode: 200,
		Header:     http.Header{"Content-Type": {eventstream.ContentType}},
		Body:       io.NopCloser(bytes.NewReader(f.body)),
	}, nil
}

// awsClient has anonymous credentials, which rule SigV4 out; Bedrock's other
// scheme, a bearer token (an API key), then needs a token, or it panics.
var awsClient = bedrockruntime.NewFromConfig(aws.Config{
	Region:       "us-east-1",
	Credentials:  aws.AnonymousCredentials{},
	BaseEndpoint: aws.String("https://bedrock-runtime.local"),
	HTTPClient:   fakeHTTP{stream},
}, func(o *bedrockruntime.Options) {
	o.BearerAuthTokenProvider = bearer.StaticTokenProvider{Token: bearer.Token{Value: "token"}}
})

// awsRun reads the stream through aws-sdk-go-v2 and returns the text and
// the output token count.
func awsRun(tb testing.TB) (string, int32) {
	out, err := awsClient.ConverseStream(context.Background(), &bedrockruntime.ConverseStreamInput{ModelId: aws.String("m")})
	if err != nil {
		tb.Fatal(err)
	}
	s := out.GetStream()
	defer s.Close()
	var text bytes.Buffer
	var tokens int32
	for ev := range s.Events() {
		switch v := ev.(type) {
		case *types.ConverseStreamOutputMemberContentBlockDelta:
			if d, ok := v.Value.Delta.(*types.ContentBlockDeltaMemberText); ok {
				text.WriteString(d.Value)
			}
		case *types.ConverseStreamOutputMemberMetadata:
			tokens = *v.Value.Usage.OutputTokens
		}
	}
	if err := s.Err(); err != nil {
		tb.Fatal(err)
	}
	return text.String(), tokens
}

// oursClient is the generated client, sending unsigned to the same bytes.
var oursClient = ours.New(ours.Options{
	Region:       "us-east-1",
	Credentials:  aws.AnonymousCredentials{},
	BaseEndpoint: aws.String("https://bedrock-runtime.local"),
	HTTPClient:   fakeHTTP{stream},
})

// oursRun reads the stream through the generated client, over the
// stream's channel or its iterator.
func oursRun(tb testing.TB, iterate bool) (string, int32) {
	out, err := oursClient.ConverseStream(context.Background(), &ours.ConverseStreamInput{ModelId: aws.String("m")})
	if err != nil {
		tb.Fatal(err)
	}
	s := out.GetStream()
	defer s.Close()
	var text bytes.Buffer
	var tokens int32
	handle := func(ev ourtypes.ConverseStreamOutput) {
		switch v := ev.(type) {
		case *ourtypes.ConverseStreamOutputMemberContentBlockDelta:
			if d, ok := v.Value.Delta.(*ourtypes.ContentBlockDeltaMemberText); ok {
				text.WriteString(d.Value)
			}
		case *ourtypes.ConverseStreamOutputMemberMetadata:
			tokens = *v.Value.Usage.OutputTokens
		}
	}
	if iterate {
		for ev, err := range s.All() {
			if err != nil {
				tb.Fatal(err)
			}
			handle(ev)
		}
	} else {
		for ev := range s.Events() {
			handle(ev)
		}
		if err := s.Err(); err != nil {
			tb.Fatal(err)
		}
	}
	return text.String(), tokens
}

func TestSameEvents(t *testing.T) {
	awsText, awsTokens := awsRun(t)
	if awsTokens != deltas || len(awsText) < deltas*30 {
		t.Fatalf("aws-sdk-go-v2 read %d bytes of text, %d tokens", len(awsText), awsTokens)
	}
	for _, iterate := range []bool{false, true} {
		text, tokens := oursRun(t, iterate)
		if !reflect.DeepEqual([]any{text, tokens}, []any{awsText, awsTokens}) {
			t.Fatalf("iterate=%v: %d bytes, %d tokens; aws-sdk-go-v2 %d bytes, %d tokens",
				iterate, len(text), tokens, len(awsText), awsTokens)
		}
	}
}

// perEvent reports time and allocations per event besides the per-op ones.
func perEvent(b *testing.B, run func()) {
	b.ReportAllocs()
	b.SetBytes(int64(len(stream)))
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	b.ResetTimer()
	for b.Loop() {
		run()
	}
	b.StopTimer()
	runtime.ReadMemStats(&after)
	n := float64(b.N) * float64(events)
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/n, "ns/event")
	b.ReportMetric(float64(after.Mallocs-before.Mallocs)/n, "allocs/event")
	b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/n, "B/event")
}

func BenchmarkConverseStream(b *testing.B) {
	b.Run("aws-sdk-go-v2", func(b *testing.B) { perEvent(b, func() { awsRun(b) }) })
	b.Run("smithygen/Events", func(b *testing.B) { perEvent(b, func() { oursRun(b, false) }) })
	b.Run("smithygen/All", func(b *testing.B) { perEvent(b, func() { oursRun(b, true) }) })
}
