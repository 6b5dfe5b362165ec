package main

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"github.com/nats-io/nats.go"

	"github.com/cimviz/cimviz/domains/eventstore"
	"github.com/cimviz/cimviz/domains/host"
	"github.com/cimviz/cimviz/domains/service"
	"github.com/cimviz/cimviz/domains/telemetry"
)

// serveTelemetry is what serve adds to its services: Prometheus metrics
// on --metrics HOST:PORT, and traces over OTLP/HTTP when
// OTEL_EXPORTER_OTLP_ENDPOINT is set.
type serveTelemetry struct {
	addr           string
	logger         *slog.Logger
	metrics        *telemetry.Metrics // nil without --metrics
	observers      []service.Option
	endpoint       *telemetry.Endpoint
	shutdownTraces func(context.Context) error
}

// startTelemetry builds the observers; nothing listens before listen.
func startTelemetry(ctx context.Context, addr string, logger *slog.Logger) (*serveTelemetry, error) {
	tp, shutdown, err := telemetry.NewTracerProvider(ctx)
	if err != nil {
		return nil, err
	}
	t := &serveTelemetry{addr: addr, logger: logger, shutdownTraces: shutdown,
		observers: []service.Option{service.WithObserver(telemetry.NewTracer(tp))}}
	if addr != "" {
		t.metrics = telemetry.New()
		t.observers = append(t.observers, service.WithObserver(t.metrics))
	}
	return t, nil
}

// domains wraps each domain so that its service starts with the observers.
func (t *serveTelemetry) domains(ds []service.Servable) []service.Servable {
	out := make([]service.Servable, len(ds))
	for i, d := range ds {
		out[i] = observed{Servable: d, opts: t.observers}
	}
	return out
}

// listen serves the metrics, with each served domain's up figure read
// from $SRV.STATS on the host's connection. Without --metrics it does
// nothing.
func (t *serveTelemetry) listen(h *host.Host, ds []service.Servable) error {
	if t.metrics == nil {
		return nil
	}
	names := make([]string, len(ds))
	for i, d := range ds {
		names[i] = "cim-" + d.DomainName()
	}
	if err := t.metrics.AddServices(h.Conn(), telemetry.DefaultHealthWait, names...); err != nil {
		return err
	}
	if srv := h.Server(); srv != nil { // the embedded server's Varz and Jsz
		if err := t.metrics.AddServer(srv.NATS()); err != nil {
			return err
		}
	}
	ep, err := t.metrics.Listen(t.addr)
	if err != nil {
		return err
	}
	t.endpoint = ep
	t.logger.Info("serving metrics", "url", ep.URL())
	return nil
}

// close stops the metrics endpoint and flushes pending spans.
func (t *serveTelemetry) close() error {
	var errs []error
	if t.endpoint != nil {
		errs = append(errs, t.endpoint.Close())
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return errors.Join(append(errs, t.shutdownTraces(ctx))...)
}

// observed is a domain whose service starts with extra options.
type observed struct {
	service.Servable
	opts []service.Option
}

// Start starts the domain with its options and the extra ones.
func (o observed) Start(nc *nats.Conn, store eventstore.Store, opts ...service.Option) (*service.Service, error) {
	return o.Servable.Start(nc, store, append(append([]service.Option{}, opts...), o.opts...)...)
}
