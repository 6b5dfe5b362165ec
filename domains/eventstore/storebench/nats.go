package storebench

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/cimviz/cimviz/domains/eventstore"
	"github.com/cimviz/cimviz/domains/eventstore/jsstore"
	"github.com/cimviz/cimviz/domains/message"
)

// perSecond is n over the time fn took.
func perSecond(n int, fn func() error) (float64, error) {
	start := time.Now()
	if err := fn(); err != nil {
		return 0, err
	}
	return float64(n) / time.Since(start).Seconds(), nil
}

// RawPublish publishes one prebuilt event message n times with
// nc.PublishMsg and returns messages/s (flushed).
func RawPublish(nc *nats.Conn, n int) (float64, error) {
	e := message.NewEvent(message.NewRoot(), Domain, "Type1", "agg1", 1, Payload)
	m := &nats.Msg{Subject: e.Subject(), Header: e.Headers(), Data: e.Payload}
	return perSecond(n, func() error {
		for range n {
			if err := nc.PublishMsg(m); err != nil {
				return err
			}
		}
		return nc.Flush()
	})
}

// Publish publishes the same event n times with a message.Publisher and
// returns messages/s (flushed).
func Publish(nc *nats.Conn, n int) (float64, error) {
	e := message.NewEvent(message.NewRoot(), Domain, "Type1", "agg1", 1, Payload)
	pub := message.NewPublisher(nc)
	return perSecond(n, func() error {
		for range n {
			if err := pub.Publish(e); err != nil {
				return err
			}
		}
		return nc.Flush()
	})
}

// RawAppend publishes n event messages with async JetStream publishes to a
// stream configured as the store configures its own (domain "raw") and
// returns acknowledged messages/s.
func RawAppend(ctx context.Context, nc *nats.Conn, n int) (float64, error) {
	if _, err := jsstore.Open(ctx, nc, "raw"); err != nil {
		return 0, err
	}
	js, err := jetstream.New(nc)
	if err != nil {
		return 0, err
	}
	e := message.NewEvent(message.NewRoot(), "raw", "Type1", "agg1", 1, Payload)
	return perSecond(n, func() error {
		for range n {
			m := &nats.Msg{Subject: e.Subject(), Header: e.Headers(), Data: e.Payload}
			m.Header.Del(message.HeaderMsgID) // the same event each time: no de-dup
			if _, err := js.PublishMsgAsync(m, jetstream.WithStallWait(time.Minute)); err != nil {
				return err
			}
		}
		select {
		case <-js.PublishAsyncComplete():
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	})
}

// nextAggregate numbers aggregates across calls, so repeated runs on one
// stream never collide.
var nextAggregate atomic.Int64

// StoreAppend appends n events through a jsstore.Store from writers
// goroutines, each to its own aggregates, batch events per Append, and
// returns events/s.
func StoreAppend(ctx context.Context, nc *nats.Conn, n, writers, batch int) (float64, error) {
	s, err := jsstore.Open(ctx, nc, fmt.Sprintf("store%d", batch))
	if err != nil {
		return 0, err
	}
	appends := max(n/batch, 1)
	var left atomic.Int64
	left.Store(int64(appends))
	return perSecond(appends*batch, func() error {
		var wg sync.WaitGroup
		errs := make(chan error, writers)
		for range writers {
			wg.Go(func() { errs <- appendUntilDone(ctx, s, &left, batch) })
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				return err
			}
		}
		return nil
	})
}

func appendUntilDone(ctx context.Context, s *jsstore.Store, left *atomic.Int64, batch int) error {
	agg := fmt.Sprintf("agg%d", nextAggregate.Add(1))
	cause := message.NewRoot()
	version := uint64(0)
	for left.Add(-1) >= 0 {
		events := make([]message.Event, batch)
		for i := range events {
			events[i] = message.NewEvent(cause, s.Domain(), "Type1", agg, version+uint64(i)+1, Payload)
		}
		if _, err := s.Append(ctx, agg, version, events); err != nil {
			return err
		}
		version += uint64(batch)
	}
	return nil
}

// FillJetStream opens the store of the workload's domain and publishes
// the first n workload events to its stream with async publishes (fast;
// versions are in order, so the store reads them as its own).
func FillJetStream(ctx context.Context, nc *nats.Conn, n int) (*jsstore.Store, error) {
	s, err := jsstore.Open(ctx, nc, Domain)
	if err != nil {
		return nil, err
	}
	js, err := jetstream.New(nc)
	if err != nil {
		return nil, err
	}
	cause := message.NewRoot()
	for i := range n {
		e, _ := Event(cause, i)
		m := &nats.Msg{Subject: e.Subject(), Header: e.Headers(), Data: e.Payload}
		if _, err := js.PublishMsgAsync(m, jetstream.WithStallWait(time.Minute)); err != nil {
			return nil, err
		}
	}
	select {
	case <-js.PublishAsyncComplete():
		return s, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// Replay reads every event of s once and returns events/s.
func Replay(ctx context.Context, s eventstore.Store) (float64, error) {
	n := 0
	start := time.Now()
	err := s.Read(ctx, 0, "", func(message.Event) error { n++; return nil })
	return float64(n) / time.Since(start).Seconds(), err
}
