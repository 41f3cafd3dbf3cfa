package xml

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	smithytime "github.com/aws/smithy-go/time"
)

// TimeFormat is a timestampFormat trait value.
type TimeFormat uint8

// Timestamp formats. DateTime, the zero value, is the default in XML bodies.
const (
	// DateTime is an RFC 3339 date-time, e.g. 1985-04-12T23:20:50.52Z.
	DateTime TimeFormat = iota
	// HTTPDate is an RFC 9110 IMF-fixdate, e.g. Tue, 29 Apr 2014 18:30:38 GMT.
	HTTPDate
	// EpochSeconds is seconds since the Unix epoch with optional fractional
	// seconds, e.g. 1515531081.123.
	EpochSeconds
)

// AppendTime appends t in UTC with millisecond precision; fractional
// seconds are written only when not zero.
func AppendTime(b []byte, t time.Time, f TimeFormat) []byte {
	switch f {
	case HTTPDate:
		return t.UTC().AppendFormat(b, "Mon, 02 Jan 2006 15:04:05 GMT")
	case EpochSeconds:
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
	return t.UTC().AppendFormat(b, "2006-01-02T15:04:05.999Z")
}

// ParseTime parses a timestamp written in format f and returns it in UTC.
// Any other format is accepted when the text is not in f, since services
// sometimes deviate from their model.
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
	if len(s) > 64 {
		s = s[:64] + "…"
	}
	return time.Time{}, fmt.Errorf("invalid timestamp %q", s)
}

func parseTime(s string, f TimeFormat) (time.Time, error) {
	switch f {
	case HTTPDate:
		t, err := smithytime.ParseHTTPDate(s)
		return t.UTC(), err
	case EpochSeconds:
		return parseEpoch(s)
	}
	if t, ok := parseDateTime(s); ok {
		return t, nil
	}
	t, err := smithytime.ParseDateTime(strings.ToUpper(s))
	return t.UTC(), err
}

// parseDateTime parses an RFC 3339 date-time without allocating:
// YYYY-MM-DDTHH:MM:SS, optional fractional seconds, then Z or ±HH:MM.
func parseDateTime(s string) (time.Time, bool) {
	if len(s) < 20 || s[4] != '-' || s[7] != '-' || s[10] != 'T' && s[10] != 't' || s[13] != ':' || s[16] != ':' {
		return time.Time{}, false
	}
	year, ok1 := num(s[0:4])
	month, ok2 := num(s[5:7])
	day, ok3 := num(s[8:10])
	hour, ok4 := num(s[11:13])
	minute, ok5 := num(s[14:16])
	sec, ok6 := num(s[17:19])
	if !(ok1 && ok2 && ok3 && ok4 && ok5 && ok6) || month < 1 || month > 12 || day < 1 ||
		day > daysIn(month, year) || hour > 23 || minute > 59 || sec > 59 {
		return time.Time{}, false
	}
	i, nsec := 19, 0
	if s[i] == '.' {
		i++
		scale := 100000000
		start := i
		for ; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
			nsec += int(s[i]-'0') * scale
			scale /= 10
		}
		if i == start {
			return time.Time{}, false
		}
	}
	offset := 0
	switch rest := s[i:]; {
	case rest == "Z" || rest == "z":
	case len(rest) == 6 && (rest[0] == '+' || rest[0] == '-') && rest[3] == ':':
		oh, ok1 := num(rest[1:3])
		om, ok2 := num(rest[4:6])
		if !ok1 || !ok2 || oh > 23 || om > 59 {
			return time.Time{}, false
		}
		if offset = oh*3600 + om*60; rest[0] == '-' {
			offset = -offset
		}
	default:
		return time.Time{}, false
	}
	t := time.Date(year, time.Month(month), day, hour, minute, sec, nsec, time.UTC)
	return t.Add(-time.Duration(offset) * time.Second), true
}

func num(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

func daysIn(month, year int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

var errEpoch = errors.New("invalid epoch-seconds timestamp")

// maxEpoch bounds epoch seconds (about the year 33658).
const maxEpoch = 1e12

// parseEpoch parses epoch seconds with a decimal fraction exactly to the
// nanosecond; other number forms go through a float64.
func parseEpoch(s string) (time.Time, error) {
	neg := strings.HasPrefix(s, "-")
	ip, fp, _ := strings.Cut(strings.TrimPrefix(s, "-"), ".")
	if ip != "" {
		if sec, ok := num(ip); ok && len(ip) <= 13 && sec <= maxEpoch {
			if nsec, ok := fraction(fp); ok {
				if neg {
					sec, nsec = -sec, -nsec
				}
				return time.Unix(int64(sec), int64(nsec)).UTC(), nil
			}
		}
	}
	if !isDecimal(s) {
		return time.Time{}, errEpoch
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.Abs(v) > maxEpoch {
		return time.Time{}, errEpoch
	}
	sec, frac := math.Modf(v)
	return time.Unix(int64(sec), int64(math.Round(frac*1e6))*1e3).UTC(), nil
}

// fraction reads the digits after a decimal point as nanoseconds.
func fraction(s string) (int, bool) {
	n, scale := 0, 100000000
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n += int(c-'0') * scale
		scale /= 10
	}
	return n, true
}
