package wfservice

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/cimviz/cimviz/domains/eventstore/memstore"
	"github.com/cimviz/cimviz/domains/natsembed/natstest"
	"github.com/cimviz/cimviz/domains/workflow"
	"github.com/cimviz/cimviz/graph"
)

// benchSteps is the length of the benchmark's chain of manual steps.
const benchSteps = 10

func chain(b *testing.B) *graph.Graph {
	g := graph.New("bench-chain", "")
	ids := []string{"start"}
	for i := 1; i <= benchSteps; i++ {
		ids = append(ids, fmt.Sprintf("m%d", i))
	}
	ids = append(ids, "end")
	for i, id := range ids {
		kind := "manual"
		if i == 0 || i == len(ids)-1 {
			kind = id
		}
		if err := g.AddNode(graph.Node{ID: id, Kind: kind}); err != nil {
			b.Fatal(err)
		}
		if i > 0 {
			if err := g.AddEdge(graph.Edge{ID: fmt.Sprintf("e%d", i), From: ids[i-1], To: id}); err != nil {
				b.Fatal(err)
			}
		}
	}
	return g
}

// BenchmarkStepTransitions: complete_step commands through the NATS
// service with JetStream persistence, from 64 concurrent clients, each
// walking its own instances down a chain of manual steps. One op is one
// command; each stores two events (step_completed, step_started of the
// next step), or four at the chain's end (… completed). Reported:
// transitions/s (events stored per second), cmds/s, and the p50/p99
// latency of one command as its client sees it.
//
// Sub-benchmarks: "jetstream" persists in JetStream (file storage); the
// instance domain stores a command's events as a chain of single appends
// (service.Chained), since nats-server 2.15 stages every atomic batch in a
// temporary file store with an fsync, which held this figure near 1.4k/s.
// "jetstream-one-event" sends commands that store one event each, the
// ceiling of one append per command. "memory" runs the same services over
// NATS on memstore, to show the ceiling of the service itself.
func BenchmarkStepTransitions(b *testing.B) {
	b.Run("jetstream", func(b *testing.B) {
		_, nc := natstest.Start(b)
		svc, err := Start(context.Background(), nc)
		if err != nil {
			b.Fatal(err)
		}
		defer svc.Stop()
		benchTransitions(b, svc, NewClient(nc))
	})
	b.Run("jetstream-one-event", func(b *testing.B) {
		_, nc := natstest.Start(b)
		svc, err := Start(context.Background(), nc)
		if err != nil {
			b.Fatal(err)
		}
		defer svc.Stop()
		benchLoop(b, svc, NewClient(nc), pauseResume)
	})
	b.Run("memory", func(b *testing.B) {
		_, nc := natstest.Start(b)
		defs, err := memstore.New(DefDomain)
		if err != nil {
			b.Fatal(err)
		}
		insts, err := memstore.New(InstanceDomain)
		if err != nil {
			b.Fatal(err)
		}
		defer defs.Close()
		defer insts.Close()
		svc, err := StartOn(nc, defs, insts)
		if err != nil {
			b.Fatal(err)
		}
		defer svc.Stop()
		benchTransitions(b, svc, NewClient(nc))
	})
}

func benchTransitions(b *testing.B, svc *Services, c *Client) { benchLoop(b, svc, c, completeNext) }

// completeNext completes the j-th step of a client's walk down its chain.
func completeNext(k, j int) workflow.Command {
	return workflow.CompleteStep{StepRef: workflow.StepRef{Instance: benchID(k, j/benchSteps), Step: fmt.Sprintf("m%d", j%benchSteps+1)}}
}

// pauseResume pauses and resumes a client's instances in turn: commands
// that store one event each, so the store appends without a batch.
func pauseResume(k, j int) workflow.Command {
	id := benchID(k, j/(2*benchSteps))
	if j%2 == 0 {
		return workflow.Pause{Instance: id}
	}
	return workflow.Resume{Instance: id}
}

func benchLoop(b *testing.B, svc *Services, c *Client, next func(k, j int) workflow.Command) {
	ctx := context.Background()
	if _, err := c.Publish(ctx, chain(b), false); err != nil {
		b.Fatal(err)
	}
	const clients = 64
	perClient := (b.N + clients - 1) / clients
	instances := (perClient + benchSteps - 1) / benchSteps
	startAll(b, ctx, c, clients, instances)
	before := svc.Stats().LastSequence
	lat := make([][]time.Duration, clients)
	var sent atomic.Int64
	b.ResetTimer()
	begin := time.Now()
	var wg sync.WaitGroup
	for k := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			lat[k] = walk(b, ctx, c, k, perClient, next, &sent)
		}()
	}
	wg.Wait()
	elapsed := time.Since(begin)
	b.StopTimer()
	report(b, svc, before, lat, sent.Load(), elapsed)
}

func startAll(b *testing.B, ctx context.Context, c *Client, clients, instances int) {
	var wg sync.WaitGroup
	for k := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range instances {
				if _, err := c.Start(ctx, benchID(k, i), "bench-chain", nil); err != nil {
					b.Error(err)
					return
				}
			}
		}()
	}
	wg.Wait()
}

func benchID(client, i int) string { return fmt.Sprintf("b%d-%d", client, i) }

// walk sends a client's n commands and returns each one's latency.
func walk(b *testing.B, ctx context.Context, c *Client, k, n int, next func(k, j int) workflow.Command, sent *atomic.Int64) []time.Duration {
	lat := make([]time.Duration, 0, n)
	for j := range n {
		t0 := time.Now()
		if _, err := c.Send(ctx, nil, next(k, j)); err != nil {
			b.Error(err)
			return lat
		}
		lat = append(lat, time.Since(t0))
		sent.Add(1)
	}
	return lat
}

func report(b *testing.B, svc *Services, before uint64, lat [][]time.Duration, cmds int64, elapsed time.Duration) {
	all := slices.Concat(lat...)
	slices.Sort(all)
	if len(all) == 0 {
		return
	}
	events := svc.Stats().LastSequence - before
	b.ReportMetric(float64(events)/elapsed.Seconds(), "transitions/s")
	b.ReportMetric(float64(cmds)/elapsed.Seconds(), "cmds/s")
	b.ReportMetric(float64(all[len(all)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(all[len(all)*99/100].Microseconds())/1000, "p99-ms")
}
