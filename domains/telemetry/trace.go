package telemetry

import (
	"context"
	"encoding/binary"
	"errors"
	"math/rand/v2"
	"os"
	"strconv"

	"github.com/google/uuid"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracehttp"
	"go.opentelemetry.io/otel/sdk/resource"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/trace"
	"go.opentelemetry.io/otel/trace/noop"

	"github.com/cimviz/cimviz/domains/service"
)

// TracerName is the instrumentation scope of the harness's spans.
const TracerName = "github.com/cimviz/cimviz/domains/service"

// Tracer is a [service.Observer] that records one span per answered
// command. Its spans have the command's correlation ID as trace ID when
// the provider uses [IDGenerator] (as [NewTracerProvider]'s does).
type Tracer struct {
	tracer trace.Tracer
}

// NewTracer records spans through tp.
func NewTracer(tp trace.TracerProvider) *Tracer { return &Tracer{tracer: tp.Tracer(TracerName)} }

// CommandDone records the command's span from its start to its answer
// (service.Observer).
func (t *Tracer) CommandDone(o service.Outcome) {
	ctx := withCorrelation(context.Background(), o.Command.CorrelationID)
	typ := o.Type
	if typ == "" {
		typ = unknownCommand
	}
	_, span := t.tracer.Start(ctx, o.Domain+"."+typ, trace.WithTimestamp(o.Start),
		trace.WithSpanKind(trace.SpanKindServer), trace.WithAttributes(commandAttributes(o, typ)...))
	if o.Err != nil {
		span.SetAttributes(attribute.Int("cim.code", o.Code()))
		span.SetStatus(codes.Error, strconv.Itoa(o.Code()))
	}
	span.End(trace.WithTimestamp(o.Start.Add(o.Elapsed)))
}

// commandAttributes describe the command and its ack.
func commandAttributes(o service.Outcome, typ string) []attribute.KeyValue {
	return []attribute.KeyValue{
		attribute.String("cim.domain", o.Domain), attribute.String("cim.command", typ),
		attribute.String("cim.aggregate_id", o.Command.AggregateID),
		attribute.String("cim.message_id", o.Command.MessageID.String()),
		attribute.String("cim.correlation_id", o.Command.CorrelationID.String()),
		attribute.String("cim.causation_id", o.Command.CausationID.String()),
		attribute.Int64("cim.version", int64(o.Ack.Version)), attribute.Int64("cim.sequence", int64(o.Ack.Sequence)),
		attribute.Bool("cim.duplicate", o.Ack.Duplicate),
	}
}

// TraceID is the trace of a correlation ID: its 16 bytes. A zero
// correlation gives the invalid (zero) trace ID.
func TraceID(correlation uuid.UUID) trace.TraceID { return trace.TraceID(correlation) }

// correlationKey keys the correlation ID in a context, for IDGenerator.
type correlationKey struct{}

func withCorrelation(ctx context.Context, id uuid.UUID) context.Context {
	if id == uuid.Nil {
		return ctx
	}
	return context.WithValue(ctx, correlationKey{}, id)
}

// IDGenerator returns the span ID generator of the harness's traces: a
// root span started by [Tracer] gets its command's correlation ID as
// trace ID, any other span random IDs.
func IDGenerator() sdktrace.IDGenerator { return idGenerator{} }

type idGenerator struct{}

// NewIDs gives a root span its trace and span IDs (sdktrace.IDGenerator).
func (idGenerator) NewIDs(ctx context.Context) (trace.TraceID, trace.SpanID) {
	if id, ok := ctx.Value(correlationKey{}).(uuid.UUID); ok {
		return TraceID(id), randomSpanID()
	}
	var tid trace.TraceID
	for !tid.IsValid() {
		binary.BigEndian.PutUint64(tid[:8], rand.Uint64())
		binary.BigEndian.PutUint64(tid[8:], rand.Uint64())
	}
	return tid, randomSpanID()
}

// NewSpanID gives a child span its ID (sdktrace.IDGenerator).
func (idGenerator) NewSpanID(context.Context, trace.TraceID) trace.SpanID { return randomSpanID() }

func randomSpanID() trace.SpanID {
	var sid trace.SpanID
	for !sid.IsValid() {
		binary.BigEndian.PutUint64(sid[:], rand.Uint64())
	}
	return sid
}

// NewTracerProvider is where the harness's spans go: with
// OTEL_EXPORTER_OTLP_ENDPOINT (or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) set,
// a batching provider exporting over OTLP/HTTP, configured further by the
// standard OTEL_* variables; otherwise a no-op provider. Shutdown flushes
// what is pending and stops the exporter.
func NewTracerProvider(ctx context.Context) (trace.TracerProvider, func(context.Context) error, error) {
	if os.Getenv("OTEL_EXPORTER_OTLP_ENDPOINT") == "" && os.Getenv("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT") == "" {
		return noop.NewTracerProvider(), func(context.Context) error { return nil }, nil
	}
	exp, err := otlptracehttp.New(ctx)
	if err != nil {
		return nil, nil, errors.Join(errors.New("telemetry: OTLP/HTTP exporter"), err)
	}
	res, err := resource.New(ctx, resource.WithAttributes(attribute.String("service.name", "cimviz")), resource.WithFromEnv())
	if err != nil {
		return nil, nil, errors.Join(errors.New("telemetry: trace resource"), err, exp.Shutdown(ctx))
	}
	tp := sdktrace.NewTracerProvider(sdktrace.WithBatcher(exp), sdktrace.WithResource(res), sdktrace.WithIDGenerator(IDGenerator()))
	return tp, tp.Shutdown, nil
}
