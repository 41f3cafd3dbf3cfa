package otel_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	sdk "github.com/aws/aws-sdk-go-v2/service/cleanrooms"
	"github.com/aws/smithy-go/metrics"
	"github.com/aws/smithy-go/middleware"

	ours "github.com/smithygen/smithygen/generated/cleanroomsml"
)

// recorder is a smithy-go MeterProvider that records which instruments are
// created and what is recorded in them (names and attributes, not values).
type recorder struct {
	mu     sync.Mutex
	events map[string]bool
}

func (r *recorder) add(e string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.events == nil {
		r.events = map[string]bool{}
	}
	r.events[e] = true
}

func (r *recorder) list(c client) []string {
	var out []string
	for e := range r.events {
		out = append(out, c.normalize(e))
	}
	slices.Sort(out)
	return out
}

func (r *recorder) Meter(scope string, _ ...metrics.MeterOption) metrics.Meter {
	return meter{Meter: metrics.NopMeterProvider{}.Meter(scope), r: r}
}

type meter struct {
	metrics.Meter
	r *recorder
}

type instrument struct {
	r    *recorder
	name string
}

func (m meter) create(kind, name string, opts []metrics.InstrumentOption) instrument {
	var o metrics.InstrumentOptions
	for _, fn := range opts {
		fn(&o)
	}
	m.r.add(fmt.Sprintf("create %s %s unit=%s %q", kind, name, o.UnitLabel, o.Description))
	return instrument{m.r, name}
}

func (i instrument) record(opts []metrics.RecordMetricOption) {
	var o metrics.RecordMetricOptions
	for _, fn := range opts {
		fn(&o)
	}
	var attrs []string
	for k, v := range o.Properties.Values() {
		attrs = append(attrs, fmt.Sprintf("%v=%v", k, v))
	}
	slices.Sort(attrs)
	i.r.add("record " + i.name + " " + strings.Join(attrs, " "))
}

func (i instrument) Add(_ context.Context, _ int64, opts ...metrics.RecordMetricOption) {
	i.record(opts)
}

type floatHistogram struct{ instrument }

func (h floatHistogram) Record(_ context.Context, _ float64, opts ...metrics.RecordMetricOption) {
	h.record(opts)
}

func (m meter) Int64Counter(name string, opts ...metrics.InstrumentOption) (metrics.Int64Counter, error) {
	return m.create("Int64Counter", name, opts), nil
}

func (m meter) Int64UpDownCounter(name string, opts ...metrics.InstrumentOption) (metrics.Int64UpDownCounter, error) {
	return m.create("Int64UpDownCounter", name, opts), nil
}

func (m meter) Float64Histogram(name string, opts ...metrics.InstrumentOption) (metrics.Float64Histogram, error) {
	return floatHistogram{m.create("Float64Histogram", name, opts)}, nil
}

// TestMeterProviderMetrics compares the instruments both clients create and
// the attributes they record, for a call retried once.
// With stack set, the calls run through the middleware stack.
func TestMeterProviderMetrics(t *testing.T) {
	for _, stack := range []bool{false, true} {
		t.Run(fmt.Sprintf("stack=%v", stack), func(t *testing.T) { testMetrics(t, stack) })
	}
}

func testMetrics(t *testing.T, stack bool) {
	var results [2][]string
	for i, c := range clients {
		r := &recorder{}
		cfg := config(failOnceHTTP())
		if stack {
			cfg.APIOptions = append(cfg.APIOptions, func(*middleware.Stack) error { return nil })
		}
		cfg.ServiceOptions = append(cfg.ServiceOptions, both(
			func(o *ours.Options) { o.MeterProvider = r }, func(o *sdk.Options) { o.MeterProvider = r }))
		if err := c.call(context.Background(), cfg); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		results[i] = r.list(c)
	}
	diff(t, "metrics", results[0], results[1])
	for _, want := range []string{
		`create Float64Histogram client.call.duration unit=s "Overall call duration (including retries and time to send or receive request and response body)"`,
		`create Int64Counter client.call.attempts unit={attempt} "The number of attempts for an individual operation"`,
		"record client.call.errors exception.type=InternalServerException rpc.method=OP rpc.service=SERVICE",
		"record client.call.auth.signing_duration auth.scheme_id=aws.auth#sigv4 rpc.method=OP rpc.service=SERVICE",
	} {
		if !slices.Contains(results[0], want) {
			t.Errorf("no %q in\n%s", want, strings.Join(results[0], "\n"))
		}
	}
}
