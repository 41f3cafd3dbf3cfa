package wire

import (
	"math"
	"testing"
	"time"
)

func TestFormatTime(t *testing.T) {
	base := time.Date(2019, 12, 16, 23, 48, 18, 0, time.UTC)
	frac := base.Add(123456789 * time.Nanosecond)
	tests := []struct {
		t    time.Time
		f    TimeFormat
		want string
	}{
		{base, EpochSeconds, "1576540098"},
		{frac, EpochSeconds, "1576540098.123"},
		{base.Add(500 * time.Millisecond), EpochSeconds, "1576540098.5"},
		{time.Unix(-1, -500e6), EpochSeconds, "-1.5"},
		{base, DateTime, "2019-12-16T23:48:18Z"},
		{frac, DateTime, "2019-12-16T23:48:18.123Z"},
		{base.In(time.FixedZone("x", 3600)), DateTime, "2019-12-16T23:48:18Z"},
		{base, HTTPDate, "Mon, 16 Dec 2019 23:48:18 GMT"},
	}
	for _, tt := range tests {
		if got := FormatTime(tt.t, tt.f); got != tt.want {
			t.Errorf("FormatTime(%v, %d) = %q, want %q", tt.t, tt.f, got, tt.want)
		}
	}
}

func TestParseTime(t *testing.T) {
	want := time.Unix(1576540098, 0).UTC()
	tests := []struct {
		s    string
		f    TimeFormat
		want time.Time
	}{
		{"2019-12-16T23:48:18Z", DateTime, want},
		{"2019-12-16T22:48:18-01:00", DateTime, want},
		{"2019-12-17T00:48:18+01:00", DateTime, want},
		{"2019-12-16t23:48:18z", DateTime, want},
		{"2000-01-02T20:34:56.123Z", DateTime, time.Unix(946845296, 123e6).UTC()},
		{"Mon, 16 Dec 2019 23:48:18 GMT", HTTPDate, want},
		{"Mon, 16 Dec 2019 23:48:18.5 GMT", HTTPDate, want.Add(500 * time.Millisecond)},
		{"1576540098", EpochSeconds, want},
		{"1576540098.000000001", EpochSeconds, want.Add(1)},
		{"-1.25", EpochSeconds, time.Unix(-1, -250e6).UTC()},
		{"1.5e3", EpochSeconds, time.Unix(1500, 0).UTC()},
		{"1.700000123456E9", EpochSeconds, time.Unix(1700000123, 456e6).UTC()},
		{"15E-1", EpochSeconds, time.Unix(1, 5e8).UTC()},
		{"-2.5e+0", EpochSeconds, time.Unix(-2, -5e8).UTC()},
		{"0.000000001e9", EpochSeconds, time.Unix(1, 0).UTC()},
		{"0001576540098", EpochSeconds, want},
		// Values in another format than declared are still accepted.
		{"2019-12-16T23:48:18Z", HTTPDate, want},
		{"1576540098", DateTime, want},
	}
	for _, tt := range tests {
		got, err := ParseTime(tt.s, tt.f)
		if err != nil || !got.Equal(tt.want) || got.Location() != time.UTC {
			t.Errorf("ParseTime(%q, %d) = %v, %v; want %v UTC", tt.s, tt.f, got, err, tt.want)
		}
	}
	for _, bad := range []string{"", "yesterday", "12:00", "1.2.3", "99999999999999999999", "--1", "1e400", "1e", "e5", "1.5e3.1", "1e21", ".5"} {
		if got, err := ParseTime(bad, EpochSeconds); err == nil {
			t.Errorf("ParseTime(%q) = %v, want error", bad, got)
		}
	}
}

func TestParseEpochAllocations(t *testing.T) {
	if n := testing.AllocsPerRun(100, func() { _, _ = ParseEpoch("1.700000123456E9") }); n != 0 {
		t.Errorf("ParseEpoch allocates %v times", n)
	}
}

func TestFormatParseFloat(t *testing.T) {
	for _, tt := range []struct {
		v    float64
		want string
	}{{math.NaN(), "NaN"}, {math.Inf(1), "Infinity"}, {math.Inf(-1), "-Infinity"}, {1.1, "1.1"}, {1e21, "1e+21"}, {-0.5, "-0.5"}} {
		if got := FormatFloat(tt.v, 64); got != tt.want {
			t.Errorf("FormatFloat(%v) = %q, want %q", tt.v, got, tt.want)
		}
		back, err := ParseFloat[float64](tt.want)
		if err != nil || !(back == tt.v || math.IsNaN(back) && math.IsNaN(tt.v)) {
			t.Errorf("ParseFloat(%q) = %v, %v", tt.want, back, err)
		}
	}
	if got := FormatFloat(float64(float32(1.1)), 32); got != "1.1" {
		t.Errorf("FormatFloat(float32 1.1) = %q", got)
	}
}

func TestParseInt(t *testing.T) {
	if v, err := ParseInt[int8]("127"); err != nil || v != 127 {
		t.Errorf("ParseInt[int8](127) = %v, %v", v, err)
	}
	if _, err := ParseInt[int8]("128"); err == nil {
		t.Error("ParseInt[int8](128) succeeded")
	}
	if _, err := ParseBool("True"); err == nil {
		t.Error(`ParseBool("True") succeeded`)
	}
	if FormatInt(int16(-3)) != "-3" {
		t.Error("FormatInt(-3)")
	}
}
