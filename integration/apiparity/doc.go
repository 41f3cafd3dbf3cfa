// Package apiparity checks that a generated client exposes aws-sdk-go-v2's
// client API: the test generates the client of the shared Clean Rooms model
// and compares its Options fields, constructors, functional options and
// endpoint types with those of aws-sdk-go-v2's service/cleanrooms.
package apiparity
