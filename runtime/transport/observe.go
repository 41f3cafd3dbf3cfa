package transport

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/aws/smithy-go"
	"github.com/aws/smithy-go/logging"
	"github.com/aws/smithy-go/metrics"
	"github.com/aws/smithy-go/middleware"
	"github.com/aws/smithy-go/tracing"
)

// observer holds a client's tracing, metrics and logging, resolved once.
type observer struct {
	serviceID string
	tracer    tracing.Tracer // nil: no spans
	meter     metrics.Meter  // nil: no metrics
	meters    *meters        // nil: no metrics
	logger    logging.Logger // nil: no logging
	redaction *Redaction

	logRequest, logRequestBody, logResponse, logResponseBody, logRetries, logSigning bool
}

// meters are aws-sdk-go-v2's operation and attempt metrics.
type meters struct {
	duration, serialize, identity, endpoint, signing, deserialize, attemptDuration metrics.Float64Histogram
	attempts, errors                                                               metrics.Int64Counter
}

func newObserver(cfg *Config) observer {
	o := observer{serviceID: cfg.ServiceID, redaction: cfg.Redaction}
	switch p := cfg.TracerProvider.(type) {
	case nil, tracing.NopTracerProvider, *tracing.NopTracerProvider:
	default:
		o.tracer = p.Tracer(cfg.Scope)
	}
	switch p := cfg.MeterProvider.(type) {
	case nil, metrics.NopMeterProvider, *metrics.NopMeterProvider:
	default:
		o.meter = p.Meter(cfg.Scope)
		o.meters = newMeters(o.meter)
	}
	m := cfg.ClientLogMode
	if l := cfg.Logger; l != nil && m != 0 {
		if _, nop := l.(logging.Nop); !nop {
			o.logger = l
			o.logRequest, o.logRequestBody = m.IsRequest() || m.IsRequestWithBody(), m.IsRequestWithBody()
			o.logResponse, o.logResponseBody = m.IsResponse() || m.IsResponseWithBody(), m.IsResponseWithBody()
			o.logRetries, o.logSigning = m.IsRetries(), m.IsSigning()
		}
	}
	return o
}

// newMeters creates the instruments; a meter that fails to create one gets
// none of them.
func newMeters(m metrics.Meter) *meters {
	var errs []error
	hist := func(name, desc string) metrics.Float64Histogram {
		h, err := m.Float64Histogram(name, func(o *metrics.InstrumentOptions) {
			o.UnitLabel, o.Description = "s", desc
		})
		errs = append(errs, err)
		return h
	}
	count := func(name, unit, desc string) metrics.Int64Counter {
		c, err := m.Int64Counter(name, func(o *metrics.InstrumentOptions) {
			o.UnitLabel, o.Description = unit, desc
		})
		errs = append(errs, err)
		return c
	}
	ms := &meters{
		duration:        hist("client.call.duration", "Overall call duration (including retries and time to send or receive request and response body)"),
		serialize:       hist("client.call.serialization_duration", "The time it takes to serialize a message body"),
		identity:        hist("client.call.auth.resolve_identity_duration", "The time taken to acquire an identity (AWS credentials, bearer token, etc) from an Identity Provider"),
		endpoint:        hist("client.call.resolve_endpoint_duration", "The time it takes to resolve an endpoint (endpoint resolver, not DNS) for the request"),
		signing:         hist("client.call.auth.signing_duration", "The time it takes to sign a request"),
		deserialize:     hist("client.call.deserialization_duration", "The time it takes to deserialize a message body"),
		attemptDuration: hist("client.call.attempt_duration", "The time it takes to connect to the service, send the request, and get back HTTP status code and headers (including time queued waiting to be sent)"),
		attempts:        count("client.call.attempts", "{attempt}", "The number of attempts for an individual operation"),
		errors:          count("client.call.errors", "{error}", "The number of errors for an operation"),
	}
	if errors.Join(errs...) != nil {
		return nil
	}
	return ms
}

// opAttrs sets the rpc.service and rpc.method of a metric.
func (o *observer) opAttrs(op string) metrics.RecordMetricOption {
	return func(ro *metrics.RecordMetricOptions) {
		ro.Properties.Set("rpc.service", o.serviceID)
		ro.Properties.Set("rpc.method", op)
	}
}

// authSchemeAttr sets the auth.scheme_id of identity and signing metrics.
func authSchemeAttr(scheme string) metrics.RecordMetricOption {
	return func(ro *metrics.RecordMetricOptions) { ro.Properties.Set("auth.scheme_id", scheme) }
}

// timed records the time since start in h.
func (s *call) timed(ctx context.Context, h metrics.Float64Histogram, start time.Time, opts ...metrics.RecordMetricOption) {
	o := &s.client.obs
	h.Record(ctx, time.Since(start).Seconds(), append([]metrics.RecordMetricOption{o.opAttrs(s.op.Name)}, opts...)...)
}

// span starts a span named as aws-sdk-go-v2 names the step, when tracing is
// on; its context is not returned, as the SDK's steps do not nest theirs.
func (s *call) span(ctx context.Context, name string) tracing.Span {
	if s.client.obs.tracer == nil {
		return nil
	}
	_, sp := tracing.StartSpan(ctx, name)
	return sp
}

func endSpan(sp tracing.Span) {
	if sp != nil {
		sp.End()
	}
}

// observed runs the call inside an operation span and the call-duration
// metric, as aws-sdk-go-v2's invokeOperation does.
func (s *call) observed(ctx context.Context) (middleware.Metadata, error) {
	c := s.client
	o := &c.obs
	ctx = middleware.ClearStackValues(ctx)
	ctx = middleware.WithServiceID(ctx, c.serviceID)
	ctx = middleware.WithOperationName(ctx, s.op.Name)
	var span tracing.Span
	if o.tracer != nil {
		ctx = tracing.WithOperationTracer(ctx, o.tracer)
		ctx, span = o.tracer.StartSpan(ctx, c.serviceID+"."+s.op.Name, func(so *tracing.SpanOptions) {
			so.Kind = tracing.SpanKindClient
			so.Properties.Set("rpc.system", "aws-api")
			so.Properties.Set("rpc.method", s.op.Name)
			so.Properties.Set("rpc.service", c.serviceID)
		})
	}
	start := time.Now()
	var md middleware.Metadata
	var err error
	if c.stack {
		md, err = s.runStack(ctx)
	} else {
		md, err = s.run(ctx)
	}
	if err != nil && span != nil {
		span.SetProperty("exception.type", fmt.Sprintf("%T", err))
		span.SetProperty("exception.message", err.Error())
		var api smithy.APIError
		if errors.As(err, &api) {
			span.SetProperty("api.error_code", api.ErrorCode())
			span.SetProperty("api.error_message", api.ErrorMessage())
			span.SetProperty("api.error_fault", api.ErrorFault().String())
		}
	}
	if err != nil {
		err = &smithy.OperationError{ServiceID: c.serviceID, OperationName: s.op.Name, Err: err}
	}
	if span != nil {
		span.SetProperty("error", err != nil)
		if err == nil {
			span.SetStatus(tracing.SpanStatusOK)
		} else {
			span.SetStatus(tracing.SpanStatusError)
		}
		span.End()
	}
	if o.meters != nil {
		o.meters.duration.Record(ctx, time.Since(start).Seconds(), o.opAttrs(s.op.Name))
	}
	return md, err
}

// contextLogger returns l bound to ctx when it can be.
func contextLogger(ctx context.Context, l logging.Logger) logging.Logger {
	if cl, ok := l.(logging.ContextLogger); ok {
		return cl.WithContext(ctx)
	}
	return l
}
