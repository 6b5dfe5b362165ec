// Package natstest starts the real embedded NATS server for other
// packages' tests: a fresh JetStream data directory per test, stopped when
// the test ends. It imports "testing", so only tests may import it.
package natstest

import (
	"context"
	"log/slog"
	"os"
	"testing"
	"time"

	"github.com/nats-io/nats.go"

	"github.com/cimviz/cimviz/domains/natsembed"
)

// Start runs an in-process server on a fresh temporary data directory and
// returns it with one connection. Both go away when the test ends.
func Start(t testing.TB) (*natsembed.Server, *nats.Conn) {
	t.Helper()
	return StartOn(t, natsembed.Config{DataDir: t.TempDir()})
}

// StartOn runs a server with cfg (to restart on a data directory, or to
// listen on loopback) and returns it with one connection. Without a
// logger in cfg, only the server's warnings and errors are shown.
func StartOn(t testing.TB, cfg natsembed.Config) (*natsembed.Server, *nats.Conn) {
	t.Helper()
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	}
	srv, err := natsembed.Start(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { Stop(t, srv) })
	nc, err := srv.Connect()
	if err != nil {
		t.Fatal(err)
	}
	return srv, nc
}

// Stop shuts srv down and waits for it (a no-op on a stopped server), so a
// test can restart a server on the same data directory.
func Stop(t testing.TB, srv *natsembed.Server) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(ctx); err != nil {
		t.Error(err)
	}
}
