package service

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/google/uuid"

	"github.com/cimviz/cimviz/domains/eventstore"
	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/domains/subject"
)

// Engine runs a domain's commands and queries against its event store. It
// does no network I/O, so it is tested with the in-memory store; [Serve]
// puts it on NATS.
type Engine[S any] struct {
	d      Domain[S]
	store  eventstore.Store
	cfg    config
	cache  *cache[S]
	locks  stripes
	counts counters
}

// NewEngine checks the domain and returns its engine on store.
func NewEngine[S any](d Domain[S], store eventstore.Store, opts ...Option) (*Engine[S], error) {
	if err := d.validate(); err != nil {
		return nil, err
	}
	if store == nil {
		return nil, fmt.Errorf("%w: domain %q has no event store", ErrConfig, d.Name)
	}
	cfg := newConfig(opts)
	return &Engine[S]{d: d, store: store, cfg: cfg, cache: newCache[S](cfg.cacheSize)}, nil
}

// Domain returns the domain the engine serves.
func (e *Engine[S]) Domain() Domain[S] { return e.d }

// Execute handles one command: it loads the aggregate, answers a repeated
// message ID with the original ack, decides, and appends with the
// expected version, retrying conflicts when the command allows it.
func (e *Engine[S]) Execute(ctx context.Context, cmd message.Command) (Ack, error) {
	spec, err := e.check(&cmd)
	if err != nil {
		e.counts.record("", Ack{}, err)
		return Ack{}, err
	}
	defer e.locks.lock(cmd.AggregateID)()
	ack, err := e.attempt(ctx, cmd, spec)
	for try := 0; errors.Is(err, eventstore.ErrConflict) && spec.Retry && try < e.cfg.retries; try++ {
		e.counts.retries.Add(1)
		if err = backoff(ctx, try); err == nil {
			ack, err = e.attempt(ctx, cmd, spec)
		}
	}
	e.counts.record(cmd.Type, ack, err)
	return ack, err
}

// backoff waits a random while, growing with the try, so that instances
// racing for one aggregate do not collide again in lockstep.
func backoff(ctx context.Context, try int) error {
	d := time.Duration(rand.Int64N(int64(50*time.Microsecond) << min(try, 8)))
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("%w: gave up retrying: %w", ErrConflict, ctx.Err())
	}
}

// check validates what the decision needs, before any I/O.
func (e *Engine[S]) check(cmd *message.Command) (CommandSpec, error) {
	spec, ok := e.d.Commands[cmd.Type]
	if !ok {
		return spec, fmt.Errorf("%w: unknown command %q for domain %q", ErrInvalid, cmd.Type, e.d.Name)
	}
	if len(cmd.Payload) > e.cfg.maxPayload {
		return spec, fmt.Errorf("%w: payload of %d bytes is over the %d byte limit", ErrInvalid, len(cmd.Payload), e.cfg.maxPayload)
	}
	if err := cmd.Identity.Validate(); err != nil {
		return spec, fmt.Errorf("%w: %w", ErrInvalid, err)
	}
	if cmd.AggregateID == "" && spec.Creates {
		cmd.AggregateID = cmd.MessageID.String()
	}
	if err := subject.ValidateToken("aggregate id", cmd.AggregateID); err != nil {
		return spec, fmt.Errorf("%w: %w", ErrInvalid, err)
	}
	return spec, nil
}

// attempt is one load-decide-append round.
func (e *Engine[S]) attempt(ctx context.Context, cmd message.Command, spec CommandSpec) (Ack, error) {
	agg, err := e.load(ctx, cmd.AggregateID, e.cfg.refresh)
	if err == nil && cmd.ExpectedVersion > agg.version {
		// The client has seen a newer version than the cache: another
		// instance moved the aggregate on. Catch up before judging.
		agg, err = e.load(ctx, cmd.AggregateID, true)
	}
	if err != nil {
		return Ack{}, err
	}
	if ack, ok := agg.handled(cmd.MessageID); ok {
		return ack, nil
	}
	if err := e.admissible(cmd, spec, agg.version); err != nil {
		return Ack{}, err
	}
	if err := e.admit(ctx, agg, cmd); err != nil {
		return Ack{}, err
	}
	events, err := e.decide(agg, cmd)
	if err != nil || len(events) == 0 {
		return Ack{AggregateID: cmd.AggregateID, Version: agg.version, EventIDs: []uuid.UUID{}, Sequence: agg.lastSeq}, err
	}
	return e.append(ctx, agg, cmd, events)
}

// admissible applies the harness's rules: creation, existence and the
// client's expected version.
func (e *Engine[S]) admissible(cmd message.Command, spec CommandSpec, version uint64) error {
	switch {
	case spec.Creates && version > 0:
		return fmt.Errorf("%w: %s %q already exists (version %d)", ErrConflict, e.d.Name, cmd.AggregateID, version)
	case !spec.Creates && version == 0:
		return fmt.Errorf("%w: no %s %q", ErrNotFound, e.d.Name, cmd.AggregateID)
	case cmd.ExpectedVersion != 0 && cmd.ExpectedVersion != version:
		return fmt.Errorf("%w: %s %q is at version %d, the command expected %d",
			ErrConflict, e.d.Name, cmd.AggregateID, version, cmd.ExpectedVersion)
	}
	return nil
}

