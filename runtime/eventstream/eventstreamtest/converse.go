package eventstreamtest

import (
	"strconv"

	"github.com/go-faster/jx"

	es "github.com/smithygen/smithygen/runtime/eventstream"
)

// Converse describes a response stream shaped like Amazon Bedrock
// Runtime's ConverseStream: messageStart, one contentBlockDelta per text
// delta, contentBlockStop, messageStop and a metadata event with token
// usage; or, when ThrottleAfter is positive, a throttlingException in place
// of everything after that many deltas.
type Converse struct {
	Deltas                    []string
	InputTokens, OutputTokens int
	LatencyMs                 int
	StopReason                string // default "end_turn"
	ThrottleAfter             int
	ThrottleMessage           string // default "Too many requests, please wait before trying again."
}

// Messages returns the stream's messages.
func (c Converse) Messages() []es.Message {
	msgs := []es.Message{Event("messageStart", []byte(`{"role":"assistant"}`))}
	for i, d := range c.Deltas {
		if c.ThrottleAfter > 0 && i == c.ThrottleAfter {
			msg := c.ThrottleMessage
			if msg == "" {
				msg = "Too many requests, please wait before trying again."
			}
			return append(msgs, Exception("throttlingException", object(func(e *jx.Encoder) {
				e.FieldStart("message")
				e.Str(msg)
			})))
		}
		msgs = append(msgs, Event("contentBlockDelta", ContentBlockDelta(0, d)))
	}
	stop := c.StopReason
	if stop == "" {
		stop = "end_turn"
	}
	return append(msgs,
		Event("contentBlockStop", []byte(`{"contentBlockIndex":0}`)),
		Event("messageStop", object(func(e *jx.Encoder) {
			e.FieldStart("stopReason")
			e.Str(stop)
		})),
		Event("metadata", object(func(e *jx.Encoder) {
			e.FieldStart("usage")
			e.ObjStart()
			e.FieldStart("inputTokens")
			e.Int(c.InputTokens)
			e.FieldStart("outputTokens")
			e.Int(c.OutputTokens)
			e.FieldStart("totalTokens")
			e.Int(c.InputTokens + c.OutputTokens)
			e.ObjEnd()
			e.FieldStart("metrics")
			e.ObjStart()
			e.FieldStart("latencyMs")
			e.Int(c.LatencyMs)
			e.ObjEnd()
		})))
}

// ContentBlockDelta returns the payload of a text contentBlockDelta event,
// with the "p" padding field Bedrock adds to obscure token lengths.
func ContentBlockDelta(index int, text string) []byte {
	return object(func(e *jx.Encoder) {
		e.FieldStart("contentBlockIndex")
		e.Int(index)
		e.FieldStart("delta")
		e.ObjStart()
		e.FieldStart("text")
		e.Str(text)
		e.ObjEnd()
		e.FieldStart("p")
		e.Str("abcdefghijklmnopqrstuvwxyzABCDEFGHIJ"[:10+len(text)%20])
	})
}

// Deltas returns n text deltas "w0 ", "w1 ", ...
func Deltas(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = "w" + strconv.Itoa(i) + " "
	}
	return out
}

func object(fields func(*jx.Encoder)) []byte {
	var e jx.Encoder
	e.ObjStart()
	fields(&e)
	e.ObjEnd()
	return e.Bytes()
}
