package bench

import (
	"context"
	"fmt"
	"testing"

	v2 "github.com/aws/aws-sdk-go-v2/service/cleanrooms"
	"github.com/aws/smithy-go/middleware"
	"go.opentelemetry.io/contrib/instrumentation/github.com/aws/aws-sdk-go-v2/otelaws"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"

	ours "github.com/smithygen/smithygen/bench/gen/cleanrooms"
	"github.com/smithygen/smithygen/integration/otel/smithyotel"
)

// BenchmarkListMembershipsObserved is BenchmarkListMemberships with tracing
// on: otelaws in APIOptions (which runs smithygen's middleware stack), or
// an OpenTelemetry TracerProvider in Options. Spans are sampled and dropped.
func BenchmarkListMembershipsObserved(b *testing.B) {
	tp := sdktrace.NewTracerProvider()
	var apiOptions []func(*middleware.Stack) error
	otelaws.AppendMiddlewares(&apiOptions, otelaws.WithTracerProvider(tp))
	tracer := smithyotel.TracerProvider{Provider: tp}
	settings := []struct {
		name string
		ours func(*ours.Options)
		v2   func(*v2.Options)
	}{
		{"otelaws", func(o *ours.Options) { o.APIOptions = apiOptions }, func(o *v2.Options) { o.APIOptions = apiOptions }},
		{"tracer", func(o *ours.Options) { o.TracerProvider = tracer }, func(o *v2.Options) { o.TracerProvider = tracer }},
	}
	for _, s := range settings {
		for _, n := range []int{0, 100} {
			body := page(n)
			b.Run(fmt.Sprintf("setting=%s/items=%d/client=smithygen", s.name, n), func(b *testing.B) {
				c := ours.New(ours.Options{Region: "us-east-1", Credentials: creds, HTTPClient: &fakeClient{body}}, s.ours)
				run(b, len(body), n, func(ctx context.Context) (int, error) {
					out, err := c.ListMemberships(ctx, &ours.ListMembershipsInput{})
					if err != nil {
						return 0, err
					}
					return len(out.MembershipSummaries), nil
				})
			})
			b.Run(fmt.Sprintf("setting=%s/items=%d/client=aws-sdk-go-v2", s.name, n), func(b *testing.B) {
				c := v2.New(v2.Options{Region: "us-east-1", Credentials: creds, HTTPClient: &fakeClient{body}}, s.v2)
				run(b, len(body), n, func(ctx context.Context) (int, error) {
					out, err := c.ListMemberships(ctx, &v2.ListMembershipsInput{})
					if err != nil {
						return 0, err
					}
					return len(out.MembershipSummaries), nil
				})
			})
		}
	}
}
