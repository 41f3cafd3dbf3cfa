package wire

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// TimeFormat is a timestampFormat trait value.
type TimeFormat uint8

// Timestamp formats.
const (
	// EpochSeconds is seconds since the Unix epoch with optional fractional
	// seconds, e.g. 1515531081.123.
	EpochSeconds TimeFormat = iota
	// DateTime is an RFC 3339 date-time, e.g. 1985-04-12T23:20:50.52Z.
	DateTime
	// HTTPDate is an RFC 9110 IMF-fixdate, e.g. Tue, 29 Apr 2014 18:30:38 GMT.
	HTTPDate
)

const (
	dateTimeOut = "2006-01-02T15:04:05.999Z"
	httpDateOut = "Mon, 02 Jan 2006 15:04:05 GMT"
)

// FormatTime formats t in UTC with millisecond precision; fractional seconds
// are written only when non-zero.
func FormatTime(t time.Time, f TimeFormat) string {
	switch f {
	case DateTime:
		return t.UTC().Format(dateTimeOut)
	case HTTPDate:
		return t.UTC().Format(httpDateOut)
	}
	return string(AppendEpoch(nil, t))
}

// AppendEpoch appends t as epoch seconds with millisecond precision.
func AppendEpoch(b []byte, t time.Time) []byte {
	ms := t.UnixMilli()
	if ms < 0 {
		b = append(b, '-')
		ms = -ms
	}
	b = strconv.AppendInt(b, ms/1000, 10)
	if frac := ms % 1000; frac != 0 {
		b = append(b, '.', byte('0'+frac/100), byte('0'+frac/10%10), byte('0'+frac%10))
		for b[len(b)-1] == '0' {
			b = b[:len(b)-1]
		}
	}
	return b
}

var dateTimeLayouts = []string{time.RFC3339Nano, "2006-01-02T15:04:05.999999999"}

var httpDateLayouts = []string{
	"Mon, _2 Jan 2006 15:04:05 GMT", time.RFC1123Z, time.RFC850, time.ANSIC, "Mon, _2 Jan 06 15:04:05 GMT",
}

// ParseTime parses a timestamp written in format f and returns it in UTC.
// Clients accept any format when the value cannot be read as the declared
// one, since services sometimes deviate from their model.
func ParseTime(s string, f TimeFormat) (time.Time, error) {
	if t, err := parseTime(s, f); err == nil {
		return t, nil
	}
	for _, alt := range [...]TimeFormat{DateTime, HTTPDate, EpochSeconds} {
		if alt == f {
			continue
		}
		if t, err := parseTime(s, alt); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("invalid timestamp %q", s)
}

func parseTime(s string, f TimeFormat) (time.Time, error) {
	switch f {
	case DateTime:
		return tryLayouts(strings.ToUpper(s), dateTimeLayouts)
	case HTTPDate:
		return tryLayouts(s, httpDateLayouts)
	}
	return ParseEpoch(s)
}

func tryLayouts(s string, layouts []string) (time.Time, error) {
	var err error
	for _, l := range layouts {
		var t time.Time
		if t, err = time.Parse(l, s); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, err
}

var errEpoch = errors.New("invalid epoch-seconds timestamp")

// ParseEpoch parses epoch seconds written as a JSON number, exactly to the
// nanosecond: the digits are read as a decimal, exponent notation included,
// never through a float64.
func ParseEpoch(s string) (time.Time, error) {
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	mant, exp := s, 0
	if i := strings.IndexAny(s, "eE"); i >= 0 {
		e, err := strconv.Atoi(strings.TrimPrefix(s[i+1:], "+"))
		if err != nil || e > 20 || e < -20 {
			return time.Time{}, errEpoch
		}
		mant, exp = s[:i], e
	}
	ip, fp, _ := strings.Cut(mant, ".")
	if ip == "" || !digits(ip) || !digits(fp) {
		return time.Time{}, errEpoch
	}
	// Digit k of ip+fp counts 10^(point-1-k) seconds.
	digit := func(k int) int64 {
		switch {
		case k < 0 || k >= len(ip)+len(fp):
			return 0
		case k < len(ip):
			return int64(ip[k] - '0')
		}
		return int64(fp[k-len(ip)] - '0')
	}
	point := len(ip) + exp
	var sec, nsec int64
	for k := 0; k < point; k++ {
		if sec = sec*10 + digit(k); sec > maxEpoch {
			return time.Time{}, errEpoch
		}
	}
	for k := point; k < point+9; k++ {
		nsec = nsec*10 + digit(k)
	}
	if neg {
		sec, nsec = -sec, -nsec
	}
	return time.Unix(sec, nsec).UTC(), nil
}

// maxEpoch bounds epoch seconds (about the year 33658), far beyond any
// timestamp a service sends.
const maxEpoch = 1e12

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
