package memstore

import (
	"context"
	"fmt"
	"sync"

	"github.com/google/uuid"

	"github.com/cimviz/cimviz/domains/eventstore"
	"github.com/cimviz/cimviz/domains/message"
)

// Store is one domain's events in memory. It is safe for concurrent use.
type Store struct {
	domain     string
	maxPayload int

	mu      sync.RWMutex
	log     *eventLog
	closed  bool
	changed chan struct{} // closed and replaced by every append and by Close
}

var _ eventstore.Store = (*Store)(nil)

// Option configures a Store.
type Option func(*Store)

// WithMaxPayload sets the largest payload in bytes (default
// eventstore.DefaultMaxPayload).
func WithMaxPayload(n int) Option { return func(s *Store) { s.maxPayload = n } }

// New returns an empty store for domain (a valid subject token).
func New(domain string, opts ...Option) (*Store, error) {
	if err := eventstore.CheckToken("domain", domain); err != nil {
		return nil, err
	}
	s := &Store{domain: domain, maxPayload: eventstore.DefaultMaxPayload, log: newLog(), changed: make(chan struct{})}
	for _, o := range opts {
		o(s)
	}
	return s, nil
}

// Append implements [eventstore.Store.Append].
func (s *Store) Append(ctx context.Context, aggregateID string, expectedVersion uint64, events []message.Event) (eventstore.AppendResult, error) {
	if err := ctx.Err(); err != nil {
		return eventstore.AppendResult{}, err
	}
	if err := eventstore.CheckBatch(s.domain, aggregateID, expectedVersion, events, s.maxPayload); err != nil {
		return eventstore.AppendResult{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return eventstore.AppendResult{}, eventstore.ErrClosed
	}
	if pos, ok := s.log.byID[events[0].MessageID]; ok {
		return s.retried(pos, events)
	}
	if v := uint64(len(s.log.versions[aggregateID])); v != expectedVersion {
		return eventstore.AppendResult{}, fmt.Errorf("%w: %s/%s is at version %d, not %d", eventstore.ErrConflict, s.domain, aggregateID, v, expectedVersion)
	}
	return s.store(events), nil
}

func (s *Store) store(events []message.Event) eventstore.AppendResult {
	first := s.log.len()
	for _, e := range events {
		s.log.add(s.domain, e)
	}
	close(s.changed)
	s.changed = make(chan struct{})
	return result(first, events, false)
}

// retried answers a batch whose first event is stored at pos: the same
// batch again gets the original result; a batch that reuses stored IDs
// for different events is refused.
func (s *Store) retried(pos uint32, events []message.Event) (eventstore.AppendResult, error) {
	for i, e := range events {
		p := pos + uint32(i)
		if p >= s.log.len() || s.log.at(p).id != e.MessageID {
			return eventstore.AppendResult{}, fmt.Errorf("%w: message id %s was stored in another batch", eventstore.ErrInvalid, e.MessageID)
		}
	}
	return result(pos, events, true), nil
}

func result(first uint32, events []message.Event, dup bool) eventstore.AppendResult {
	ids := make([]uuid.UUID, len(events))
	for i, e := range events {
		ids[i] = e.MessageID
	}
	return eventstore.AppendResult{Version: events[len(events)-1].Version, FirstSequence: uint64(first) + 1,
		LastSequence: uint64(first) + uint64(len(events)), EventIDs: ids, Duplicate: dup}
}

// Load implements [eventstore.Store.Load].
func (s *Store) Load(ctx context.Context, aggregateID string, fromVersion uint64) ([]message.Event, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.closed {
		return nil, eventstore.ErrClosed
	}
	positions := s.log.versions[aggregateID]
	if fromVersion >= uint64(len(positions)) {
		return nil, nil
	}
	out := make([]message.Event, 0, uint64(len(positions))-fromVersion)
	for _, p := range positions[fromVersion:] {
		out = append(out, s.log.event(s.domain, p))
	}
	return out, nil
}

// LastSequence implements [eventstore.Store.LastSequence].
func (s *Store) LastSequence(ctx context.Context) (uint64, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.closed {
		return 0, eventstore.ErrClosed
	}
	return uint64(s.log.len()), ctx.Err()
}

// Close ends the store: later calls fail with ErrClosed and running
// Follows stop.
func (s *Store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.closed {
		s.closed = true
		close(s.changed)
	}
	return nil
}
