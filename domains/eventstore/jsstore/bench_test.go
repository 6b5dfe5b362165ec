package jsstore_test

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"testing"

	"github.com/nats-io/nats.go"

	"github.com/cimviz/cimviz/domains/eventstore/storebench"
	"github.com/cimviz/cimviz/domains/natsembed"
	"github.com/cimviz/cimviz/domains/natsembed/natstest"
)

// benchServer listens on loopback when BENCH_TCP is set (in-process
// otherwise), to compare the two transports.
func benchServer(b *testing.B) (*natsembed.Server, *nats.Conn) {
	if os.Getenv("BENCH_TCP") != "" {
		return natstest.StartOn(b, natsembed.Config{DataDir: b.TempDir(), Listen: "127.0.0.1:0"})
	}
	return natstest.Start(b)
}

// report runs one measurement of b.N events and reports its rate and the
// process's CPU time per event (client and in-process server together),
// which a busy machine disturbs less than the rate.
func report(b *testing.B, measure func(n int) (float64, error)) {
	b.ResetTimer()
	cpu := storebench.CPUTime()
	rate, err := measure(b.N)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(rate, "events/s")
	b.ReportMetric(float64(storebench.CPUTime()-cpu)/float64(b.N), "cpu-ns/event")
}

// BenchmarkAppend compares appends through the store (128 writers, each
// to its own aggregates) with raw async JetStream publishes of the same
// messages to a stream of the same configuration; compare events/s.
func BenchmarkAppend(b *testing.B) {
	_, nc := benchServer(b)
	ctx := context.Background()
	b.Run("raw-publish-async", func(b *testing.B) {
		report(b, func(n int) (float64, error) { return storebench.RawAppend(ctx, nc, n) })
	})
	b.Run("raw-checked", func(b *testing.B) {
		report(b, func(n int) (float64, error) { return storebench.RawCheckedAppend(ctx, nc, n, benchWriters) })
	})
	for _, size := range []int{1, 10} {
		b.Run(fmt.Sprintf("store-batch%d", size), func(b *testing.B) {
			report(b, func(n int) (float64, error) { return storebench.StoreAppend(ctx, nc, n*size, benchWriters, size) })
		})
	}
}

// BenchmarkReplay reads a stream of 50k events with the store's Read.
func BenchmarkReplay(b *testing.B) {
	_, nc := benchServer(b)
	ctx := context.Background()
	s, err := storebench.FillJetStream(ctx, nc, 50_000)
	if err != nil {
		b.Fatal(err)
	}
	var rate float64
	for b.Loop() {
		if rate, err = storebench.Replay(ctx, s); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(rate, "events/s")
}

// benchWriters is how many goroutines append at once (BENCH_WRITERS, 128
// by default): a store append waits for its ack, so throughput needs many
// in flight, as raw async publishing has.
var benchWriters = func() int {
	if n, err := strconv.Atoi(os.Getenv("BENCH_WRITERS")); err == nil && n > 0 {
		return n
	}
	return 128
}()
