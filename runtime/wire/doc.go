// Package wire holds the scalar encodings every protocol shares: timestamps
// in the three Smithy formats, numbers as text (NaN and the infinities by
// name), booleans, big numbers, idempotency tokens and small generic helpers
// for generated code.
package wire
