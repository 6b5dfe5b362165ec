package service_test

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/nats-io/nats.go"

	"github.com/cimviz/cimviz/domains/demo"
	"github.com/cimviz/cimviz/domains/eventstore"
	"github.com/cimviz/cimviz/domains/eventstore/jsstore"
	"github.com/cimviz/cimviz/domains/natsembed/natstest"
	"github.com/cimviz/cimviz/domains/service"
)

// benchServe runs the counter service on the embedded server with the
// named store ("js": JetStream on disk, "mem": in memory) and returns a
// connection for clients. With instances > 1 each instance has its own
// connection, store handle and cache, in one queue group.
func benchServe(b *testing.B, storeKind string, instances int) (*natsembedConn, *service.Client) {
	b.Helper()
	srv, nc := natstest.Start(b)
	var mem eventstore.Store = newStore(b)
	for i := range instances {
		if i > 0 {
			var err error
			if nc, err = srv.Connect(); err != nil {
				b.Fatal(err)
			}
		}
		store := mem
		if storeKind == "js" {
			js, err := jsstore.Open(context.Background(), nc, demo.Domain.Name)
			if err != nil {
				b.Fatal(err)
			}
			store = js
		}
		svc, err := demo.Domain.Start(nc, store, quiet)
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { _ = svc.Stop() })
	}
	client, err := srv.Connect()
	if err != nil {
		b.Fatal(err)
	}
	return &natsembedConn{nc: client, more: srv.Connect}, service.NewClient(client, demo.Domain.Name)
}

type natsembedConn struct {
	nc   *nats.Conn
	more func(...nats.Option) (*nats.Conn, error)
}

func createCounters(b *testing.B, cl *service.Client, n int) []string {
	b.Helper()
	ids := make([]string, n)
	for i := range ids {
		ids[i] = fmt.Sprintf("b%d", i)
		if _, err := cl.Send(context.Background(), command("create", ids[i], `{"name":"bench"}`)); err != nil {
			b.Fatal(err)
		}
	}
	return ids
}

// BenchmarkCommandRoundTrip is one client's request -> decide -> append ->
// ack, sequentially, unpaced and paced at 1000 commands/s; it reports the
// median and the 99th percentile.
func BenchmarkCommandRoundTrip(b *testing.B) {
	for _, kind := range []string{"js", "mem"} {
		for _, pace := range []time.Duration{0, time.Millisecond} {
			name := fmt.Sprintf("store=%s/pace=%s", kind, map[bool]string{true: "none", false: "1k_per_s"}[pace == 0])
			b.Run(name, func(b *testing.B) { roundTrips(b, kind, pace) })
		}
	}
}

func roundTrips(b *testing.B, kind string, pace time.Duration) {
	_, cl := benchServe(b, kind, 1)
	ids := createCounters(b, cl, 64)
	lat := make([]time.Duration, 0, b.N)
	next, cpu0 := time.Now(), cpuTime()
	b.ResetTimer()
	for i := range b.N {
		if pace > 0 {
			next = next.Add(pace)
			time.Sleep(time.Until(next))
		}
		start := time.Now()
		if _, err := cl.Send(context.Background(), command("increment", ids[i%len(ids)], "")); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(start))
	}
	b.StopTimer()
	reportCPU(b, cpu0)
	slices.Sort(lat)
	b.ReportMetric(ms(lat[len(lat)/2]), "p50_ms")
	b.ReportMetric(ms(lat[len(lat)*99/100]), "p99_ms")
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// BenchmarkConcurrentCommands is many clients commanding many counters at
// once through one service instance (its workers run aggregates in
// parallel); each client keeps several requests in flight.
func BenchmarkConcurrentCommands(b *testing.B) {
	b.Run("store=js/instances=1", func(b *testing.B) { concurrent(b, "js", 1) })
	b.Run("store=mem/instances=1", func(b *testing.B) { concurrent(b, "mem", 1) })
	b.Run("store=mem/instances=2", func(b *testing.B) { concurrent(b, "mem", 2) })
}

func concurrent(b *testing.B, kind string, instances int) {
	const clients, inFlight = 4, 64
	conn, cl := benchServe(b, kind, instances)
	ids := createCounters(b, cl, 256)
	var issued atomic.Int64
	var wg sync.WaitGroup
	b.ResetTimer()
	start, cpu0 := time.Now(), cpuTime()
	for c := range clients {
		nc, err := conn.more()
		if err != nil {
			b.Fatal(err)
		}
		for w := range inFlight {
			wg.Go(func() { commandLoop(b, service.NewClient(nc, demo.Domain.Name), ids, c*inFlight+w, &issued) })
		}
	}
	wg.Wait()
	b.StopTimer()
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "cmds/s")
	reportCPU(b, cpu0)
}

// cpuTime is the process's user+system CPU time. On a shared machine
// wall-clock rates say more about the neighbours than about this code;
// CPU time per command does not, and 1/cpu_us_per_cmd bounds the rate a
// single dedicated core could sustain (client, server and service
// together, since all run in this process).
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func reportCPU(b *testing.B, cpu0 time.Duration) {
	b.ReportMetric(float64(cpuTime()-cpu0)/float64(time.Microsecond)/float64(b.N), "cpu_us/cmd")
}

func commandLoop(b *testing.B, cl *service.Client, ids []string, seed int, issued *atomic.Int64) {
	for i := seed; issued.Add(1) <= int64(b.N); i += 7 {
		if _, err := cl.Send(context.Background(), command("increment", ids[i%len(ids)], "")); err != nil {
			b.Error(err)
			return
		}
	}
}

// BenchmarkEngineExecute is the harness alone, without NATS: decode-free
// command in, load from cache, decide, append to the in-memory store, ack.
func BenchmarkEngineExecute(b *testing.B) {
	e := newEngine(b, newStore(b), quiet)
	ids := make([]string, 256)
	for i := range ids {
		ids[i] = fmt.Sprintf("b%d", i)
		mustExecute(b, e, command("create", ids[i], `{"name":"bench"}`))
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		mustExecute(b, e, command("increment", ids[i%len(ids)], ""))
	}
}
