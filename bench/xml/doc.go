// Package xmlbench compares the runtime/xml decoder with aws-sdk-go-v2's S3
// and IAM deserializers on the same response bodies.
package xmlbench
