package natstest

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"testing"
	"time"

	"github.com/cimviz/cimviz/domains/natsembed"
)

// ClusterConfigs are the configurations of an n-server cluster on
// loopback: each server with a fresh data directory, a client listener on
// a random port, a route port of its own and routes to all of them (the
// same list everywhere, as an operator would write it). Starting a config
// again restarts that server on its data directory and route port.
func ClusterConfigs(t testing.TB, name string, n int) []natsembed.Config {
	t.Helper()
	ports := FreePorts(t, n)
	routes := make([]string, n)
	for i, p := range ports {
		routes[i] = fmt.Sprintf("127.0.0.1:%d", p)
	}
	cfgs := make([]natsembed.Config, n)
	for i := range cfgs {
		cfgs[i] = natsembed.Config{
			DataDir: t.TempDir(), Listen: "127.0.0.1:0", Name: fmt.Sprintf("%s-%d", name, i),
			Cluster: &natsembed.Cluster{Name: name, Listen: routes[i], Routes: routes},
			Logger:  quiet, // a stopped server's routes log an error a second
		}
	}
	return cfgs
}

// StartCluster starts every server of cfgs and waits until the cluster's
// JetStream is ready on each. The servers stop when the test ends.
func StartCluster(t testing.TB, cfgs []natsembed.Config) []*natsembed.Server {
	t.Helper()
	srvs := make([]*natsembed.Server, len(cfgs))
	for i, cfg := range cfgs {
		srvs[i], _ = StartOn(t, cfg)
	}
	for _, s := range srvs {
		WaitJetStream(t, s)
	}
	return srvs
}

// WaitJetStream fails the test when s's JetStream is not ready within 30 s.
func WaitJetStream(t testing.TB, s *natsembed.Server) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := s.WaitJetStream(ctx); err != nil {
		t.Fatal(err)
	}
}

// FreePorts returns n loopback TCP ports that were free a moment ago.
func FreePorts(t testing.TB, n int) []int {
	t.Helper()
	ports := make([]int, n)
	for i := range ports {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		defer l.Close()
		ports[i] = l.Addr().(*net.TCPAddr).Port
	}
	return ports
}

var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))
