package service

import (
	"context"
	"errors"
	"fmt"

	"github.com/cimviz/cimviz/domains/eventstore"
	"github.com/cimviz/cimviz/domains/message"
)

// AppendMode says how the engine stores a decision of several events.
type AppendMode int

const (
	// Atomic stores a decision as one atomic append: readers see all of
	// its events or none. It is the default.
	Atomic AppendMode = iota
	// Chained stores a decision one event at a time, each append expecting
	// the one before, so no other write comes between them. A reader may
	// see the first events of a decision before the last, for as long as
	// the writer takes (or, if the writer dies between two, until the
	// aggregate is next loaded, see below). The events carry
	// [message.Chain]: the first holds the rest of the decision, and any
	// engine that loads an aggregate whose last decision was cut short
	// stores the rest before it decides anything else; at start a service
	// does the same for the chains cut short in the newest
	// [RecoveryWindow] events. A decision of more than [message.MaxChain]
	// events is stored atomically.
	//
	// Use it where a decision's events are each a valid state to be seen
	// in (a workflow step completed, the next not yet started) and
	// throughput matters: nats-server 2.15 stages every atomic batch of a
	// file stream in a file of its own, with an fsync, which bounds
	// atomic multi-event appends to about a thousand a second here, while
	// single appends run at tens of thousands.
	Chained
)

// RecoveryWindow is how many of a domain's newest events a starting
// Chained service searches for chains cut short. A writer that dies leaves
// at most its commands in flight unfinished, at the tail of the stream.
const RecoveryWindow = 16 << 10

// chainState follows, event by event, whether an aggregate's newest
// decision was chained and is not yet all stored.
type chainState struct {
	first message.Event // the open chain's first event; Chain nil when none is open
	next  int           // the index of the event the open chain waits for
}

// track folds one stored event in.
func (c *chainState) track(ev message.Event) {
	ch := ev.Chain
	switch {
	case ch == nil:
		c.first = message.Event{} // unchained: nothing is open (an open chain was abandoned)
	case ch.Index == 0:
		c.first, c.next = ev, 1
	case c.first.Chain != nil && ch.Index == c.next && ev.CausationID == c.first.CausationID:
		c.next++
	default:
		c.first = message.Event{} // out of place: not the chain we follow
	}
	if c.first.Chain != nil && c.next >= c.first.Chain.Count {
		c.first = message.Event{}
	}
}

// open reports whether a chain waits for more events.
func (c *chainState) open() bool { return c.first.Chain != nil }

// missing is the next event of the open chain, rebuilt from its first: the
// same message ID, version, time and payload as its writer made it, so a
// store that already holds it takes it as a retry.
func (c *chainState) missing() message.Event {
	f, k := c.first, c.next
	link := f.Chain.Rest[k-1]
	return message.Event{Identity: message.Identity{MessageID: EventID(f.CausationID, k),
		CorrelationID: f.CorrelationID, CausationID: f.CausationID},
		Domain: f.Domain, Type: link.Type, AggregateID: f.AggregateID, Version: f.Version + uint64(k),
		Time: f.Time, Payload: link.Payload, Actor: f.Actor, Chain: &message.Chain{Index: k, Count: f.Chain.Count}}
}

// chain marks events as one chained decision.
func chain(events []message.Event) {
	rest := make([]message.ChainLink, len(events)-1)
	for i, e := range events[1:] {
		rest[i] = message.ChainLink{Type: e.Type, Payload: e.Payload}
	}
	for i := range events {
		events[i].Chain = &message.Chain{Index: i, Count: len(events)}
	}
	events[0].Chain.Rest = rest
}

// chained tells whether a decision of n events is stored as a chain.
func (e *Engine[S]) chained(n int) bool {
	return e.d.Appends == Chained && n > 1 && n <= message.MaxChain
}

