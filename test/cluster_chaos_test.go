package test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/cimviz/cimviz/domains/demo"
	"github.com/cimviz/cimviz/domains/eventstore/jsstore"
	"github.com/cimviz/cimviz/domains/host"
	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/domains/natsembed"
	"github.com/cimviz/cimviz/domains/natsembed/natstest"
	"github.com/cimviz/cimviz/domains/service"
)

// chaosCounters × chaosIncrements commands make the load; it is bounded
// by count, not by time.
const chaosCounters, chaosIncrements = 4, 120

// A 3-server cluster with the counter stream at R3 and the counter
// service connected by URL, four clients incrementing their counters one
// command at a time (each sent until answered, with the same message ID,
// as the editor's bridge does). A third of the way in, the server leading
// the stream is stopped without warning (its in-process nats-server shut
// down under its clients and routes); two thirds in it comes back on its
// data directory. Every acknowledged command's event is stored exactly
// once, in the order the commands were acknowledged; commands go on
// after the restart, and the restarted server catches up.
func TestChaosClusterKeepsEveryAcknowledgedCommand(t *testing.T) {
	cfgs := natstest.ClusterConfigs(t, "chaos", 3)
	srvs := natstest.StartCluster(t, cfgs)
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Second)
	defer cancel()
	startClusterHost(t, ctx, srvs, 3)
	nc := clusterClient(t, srvs)
	cl := service.NewClient(nc, demo.Domain.Name)
	ids := createCounters(t, ctx, cl)

	var acked atomic.Int64
	sent := make([][]uuid.UUID, chaosCounters) // per counter, in ack order
	var wg sync.WaitGroup
	errs := make(chan error, chaosCounters)
	for c := range chaosCounters {
		wg.Go(func() {
			for range chaosIncrements {
				cmd := counterCmd("increment", ids[c], "")
				if _, err := sendUntilAcked(ctx, cl, cmd); err != nil {
					errs <- err
					return
				}
				sent[c] = append(sent[c], cmd.MessageID)
				acked.Add(1)
			}
		})
	}
	victim := killLeaderMidLoad(t, ctx, nc, srvs, &acked)
	srvs[victim] = restartMidLoad(t, ctx, cfgs[victim], &acked)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}

	for _, id := range ids {
		if ack, err := sendUntilAcked(ctx, cl, counterCmd("increment", id, "")); err != nil || ack.Version != chaosIncrements+2 {
			t.Fatalf("increment of %s after the restart: %+v %v, want version %d", id, ack, err, chaosIncrements+2)
		}
	}
	// A reader's consumer may be placed on any replica, the restarted
	// one too, which serves what it holds: read once all are current.
	waitReplicasCurrent(t, ctx, nc, jsstore.StreamName(demo.Domain.Name))
	checkExactlyOnceInOrder(t, storedEvents(t, nc), ids, sent, 1)
}

// startClusterHost runs the counter service on a connection to every
// server of srvs, its stream at replicas copies.
func startClusterHost(t *testing.T, ctx context.Context, srvs []*natsembed.Server, replicas int) *host.Host {
	t.Helper()
	h, err := host.Start(ctx, host.Config{NATSURL: clientURLs(srvs), Topology: host.Topology{Replicas: replicas},
		Domains: []service.Servable{demo.Domain}, Name: "chaos host", Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = h.Close() })
	return h
}

