// Package restjson holds the helpers generated clients share for the
// aws.protocols#restJson1 protocol: HTTP binding encodings (URI labels, query
// strings, header lists, timestamps, non-numeric floats), JSON encoding and
// decoding on top of github.com/go-faster/jx, and error responses.
package restjson
