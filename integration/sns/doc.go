// Package snsintegration runs an SNS sequence through the generated SNS
// client (awsQuery, generated into gen/sns by make integration) and through
// aws-sdk-go-v2's against goaws, an SNS and SQS emulator run in process.
package snsintegration
