package graphdomain

import (
	"context"
	"errors"
	"fmt"

	"github.com/nats-io/nats.go"

	"github.com/cimviz/cimviz/domains/eventstore"
	"github.com/cimviz/cimviz/domains/eventstore/jsstore"
	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/domains/service"
	"github.com/cimviz/cimviz/graph"
	"github.com/cimviz/cimviz/graph/change"
)

// errStop ends a Read early; it never leaves this file.
var errStop = errors.New("stop")

// AtSequence rebuilds a graph as it was once the store's event at seq was
// stored (time travel); nil when the graph did not exist yet.
func AtSequence(ctx context.Context, store eventstore.Store, id string, seq uint64) (*change.State, error) {
	var upto []message.Event
	err := store.Read(ctx, 1, eventstore.AggregateSubjects(Name, id), func(e message.Event) error {
		if e.Sequence > seq {
			return errStop
		}
		upto = append(upto, e)
		return nil
	})
	if err != nil && !errors.Is(err, errStop) {
		return nil, fmt.Errorf("read graph %q: %w", id, err)
	}
	return applyStored(nil, upto)
}

// AtVersion rebuilds a graph from its first v events.
func AtVersion(ctx context.Context, store eventstore.Store, id string, v uint64) (*change.State, error) {
	stored, err := store.Load(ctx, id, 0)
	if err != nil {
		return nil, fmt.Errorf("load graph %q: %w", id, err)
	}
	if uint64(len(stored)) < v {
		return nil, fmt.Errorf("%w: graph %q has %d versions, not %d", change.ErrNotFound, id, len(stored), v)
	}
	return applyStored(nil, stored[:v])
}

// Rebuild reads a graph straight from the graph stream on nc, as it was at
// store sequence at (0: now), without asking the service: for a graph too
// big for one reply, or when no service runs.
func Rebuild(ctx context.Context, nc *nats.Conn, id string, at uint64) (*graph.Graph, error) {
	store, err := jsstore.Open(ctx, nc, Name)
	if err != nil {
		return nil, err
	}
	defer store.Close()
	if at == 0 {
		if at, err = store.LastSequence(ctx); err != nil {
			return nil, err
		}
	}
	s, err := AtSequence(ctx, store, id, at)
	if err == nil && !s.Exists() {
		err = fmt.Errorf("%w: graph %q at sequence %d", service.ErrNotFound, id, at)
	}
	if err != nil {
		return nil, err
	}
	return s.Graph, nil
}
