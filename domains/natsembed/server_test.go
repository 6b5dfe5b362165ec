package natsembed_test

import (
	"context"
	"errors"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/cimviz/cimviz/domains/natsembed"
	"github.com/cimviz/cimviz/domains/natsembed/natstest"
)

func TestInProcessServerHasNoURLAndRunsJetStream(t *testing.T) {
	srv, nc := natstest.Start(t)
	if got := srv.ClientURL(); got != "" {
		t.Fatalf("in-process server has URL %q", got)
	}
	publishKept(t, nc, 1)
}

func TestRestartOnSameDataDirKeepsStreams(t *testing.T) {
	dir := t.TempDir()
	srv, nc := natstest.StartOn(t, natsembed.Config{DataDir: dir})
	publishKept(t, nc, 1)
	natstest.Stop(t, srv)
	_, nc = natstest.StartOn(t, natsembed.Config{DataDir: dir, SyncAlways: true})
	publishKept(t, nc, 2)
}

func TestListenWithoutHostBindsLoopback(t *testing.T) {
	srv, _ := natstest.StartOn(t, natsembed.Config{DataDir: t.TempDir(), Listen: ":0"})
	u, err := url.Parse(srv.ClientURL())
	if err != nil {
		t.Fatal(err)
	}
	if u.Hostname() != "127.0.0.1" || u.Port() == "0" || u.Port() == "" {
		t.Fatalf("client URL %q: want loopback with a chosen port", srv.ClientURL())
	}
	nc, err := nats.Connect(srv.ClientURL())
	if err != nil {
		t.Fatalf("TCP client cannot connect: %v", err)
	}
	nc.Close()
}

func TestBadConfigIsErrStart(t *testing.T) {
	for name, cfg := range map[string]natsembed.Config{
		"no data dir":  {},
		"no port":      {DataDir: t.TempDir(), Listen: "localhost"},
		"port too big": {DataDir: t.TempDir(), Listen: ":70000"},
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := natsembed.Start(cfg); !errors.Is(err, natsembed.ErrStart) {
				t.Fatalf("got %v, want ErrStart", err)
			}
		})
	}
}

func TestShutdownDeliversWhatWasInFlight(t *testing.T) {
	srv, err := natsembed.Start(natsembed.Config{DataDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	nc, err := srv.Connect()
	if err != nil {
		t.Fatal(err)
	}
	got := make(chan string, 1)
	if _, err := nc.Subscribe("hello", func(m *nats.Msg) { got <- string(m.Data) }); err != nil {
		t.Fatal(err)
	}
	if err := nc.Publish("hello", []byte("world")); err != nil {
		t.Fatal(err)
	}
	natstest.Stop(t, srv)
	natstest.Stop(t, srv) // twice is fine
	select {
	case m := <-got:
		if m != "world" {
			t.Fatalf("got %q", m)
		}
	default:
		t.Fatal("message published before Shutdown was not delivered")
	}
	if !nc.IsClosed() {
		t.Fatal("connection still open after Shutdown")
	}
}

// publishKept publishes one message to a file stream and checks that the
// stream now holds want messages.
func publishKept(t *testing.T, nc *nats.Conn, want uint64) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	js, err := jetstream.New(nc)
	if err != nil {
		t.Fatal(err)
	}
	s, err := js.CreateOrUpdateStream(ctx, jetstream.StreamConfig{Name: "T", Subjects: []string{"t.>"}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := js.Publish(ctx, "t.x", []byte(strings.Repeat("x", 10))); err != nil {
		t.Fatal(err)
	}
	info, err := s.Info(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if info.State.Msgs != want {
		t.Fatalf("stream holds %d messages, want %d", info.State.Msgs, want)
	}
}
