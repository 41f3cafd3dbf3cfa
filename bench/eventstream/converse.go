// Package esbench compares smithygen's event stream reader, driven by a
// decode callback shaped like generated code, with aws-sdk-go-v2's Bedrock
// Runtime ConverseStream reader, on the same response bytes.
//
// Run: cd bench/eventstream && go test -run TestSameEvents -bench . -benchmem -count 1
package esbench

// Types and callbacks shaped like the code smithygen emits for Bedrock
// Runtime's ConverseStreamOutput union: one Go type per member, a decode
// callback switching on :event-type and decoding the JSON payload with
// restjson, and an exception callback returning the modeled error.

import (
	"github.com/smithygen/smithygen/runtime/eventstream"
	"github.com/smithygen/smithygen/runtime/json"
)

type ConverseStreamOutput interface{ isConverseStreamOutput() }

type MemberMessageStart struct{ Value MessageStartEvent }
type MemberContentBlockDelta struct{ Value ContentBlockDeltaEvent }
type MemberContentBlockStop struct{ Value ContentBlockStopEvent }
type MemberMessageStop struct{ Value MessageStopEvent }
type MemberMetadata struct{ Value MetadataEvent }

func (*MemberMessageStart) isConverseStreamOutput()      {}
func (*MemberContentBlockDelta) isConverseStreamOutput() {}
func (*MemberContentBlockStop) isConverseStreamOutput()  {}
func (*MemberMessageStop) isConverseStreamOutput()       {}
func (*MemberMetadata) isConverseStreamOutput()          {}

type MessageStartEvent struct{ Role *string }

type ContentBlockDeltaEvent struct {
	ContentBlockIndex *int32
	Delta             ContentBlockDelta
}

type ContentBlockDelta interface{ isContentBlockDelta() }

type DeltaMemberText struct{ Value string }

func (*DeltaMemberText) isContentBlockDelta() {}

type ContentBlockStopEvent struct{ ContentBlockIndex *int32 }

type MessageStopEvent struct{ StopReason *string }

type MetadataEvent struct {
	Usage   *TokenUsage
	Metrics *Metrics
}

type TokenUsage struct{ InputTokens, OutputTokens, TotalTokens *int32 }

type Metrics struct{ LatencyMs *int64 }

type ThrottlingException struct{ Message *string }

func (e *ThrottlingException) Error() string {
	if e.Message == nil {
		return "ThrottlingException"
	}
	return "ThrottlingException: " + *e.Message
}

var converseStreamOutputDecoder = eventstream.Decoder[ConverseStreamOutput]{
	Event:     decodeEvConverseStreamOutput,
	Exception: decodeExConverseStreamOutput,
}

func decodeEvConverseStreamOutput(eventType string, m *eventstream.Message) (ConverseStreamOutput, bool, error) {
	d := json.NewDecoder(m.Payload)
	var err error
	switch eventType {
	case "messageStart":
		v := &MemberMessageStart{}
		err = decodeDocMessageStartEvent(d, &v.Value)
		return v, true, err
	case "contentBlockDelta":
		v := &MemberContentBlockDelta{}
		err = decodeDocContentBlockDeltaEvent(d, &v.Value)
		return v, true, err
	case "contentBlockStop":
		v := &MemberContentBlockStop{}
		err = decodeDocContentBlockStopEvent(d, &v.Value)
		return v, true, err
	case "messageStop":
		v := &MemberMessageStop{}
		err = decodeDocMessageStopEvent(d, &v.Value)
		return v, true, err
	case "metadata":
		v := &MemberMetadata{}
		err = decodeDocMetadataEvent(d, &v.Value)
		return v, true, err
	}
	return nil, false, nil
}

func decodeExConverseStreamOutput(exceptionType string, m *eventstream.Message) error {
	switch exceptionType {
	case "throttlingException":
		v := &ThrottlingException{}
		d := json.NewDecoder(m.Payload)
		if err := decodeDocThrottlingException(d, v); err != nil {
			return d.Error(err)
		}
		return v
	}
	return nil
}

