package memstore

import (
	"context"
	"errors"
	"sync"

	"github.com/cimviz/cimviz/domains/eventstore"
	"github.com/cimviz/cimviz/domains/message"
)

// batchSize bounds how many events are rebuilt under the read lock at a
// time, so a long replay never holds appends up for long.
const batchSize = 256

// errStopped ends delivery of a stopped subscription.
var errStopped = errors.New("subscription stopped")

// Read implements [eventstore.Store.Read]. It delivers the events stored
// when it starts; fn may append to the store.
func (s *Store) Read(ctx context.Context, fromSeq uint64, filter string, fn func(message.Event) error) error {
	if err := eventstore.CheckFilter(filter); err != nil {
		return err
	}
	_, err := s.deliver(ctx, &matcher{pattern: filter}, startPos(fromSeq), fn)
	return err
}

func startPos(fromSeq uint64) uint32 {
	if fromSeq == 0 {
		return 0
	}
	return uint32(min(fromSeq-1, 1<<32-1))
}

// deliver calls fn for the matching events in [from, end of log now) and
// returns where the next delivery starts.
func (s *Store) deliver(ctx context.Context, m *matcher, from uint32, fn func(message.Event) error) (uint32, error) {
	s.mu.RLock()
	if s.closed {
		s.mu.RUnlock()
		return from, eventstore.ErrClosed
	}
	end := max(from, s.log.len())
	var positions []uint32
	if m.pattern != "" {
		positions = s.log.positions(m, from, end)
	}
	s.mu.RUnlock()
	if m.pattern == "" {
		return end, s.deliverRange(ctx, from, end, fn)
	}
	return end, s.deliverList(ctx, positions, fn)
}

func (s *Store) deliverRange(ctx context.Context, from, end uint32, fn func(message.Event) error) error {
	part := make([]uint32, 0, min(batchSize, end-from))
	batch := make([]message.Event, 0, cap(part))
	for p := from; p < end; p += batchSize {
		part = part[:0]
		for q := p; q < min(end, p+batchSize); q++ {
			part = append(part, q)
		}
		if err := call(ctx, s.rebuild(batch[:0], part), fn); err != nil {
			return err
		}
	}
	return nil
}

func (s *Store) deliverList(ctx context.Context, positions []uint32, fn func(message.Event) error) error {
	batch := make([]message.Event, 0, min(batchSize, len(positions)))
	for i := 0; i < len(positions); i += batchSize {
		part := positions[i:min(len(positions), i+batchSize)]
		if err := call(ctx, s.rebuild(batch[:0], part), fn); err != nil {
			return err
		}
	}
	return nil
}

// rebuild turns positions into events under the read lock.
func (s *Store) rebuild(out []message.Event, positions []uint32) []message.Event {
	s.mu.RLock()
	defer s.mu.RUnlock()
	for _, p := range positions {
		out = append(out, s.log.event(s.domain, p))
	}
	return out
}

func call(ctx context.Context, batch []message.Event, fn func(message.Event) error) error {
	for _, e := range batch {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := fn(e); err != nil {
			return err
		}
	}
	return nil
}

// Follow implements [eventstore.Store.Follow]. Delivery runs on its own
// goroutine; it ends when ctx ends, on Stop, or when the store closes.
func (s *Store) Follow(ctx context.Context, fromSeq uint64, filter string, fn func(message.Event)) (eventstore.Subscription, error) {
	if err := eventstore.CheckFilter(filter); err != nil {
		return nil, err
	}
	if _, err := s.LastSequence(ctx); err != nil {
		return nil, err
	}
	sub := &subscription{stop: make(chan struct{}), done: make(chan struct{})}
	go s.follow(ctx, sub, &matcher{pattern: filter}, startPos(fromSeq), fn)
	return sub, nil
}

func (s *Store) follow(ctx context.Context, sub *subscription, m *matcher, next uint32, fn func(message.Event)) {
	defer close(sub.done)
	guarded := func(e message.Event) error { return sub.call(fn, e) }
	for {
		s.mu.RLock()
		changed := s.changed
		s.mu.RUnlock()
		var err error
		if next, err = s.deliver(ctx, m, next, guarded); err != nil {
			return
		}
		select {
		case <-changed:
		case <-ctx.Done():
			return
		case <-sub.stop:
			return
		}
	}
}

// subscription is a running Follow.
type subscription struct {
	guard    eventstore.CallGuard
	stopOnce sync.Once
	stop     chan struct{}
	done     chan struct{}
}

func (sub *subscription) call(fn func(message.Event), e message.Event) error {
	if !sub.guard.Call(fn, e) {
		return errStopped
	}
	return nil
}

// Stop implements [eventstore.Subscription.Stop]. It must not be called
// from inside fn (cancel the Follow's context there instead).
func (sub *subscription) Stop() {
	sub.stopOnce.Do(func() {
		sub.guard.Stop()
		close(sub.stop)
	})
}

// Count returns how many stored events with Sequence >= fromSeq match
// filter, without rebuilding them (what a filter costs on its own).
func (s *Store) Count(fromSeq uint64, filter string) (int, error) {
	if err := eventstore.CheckFilter(filter); err != nil {
		return 0, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.closed {
		return 0, eventstore.ErrClosed
	}
	from, end := startPos(fromSeq), s.log.len()
	if from >= end {
		return 0, nil
	}
	if filter == "" {
		return int(end - from), nil
	}
	return len(s.log.positions(&matcher{pattern: filter}, from, end)), nil
}
