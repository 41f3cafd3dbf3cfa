package otel_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"go.opentelemetry.io/contrib/instrumentation/github.com/aws/aws-sdk-go-v2/otelaws"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"

	"github.com/smithygen/smithygen/integration/otel/smithyotel"
)

// spans runs one call of c with cfg changed by setup (given an OpenTelemetry
// tracer provider) and returns its spans, one a line: the parent's name, the
// span's name, kind and status, and its sorted attributes, with c's names
// normalized.
func spans(t *testing.T, c client, hc aws.HTTPClient, setup func(*aws.Config, *sdktrace.TracerProvider)) ([]string, error) {
	t.Helper()
	exp := tracetest.NewInMemoryExporter()
	tp := sdktrace.NewTracerProvider(sdktrace.WithSyncer(exp))
	cfg := config(hc)
	setup(&cfg, tp)
	err := c.call(context.Background(), cfg)
	if ferr := tp.ForceFlush(context.Background()); ferr != nil {
		t.Fatal(ferr)
	}
	got := exp.GetSpans()
	names := map[string]string{}
	for _, s := range got {
		names[s.SpanContext.SpanID().String()] = s.Name
	}
	var out []string
	for _, s := range got {
		var attrs []string
		for _, kv := range s.Attributes {
			attrs = append(attrs, c.normalize(string(kv.Key))+"="+c.normalize(kv.Value.Emit()))
		}
		slices.Sort(attrs)
		parent := names[s.Parent.SpanID().String()]
		out = append(out, fmt.Sprintf("%s > %s [%s %s] %s", c.normalize(parent), c.normalize(s.Name),
			s.SpanKind, s.Status.Code, strings.Join(attrs, " ")))
	}
	slices.Sort(out)
	return out, err
}

// compareSpans checks that both clients produce the same spans.
func compareSpans(t *testing.T, hc func() aws.HTTPClient, setup func(*aws.Config, *sdktrace.TracerProvider)) []string {
	t.Helper()
	var results [2][]string
	for i, c := range clients {
		s, err := spans(t, c, hc(), setup)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if len(s) == 0 {
			t.Fatalf("%s: no spans", c.name)
		}
		results[i] = s
	}
	diff(t, "spans", results[0], results[1])
	return results[0]
}

// TestOtelawsSpans instruments both clients with otelaws through
// aws.Config.APIOptions and compares the spans.
func TestOtelawsSpans(t *testing.T) {
	got := compareSpans(t, func() aws.HTTPClient { return okHTTP() }, func(cfg *aws.Config, tp *sdktrace.TracerProvider) {
		otelaws.AppendMiddlewares(&cfg.APIOptions, otelaws.WithTracerProvider(tp))
	})
	want := " > SERVICE.OP [client Unset] aws.region=us-east-1 aws.request_id=req-1 http.response.status_code=200 rpc.method=SERVICE/OP rpc.system.name=aws-api"
	if len(got) != 1 || got[0] != want {
		t.Errorf("spans:\n%s\nwant:\n%s", strings.Join(got, "\n"), want)
	}
}

// TestTracerProviderSpans compares the spans both clients send to a
// TracerProvider, for a call retried once.
func TestTracerProviderSpans(t *testing.T) {
	got := compareSpans(t, func() aws.HTTPClient { return failOnceHTTP() }, func(cfg *aws.Config, tp *sdktrace.TracerProvider) {
		cfg.ServiceOptions = append(cfg.ServiceOptions, setTracer(smithyotel.TracerProvider{Provider: tp}))
	})
	for _, want := range []string{
		" > SERVICE.OP [client Ok] error=false rpc.method=OP rpc.service=SERVICE rpc.system=aws-api",
		"RetryLoop > Attempt [internal Unset] aws.request_id=req-1 operation.attempt=2",
		"Attempt > SignRequest [internal Unset] ",
	} {
		if !slices.Contains(got, want) {
			t.Errorf("no span %q in\n%s", want, strings.Join(got, "\n"))
		}
	}
	attempts := 0
	for _, s := range got {
		if strings.HasPrefix(s, "RetryLoop > Attempt ") {
			attempts++
		}
	}
	if attempts != 2 {
		t.Errorf("%d Attempt spans, want 2:\n%s", attempts, strings.Join(got, "\n"))
	}
}

// TestStackPathSpans compares the spans of a retried call with otelaws and
// a TracerProvider, which runs the generated client's middleware stack.
func TestStackPathSpans(t *testing.T) {
	got := compareSpans(t, func() aws.HTTPClient { return failOnceHTTP() }, func(cfg *aws.Config, tp *sdktrace.TracerProvider) {
		otelaws.AppendMiddlewares(&cfg.APIOptions, otelaws.WithTracerProvider(tp))
		cfg.ServiceOptions = append(cfg.ServiceOptions, setTracer(smithyotel.TracerProvider{Provider: tp}))
	})
	// otelaws's span is inside the client's; its deserialize middleware sets
	// the status code and request ID on the current span, the attempt's.
	for _, want := range []string{
		"SERVICE.OP > SERVICE.OP [client Unset] aws.region=us-east-1 rpc.method=SERVICE/OP rpc.system.name=aws-api",
		"RetryLoop > Attempt [internal Unset] aws.request_id=req-1 http.response.status_code=500 operation.attempt=1",
	} {
		if !slices.Contains(got, want) {
			t.Errorf("no span %q in\n%s", want, strings.Join(got, "\n"))
		}
	}
}