func decodeDocMessageStartEvent(d *json.Decoder, v *MessageStartEvent) error {
	it, err := d.Obj()
	for err == nil && it.Next() {
		switch string(it.Key()) {
		case "role":
			v.Role, err = d.StrPtr()
		default:
			err = d.Skip()
		}
	}
	return it.Done(err)
}

func decodeDocContentBlockDeltaEvent(d *json.Decoder, v *ContentBlockDeltaEvent) error {
	it, err := d.Obj()
	for err == nil && it.Next() {
		switch string(it.Key()) {
		case "contentBlockIndex":
			v.ContentBlockIndex, err = json.IntPtr[int32](d)
		case "delta":
			err = decodeDocContentBlockDelta(d, &v.Delta)
		default:
			err = d.Skip()
		}
	}
	return it.Done(err)
}

func decodeDocContentBlockDelta(d *json.Decoder, v *ContentBlockDelta) error {
	it, err := d.Obj()
	for err == nil && it.Next() {
		if *v != nil || d.Null() {
			err = d.Skip()
			continue
		}
		switch string(it.Key()) {
		case "text":
			mv := &DeltaMemberText{}
			mv.Value, err = d.Str()
			*v = mv
		default:
			err = d.Skip()
		}
	}
	return it.Done(err)
}

func decodeDocContentBlockStopEvent(d *json.Decoder, v *ContentBlockStopEvent) error {
	it, err := d.Obj()
	for err == nil && it.Next() {
		switch string(it.Key()) {
		case "contentBlockIndex":
			v.ContentBlockIndex, err = json.IntPtr[int32](d)
		default:
			err = d.Skip()
		}
	}
	return it.Done(err)
}

func decodeDocMessageStopEvent(d *json.Decoder, v *MessageStopEvent) error {
	it, err := d.Obj()
	for err == nil && it.Next() {
		switch string(it.Key()) {
		case "stopReason":
			v.StopReason, err = d.StrPtr()
		default:
			err = d.Skip()
		}
	}
	return it.Done(err)
}

func decodeDocMetadataEvent(d *json.Decoder, v *MetadataEvent) error {
	it, err := d.Obj()
	for err == nil && it.Next() {
		switch string(it.Key()) {
		case "usage":
			v.Usage = json.New[TokenUsage](d)
			err = decodeDocTokenUsage(d, v.Usage)
		case "metrics":
			v.Metrics = json.New[Metrics](d)
			err = decodeDocMetrics(d, v.Metrics)
		default:
			err = d.Skip()
		}
	}
	return it.Done(err)
}

func decodeDocTokenUsage(d *json.Decoder, v *TokenUsage) error {
	it, err := d.Obj()
	for err == nil && it.Next() {
		switch string(it.Key()) {
		case "inputTokens":
			v.InputTokens, err = json.IntPtr[int32](d)
		case "outputTokens":
			v.OutputTokens, err = json.IntPtr[int32](d)
		case "totalTokens":
			v.TotalTokens, err = json.IntPtr[int32](d)
		default:
			err = d.Skip()
		}
	}
	return it.Done(err)
}

func decodeDocMetrics(d *json.Decoder, v *Metrics) error {
	it, err := d.Obj()
	for err == nil && it.Next() {
		switch string(it.Key()) {
		case "latencyMs":
			v.LatencyMs, err = json.IntPtr[int64](d)
		default:
			err = d.Skip()
		}
	}
	return it.Done(err)
}

func decodeDocThrottlingException(d *json.Decoder, v *ThrottlingException) error {
	it, err := d.Obj()
	for err == nil && it.Next() {
		switch string(it.Key()) {
		case "message", "Message":
			v.Message, err = d.StrPtr()
		default:
			err = d.Skip()
		}
	}
	return it.Done(err)
}
