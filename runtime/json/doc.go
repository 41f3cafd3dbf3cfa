// Package json is the JSON codec of the JSON protocols (restJson1,
// awsJson1_0, awsJson1_1): a reflection-free encoder and decoder on top of
// github.com/go-faster/jx that generated code drives shape by shape, and the
// error responses those protocols share.
package json
