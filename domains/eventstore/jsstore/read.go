package jsstore

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/cimviz/cimviz/domains/eventstore"
	"github.com/cimviz/cimviz/domains/message"
)

// pullBatch is how many messages an ordered consumer asks for at a time.
const pullBatch = 1000

// Read implements [eventstore.Store.Read] with an ordered consumer. It
// delivers the events stored when it starts.
func (s *Store) Read(ctx context.Context, fromSeq uint64, filter string, fn func(message.Event) error) error {
	if err := eventstore.CheckFilter(filter); err != nil {
		return err
	}
	end, err := s.LastSequence(ctx)
	if err != nil || end == 0 || fromSeq > end {
		return err
	}
	cons, err := s.consumer(ctx, fromSeq, filter)
	if err != nil {
		return err
	}
	it, err := cons.Messages(jetstream.PullMaxMessages(pullBatch))
	if err != nil {
		return fmt.Errorf("read %s: %w", s.stream, err)
	}
	defer s.release(cons)
	defer it.Stop()
	if pending, err := s.anyPending(ctx, cons); err != nil || !pending {
		return err
	}
	return s.readUntil(ctx, it, end, fn)
}

func (s *Store) readUntil(ctx context.Context, it jetstream.MessagesContext, end uint64, fn func(message.Event) error) error {
	for {
		m, err := it.Next(jetstream.NextContext(ctx))
		if err != nil {
			return fmt.Errorf("read %s: %w", s.stream, err)
		}
		at, err := positionOf(m)
		if err != nil || at.seq > end {
			return err
		}
		if e, ok := s.decode(m, at.seq); ok {
			if err := fn(e); err != nil {
				return err
			}
		}
		if at.pending == 0 || at.seq == end {
			return nil
		}
	}
}

// anyPending tells whether the new consumer has anything to deliver, from
// the info its creation returned.
func (s *Store) anyPending(ctx context.Context, cons jetstream.Consumer) (bool, error) {
	info := cons.CachedInfo()
	if info == nil {
		var err error
		if info, err = cons.Info(ctx); err != nil {
			return false, fmt.Errorf("read %s: %w", s.stream, err)
		}
	}
	return info.NumPending > 0 || info.Delivered.Consumer > 0, nil
}

func (s *Store) consumer(ctx context.Context, fromSeq uint64, filter string) (jetstream.Consumer, error) {
	cfg := jetstream.OrderedConsumerConfig{DeliverPolicy: jetstream.DeliverAllPolicy}
	if filter != "" {
		cfg.FilterSubjects = []string{filter}
	}
	if fromSeq > 1 {
		cfg.DeliverPolicy, cfg.OptStartSeq = jetstream.DeliverByStartSequencePolicy, fromSeq
	}
	cons, err := s.js.OrderedConsumer(ctx, s.stream, cfg)
	if err != nil {
		return nil, fmt.Errorf("consumer on %s: %w", s.stream, err)
	}
	return cons, nil
}

// release deletes a finished ordered consumer in the background. Stopping
// one leaves it on the server until its inactivity threshold (five
// minutes), and a stream takes at most a thousand: a burst of Loads of long
// aggregates would otherwise run into that limit.
func (s *Store) release(cons jetstream.Consumer) {
	info := cons.CachedInfo()
	if info == nil {
		return
	}
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_ = s.js.DeleteConsumer(ctx, s.stream, info.Name)
	}()
}

// decode turns a stream message into an event; one that does not decode
// is logged and skipped.
func (s *Store) decode(m jetstream.Msg, seq uint64) (message.Event, bool) {
	e, err := message.DecodeEvent(s.domain, m.Headers(), m.Data())
	if err != nil {
		s.log.Warn("skipping a message that is not an event", "stream", s.stream, "sequence", seq, "subject", m.Subject(), "err", err)
		return message.Event{}, false
	}
	e.Sequence = seq
	return e, true
}

// Follow implements [eventstore.Store.Follow] with an ordered consumer.
func (s *Store) Follow(ctx context.Context, fromSeq uint64, filter string, fn func(message.Event)) (eventstore.Subscription, error) {
	if err := eventstore.CheckFilter(filter); err != nil {
		return nil, err
	}
	if err := s.checkOpen(); err != nil {
		return nil, err
	}
	cons, err := s.consumer(ctx, fromSeq, filter)
	if err != nil {
		return nil, err
	}
	sub := &subscription{store: s, cons: cons, done: make(chan struct{})}
	// Large pulls: a replay is one long read, and each pull is a round trip.
	sub.cc, err = cons.Consume(func(m jetstream.Msg) { sub.deliver(m, fn) }, jetstream.PullMaxMessages(replayPull))
	if err != nil {
		return nil, fmt.Errorf("follow %s: %w", s.stream, err)
	}
	if !s.register(sub) {
		sub.Stop()
		return nil, fmt.Errorf("%w: %s", eventstore.ErrClosed, s.stream)
	}
	go sub.stopWhenDone(ctx)
	return sub, nil
}

func (s *Store) register(sub *subscription) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return false
	}
	s.subs[sub] = struct{}{}
	return true
}

func (s *Store) unregister(sub *subscription) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.subs, sub)
}

// subscription is a running Follow.
type subscription struct {
	store    *Store
	cons     jetstream.Consumer
	cc       jetstream.ConsumeContext
	guard    eventstore.CallGuard
	stopOnce sync.Once
	done     chan struct{}
}

func (sub *subscription) deliver(m jetstream.Msg, fn func(message.Event)) {
	at, err := positionOf(m)
	if err != nil {
		return
	}
	if e, ok := sub.store.decode(m, at.seq); ok {
		sub.guard.Call(fn, e)
	}
}

func (sub *subscription) stopWhenDone(ctx context.Context) {
	select {
	case <-ctx.Done():
		sub.Stop()
	case <-sub.done:
	}
}

// Stop implements [eventstore.Subscription.Stop].
func (sub *subscription) Stop() {
	sub.stopOnce.Do(func() {
		sub.guard.Stop()
		sub.cc.Stop()
		sub.store.release(sub.cons)
		close(sub.done)
		sub.store.unregister(sub)
	})
}

// replayPull is how many messages one pull of a Follow asks for.
const replayPull = 8192
