package graphdomain

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/cimviz/cimviz/domains/eventstore"
	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/graph/change"
)

// Outcome is the reply to an accepted command.
type Outcome struct {
	Graph         string   `json:"graph"`
	Version       uint64   `json:"version"`
	Events        []string `json:"events"`
	FirstSequence uint64   `json:"first_sequence"`
	LastSequence  uint64   `json:"last_sequence"`
	// Duplicate: the events had been stored before (a retried message).
	Duplicate bool `json:"duplicate,omitempty"`
}

// Domain runs graph commands against one event store. It is safe for
// concurrent use; commands are decided one at a time.
type Domain struct {
	store   eventstore.Store
	retries int

	mu     sync.Mutex
	states map[string]*change.State // caught up on every use
}

// Option configures a Domain.
type Option func(*Domain)

// WithRetries sets how often a command without an expected version is
// decided again after a concurrency conflict (default 3).
func WithRetries(n int) Option { return func(d *Domain) { d.retries = max(0, n) } }

// New returns the graph domain over store, which must hold the graph
// domain's events.
func New(store eventstore.Store, opts ...Option) *Domain {
	d := &Domain{store: store, retries: 3, states: map[string]*change.State{}}
	for _, o := range opts {
		o(d)
	}
	return d
}

// Execute decides a command and stores its events. A refusal wraps one of
// graph/change's sentinels; a version mismatch wraps eventstore.ErrConflict.
func (d *Domain) Execute(ctx context.Context, cmd message.Command) (Outcome, error) {
	c, err := change.DecodeCommand(cmd.Type, cmd.Payload)
	if err != nil {
		return Outcome{}, err
	}
	if cmd.AggregateID != "" && cmd.AggregateID != c.Target() {
		return Outcome{}, fmt.Errorf("%w: %s for graph %q sent as aggregate %q", change.ErrInvalid, cmd.Type, c.Target(), cmd.AggregateID)
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	for attempt := 0; ; attempt++ {
		out, err := d.try(ctx, cmd, c)
		if !errors.Is(err, eventstore.ErrConflict) || cmd.ExpectedVersion != 0 || attempt >= d.retries {
			return out, err
		}
	}
}

// try is one decide-and-append round on the caught-up state.
func (d *Domain) try(ctx context.Context, cmd message.Command, c change.Command) (Outcome, error) {
	id := c.Target()
	if err := change.ValidGraphID(id); err != nil {
		return Outcome{}, err
	}
	s, err := d.state(ctx, id)
	if err != nil {
		return Outcome{}, err
	}
	if cmd.ExpectedVersion != 0 && cmd.ExpectedVersion != version(s) {
		return Outcome{}, fmt.Errorf("%w: graph %q is at version %d, command expects %d", eventstore.ErrConflict, id, version(s), cmd.ExpectedVersion)
	}
	events, err := change.Decide(s, c, d.knownIn(ctx))
	if err != nil {
		return Outcome{}, err
	}
	return d.append(ctx, cmd.Identity, s, id, events)
}

func (d *Domain) append(ctx context.Context, cause message.Identity, s *change.State, id string, events []change.Event) (Outcome, error) {
	msgs, err := encodeEvents(cause, id, version(s), events)
	if err != nil {
		return Outcome{}, err
	}
	res, err := d.store.Append(ctx, id, version(s), msgs)
	if err != nil {
		return Outcome{}, fmt.Errorf("graph %q: %w", id, err)
	}
	if !res.Duplicate {
		d.fold(id, s, msgs)
	}
	out := Outcome{Graph: id, Version: res.Version, FirstSequence: res.FirstSequence, LastSequence: res.LastSequence, Duplicate: res.Duplicate}
	for _, m := range msgs {
		out.Events = append(out.Events, m.Type)
	}
	return out, nil
}

// fold applies the events just stored to the cache; if that fails, the
// graph is dropped from the cache and reloaded on its next use.
func (d *Domain) fold(id string, s *change.State, msgs []message.Event) {
	s, err := applyStored(s, msgs)
	if err != nil {
		delete(d.states, id)
		return
	}
	d.states[id] = s
}

// state returns the cached state of a graph caught up with the store (nil
// when the graph has no events). Callers hold d.mu.
func (d *Domain) state(ctx context.Context, id string) (*change.State, error) {
	s := d.states[id]
	stored, err := d.store.Load(ctx, id, version(s))
	if err != nil {
		return nil, fmt.Errorf("load graph %q: %w", id, err)
	}
	if len(stored) == 0 {
		return s, nil
	}
	if s, err = applyStored(s, stored); err != nil {
		delete(d.states, id)
		return nil, err
	}
	d.states[id] = s
	return s, nil
}

// knownIn answers Decide's question "does that graph exist?": a graph
// with events that is not archived. Callers hold d.mu.
func (d *Domain) knownIn(ctx context.Context) change.Known {
	return func(id string) bool {
		if change.ValidGraphID(id) != nil {
			return false
		}
		s, err := d.state(ctx, id)
		return err == nil && s.Exists() && !s.Archived
	}
}
