// Package s3integration runs an S3 sequence through the generated S3 client
// (generated into gen/s3 by make integration) and through aws-sdk-go-v2's
// against S3 servers written elsewhere: gofakes3 in process, behind a check
// of SigV4 signatures with S3's signing settings, and s3rver out of process.
package s3integration
