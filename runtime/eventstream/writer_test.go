package eventstream_test

import (
	"bytes"
	"context"
	"encoding/hex"
	"errors"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/aws/smithy-go"
	smithyes "github.com/aws/smithy-go/eventstream"

	"github.com/smithygen/smithygen/runtime/eventstream"
	"github.com/smithygen/smithygen/runtime/eventstream/eventstreamtest"
)

// AudioEvent is an input event shaped like Transcribe streaming's: a blob
// @eventPayload, plus headers of a few types to cover the setters.
type AudioEvent struct {
	Chunk []byte
	Seq   *int64
	Final *bool
}

func encodeAudio(ev *AudioEvent, m *eventstream.Message) (string, error) {
	if ev.Chunk == nil {
		return "", errors.New("no audio")
	}
	eventstream.SetString(m, eventstream.ContentTypeHeader, "application/octet-stream")
	if ev.Seq != nil {
		eventstream.SetLong(m, "seq", *ev.Seq)
	}
	if ev.Final != nil {
		eventstream.SetBool(m, "final", *ev.Final)
	}
	m.Payload = ev.Chunk
	return "AudioEvent", nil
}

func audio(i int) *AudioEvent {
	return &AudioEvent{Chunk: bytes.Repeat([]byte{byte(i)}, 10+i), Seq: aws.Int64(int64(i)), Final: aws.Bool(i == 2)}
}

// checkAudio checks a decoded message is the encoding of audio(i).
func checkAudio(t *testing.T, m eventstream.Message, i int) {
	t.Helper()
	if len(m.Headers) < 2 || m.Headers[0].Name != eventstream.MessageTypeHeader || m.Headers[1].Name != eventstream.EventTypeHeader {
		t.Fatalf("message %d: headers %v do not start with :message-type, :event-type", i, m.Headers)
	}
	et, _ := eventstream.HeaderString(&m, eventstream.EventTypeHeader)
	seq, _ := eventstream.HeaderLong(&m, "seq")
	final, _ := eventstream.HeaderBool(&m, "final")
	want := audio(i)
	if *et != "AudioEvent" || *seq != *want.Seq || *final != *want.Final || !bytes.Equal(m.Payload, want.Chunk) {
		t.Fatalf("message %d decoded as %v %q", i, m.Headers, m.Payload)
	}
}

var (
	testCreds = aws.Credentials{AccessKeyID: "AKID", SecretAccessKey: "SECRET"}
	testSeed  = []byte("foobarbazqux")
)

