// Package fuzz drives generated clients of the JSON and query protocols —
// DynamoDB (awsJson1_0), Clean Rooms ML (restJson1), IAM (awsQuery) and
// Smithy's ec2Query test service — with hostile HTTP responses: fuzzed status, headers and body, deeply nested and huge
// documents. Every call must end with its output or a typed error
// (*smithy.DeserializationError or a smithy.APIError), never a panic or a
// hang, using heap in proportion to the body.
//
// The clients are generated into gen/ (not committed) by `make fuzz`, which
// then runs the tests and each fuzz target for a few seconds.
package fuzz