// clusterClient connects to the servers in reverse order (another server
// than the host's, most likely) and follows the cluster when one goes.
func clusterClient(t *testing.T, srvs []*natsembed.Server) *nats.Conn {
	t.Helper()
	urls := strings.Split(clientURLs(srvs), ",")
	for i, j := 0, len(urls)-1; i < j; i, j = i+1, j-1 {
		urls[i], urls[j] = urls[j], urls[i]
	}
	nc, err := nats.Connect(strings.Join(urls, ","), nats.DontRandomize(), nats.MaxReconnects(-1), nats.ReconnectWait(100*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(nc.Close)
	return nc
}

func clientURLs(srvs []*natsembed.Server) string {
	urls := make([]string, len(srvs))
	for i, s := range srvs {
		urls[i] = s.ClientURL()
	}
	return strings.Join(urls, ",")
}

func createCounters(t *testing.T, ctx context.Context, cl *service.Client) []string {
	t.Helper()
	ids := make([]string, chaosCounters)
	for c := range ids {
		ids[c] = fmt.Sprintf("chaos%d", c)
		if _, err := sendUntilAcked(ctx, cl, counterCmd("create", ids[c], `{"name":"chaos"}`)); err != nil {
			t.Fatal(err)
		}
	}
	return ids
}

// sendUntilAcked sends cmd until it is acknowledged: a transport failure,
// a 500 (an append whose outcome the service could not learn) or a 409 (a
// service whose cache missed the first try's event) is sent again, same
// message ID. A 400, 403 or 404 is final.
func sendUntilAcked(ctx context.Context, cl *service.Client, cmd message.Command) (service.Ack, error) {
	for {
		actx, cancel := context.WithTimeout(ctx, 2*time.Second)
		ack, err := cl.Send(actx, cmd)
		cancel()
		switch {
		case err == nil:
			return ack, nil
		case errors.Is(err, service.ErrInvalid), errors.Is(err, service.ErrUnauthorized), errors.Is(err, service.ErrNotFound):
			return ack, fmt.Errorf("%s %s refused: %w", cmd.Type, cmd.AggregateID, err)
		case ctx.Err() != nil:
			return ack, fmt.Errorf("%s %s never acknowledged: %w (last: %v)", cmd.Type, cmd.AggregateID, ctx.Err(), err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// killLeaderMidLoad waits for a third of the load, then shuts down the
// server leading the counter stream under its clients and returns its
// index.
func killLeaderMidLoad(t *testing.T, ctx context.Context, nc *nats.Conn, srvs []*natsembed.Server, acked *atomic.Int64) int {
	t.Helper()
	waitAcked(ctx, acked, chaosCounters*chaosIncrements/3)
	leader := streamInfo(t, ctx, nc, jsstore.StreamName(demo.Domain.Name)).Cluster.Leader
	for i, s := range srvs {
		if s.NATS().Name() == leader {
			t.Logf("stopping %s (stream leader) after %d acknowledged commands", leader, acked.Load())
			s.NATS().Shutdown() // no drain, no goodbye: clients and routes just lose it
			natstest.Stop(t, s)
			return i
		}
	}
	t.Fatalf("stream leader %q is none of the cluster's servers", leader)
	return 0
}

// restartMidLoad brings the server back on its data directory once two
// thirds of the load is acknowledged (or 15 s after, if the cluster is
// slower than that to go on without it).
func restartMidLoad(t *testing.T, ctx context.Context, cfg natsembed.Config, acked *atomic.Int64) *natsembed.Server {
	t.Helper()
	wctx, cancel := context.WithTimeout(ctx, 15*time.Second)
	waitAcked(wctx, acked, 2*chaosCounters*chaosIncrements/3)
	cancel()
	t.Logf("restarting %s after %d acknowledged commands", cfg.Name, acked.Load())
	srv, _ := natstest.StartOn(t, cfg)
	natstest.WaitJetStream(t, srv)
	return srv
}

func waitAcked(ctx context.Context, acked *atomic.Int64, n int64) {
	for acked.Load() < n && ctx.Err() == nil {
		time.Sleep(5 * time.Millisecond)
	}
}

// checkExactlyOnceInOrder asserts that each counter's stored events are
// its creation, one increment per acknowledged command of the load,
// caused by those commands in the order they were acknowledged, and the
// after commands sent since; versions 1, 2, 3... without gaps.
func checkExactlyOnceInOrder(t *testing.T, stored []message.Event, ids []string, sent [][]uuid.UUID, after int) {
	t.Helper()
	byCounter := map[string][]message.Event{}
	for _, e := range stored {
		byCounter[e.AggregateID] = append(byCounter[e.AggregateID], e)
	}
	for c, id := range ids {
		evs := byCounter[id]
		if len(evs) != len(sent[c])+1+after {
			t.Fatalf("%s: %d events stored, want 1 + %d acknowledged increments + %d after the load", id, len(evs), len(sent[c]), after)
		}
		for i, e := range evs {
			if e.Version != uint64(i+1) {
				t.Fatalf("%s: event %d has version %d", id, i, e.Version)
			}
			if i > 0 && i <= len(sent[c]) && e.CausationID != sent[c][i-1] {
				t.Fatalf("%s: event %d caused by %s, want the %d-th acknowledged command %s", id, i, e.CausationID, i, sent[c][i-1])
			}
		}
	}
}

func streamInfo(t *testing.T, ctx context.Context, nc *nats.Conn, name string) *jetstream.StreamInfo {
	t.Helper()
	js, err := jetstream.New(nc)
	if err != nil {
		t.Fatal(err)
	}
	for {
		str, err := js.Stream(ctx, name)
		if err == nil {
			if info, err := str.Info(ctx); err == nil && info.Cluster != nil && info.Cluster.Leader != "" {
				return info
			}
		}
		if ctx.Err() != nil {
			t.Fatalf("stream %s info: %v", name, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// waitReplicasCurrent waits until every replica of the stream is current.
func waitReplicasCurrent(t *testing.T, ctx context.Context, nc *nats.Conn, name string) {
	t.Helper()
	for {
		info := streamInfo(t, ctx, nc, name)
		current := len(info.Cluster.Replicas) == 2
		for _, r := range info.Cluster.Replicas {
			current = current && r.Current && r.Lag == 0
		}
		if current {
			return
		}
		if ctx.Err() != nil {
			t.Fatalf("stream %s replicas never caught up: %+v", name, info.Cluster.Replicas)
		}
		time.Sleep(100 * time.Millisecond)
	}
}