func TestWriterUnsigned(t *testing.T) {
	leakCheck(t)
	var buf bytes.Buffer
	w := eventstream.NewWriter(context.Background(), nopWriteCloser{&buf}, encodeAudio, nil)
	for i := range 3 {
		if err := w.Send(context.Background(), audio(i)); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	msgs, err := eventstreamtest.Decode(&buf)
	if err != nil || len(msgs) != 3 {
		t.Fatalf("%d messages, %v", len(msgs), err)
	}
	for i, m := range msgs {
		checkAudio(t, m, i)
	}
	if err := w.Send(context.Background(), audio(0)); !errors.Is(err, eventstream.ErrClosed) {
		t.Fatalf("Send after Close: %v", err)
	}
	if err := w.Close(); err != nil {
		t.Fatalf("second Close: %v", err)
	}
}

// checkSigned checks a signed stream: each message is an envelope with
// :date and :chunk-signature around one encoded event, the last one empty,
// and the signatures chain from seed as SigV4 event signing defines.
func checkSigned(t *testing.T, msgs []eventstream.Message, events int, seed []byte) {
	t.Helper()
	if len(msgs) != events+1 {
		t.Fatalf("%d messages, want %d events and the end of stream", len(msgs), events)
	}
	verifier := v4.NewStreamSigner(testCreds, "transcribe", "us-west-2", seed)
	for i, m := range msgs {
		if len(m.Headers) != 2 || m.Headers[0].Name != eventstream.DateHeader || m.Headers[1].Name != eventstream.SignatureHeader {
			t.Fatalf("envelope %d headers %v", i, m.Headers)
		}
		date, err := eventstream.HeaderTimestamp(&m, eventstream.DateHeader)
		if err != nil || date == nil || time.Since(*date) > time.Minute {
			t.Fatalf("envelope %d :date %v %v", i, date, err)
		}
		var hb bytes.Buffer
		if err := smithyes.EncodeHeaders(&hb, m.Headers[:1]); err != nil {
			t.Fatal(err)
		}
		want, _ := verifier.GetSignature(context.Background(), hb.Bytes(), m.Payload, *date)
		got, _ := eventstream.HeaderBlob(&m, eventstream.SignatureHeader)
		if !bytes.Equal(got, want) {
			t.Fatalf("envelope %d signature %x, want %x", i, got, want)
		}
		if i == events {
			if len(m.Payload) != 0 {
				t.Fatalf("end of stream has a %d-byte payload", len(m.Payload))
			}
			continue
		}
		inner, err := eventstreamtest.Decode(bytes.NewReader(m.Payload))
		if err != nil || len(inner) != 1 {
			t.Fatalf("envelope %d holds %d messages, %v", i, len(inner), err)
		}
		checkAudio(t, inner[0], i)
	}
}

func TestWriterSigned(t *testing.T) {
	leakCheck(t)
	var buf bytes.Buffer
	signer := eventstream.NewSigner(testCreds, "transcribe", "us-west-2", testSeed)
	w := eventstream.NewWriter(context.Background(), nopWriteCloser{&buf}, encodeAudio, signer)
	for i := range 3 {
		if err := w.Send(context.Background(), audio(i)); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	msgs, err := eventstreamtest.Decode(&buf)
	if err != nil {
		t.Fatal(err)
	}
	checkSigned(t, msgs, 3, testSeed)
}

// The adapter passes its arguments to v4.StreamSigner in order: the chain
// of aws-sdk-go-v2's own stream signer test vectors.
func TestSignerKnownAnswers(t *testing.T) {
	s := eventstream.NewSigner(aws.Credentials{AccessKeyID: "AKID", SecretAccessKey: "SECRET"},
		"transcribestreaming", "us-east-1", []byte("foobarbazqux"))
	for _, v := range []struct {
		in   string
		at   int64
		want string
	}{
		{"foo", 10, "e3a136405ec1152f62136742efd41f8639cd647a1cf21fab12aedb22cccd8999"},
		{"bar", 20, "92a6ad677e839d3003672cb2cefc71ef80d42e8cb300fefce0807e8398c74068"},
		{"baz", 30, "46d6660bd40f2ff5d6246a347895cabe7f4e89d9e1f4c6dad6dabdc801923be1"},
		{"", 30, "492bcb3e21de447c85f8a9bef6c0eb833e992e405b9b3584be84edaccc5aad18"},
	} {
		got, err := s.SignMessage([]byte(v.in), []byte(v.in), time.Unix(v.at, 0))
		if err != nil || hex.EncodeToString(got) != v.want {
			t.Fatalf("%q: %x %v, want %s", v.in, got, err, v.want)
		}
	}
}

func TestSeedSignature(t *testing.T) {
	req, _ := http.NewRequest(http.MethodPost, "https://transcribestreaming.us-west-2.amazonaws.com/stream-transcription", nil)
	err := v4.NewSigner().SignHTTP(context.Background(), testCreds, req, eventstream.PayloadHash,
		"transcribe", "us-west-2", time.Unix(1700000000, 0))
	if err != nil {
		t.Fatal(err)
	}
	seed, err := eventstream.SeedSignature(req)
	if err != nil {
		t.Fatal(err)
	}
	auth := req.Header.Get("Authorization")
	if !strings.HasSuffix(auth, "Signature="+hex.EncodeToString(seed)) {
		t.Fatalf("seed %x not the signature of %q", seed, auth)
	}
	unsigned, _ := http.NewRequest(http.MethodPost, "https://example.com/", nil)
	for _, r := range []*http.Request{unsigned, {Header: http.Header{}}, nil} {
		if _, err := eventstream.SeedSignature(r); err == nil {
			t.Fatal("seed of an unsigned request")
		}
	}
}

func TestWriterEncodeError(t *testing.T) {
	leakCheck(t)
	var buf bytes.Buffer
	w := eventstream.NewWriter(context.Background(), nopWriteCloser{&buf}, encodeAudio, nil)
	if err := w.Send(context.Background(), &AudioEvent{}); !errors.As(err, new(*smithy.SerializationError)) {
		t.Fatalf("Send: %v", err)
	}
	if err := w.Send(context.Background(), audio(1)); err != nil {
		t.Fatalf("Send after an encoding error: %v", err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if msgs, _ := eventstreamtest.Decode(&buf); len(msgs) != 1 {
		t.Fatalf("%d messages", len(msgs))
	}
}

func TestWriterStalled(t *testing.T) {
	leakCheck(t)
	streamCtx, cancel := context.WithCancel(context.Background())
	defer cancel()
	pr, pw := io.Pipe() // nobody reads: the server stopped reading
	defer pr.Close()
	w := eventstream.NewWriter(streamCtx, pw, encodeAudio, nil)
	for range 2 {
		ctx, done := context.WithTimeout(context.Background(), 30*time.Millisecond)
		err := w.Send(ctx, audio(0))
		done()
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("Send to a stalled server: %v", err)
		}
	}
	if err := w.Err(); err != nil {
		t.Fatalf("Err while stalled: %v", err)
	}
	time.AfterFunc(20*time.Millisecond, cancel)
	if err := w.Close(); !errors.Is(err, context.Canceled) {
		t.Fatalf("Close after the stream's context ended: %v", err)
	}
	if err := w.Send(context.Background(), audio(0)); !errors.Is(err, context.Canceled) {
		t.Fatalf("Send after failure: %v", err)
	}
	if _, err := pr.Read(make([]byte, 1)); !errors.Is(err, context.Canceled) {
		t.Fatalf("pipe reader sees %v, want the context's error", err)
	}
}

func TestWriterBodyGone(t *testing.T) {
	leakCheck(t)
	pr, pw := io.Pipe()
	pr.Close() // the transport stopped reading the request body
	w := eventstream.NewWriter(context.Background(), pw, encodeAudio, nil)
	if err := w.Send(context.Background(), audio(0)); !errors.Is(err, io.ErrClosedPipe) {
		t.Fatalf("Send: %v", err)
	}
	if err := w.Close(); !errors.Is(err, io.ErrClosedPipe) {
		t.Fatalf("Close: %v", err)
	}
}

func TestWriterConcurrentSends(t *testing.T) {
	leakCheck(t)
	var buf bytes.Buffer
	signer := eventstream.NewSigner(testCreds, "transcribe", "us-west-2", testSeed)
	w := eventstream.NewWriter(context.Background(), nopWriteCloser{&buf}, encodeAudio, signer)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 25 {
				if err := w.Send(context.Background(), audio(1)); err != nil {
					t.Error(err)
				}
			}
		})
	}
	wg.Wait()
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	msgs, err := eventstreamtest.Decode(&buf)
	if err != nil {
		t.Fatal(err)
	}
	verifier := v4.NewStreamSigner(testCreds, "transcribe", "us-west-2", testSeed)
	for i, m := range msgs {
		date, _ := eventstream.HeaderTimestamp(&m, eventstream.DateHeader)
		var hb bytes.Buffer
		smithyes.EncodeHeaders(&hb, m.Headers[:1])
		want, _ := verifier.GetSignature(context.Background(), hb.Bytes(), m.Payload, *date)
		if got, _ := eventstream.HeaderBlob(&m, eventstream.SignatureHeader); !bytes.Equal(got, want) {
			t.Fatalf("message %d breaks the signature chain", i)
		}
	}
	if len(msgs) != 8*25+1 {
		t.Fatalf("%d messages", len(msgs))
	}
}

