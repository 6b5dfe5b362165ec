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
	"syscall"

	"github.com/cimviz/cimviz/domains/host"
)

func init() {
	register("serve", "run the domain services without a window (embedded NATS or --nats URL)", runServe)
}

type serveFlags struct {
	data, listen, natsURL, logLevel string
	syncAlways                      bool
	metrics                         string
	sec                             host.Security
	topo                            host.Topology
}

func parseServe(args []string, stderr io.Writer) (serveFlags, error) {
	var f serveFlags
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&f.data, "data", host.DefaultDataDir(), "JetStream data directory of the embedded server")
	fs.StringVar(&f.listen, "listen", "", `also accept NATS clients on host:port ("" = in-process only; a port alone binds loopback)`)
	fs.StringVar(&f.natsURL, "nats", "", "use the NATS server at this URL instead of the embedded one")
	fs.BoolVar(&f.syncAlways, "sync-always", false, "fsync every JetStream write before acknowledging it (slower, survives power loss)")
	fs.StringVar(&f.logLevel, "log-level", "info", "debug, info, warn or error")
	fs.StringVar(&f.metrics, "metrics", "", "serve Prometheus metrics on host:port at /metrics (\"\" = none)")
	f.sec.ServerFlags(fs)
	f.topo.Flags(fs)
	if err := fs.Parse(args); err != nil {
		return f, errors.Join(errUsage, err)
	}
	if fs.NArg() > 0 {
		return f, fmt.Errorf("%w: unexpected argument %q", errUsage, fs.Arg(0))
	}
	if err := f.topo.Check(f.natsURL); err != nil {
		return f, fmt.Errorf("%w: %w", errUsage, err)
	}
	return f, nil
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
	tel, err := startTelemetry(ctx, f.metrics, logger)
	if err != nil {
		return err
	}
	h, err := host.Start(ctx, host.Config{NATSURL: f.natsURL, DataDir: f.data, Listen: f.listen, SyncAlways: f.syncAlways, Security: f.sec, Topology: f.topo,
		Domains: tel.domains(host.Domains()), Workflows: true, Name: "cimviz serve", Logger: logger})
	if err != nil {
		return errors.Join(err, tel.close())
	}
	if err := tel.listen(h, host.Domains()); err != nil {
		return errors.Join(err, h.Close(), tel.close())
	}
	dataDir := h.DataDir()
	if dataDir == "" {
		dataDir = "(the server's)"
	}
	fmt.Printf("cimviz serve: ready; nats %s; data %s; services %d\n", h.Where(), dataDir, h.Services())
	<-ctx.Done()
	logger.Info("stopping", "reason", context.Cause(ctx))
	return errors.Join(h.Close(), tel.close())
}

func newLogger(level string) (*slog.Logger, error) {
	var l slog.Level
	if err := l.UnmarshalText([]byte(level)); err != nil {
		return nil, fmt.Errorf("%w: --log-level %q: %v", errUsage, level, err)
	}
	return slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: l})), nil
}
