package protocoltest

import (
	"bytes"
	"fmt"
	"net/http"
	"sort"
	"strings"
	"testing"
)

// Request is what an httpRequestTests case expects of a request.
type Request struct {
	Method string
	URI    string
	// ResolvedHost, when set, is the expected host of the request.
	ResolvedHost       string
	QueryParams        []string
	ForbidQueryParams  []string
	RequireQueryParams []string
	Headers            map[string]string
	ForbidHeaders      []string
	RequireHeaders     []string
	// Body is checked when HasBody is set: as JSON, XML or form pairs when
	// BodyMediaType is application/json, application/xml or
	// application/x-www-form-urlencoded, byte for byte otherwise.
	HasBody       bool
	Body          string
	BodyMediaType string
}

// CheckRequest compares the request c captured with want; callErr is the
// error of the call, reported when no request was sent.
func CheckRequest(t testing.TB, c *Capture, callErr error, want Request) {
	t.Helper()
	if c.Request == nil {
		t.Fatalf("%v: %v", errNoRequest, callErr)
	}
	if c.err != nil {
		t.Fatalf("reading the request body: %v", c.err)
	}
	for _, p := range RequestProblems(c.Request, c.Body, want) {
		t.Error(p)
	}
}

// RequestProblems lists how r, whose body is body, differs from want.
func RequestProblems(r *http.Request, body []byte, want Request) []string {
	var out []string
	if r.Method != want.Method {
		out = append(out, fmt.Sprintf("method = %q, want %q", r.Method, want.Method))
	}
	if p := r.URL.EscapedPath(); p != want.URI {
		out = append(out, fmt.Sprintf("path = %q, want %q", p, want.URI))
	}
	if want.ResolvedHost != "" && r.URL.Host != want.ResolvedHost {
		out = append(out, fmt.Sprintf("host = %q, want %q", r.URL.Host, want.ResolvedHost))
	}
	out = append(out, queryProblems(r.URL.RawQuery, want)...)
	out = append(out, headerProblems(r, want)...)
	if want.HasBody {
		out = append(out, bodyProblems(body, want)...)
	}
	return out
}

// queryProblems checks the raw query: each expected pair is present as
// often as it is expected, forbidden keys are absent, required keys present.
// Keys and values are compared percent-encoded; a key without "=" equals
// the key with an empty value, as SigV4 signing canonicalizes it.
func queryProblems(raw string, want Request) []string {
	var out []string
	pairs := map[string]int{}
	keys := map[string]bool{}
	for _, p := range strings.Split(raw, "&") {
		if p == "" {
			continue
		}
		pairs[queryPair(p)]++
		k, _, _ := strings.Cut(p, "=")
		keys[k] = true
	}
	for _, p := range want.QueryParams {
		if pairs[queryPair(p)] == 0 {
			out = append(out, fmt.Sprintf("query %q lacks %q", raw, p))
			continue
		}
		pairs[queryPair(p)]--
	}
	for _, k := range want.ForbidQueryParams {
		if keys[k] {
			out = append(out, fmt.Sprintf("query %q has forbidden parameter %q", raw, k))
		}
	}
	for _, k := range want.RequireQueryParams {
		if !keys[k] {
			out = append(out, fmt.Sprintf("query %q lacks required parameter %q", raw, k))
		}
	}
	return out
}

// queryPair is the normal form of a "key=value" or "key" pair.
func queryPair(p string) string {
	if !strings.Contains(p, "=") {
		return p + "="
	}
	return p
}

// headerValue returns a request header as sent: field lines joined with
// ", "; Content-Length and Host come from the request itself.
func headerValue(r *http.Request, name string) (string, bool) {
	switch http.CanonicalHeaderKey(name) {
	case "Content-Length":
		if r.ContentLength > 0 {
			return fmt.Sprint(r.ContentLength), true
		}
		return "", false
	case "Host":
		return r.URL.Host, true
	}
	vs, ok := r.Header[http.CanonicalHeaderKey(name)]
	return strings.Join(vs, ", "), ok
}

func headerProblems(r *http.Request, want Request) []string {
	var out []string
	names := make([]string, 0, len(want.Headers))
	for k := range want.Headers {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		got, ok := headerValue(r, k)
		switch {
		case !ok:
			out = append(out, fmt.Sprintf("header %s is missing, want %q", k, want.Headers[k]))
		case got != want.Headers[k]:
			out = append(out, fmt.Sprintf("header %s = %q, want %q", k, got, want.Headers[k]))
		}
	}
	for _, k := range want.ForbidHeaders {
		if v, ok := headerValue(r, k); ok {
			out = append(out, fmt.Sprintf("forbidden header %s is set to %q", k, v))
		}
	}
	for _, k := range want.RequireHeaders {
		if _, ok := headerValue(r, k); !ok {
			out = append(out, fmt.Sprintf("required header %s is missing", k))
		}
	}
	return out
}

func bodyProblems(body []byte, want Request) []string {
	var equal func(got, want []byte) error
	switch want.BodyMediaType {
	case "application/json":
		equal = JSONEqual
	case "application/xml":
		equal = XMLEqual
	case "application/x-www-form-urlencoded":
		equal = FormEqual
	}
	if equal != nil && strings.TrimSpace(want.Body) != "" {
		if err := equal(body, []byte(want.Body)); err != nil {
			return []string{fmt.Sprintf("body %s: %v; want %s", body, err, want.Body)}
		}
		return nil
	}
	if !bytes.Equal(body, []byte(want.Body)) {
		return []string{fmt.Sprintf("body = %q, want %q", body, want.Body)}
	}
	return nil
}
