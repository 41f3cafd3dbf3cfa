package eventstream_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/tidwall/gjson"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/runtime/eventstream"
)

// The message-level part of Smithy's restJson1 event stream protocol tests
// (smithy.test#eventStreamTests): every client-side event's bytes decode to
// its headers and body, failures fail, and every request event is encoded
// to exactly its bytes.

// vectorCase is one client case and whether its operation's output has
// required members outside the stream: a failure of such a case may come
// from the initial HTTP response, which is not the reader's to check.
type vectorCase struct {
	gjson.Result
	requiredInitial bool
}

func loadEventStreamTests(t *testing.T) []vectorCase {
	t.Helper()
	shared := os.Getenv("SMITHY_SHARED")
	if shared == "" {
		shared = filepath.Join("..", "..", "..", "shared")
	}
	pt := filepath.Join(shared, "protocol-tests")
	if _, err := os.Stat(filepath.Join(pt, "restJson1", "event-stream.smithy")); err != nil {
		t.Fatalf("shared reference data not found (set SMITHY_SHARED): %v", err)
	}
	m, err := model.LoadFiles(filepath.Join(pt, "restJson1", "event-stream.smithy"),
		filepath.Join(pt, "shared-types.smithy"), filepath.Join(shared, "smithy-traits"))
	if err != nil {
		t.Fatal(err)
	}
	var cases []vectorCase
	for _, op := range []string{"InputStream", "OutputStream", "DuplexStream", "DuplexStreamWithInitialMessages"} {
		s := m.Shape("aws.protocoltests.restjson#" + op)
		if s == nil {
			t.Fatalf("operation %s not in the protocol tests", op)
		}
		tr, ok := s.Traits.Get("smithy.test#eventStreamTests")
		if !ok {
			t.Fatalf("%s has no eventStreamTests", op)
		}
		required := false
		for _, mem := range s.Output.Members {
			required = required || mem.Traits.Required && !mem.Target.Traits.Has("smithy.api#streaming")
		}
		for _, c := range tr.Value.Array() {
			if c.Get("appliesTo").String() != "server" && c.Get("protocol").String() == "aws.protocols#restJson1" {
				cases = append(cases, vectorCase{c, required})
			}
		}
	}
	if len(cases) < 40 {
		t.Fatalf("only %d client cases", len(cases))
	}
	return cases
}

// vectorError is the modeled error the vectors' one exception member decodes to.
type vectorError struct{ payload string }

func (e *vectorError) Error() string { return "ErrorEvent " + e.payload }

func TestProtocolVectors(t *testing.T) {
	leakCheck(t)
	for _, c := range loadEventStreamTests(t) {
		t.Run(c.Get("id").String(), func(t *testing.T) {
			failure := c.Get("expectation.failure")
			if failure.Exists() && c.requiredInitial {
				t.Skip("the failure is a required initial-response member, an HTTP binding check")
			}
			for i, ev := range c.Get("events").Array() {
				data, err := base64.StdEncoding.DecodeString(ev.Get("bytes").String())
				if err != nil {
					t.Fatal(err)
				}
				switch ev.Get("type").String() {
				case "response":
					checkResponseVector(t, ev, data, failure)
				case "request":
					if failure.Exists() {
						continue
					}
					checkRequestVector(t, ev, data)
				default:
					t.Fatalf("event %d: type %q", i, ev.Get("type"))
				}
			}
		})
	}
}

func checkResponseVector(t *testing.T, ev gjson.Result, data []byte, failure gjson.Result) {
	var got []eventstream.Message
	dec := eventstream.Decoder[int]{
		Event: func(_ string, m *eventstream.Message) (int, bool, error) {
			got = append(got, *m)
			return len(got), true, nil
		},
		Exception: func(typ string, m *eventstream.Message) error {
			if typ == "error" {
				return &vectorError{payload: string(m.Payload)}
			}
			return nil
		},
	}
	r := eventstream.NewReader(context.Background(), io.NopCloser(bytes.NewReader(data)), dec)
	for range r.Events() {
	}
	err := r.Err()
	if failure.Exists() {
		if err == nil {
			t.Fatal("decoded without error")
		}
		if id := failure.Get("errorId").String(); id != "" {
			var ve *vectorError
			if !errors.As(err, &ve) || ve.payload != ev.Get("body").String() {
				t.Fatalf("error %v, want modeled %s", err, id)
			}
		}
		return
	}
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 {
		t.Fatalf("%d events", len(got))
	}
	m := &got[0]
	if string(m.Payload) != ev.Get("body").String() {
		t.Fatalf("payload %q, want %q", m.Payload, ev.Get("body").String())
	}
	n := 0
	ev.Get("headers").ForEach(func(name, want gjson.Result) bool {
		n++
		checkHeader(t, m, name.String(), want)
		return true
	})
	if n != len(m.Headers) {
		t.Fatalf("%d headers, want %d", len(m.Headers), n)
	}
}

