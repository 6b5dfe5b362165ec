package telemetry_test

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"
	"go.opentelemetry.io/otel/codes"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
	collectortrace "go.opentelemetry.io/proto/otlp/collector/trace/v1"
	"google.golang.org/protobuf/proto"

	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/domains/service"
	"github.com/cimviz/cimviz/domains/telemetry"
)

// causedCommand is a command caused by another message of the
// correlation corr, so correlation, causation and message IDs differ.
func causedCommand(corr uuid.UUID, typ, aggregate, payload string) message.Command {
	cmd := command(typ, aggregate, payload)
	cmd.Identity = message.Identity{MessageID: corr, CorrelationID: corr, CausationID: corr}.Caused()
	return cmd
}

// Each command yields one span, named domain.command, whose trace ID is
// the 16 bytes of the command's correlation ID; a refusal is an error span.
func TestTracerSpanPerCommand(t *testing.T) {
	rec := tracetest.NewSpanRecorder()
	tp := sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(rec), sdktrace.WithIDGenerator(telemetry.IDGenerator()))
	t.Cleanup(func() { _ = tp.Shutdown(context.Background()) })
	c := startCounter(t, service.WithObserver(telemetry.NewTracer(tp)))
	corr := message.NewID()
	c.send(t, causedCommand(corr, "create", "c1", `{"name":"visits","limit":1}`))
	c.send(t, causedCommand(corr, "increment", "c1", `{"by":5}`))
	eventually(t, "two spans ended", func() bool { return len(rec.Ended()) == 2 })
	spans := rec.Ended()
	for i, name := range []string{"counter.create", "counter.increment"} {
		s := spans[i]
		if s.Name() != name {
			t.Errorf("span %d is %q, want %q", i, s.Name(), name)
		}
		if got := s.SpanContext().TraceID(); got != [16]byte(corr) {
			t.Errorf("span %q trace ID %s, want the correlation ID %s", s.Name(), got, corr)
		}
		if !s.EndTime().After(s.StartTime()) {
			t.Errorf("span %q does not last: %v to %v", s.Name(), s.StartTime(), s.EndTime())
		}
	}
	if spans[0].Status().Code == codes.Error || spans[1].Status().Code != codes.Error {
		t.Errorf("statuses %v and %v, want the refused increment alone an error", spans[0].Status(), spans[1].Status())
	}
}

// otlpSink is a real HTTP server taking OTLP/HTTP trace exports.
type otlpSink struct {
	mu     sync.Mutex
	bodies [][]byte
}

func (s *otlpSink) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(r.Body)
	if err != nil || r.URL.Path != "/v1/traces" {
		http.Error(w, "not a trace export", http.StatusBadRequest)
		return
	}
	s.mu.Lock()
	s.bodies = append(s.bodies, body)
	s.mu.Unlock()
	w.Header().Set("Content-Type", "application/x-protobuf")
	_, _ = w.Write(nil)
}

// traceIDs decodes every export received and lists its spans' trace IDs.
func (s *otlpSink) traceIDs(t *testing.T) [][]byte {
	t.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	var ids [][]byte
	for _, body := range s.bodies {
		var req collectortrace.ExportTraceServiceRequest
		if err := proto.Unmarshal(body, &req); err != nil {
			t.Fatal(err)
		}
		for _, rs := range req.GetResourceSpans() {
			for _, ss := range rs.GetScopeSpans() {
				for _, sp := range ss.GetSpans() {
					ids = append(ids, sp.GetTraceId())
				}
			}
		}
	}
	return ids
}

// With OTEL_EXPORTER_OTLP_ENDPOINT set, a command's span reaches the
// collector over OTLP/HTTP with the correlation ID as its trace ID.
func TestTracerProviderExportsOverOTLPHTTP(t *testing.T) {
	sink := &otlpSink{}
	collector := httptest.NewServer(sink)
	defer collector.Close()
	t.Setenv("OTEL_EXPORTER_OTLP_ENDPOINT", collector.URL)
	t.Setenv("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "")
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	tp, shutdown, err := telemetry.NewTracerProvider(ctx)
	if err != nil {
		t.Fatal(err)
	}
	c := startCounter(t, service.WithObserver(telemetry.NewTracer(tp)))
	corr := message.NewID()
	c.send(t, causedCommand(corr, "create", "c1", `{"name":"visits"}`))
	if err := c.svc.Stop(); err != nil { // the workers, observers included, are done
		t.Fatal(err)
	}
	if err := shutdown(ctx); err != nil { // flushes the batch
		t.Fatal(err)
	}
	ids := sink.traceIDs(t)
	if len(ids) != 1 || !bytes.Equal(ids[0], corr[:]) {
		t.Fatalf("exported trace IDs %x, want one: %x", ids, corr[:])
	}
}

// Without an endpoint the provider is a no-op: spans are not recorded.
func TestTracerProviderNoopWithoutEndpoint(t *testing.T) {
	t.Setenv("OTEL_EXPORTER_OTLP_ENDPOINT", "")
	t.Setenv("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "")
	tp, shutdown, err := telemetry.NewTracerProvider(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = shutdown(context.Background()) }()
	_, span := tp.Tracer("test").Start(context.Background(), "nothing")
	defer span.End()
	if span.IsRecording() {
		t.Error("a span of the provider without endpoint is recording")
	}
}
