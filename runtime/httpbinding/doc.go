// Package httpbinding holds what generated clients of the HTTP-binding
// protocols (restJson1, restXml) share: URI labels, query strings, headers
// and prefix headers, payload bodies, and the request body's compression
// and checksums.
package httpbinding
