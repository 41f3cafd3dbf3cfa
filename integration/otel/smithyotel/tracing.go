// Package smithyotel adapts an OpenTelemetry TracerProvider to smithy-go's
// tracing.TracerProvider, which aws-sdk-go-v2 clients and smithygen clients
// take as Options.TracerProvider.
package smithyotel

import (
	"context"
	"fmt"

	"github.com/aws/smithy-go"
	"github.com/aws/smithy-go/tracing"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/trace"
)

// TracerProvider is a smithy-go tracing.TracerProvider creating OpenTelemetry
// spans.
type TracerProvider struct{ Provider trace.TracerProvider }

// Tracer returns the tracer of scope.
func (p TracerProvider) Tracer(scope string, _ ...tracing.TracerOption) tracing.Tracer {
	return tracer{p.Provider.Tracer(scope)}
}

type tracer struct{ t trace.Tracer }

// StartSpan starts an OpenTelemetry span and makes it the context's current
// smithy-go span too, so that tracing.GetSpan finds it.
func (t tracer) StartSpan(ctx context.Context, name string, opts ...tracing.SpanOption) (context.Context, tracing.Span) {
	var o tracing.SpanOptions
	for _, fn := range opts {
		fn(&o)
	}
	ctx, s := t.t.Start(ctx, name, trace.WithSpanKind(spanKind(o.Kind)), trace.WithAttributes(Attributes(&o.Properties)...))
	sp := &span{s: s, name: name}
	return tracing.WithSpan(ctx, sp), sp
}

func spanKind(k tracing.SpanKind) trace.SpanKind {
	switch k {
	case tracing.SpanKindClient:
		return trace.SpanKindClient
	case tracing.SpanKindServer:
		return trace.SpanKindServer
	case tracing.SpanKindProducer:
		return trace.SpanKindProducer
	case tracing.SpanKindConsumer:
		return trace.SpanKindConsumer
	}
	return trace.SpanKindInternal
}

type span struct {
	s    trace.Span
	name string
}

func (s *span) Name() string { return s.name }

func (s *span) Context() tracing.SpanContext {
	c := s.s.SpanContext()
	return tracing.SpanContext{TraceID: c.TraceID().String(), SpanID: c.SpanID().String(), IsRemote: c.IsRemote()}
}

func (s *span) AddEvent(name string, opts ...tracing.EventOption) {
	var o tracing.EventOptions
	for _, fn := range opts {
		fn(&o)
	}
	s.s.AddEvent(name, trace.WithAttributes(Attributes(&o.Properties)...))
}

func (s *span) SetStatus(status tracing.SpanStatus) {
	switch status {
	case tracing.SpanStatusOK:
		s.s.SetStatus(codes.Ok, "")
	case tracing.SpanStatusError:
		s.s.SetStatus(codes.Error, "")
	}
}

func (s *span) SetProperty(k, v any) { s.s.SetAttributes(Attribute(k, v)) }

func (s *span) End() { s.s.End() }

// Attributes converts smithy properties to attributes.
func Attributes(p *smithy.Properties) []attribute.KeyValue {
	var out []attribute.KeyValue
	for k, v := range p.Values() {
		out = append(out, Attribute(k, v))
	}
	return out
}

// Attribute converts one smithy property to an attribute.
func Attribute(k, v any) attribute.KeyValue {
	key := attribute.Key(fmt.Sprint(k))
	switch v := v.(type) {
	case string:
		return key.String(v)
	case bool:
		return key.Bool(v)
	case int:
		return key.Int(v)
	case int64:
		return key.Int64(v)
	case float64:
		return key.Float64(v)
	}
	return key.String(fmt.Sprint(v))
}