// checkHeader compares a decoded header with a vector's {type: value}, by
// the getter of that type and by the exact wire type.
func checkHeader(t *testing.T, m *eventstream.Message, name string, want gjson.Result) {
	t.Helper()
	var got, exp any
	var err error
	want.ForEach(func(typ, v gjson.Result) bool {
		switch typ.String() {
		case "string":
			got, err = deref(eventstream.HeaderString(m, name))
			exp = v.String()
		case "boolean":
			got, err = deref(eventstream.HeaderBool(m, name))
			exp = v.Bool()
		case "byte":
			got, err = deref(eventstream.HeaderByte(m, name))
			exp = int8(v.Int())
		case "short":
			got, err = deref(eventstream.HeaderShort(m, name))
			exp = int16(v.Int())
		case "integer":
			got, err = deref(eventstream.HeaderInt(m, name))
			exp = int32(v.Int())
		case "long":
			got, err = deref(eventstream.HeaderLong(m, name))
			exp = v.Int()
		case "blob":
			got, err = eventstream.HeaderBlob(m, name)
			exp, _ = base64.StdEncoding.DecodeString(v.String())
		case "timestamp":
			var ts *time.Time
			ts, err = eventstream.HeaderTimestamp(m, name)
			if ts != nil {
				got = ts.UTC()
			}
			exp, _ = time.Parse(time.RFC3339, v.String())
		default:
			t.Fatalf("header %s: type %s", name, typ)
		}
		return false
	})
	if err != nil {
		t.Fatalf("header %s: %v", name, err)
	}
	if !reflect.DeepEqual(got, exp) {
		t.Fatalf("header %s = %#v, want %#v", name, got, exp)
	}
	if wire := m.Headers.Get(name).Get(); reflect.TypeOf(wire) != reflect.TypeOf(exp) {
		t.Fatalf("header %s sent as %T, want %T", name, wire, exp)
	}
}

func deref[T any](p *T, err error) (any, error) {
	if p == nil {
		return nil, err
	}
	return *p, err
}

// checkRequestVector encodes the vector's headers and body through a Writer
// and compares the bytes.
func checkRequestVector(t *testing.T, ev gjson.Result, want []byte) {
	headers := ev.Get("headers")
	if headers.Get(`\:message-type.string`).String() != "event" {
		t.Skip("not an event a client sends")
	}
	encode := func(_ struct{}, m *eventstream.Message) (string, error) {
		headers.ForEach(func(name, v gjson.Result) bool {
			v.ForEach(func(typ, val gjson.Result) bool {
				setHeader(t, m, name.String(), typ.String(), val)
				return false
			})
			return true
		})
		if b := ev.Get("body"); b.Exists() {
			m.Payload = []byte(b.String())
		}
		return headers.Get(`\:event-type.string`).String(), nil
	}
	var buf bytes.Buffer
	w := eventstream.NewWriter(context.Background(), nopWriteCloser{&buf}, encode, nil)
	if err := w.Send(context.Background(), struct{}{}); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Fatalf("encoded\n%x\nwant\n%x", buf.Bytes(), want)
	}
}

func setHeader(t *testing.T, m *eventstream.Message, name, typ string, v gjson.Result) {
	switch typ {
	case "string":
		eventstream.SetString(m, name, v.String())
	case "boolean":
		eventstream.SetBool(m, name, v.Bool())
	case "byte":
		eventstream.SetByte(m, name, int8(v.Int()))
	case "short":
		eventstream.SetShort(m, name, int16(v.Int()))
	case "integer":
		eventstream.SetInt(m, name, int32(v.Int()))
	case "long":
		eventstream.SetLong(m, name, v.Int())
	case "blob":
		b, err := base64.StdEncoding.DecodeString(v.String())
		if err != nil {
			t.Fatal(err)
		}
		eventstream.SetBlob(m, name, b)
	case "timestamp":
		ts, err := time.Parse(time.RFC3339, v.String())
		if err != nil {
			t.Fatal(err)
		}
		eventstream.SetTimestamp(m, name, ts)
	default:
		t.Fatal(fmt.Sprintf("header %s: type %s", name, typ))
	}
}

type nopWriteCloser struct{ io.Writer }

func (nopWriteCloser) Close() error { return nil }
