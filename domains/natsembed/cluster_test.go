package natsembed_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/cimviz/cimviz/domains/natsembed"
	"github.com/cimviz/cimviz/domains/natsembed/natstest"
)

func TestClusterOfThreeKeepsThreeCopies(t *testing.T) {
	srvs := natstest.StartCluster(t, natstest.ClusterConfigs(t, "c3", 3))
	nc := connect(t, srvs[1])
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	js, err := jetstream.New(nc)
	if err != nil {
		t.Fatal(err)
	}
	str, err := js.CreateStream(ctx, jetstream.StreamConfig{Name: "R3", Subjects: []string{"r3.>"}, Replicas: 3})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := js.Publish(ctx, "r3.x", []byte("x")); err != nil {
		t.Fatal(err)
	}
	info, err := str.Info(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if info.Cluster == nil || info.Cluster.Leader == "" || len(info.Cluster.Replicas) != 2 {
		t.Fatalf("stream cluster info %+v: want a leader and two replicas", info.Cluster)
	}
	if info.State.Msgs != 1 {
		t.Fatalf("stream holds %d messages, want 1", info.State.Msgs)
	}
}

func TestBadClusterConfigIsErrCluster(t *testing.T) {
	leaf := &natsembed.Leaf{URLs: []string{"127.0.0.1:7422"}}
	for name, cfg := range map[string]natsembed.Config{
		"no cluster name":   {Cluster: &natsembed.Cluster{Listen: "127.0.0.1:6222"}},
		"name with a space": {Cluster: &natsembed.Cluster{Name: "a b", Listen: "127.0.0.1:6222"}},
		"no cluster listen": {Cluster: &natsembed.Cluster{Name: "c"}},
		"route without port": {Cluster: &natsembed.Cluster{Name: "c", Listen: "127.0.0.1:6222",
			Routes: []string{"nats-route://somehost"}}},
		"random route port, no name": {Cluster: &natsembed.Cluster{Name: "c", Listen: "127.0.0.1:0"}},
		"cluster and leaf": {Cluster: &natsembed.Cluster{Name: "c", Listen: "127.0.0.1:6222"}, Leaf: leaf},
		"leaf accepting leaves": {Leaf: leaf, LeafListen: "127.0.0.1:0"},
		"leaf without hub":      {Leaf: &natsembed.Leaf{}},
		"leaf hub without port": {Leaf: &natsembed.Leaf{URLs: []string{"hub.example.org"}}},
		"leaf creds missing":    {Leaf: &natsembed.Leaf{URLs: []string{"127.0.0.1:7422"}, Creds: "/nonexistent/x.nk"}},
	} {
		t.Run(name, func(t *testing.T) {
			cfg.DataDir = t.TempDir()
			if _, err := natsembed.Start(cfg); !errors.Is(err, natsembed.ErrCluster) {
				t.Fatalf("got %v, want ErrCluster", err)
			}
		})
	}
}

func TestLeafNodeUsesTheHubsJetStream(t *testing.T) {
	hub, hubNC := natstest.StartOn(t, natsembed.Config{DataDir: t.TempDir(), LeafListen: "127.0.0.1:0"})
	leaf, leafNC := natstest.StartOn(t, natsembed.Config{DataDir: t.TempDir(), Name: "leaf",
		Leaf: &natsembed.Leaf{URLs: []string{hub.LeafAddr()}}})
	natstest.WaitJetStream(t, leaf)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	leafJS, err := jetstream.New(leafNC)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := leafJS.CreateStream(ctx, jetstream.StreamConfig{Name: "EDGE", Subjects: []string{"edge.>"}}); err != nil {
		t.Fatalf("stream created through the leaf: %v", err)
	}
	if _, err := leafJS.Publish(ctx, "edge.x", []byte("from the leaf")); err != nil {
		t.Fatal(err)
	}
	hubJS, err := jetstream.New(hubNC)
	if err != nil {
		t.Fatal(err)
	}
	str, err := hubJS.Stream(ctx, "EDGE")
	if err != nil {
		t.Fatalf("hub does not hold the leaf's stream: %v", err)
	}
	m, err := str.GetMsg(ctx, 1)
	if err != nil || string(m.Data) != "from the leaf" {
		t.Fatalf("hub's message 1: %v %v", m, err)
	}
}

func connect(t *testing.T, s *natsembed.Server) *nats.Conn {
	t.Helper()
	nc, err := s.Connect()
	if err != nil {
		t.Fatal(err)
	}
	return nc
}
