package bench

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"

	"github.com/nats-io/nats.go"

	"github.com/cimviz/cimviz/domains/eventstore/jsstore"
	"github.com/cimviz/cimviz/domains/natsembed"
	"github.com/cimviz/cimviz/domains/service"
)

// backbone is an embedded server with JetStream on a fresh temporary
// directory, as `cimviz serve` runs it; close removes everything.
type backbone struct {
	srv     *natsembed.Server
	nc      *nats.Conn
	dir     string
	closers []func() error
}

var quietLog = slog.New(slog.NewTextHandler(io.Discard, nil))

func startBackbone() (*backbone, error) {
	dir, err := os.MkdirTemp("", "cimviz-bench-*")
	if err != nil {
		return nil, err
	}
	srv, err := natsembed.Start(natsembed.Config{DataDir: dir, Logger: quietLog})
	if err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	bb := &backbone{srv: srv, dir: dir}
	if bb.nc, err = srv.Connect(nats.Name("cimviz bench")); err != nil {
		bb.close()
		return nil, err
	}
	return bb, nil
}

// serve runs a domain on the backbone with a JetStream store.
func (bb *backbone) serve(d service.Servable) error {
	store, err := jsstore.Open(context.Background(), bb.nc, d.DomainName(), jsstore.WithLogger(quietLog))
	if err != nil {
		return fmt.Errorf("%s store: %w", d.DomainName(), err)
	}
	svc, err := d.Start(bb.nc, store, service.WithLogger(quietLog))
	if err != nil {
		store.Close()
		return fmt.Errorf("%s service: %w", d.DomainName(), err)
	}
	bb.closers = append(bb.closers, svc.Stop, store.Close)
	return nil
}

// connect opens another client connection (its own reader goroutine, as a
// separate process would have).
func (bb *backbone) connect(opts ...nats.Option) (*nats.Conn, error) {
	nc, err := bb.srv.Connect(opts...)
	if err == nil {
		bb.closers = append(bb.closers, func() error { nc.Close(); return nil })
	}
	return nc, err
}

func (bb *backbone) close() {
	for i := len(bb.closers) - 1; i >= 0; i-- {
		_ = bb.closers[i]()
	}
	if bb.nc != nil {
		bb.nc.Close()
	}
	_ = bb.srv.Shutdown(context.Background())
	os.RemoveAll(bb.dir)
}
