package eventstream_test

import (
	"bytes"
	"context"
	"errors"
	"math"
	"testing"
	"time"

	"github.com/smithygen/smithygen/runtime/eventstream"
	"github.com/smithygen/smithygen/runtime/eventstream/eventstreamtest"
)

// roundTrip encodes m and reads it back through a Reader.
func roundTrip(t *testing.T, m eventstream.Message) eventstream.Message {
	t.Helper()
	eventstream.SetString(&m, eventstream.MessageTypeHeader, eventstream.EventMessage)
	eventstream.SetString(&m, eventstream.EventTypeHeader, "headers")
	var got eventstream.Message
	dec := eventstream.Decoder[int]{Event: func(_ string, m *eventstream.Message) (int, bool, error) {
		got = *m
		return 0, true, nil
	}}
	r := eventstream.NewReader(context.Background(), newBody(eventstreamtest.Encode(m)), dec)
	for _, err := range r.All() {
		if err != nil {
			t.Fatal(err)
		}
	}
	return got
}

func TestHeadersOfEveryType(t *testing.T) {
	leakCheck(t)
	ts := time.Date(2024, 10, 31, 14, 15, 14, 123e6, time.UTC)
	var m eventstream.Message
	eventstream.SetBool(&m, "t", true)
	eventstream.SetBool(&m, "f", false)
	eventstream.SetByte(&m, "byte", -128)
	eventstream.SetShort(&m, "short", math.MaxInt16)
	eventstream.SetInt(&m, "int", math.MinInt32)
	eventstream.SetLong(&m, "long", math.MaxInt64)
	eventstream.SetBlob(&m, "blob", []byte{0, 1, 2, 255})
	eventstream.SetString(&m, "string", "héllo")
	eventstream.SetTimestamp(&m, "ts", ts.Add(456*time.Microsecond))
	got := roundTrip(t, m)

	check := func(name string, ok bool, err error) {
		t.Helper()
		if err != nil || !ok {
			t.Fatalf("header %s: ok %v, err %v", name, ok, err)
		}
	}
	tv, err := eventstream.HeaderBool(&got, "t")
	check("t", tv != nil && *tv, err)
	fv, err := eventstream.HeaderBool(&got, "f")
	check("f", fv != nil && !*fv, err)
	b, err := eventstream.HeaderByte(&got, "byte")
	check("byte", b != nil && *b == -128, err)
	s, err := eventstream.HeaderShort(&got, "short")
	check("short", s != nil && *s == math.MaxInt16, err)
	i, err := eventstream.HeaderInt(&got, "int")
	check("int", i != nil && *i == math.MinInt32, err)
	l, err := eventstream.HeaderLong(&got, "long")
	check("long", l != nil && *l == math.MaxInt64, err)
	bl, err := eventstream.HeaderBlob(&got, "blob")
	check("blob", bytes.Equal(bl, []byte{0, 1, 2, 255}), err)
	str, err := eventstream.HeaderString(&got, "string")
	check("string", str != nil && *str == "héllo", err)
	tm, err := eventstream.HeaderTimestamp(&got, "ts")
	check("ts", tm != nil && tm.Equal(ts), err) // the wire keeps milliseconds
}

func TestAbsentHeaders(t *testing.T) {
	var m eventstream.Message
	if v, err := eventstream.HeaderString(&m, "x"); v != nil || err != nil {
		t.Fatal("string")
	}
	if v, err := eventstream.HeaderInt(&m, "x"); v != nil || err != nil {
		t.Fatal("int")
	}
	if v, err := eventstream.HeaderBlob(&m, "x"); v != nil || err != nil {
		t.Fatal("blob")
	}
	if v, err := eventstream.HeaderTimestamp(&m, "x"); v != nil || err != nil {
		t.Fatal("timestamp")
	}
	if v, err := eventstream.HeaderBool(&m, "x"); v != nil || err != nil {
		t.Fatal("bool")
	}
}

func TestIntegerHeadersWidenButDoNotOverflow(t *testing.T) {
	var m eventstream.Message
	eventstream.SetByte(&m, "small", 7)
	eventstream.SetLong(&m, "big", 1<<40)
	eventstream.SetInt(&m, "fits", 200)
	if v, err := eventstream.HeaderLong(&m, "small"); err != nil || *v != 7 {
		t.Fatalf("byte as long: %v %v", v, err)
	}
	if v, err := eventstream.HeaderShort(&m, "fits"); err != nil || *v != 200 {
		t.Fatalf("int as short: %v %v", v, err)
	}
	var he *eventstream.HeaderError
	if _, err := eventstream.HeaderInt(&m, "big"); !errors.As(err, &he) || he.Name != "big" || he.Want != "integer" {
		t.Fatalf("long out of integer range: %v", err)
	}
	if _, err := eventstream.HeaderByte(&m, "fits"); !errors.As(err, &he) {
		t.Fatalf("200 as byte: %v", err)
	}
}

func TestHeaderTypeMismatch(t *testing.T) {
	var m eventstream.Message
	eventstream.SetString(&m, "s", "1")
	eventstream.SetInt(&m, "i", 1)
	var he *eventstream.HeaderError
	for name, get := range map[string]func() error{
		"int from string":  func() error { _, err := eventstream.HeaderInt(&m, "s"); return err },
		"bool from string": func() error { _, err := eventstream.HeaderBool(&m, "s"); return err },
		"blob from string": func() error { _, err := eventstream.HeaderBlob(&m, "s"); return err },
		"time from int":    func() error { _, err := eventstream.HeaderTimestamp(&m, "i"); return err },
		"string from int":  func() error { _, err := eventstream.HeaderString(&m, "i"); return err },
	} {
		if err := get(); !errors.As(err, &he) {
			t.Fatalf("%s: %v", name, err)
		}
	}
}

// A header callback error ends the stream as a deserialization error.
func TestHeaderErrorEndsStream(t *testing.T) {
	leakCheck(t)
	var m eventstream.Message
	eventstream.SetString(&m, eventstream.MessageTypeHeader, eventstream.EventMessage)
	eventstream.SetString(&m, eventstream.EventTypeHeader, "headers")
	eventstream.SetString(&m, "count", "three")
	dec := eventstream.Decoder[int32]{Event: func(_ string, m *eventstream.Message) (int32, bool, error) {
		v, err := eventstream.HeaderInt(m, "count")
		if err != nil {
			return 0, false, err
		}
		return *v, true, nil
	}}
	r := eventstream.NewReader(context.Background(), newBody(eventstreamtest.Encode(m)), dec)
	for range r.Events() {
		t.Fatal("event")
	}
	if err := r.Err(); !errors.As(err, new(*eventstream.HeaderError)) {
		t.Fatalf("Err %v", err)
	}
}
