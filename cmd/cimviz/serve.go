package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/nats-io/nats.go"

	"github.com/cimviz/cimviz/domains/demo"
	"github.com/cimviz/cimviz/domains/eventstore/jsstore"
	"github.com/cimviz/cimviz/domains/natsembed"
	"github.com/cimviz/cimviz/domains/service"
)

// servedDomains are the domains `cimviz serve` runs; a new domain is one
// more entry here.
var servedDomains = []service.Servable{
	demo.Domain,
}

func init() {
	register("serve", "run the domain services without a window (embedded NATS or --nats URL)", runServe)
}

type serveFlags struct {
	data, listen, natsURL, logLevel string
	syncAlways                      bool
}

func parseServe(args []string, stderr io.Writer) (serveFlags, error) {
	var f serveFlags
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&f.data, "data", defaultDataDir(), "JetStream data directory of the embedded server")
	fs.StringVar(&f.listen, "listen", "", `also accept NATS clients on host:port ("" = in-process only; a port alone binds loopback)`)
	fs.StringVar(&f.natsURL, "nats", "", "use the NATS server at this URL instead of the embedded one")
	fs.BoolVar(&f.syncAlways, "sync-always", false, "fsync every JetStream write before acknowledging it (slower, survives power loss)")
	fs.StringVar(&f.logLevel, "log-level", "info", "debug, info, warn or error")
	if err := fs.Parse(args); err != nil {
		return f, errors.Join(errUsage, err)
	}
	if fs.NArg() > 0 {
		return f, fmt.Errorf("%w: unexpected argument %q", errUsage, fs.Arg(0))
	}
	return f, nil
}

// defaultDataDir is $XDG_DATA_HOME/cimviz, or ~/.local/share/cimviz.
func defaultDataDir() string {
	if x := os.Getenv("XDG_DATA_HOME"); x != "" {
		return filepath.Join(x, "cimviz")
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return filepath.Join(os.TempDir(), "cimviz")
	}
	return filepath.Join(home, ".local", "share", "cimviz")
}

func runServe(args []string) error {
	f, err := parseServe(args, os.Stderr)
	if err != nil {
		return err
	}
	logger, err := newLogger(f.logLevel)
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	b, err := startBackbone(f, logger)
	if err != nil {
		return err
	}
	running, err := startDomains(ctx, b.nc, logger)
	if err == nil {
		fmt.Printf("cimviz serve: ready; nats %s; data %s; services %d\n", b.where, b.dataDir, len(running))
		<-ctx.Done()
		logger.Info("stopping", "reason", context.Cause(ctx))
	}
	return errors.Join(err, stopDomains(running), b.close())
}

func newLogger(level string) (*slog.Logger, error) {
	var l slog.Level
	if err := l.UnmarshalText([]byte(level)); err != nil {
		return nil, fmt.Errorf("%w: --log-level %q: %v", errUsage, level, err)
	}
	return slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: l})), nil
}

// backbone is the NATS connection serve runs on, and the embedded server
// when there is one.
type backbone struct {
	srv            *natsembed.Server
	nc             *nats.Conn
	where, dataDir string
}

func startBackbone(f serveFlags, logger *slog.Logger) (*backbone, error) {
	if f.natsURL != "" {
		nc, err := nats.Connect(f.natsURL, nats.Name("cimviz serve"))
		if err != nil {
			return nil, fmt.Errorf("connect to %s: %w", f.natsURL, err)
		}
		return &backbone{nc: nc, where: f.natsURL, dataDir: "(the server's)"}, nil
	}
	srv, err := natsembed.Start(natsembed.Config{DataDir: f.data, Listen: f.listen, SyncAlways: f.syncAlways, Logger: logger})
	if err != nil {
		return nil, err
	}
	nc, err := srv.Connect(nats.Name("cimviz serve"))
	if err != nil {
		_ = srv.Shutdown(context.Background())
		return nil, err
	}
	where := srv.ClientURL()
	if where == "" {
		where = "in-process only (use --listen to let others connect)"
	}
	return &backbone{srv: srv, nc: nc, where: where, dataDir: f.data}, nil
}

// close drains the connection and stops the embedded server, flushing
// JetStream.
func (b *backbone) close() error {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if b.srv != nil {
		return b.srv.Shutdown(ctx)
	}
	return b.nc.Drain()
}

type runningDomain struct {
	svc   *service.Service
	store *jsstore.Store
}

func startDomains(ctx context.Context, nc *nats.Conn, logger *slog.Logger) ([]runningDomain, error) {
	var running []runningDomain
	for _, d := range servedDomains {
		store, err := jsstore.Open(ctx, nc, d.DomainName(), jsstore.WithLogger(logger))
		if err != nil {
			return running, fmt.Errorf("domain %s: %w", d.DomainName(), err)
		}
		svc, err := d.Start(nc, store, service.WithLogger(logger))
		if err != nil {
			_ = store.Close()
			return running, fmt.Errorf("domain %s: %w", d.DomainName(), err)
		}
		logger.Info("serving", "service", "cim-"+d.DomainName(), "id", svc.Info().ID)
		running = append(running, runningDomain{svc: svc, store: store})
	}
	return running, nil
}

// stopDomains lets every service finish the commands it received, then
// closes the stores.
func stopDomains(running []runningDomain) error {
	var errs []error
	for _, r := range running {
		errs = append(errs, r.svc.Stop(), r.store.Close())
	}
	return errors.Join(errs...)
}