// decide runs the domain's decision and turns its drafts into events.
func (e *Engine[S]) decide(agg *aggregate[S], cmd message.Command) ([]message.Event, error) {
	drafts, err := e.d.Decide(agg.state, cmd)
	if err != nil {
		return nil, err
	}
	if len(drafts) > MaxEventsPerCommand {
		return nil, fmt.Errorf("%w: %q produced %d events, limit %d", ErrInternal, cmd.Type, len(drafts), MaxEventsPerCommand)
	}
	now := time.Now().UTC()
	events := make([]message.Event, len(drafts))
	for i, d := range drafts {
		payload, err := json.Marshal(d.Payload)
		if err != nil {
			return nil, fmt.Errorf("%w: event %q of %q: %v", ErrInternal, d.Type, cmd.Type, err)
		}
		events[i] = message.Event{Domain: e.d.Name, Type: d.Type, AggregateID: cmd.AggregateID,
			Version: agg.version + uint64(i) + 1, Time: now, Payload: payload, Actor: cmd.Actor,
			Identity: message.Identity{MessageID: EventID(cmd.MessageID, i),
				CorrelationID: cmd.CorrelationID, CausationID: cmd.MessageID}}
	}
	return events, nil
}

// append stores the events and, on success, moves the cached aggregate on.
// On any failure the cached copy is dropped: it may be stale.
func (e *Engine[S]) append(ctx context.Context, agg *aggregate[S], cmd message.Command, events []message.Event) (Ack, error) {
	if e.chained(len(events)) {
		return e.appendChain(ctx, agg, cmd, events)
	}
	res, err := e.store.Append(ctx, cmd.AggregateID, agg.version, events)
	if err != nil {
		e.cache.drop(cmd.AggregateID)
		return Ack{}, e.storeError(err, cmd)
	}
	for i := range events {
		events[i].Sequence = res.FirstSequence + uint64(i)
	}
	if res.Duplicate {
		e.cache.drop(cmd.AggregateID)
	} else {
		agg.evolve(e.d.Apply, events)
		e.cache.put(cmd.AggregateID, agg)
	}
	return Ack{AggregateID: cmd.AggregateID, Version: res.Version, EventIDs: res.EventIDs,
		Sequence: res.LastSequence, Duplicate: res.Duplicate}, nil
}

func (e *Engine[S]) storeError(err error, cmd message.Command) error {
	if errors.Is(err, eventstore.ErrConflict) {
		return fmt.Errorf("%w: %s %q changed while %q was decided: %w", ErrConflict, e.d.Name, cmd.AggregateID, cmd.Type, err)
	}
	if Code(err) == 500 {
		e.cfg.logger.Error("append failed", "domain", e.d.Name, "aggregate", cmd.AggregateID, "command", cmd.Type, "err", err)
	}
	return fmt.Errorf("append %s events: %w", cmd.Type, err)
}

// load returns the aggregate from the cache, or built from the store; with
// fresh, a cached copy is first brought up to date from the store. A chain
// its last writer left unfinished is finished first. The caller holds the
// aggregate's stripe lock.
func (e *Engine[S]) load(ctx context.Context, id string, fresh bool) (*aggregate[S], error) {
	agg, ok := e.cache.get(id)
	if !ok {
		agg = &aggregate[S]{state: e.d.New()}
	}
	if ok && !fresh {
		return agg, nil
	}
	events, err := e.store.Load(ctx, id, agg.version)
	if err != nil {
		e.cache.drop(id)
		return nil, fmt.Errorf("load %s %q: %w", e.d.Name, id, err)
	}
	agg.evolve(e.d.Apply, events)
	if err := e.finishChain(ctx, id, agg); err != nil {
		e.cache.drop(id)
		return nil, err
	}
	if agg.version > 0 {
		e.cache.put(id, agg)
	}
	return agg, nil
}

// Query answers the named query about one aggregate, read fresh from the
// store (the cache may trail other instances).
//
// The answer is marshalled while the aggregate is locked, so a query
// result that shares memory with the state never races a later Apply.
func (e *Engine[S]) Query(ctx context.Context, name, aggregateID string, args json.RawMessage) (json.RawMessage, error) {
	if v, ok := e.d.Views[name]; ok {
		return e.view(ctx, name, v, args)
	}
	q, ok := e.d.Queries[name]
	if !ok {
		return nil, fmt.Errorf("%w: unknown query %q for domain %q", ErrInvalid, name, e.d.Name)
	}
	if err := subject.ValidateToken("aggregate id", aggregateID); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrInvalid, err)
	}
	defer e.locks.lock(aggregateID)()
	agg, err := e.load(ctx, aggregateID, true)
	if err != nil {
		return nil, err
	}
	if agg.version == 0 {
		return nil, fmt.Errorf("%w: no %s %q", ErrNotFound, e.d.Name, aggregateID)
	}
	answer, err := q(agg.state, agg.version, args)
	if err != nil {
		return nil, err
	}
	out, err := json.Marshal(answer)
	if err != nil {
		return nil, fmt.Errorf("%w: query %q answer: %v", ErrInternal, name, err)
	}
	return out, nil
}

// view answers a domain-wide query; it names no aggregate.
func (e *Engine[S]) view(ctx context.Context, name string, v View, args json.RawMessage) (json.RawMessage, error) {
	answer, err := v(ctx, args)
	if err != nil {
		return nil, err
	}
	if raw, ok := answer.(Raw); ok {
		return json.RawMessage(raw), nil // sent as is
	}
	out, err := json.Marshal(answer)
	if err != nil {
		return nil, fmt.Errorf("%w: view %q answer: %v", ErrInternal, name, err)
	}
	return out, nil
}

// reject counts a request refused before it reached Execute (malformed on
// the wire).
func (e *Engine[S]) reject(err error) { e.counts.record("", Ack{}, err) }

func (e *Engine[S]) info() domainInfo { return e.d.info() }

func (e *Engine[S]) maxPayload() int { return e.cfg.maxPayload }

// Stats returns the engine's counters.
func (e *Engine[S]) Stats() Stats { return e.counts.snapshot() }