// appendChain stores a decision one event at a time. If a later event
// fails, the first is stored and the decision taken: the aggregate is
// reloaded (which finishes the chain) and the command answered from it.
func (e *Engine[S]) appendChain(ctx context.Context, agg *aggregate[S], cmd message.Command, events []message.Event) (Ack, error) {
	chain(events)
	for i := range events {
		res, err := e.store.Append(ctx, cmd.AggregateID, agg.version, events[i:i+1])
		if err != nil && i == 0 {
			e.cache.drop(cmd.AggregateID)
			return Ack{}, e.storeError(err, cmd)
		}
		if err != nil || res.Duplicate {
			e.cache.drop(cmd.AggregateID)
			return e.answerFromStore(ctx, cmd, err)
		}
		events[i].Sequence = res.FirstSequence
		agg.evolve(e.d.Apply, events[i:i+1])
	}
	e.cache.put(cmd.AggregateID, agg)
	ack, _ := agg.handled(cmd.MessageID)
	ack.Duplicate = false
	return ack, nil
}

// answerFromStore answers a command whose chain was interrupted by cause:
// a fresh load finishes the chain, and the command's ack is read from it.
func (e *Engine[S]) answerFromStore(ctx context.Context, cmd message.Command, cause error) (Ack, error) {
	agg, err := e.load(ctx, cmd.AggregateID, true)
	if err != nil && cause != nil {
		err = errors.Join(e.storeError(cause, cmd), err)
	}
	if err != nil {
		return Ack{}, err
	}
	if ack, ok := agg.handled(cmd.MessageID); ok {
		ack.Duplicate = cause == nil
		return ack, nil
	}
	return Ack{}, fmt.Errorf("%w: %s %q: the chained events of %q are not where they were stored: %v",
		ErrInternal, e.d.Name, cmd.AggregateID, cmd.Type, cause)
}

// finishChain stores the rest of a chain the aggregate's last writer left
// open. Another engine finishing it at the same time makes an append
// conflict or repeat; the aggregate is then brought up to date and the
// work goes on from where it stands.
func (e *Engine[S]) finishChain(ctx context.Context, id string, agg *aggregate[S]) error {
	for tries := 0; agg.chain.open(); tries++ {
		if tries > message.MaxChain {
			return fmt.Errorf("%w: %s %q: cannot finish its open chain", ErrInternal, e.d.Name, id)
		}
		ev := agg.chain.missing()
		res, err := e.store.Append(ctx, id, agg.version, []message.Event{ev})
		switch {
		case err == nil:
			ev.Sequence = res.FirstSequence
			agg.evolve(e.d.Apply, []message.Event{ev})
		case errors.Is(err, eventstore.ErrConflict):
			newer, lerr := e.store.Load(ctx, id, agg.version)
			if lerr != nil {
				return lerr
			}
			agg.evolve(e.d.Apply, newer)
		default:
			return fmt.Errorf("finish the chain of %s %q: %w", e.d.Name, id, err)
		}
	}
	return nil
}

// Recover finishes the chains cut short among the domain's newest window
// events (a writer died between two of them); it returns how many. A
// Chained service calls it when it starts.
func (e *Engine[S]) Recover(ctx context.Context, window uint64) (int, error) {
	last, err := e.store.LastSequence(ctx)
	if err != nil || last == 0 {
		return 0, err
	}
	from := uint64(1)
	if last > window {
		from = last - window + 1
	}
	open := map[string]*chainState{}
	err = e.store.Read(ctx, from, "", func(ev message.Event) error {
		c := open[ev.AggregateID]
		if c == nil {
			c = &chainState{}
			open[ev.AggregateID] = c
		}
		c.track(ev)
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("recover chains of %s: %w", e.d.Name, err)
	}
	finished := 0
	for id, c := range open {
		if c.open() {
			if err := e.finishAt(ctx, id); err != nil {
				return finished, err
			}
			finished++
		}
	}
	return finished, nil
}

// finishAt loads one aggregate under its lock, which finishes its chain.
func (e *Engine[S]) finishAt(ctx context.Context, id string) error {
	defer e.locks.lock(id)()
	_, err := e.load(ctx, id, true)
	return err
}
