// Package eventstream holds the runtime generated clients share for
// operations with event streams (@streaming unions sent as
// application/vnd.amazon.eventstream), whatever their protocol.
//
// Messages are encoded with smithy-go's eventstream codec, the one
// aws-sdk-go-v2 clients use. They are read by this package's own frame
// reader, which checks both CRCs and the specification's size limits before
// allocating, decodes headers without an allocation per header (names and
// short string values seen before are reused), and is checked against
// smithy-go's decoder by a differential fuzz test. On top of it this
// package adds what generated code needs:
//
//   - Reader, an output stream over the unread HTTP response body. Generated
//     code gives it a Decoder: per-stream callbacks that turn an event
//     message into a typed union member and an exception message into the
//     modeled error. Reader has the Events, Close and Err methods of
//     aws-sdk-go-v2's stream readers, and All, a range-over-func view.
//   - Writer, an input stream onto the request body pipe, which encodes each
//     event with a generated callback and signs it with SigV4 event signing
//     (aws-sdk-go-v2's v4.StreamSigner, chained from the request signature).
//   - OutputStream, InputStream and DuplexStream, the <Op>EventStream types
//     of generated clients: a Reader and a Writer behind aws-sdk-go-v2's
//     Events, Send, Close and Err, with All on top.
//   - Header getters and setters for @eventHeader members of every Smithy
//     header type. Payloads are left to the callbacks, so the package does
//     not depend on any body codec.
package eventstream
