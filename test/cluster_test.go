package test

import (
	"context"
	"io"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/cimviz/cimviz/domains/auth"
	"github.com/cimviz/cimviz/domains/demo"
	"github.com/cimviz/cimviz/domains/eventstore/jsstore"
	"github.com/cimviz/cimviz/domains/graphdomain"
	"github.com/cimviz/cimviz/domains/host"
	"github.com/cimviz/cimviz/domains/natsembed/natstest"
	"github.com/cimviz/cimviz/domains/service"
)

// serve --replicas 3 on a cluster of three: every domain stream (the
// workflow services' too) keeps three copies, and a client that opens a
// stream afterwards (the editor's bridge does) leaves it at three.
func TestClusterHostKeepsEveryDomainStreamOnThreeServers(t *testing.T) {
	srvs := natstest.StartCluster(t, natstest.ClusterConfigs(t, "r3", 3))
	ctx, cancel := context.WithTimeout(context.Background(), 40*time.Second)
	defer cancel()
	h, err := host.Start(ctx, host.Config{NATSURL: clientURLs(srvs), Topology: host.Topology{Replicas: 3},
		Domains: host.Domains(), Workflows: true, Name: "r3 host", Logger: quietLogger()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = h.Close() })
	nc := clusterClient(t, srvs)
	if _, err := jsstore.Open(ctx, nc, graphdomain.Name); err != nil {
		t.Fatal(err)
	}
	js, err := jetstream.New(nc)
	if err != nil {
		t.Fatal(err)
	}
	seen := 0
	for info := range js.ListStreams(ctx).Info() {
		if !strings.HasPrefix(info.Config.Name, "CIM_") {
			continue
		}
		seen++
		if info.Config.Replicas != 3 {
			t.Errorf("stream %s keeps %d copies, want 3", info.Config.Name, info.Config.Replicas)
		}
	}
	if want := len(host.Domains()) + 2; seen < want {
		t.Fatalf("%d domain streams, want at least %d (every domain and the workflow services)", seen, want)
	}
}

// A leaf node keeps no JetStream of its own: a command sent by a client
// of the leaf is served by the hub's service and stored in the hub's
// stream, which the leaf's clients read as if it were theirs. The link
// authenticates like a client (an admin credential of the hub's data
// directory); a leaf without credentials never gets in.
func TestLeafCommandIsServedAndStoredAtTheHub(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	hubDir := t.TempDir()
	creds := filepath.Join(t.TempDir(), "leaf.nk")
	if _, err := auth.NewCredentials(hubDir, auth.RoleAdmin, "leaf", creds); err != nil {
		t.Fatal(err)
	}
	hub := startHost(t, ctx, host.Config{DataDir: hubDir, Topology: host.Topology{LeafListen: "127.0.0.1:0"},
		Domains: []service.Servable{demo.Domain}, Name: "hub"})
	leaf := startHost(t, ctx, host.Config{DataDir: t.TempDir(), Topology: host.Topology{Leaf: hub.LeafAddr()},
		Security: host.Security{Creds: creds}, Name: "leaf"})

	ack := send(t, leaf.Conn(), counterCmd("create", "edge", `{"name":"from the leaf"}`))
	if ack.Version != 1 {
		t.Fatalf("create through the leaf: %+v", ack)
	}
	for _, side := range []*host.Host{hub, leaf} {
		evs := storedEvents(t, side.Conn())
		if len(evs) != 1 || evs[0].AggregateID != "edge" || evs[0].Sequence != ack.Sequence {
			t.Fatalf("stream seen from %s: %+v, want the leaf's create at sequence %d", side.Where(), evs, ack.Sequence)
		}
	}

	short, cancelShort := context.WithTimeout(ctx, 3*time.Second)
	defer cancelShort()
	if h, err := host.Start(short, host.Config{DataDir: t.TempDir(), Topology: host.Topology{Leaf: hub.LeafAddr()},
		Name: "intruder", Logger: quietLogger()}); err == nil {
		_ = h.Close()
		t.Fatal("a leaf without credentials joined a hub that requires them")
	}
}

func startHost(t *testing.T, ctx context.Context, cfg host.Config) *host.Host {
	t.Helper()
	cfg.Logger = quietLogger()
	h, err := host.Start(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = h.Close() })
	return h
}

func quietLogger() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }
