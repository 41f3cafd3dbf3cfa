package idl

import (
	"testing"
)

// convert converts named IDL sources and decodes the documents.
func convert(t *testing.T, files ...string) []map[string]any {
	t.Helper()
	srcs := make([]Source, len(files))
	for i, f := range files {
		srcs[i] = Source{Name: "f" + string(rune('0'+i)) + ".smithy", Data: []byte(f)}
	}
	docs, err := Convert(srcs)
	if err != nil {
		t.Fatalf("convert: %v", err)
	}
	out := make([]map[string]any, len(docs))
	for i, d := range docs {
		v, err := decodeJSON(d.JSON)
		if err != nil {
			t.Fatalf("invalid JSON: %v\n%s", err, d.JSON)
		}
		out[i] = v
	}
	return out
}

// convertErr converts IDL sources that must be rejected.
func convertErr(t *testing.T, files ...string) *Error {
	t.Helper()
	srcs := make([]Source, len(files))
	for i, f := range files {
		srcs[i] = Source{Name: "f.smithy", Data: []byte(f)}
	}
	_, err := Convert(srcs)
	switch e := err.(type) {
	case *Error:
		return e
	case ErrorList:
		return e[0]
	case nil:
		t.Fatalf("accepted, want an error")
	default:
		t.Fatalf("unexpected error type %T: %v", err, err)
	}
	return nil
}

// at walks a decoded JSON value along object keys.
func at(v any, path ...string) any {
	for _, k := range path {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[k]
	}
	return v
}