// A duplex exchange over HTTP/1.1: signed input events on the request body
// pipe while the response's events are read.
func TestDuplexOverHTTP(t *testing.T) {
	leakCheck(t)
	var mu sync.Mutex
	var received []eventstream.Message
	inputDone := make(chan error, 1)
	srv := eventstreamtest.NewServer(&eventstreamtest.Stream{
		Messages: converse.Messages(),
		Input: func(m eventstream.Message) {
			mu.Lock()
			received = append(received, m)
			mu.Unlock()
		},
		InputErr: func(err error) { inputDone <- err },
	})
	defer srv.Close()
	tr := &http.Transport{DisableKeepAlives: true}
	defer tr.CloseIdleConnections()

	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	pr, pw := io.Pipe()
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, srv.URL, pr)
	req.Header.Set("Content-Type", eventstream.ContentType)
	if err := v4.NewSigner().SignHTTP(ctx, testCreds, req, eventstream.PayloadHash, "transcribe", "us-west-2", time.Now()); err != nil {
		t.Fatal(err)
	}
	seed, err := eventstream.SeedSignature(req)
	if err != nil {
		t.Fatal(err)
	}
	w := eventstream.NewWriter(ctx, pw, encodeAudio, eventstream.NewSigner(testCreds, "transcribe", "us-west-2", seed))
	resp, err := (&http.Client{Transport: tr}).Do(req)
	if err != nil {
		t.Fatal(err)
	}
	r := newReader(ctx, resp.Body)
	events := r.Events()
	if got := summary(<-events); got != converseWant[0] {
		t.Fatalf("first event %s", got)
	}
	for i := range 3 {
		if err := w.Send(ctx, audio(i)); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if err := <-inputDone; err != nil {
		t.Fatalf("server read the input stream with %v", err)
	}
	if rest := collect(events); len(rest) != len(converseWant)-1 || r.Err() != nil {
		t.Fatalf("events %q, %v", rest, r.Err())
	}
	mu.Lock()
	defer mu.Unlock()
	checkSigned(t, received, 3, seed)
}
