// Package size measures what a Go program pays for a generated client: the
// growth of a binary over a program that only loads the AWS configuration,
// with one and with twenty operations called, and the compile time and
// lines of the generated package, each next to aws-sdk-go-v2's client of
// the same service. The programs under cmd differ from their aws-sdk-go-v2
// counterparts only in the import path. Run it with make size.
package size
