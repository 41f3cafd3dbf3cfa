module github.com/smithygen/smithygen

go 1.26.0

require (
	github.com/aws/aws-sdk-go-v2 v1.48.0
	github.com/aws/smithy-go v1.28.9
	github.com/dave/jennifer v1.7.1
	github.com/go-faster/jx v1.2.0
	github.com/jmespath/go-jmespath v0.4.0
	github.com/tidwall/gjson v1.20.2
	github.com/tidwall/pretty v1.3.0
	go.uber.org/goleak v1.3.0
	golang.org/x/tools v0.52.0
)

require (
	github.com/go-faster/errors v0.7.1 // indirect
	github.com/segmentio/asm v1.2.1 // indirect
	github.com/tidwall/match v1.1.1 // indirect
	golang.org/x/mod v0.42.0 // indirect
	golang.org/x/sync v0.24.0 // indirect
	golang.org/x/sys v0.49.0 // indirect
)
