package jsstore_test

import (
	"context"
	"sync/atomic"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/cimviz/cimviz/domains/eventstore/jsstore"
	"github.com/cimviz/cimviz/domains/eventstore/storebench"
	"github.com/cimviz/cimviz/domains/message"
)

// BenchmarkFollowCeiling follows a stream of 200k events to its end: raw
// (an ordered consumer whose handler does nothing: the ceiling of
// nats-server delivery to one nats.go subscriber here), raw-metadata (the
// same, reading each message's metadata) and store (the store's Follow,
// which decodes every event).
func BenchmarkFollowCeiling(b *testing.B) {
	const n = 200_000
	_, nc := benchServer(b)
	ctx := context.Background()
	s, err := storebench.FillJetStream(ctx, nc, n)
	if err != nil {
		b.Fatal(err)
	}
	js, err := jetstream.New(nc)
	if err != nil {
		b.Fatal(err)
	}
	stream := jsstore.StreamName(storebench.Domain)
	raw := func(meta bool) func() error {
		return func() error {
			return consumeAll(ctx, js, stream, n, func(m jetstream.Msg) {
				if meta {
					_, _ = m.Metadata()
				}
			})
		}
	}
	for _, c := range []struct {
		name string
		run  func() error
	}{
		{"raw", raw(false)},
		{"raw-metadata", raw(true)},
		{"store", func() error { return followAll(ctx, s, n) }},
	} {
		b.Run(c.name, func(b *testing.B) {
			cpu := storebench.CPUTime()
			start := time.Now()
			for range b.N {
				if err := c.run(); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n*b.N)/time.Since(start).Seconds(), "events/s")
			b.ReportMetric(float64(storebench.CPUTime()-cpu)/float64(n*b.N), "cpu-ns/event")
		})
	}
}

func consumeAll(ctx context.Context, js jetstream.JetStream, stream string, n int, fn func(jetstream.Msg)) error {
	cons, err := js.OrderedConsumer(ctx, stream, jetstream.OrderedConsumerConfig{})
	if err != nil {
		return err
	}
	var got atomic.Int64
	done := make(chan struct{})
	cc, err := cons.Consume(func(m jetstream.Msg) {
		fn(m)
		if got.Add(1) == int64(n) {
			close(done)
		}
	}, jetstream.PullMaxMessages(8192))
	if err != nil {
		return err
	}
	defer cc.Stop()
	<-done
	return nil
}

func followAll(ctx context.Context, s *jsstore.Store, n int) error {
	var got atomic.Int64
	done := make(chan struct{})
	sub, err := s.Follow(ctx, 1, "", func(message.Event) {
		if got.Add(1) == int64(n) {
			close(done)
		}
	})
	if err != nil {
		return err
	}
	defer sub.Stop()
	<-done
	return nil
}
