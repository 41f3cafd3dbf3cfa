// Package endpoints benchmarks generated endpoint resolvers (the rules
// interpreter of runtime/rules over an encoded rule set) against
// aws-sdk-go-v2's compiled ones, and compares linked sizes (see size/).
// Run it with make bench-endpoints from the repository root.
package endpoints
