package jsstore_test

import (
	"context"
	"fmt"
	"os"
	"sync/atomic"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/cimviz/cimviz/domains/eventstore/jsstore"
	"github.com/cimviz/cimviz/domains/message"
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

// nextAggregate numbers the benchmark's aggregates across runs.
var nextAggregate atomic.Int64

var benchPayload = []byte(`{"x":1234,"y":5678,"label":"ab"}`)

// BenchmarkAppend compares appends through the store with raw async
// JetStream publishes of the same messages to a stream of the same
// configuration; compare the events/s metrics.
func BenchmarkAppend(b *testing.B) {
	_, nc := benchServer(b)
	b.Run("raw-publish-async", func(b *testing.B) { benchRawAsync(b, nc) })
	for _, size := range []int{1, 10} {
		b.Run(fmt.Sprintf("store-batch%d", size), func(b *testing.B) { benchStoreAppend(b, nc, size) })
	}
}

func benchRawAsync(b *testing.B, nc *nats.Conn) {
	if _, err := jsstore.Open(context.Background(), nc, "raw"); err != nil {
		b.Fatal(err)
	}
	js, _ := jetstream.New(nc)
	e := message.NewEvent(message.NewRoot(), "raw", "NodeMoved", "n1", 1, benchPayload)
	for b.Loop() {
		m := &nats.Msg{Subject: e.Subject(), Header: e.Headers(), Data: e.Payload}
		m.Header.Del(message.HeaderMsgID) // the same message each time: no de-dup
		if _, err := js.PublishMsgAsync(m, jetstream.WithStallWait(time.Minute)); err != nil {
			b.Fatal(err)
		}
	}
	select {
	case <-js.PublishAsyncComplete():
	case <-time.After(time.Minute):
		b.Fatal("async publishes not acknowledged")
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "events/s")
}

// benchStoreAppend appends from many goroutines, each to its own
// aggregate, size events per Append.
func benchStoreAppend(b *testing.B, nc *nats.Conn, size int) {
	s, err := jsstore.Open(context.Background(), nc, fmt.Sprintf("store%d", size))
	if err != nil {
		b.Fatal(err)
	}
	b.SetParallelism(64)
	b.RunParallel(func(pb *testing.PB) {
		agg := fmt.Sprintf("agg%d", nextAggregate.Add(1))
		cause := message.NewRoot()
		version := uint64(0)
		for pb.Next() {
			events := make([]message.Event, size)
			for i := range events {
				events[i] = message.NewEvent(cause, s.Domain(), "NodeMoved", agg, version+uint64(i)+1, benchPayload)
			}
			if _, err := s.Append(context.Background(), agg, version, events); err != nil {
				b.Error(err)
				return
			}
			version += uint64(size)
		}
	})
	b.ReportMetric(float64(b.N*size)/b.Elapsed().Seconds(), "events/s")
}

// BenchmarkReplay reads a stream of 50k events with the store's Read.
func BenchmarkReplay(b *testing.B) {
	const n = 50_000
	_, nc := benchServer(b)
	s, err := jsstore.Open(context.Background(), nc, "replay")
	if err != nil {
		b.Fatal(err)
	}
	js, _ := jetstream.New(nc)
	cause := message.NewRoot()
	for i := range n {
		e := message.NewEvent(cause, "replay", "NodeMoved", fmt.Sprintf("agg%d", i%1000), uint64(i/1000+1), benchPayload)
		m := &nats.Msg{Subject: e.Subject(), Header: e.Headers(), Data: e.Payload}
		if _, err := js.PublishMsgAsync(m, jetstream.WithStallWait(time.Minute)); err != nil {
			b.Fatal(err)
		}
	}
	<-js.PublishAsyncComplete()
	total := 0
	for b.Loop() {
		if err := s.Read(context.Background(), 0, "", func(message.Event) error { total++; return nil }); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(total)/b.Elapsed().Seconds(), "events/s")
}
