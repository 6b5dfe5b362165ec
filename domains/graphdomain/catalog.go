package graphdomain

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/cimviz/cimviz/domains/eventstore"
	"github.com/cimviz/cimviz/domains/eventstore/pages"
	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/graph"
	"github.com/cimviz/cimviz/graph/change"
)

// Summary is one graph in the list query.
type Summary struct {
	ID       string `json:"id"`
	Name     string `json:"name,omitempty"`
	Archived bool   `json:"archived,omitempty"`
	Version  uint64 `json:"version"`
	Nodes    int    `json:"nodes"`
	Edges    int    `json:"edges"`
	// Sequence is the store position of the graph's latest event.
	Sequence uint64 `json:"sequence"`
}

// Catalog is a projection of every graph, built by following the store:
// it answers the list and tree queries. Its errors (events that do not
// fit) are counted, never fatal: one bad graph must not hide the others.
type Catalog struct {
	mu      sync.Mutex
	states  map[string]*change.State
	seqs    map[string]uint64
	order   []string // graph IDs in order of first event
	applied uint64   // sequence of the last event seen
	bad     int
	changed chan struct{} // closed and replaced whenever applied moves
	sub     eventstore.Subscription
	// log keeps the events seen, encoded, for the events query: an editor
	// replays them in pages instead of one NATS message each.
	log *pages.Log
}

// Follow starts a catalog that follows store from its first event until
// ctx ends or Stop is called.
func Follow(ctx context.Context, store eventstore.Store) (*Catalog, error) {
	c := &Catalog{states: map[string]*change.State{}, seqs: map[string]uint64{}, changed: make(chan struct{}), log: pages.NewLog(0)}
	sub, err := store.Follow(ctx, 1, "", c.apply)
	if err != nil {
		return nil, fmt.Errorf("follow graph events: %w", err)
	}
	c.sub = sub
	return c, nil
}

// Stop ends following.
func (c *Catalog) Stop() { c.sub.Stop() }

func (c *Catalog) apply(m message.Event) {
	c.log.Add(m)
	c.mu.Lock()
	defer c.mu.Unlock()
	if err := c.fold(m); err != nil {
		c.bad++
	}
	c.applied = max(c.applied, m.Sequence)
	close(c.changed)
	c.changed = make(chan struct{})
}

func (c *Catalog) fold(m message.Event) error {
	s, seen := c.states[m.AggregateID]
	s, err := applyStored(s, []message.Event{m})
	if err != nil {
		return err
	}
	if !seen {
		c.order = append(c.order, m.AggregateID)
	}
	c.states[m.AggregateID] = s
	c.seqs[m.AggregateID] = m.Sequence
	return nil
}

// WaitFor blocks until the catalog has seen the event at seq (so a query
// after a command sees it), or ctx ends.
func (c *Catalog) WaitFor(ctx context.Context, seq uint64) error {
	for {
		c.mu.Lock()
		done, changed := c.applied >= seq, c.changed
		c.mu.Unlock()
		if done {
			return nil
		}
		select {
		case <-changed:
		case <-ctx.Done():
			return fmt.Errorf("catalog waiting for sequence %d: %w", seq, ctx.Err())
		}
	}
}

// List returns the graphs in order of creation; archived ones only when
// asked.
func (c *Catalog) List(withArchived bool) []Summary {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := make([]Summary, 0, len(c.order))
	for _, id := range c.order {
		s := c.states[id]
		if !s.Exists() || (s.Archived && !withArchived) {
			continue
		}
		out = append(out, Summary{ID: id, Name: s.Graph.Name, Archived: s.Archived, Version: s.Version,
			Nodes: s.Graph.NodeCount(), Edges: s.Graph.EdgeCount(), Sequence: c.seqs[id]})
	}
	return out
}

// Tree resolves the nesting below root over every graph (archived ones
// included, so old links still resolve). maxDepth 0 means no limit.
func (c *Catalog) Tree(root string, maxDepth int) (graph.TreeNode, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	lib, err := graph.NewLibrary()
	if err != nil {
		return graph.TreeNode{}, err
	}
	for _, id := range c.order {
		if s := c.states[id]; s.Exists() {
			if err := lib.Add(s.Graph); err != nil {
				return graph.TreeNode{}, err
			}
		}
	}
	return lib.Tree(root, maxDepth)
}

// Bad reports how many events did not fit their graph.
func (c *Catalog) Bad() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.bad
}

// IDs returns the IDs of the graphs seen, in order of creation.
func (c *Catalog) IDs() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return slices.Clone(c.order)
}

// knows reports a graph the catalog has seen created and not archived.
func (c *Catalog) knows(id string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	s := c.states[id]
	return s.Exists() && !s.Archived
}

// Known answers Decide's "does that graph exist?" from the catalog, after
// letting it catch up with store when it does not know the graph yet (so
// a link to a graph created a moment ago is accepted).
func (c *Catalog) Known(store eventstore.Store) change.Known {
	return func(id string) bool {
		if c.knows(id) {
			return true
		}
		ctx, cancel := context.WithTimeout(context.Background(), catchUpTimeout)
		defer cancel()
		return c.CatchUp(ctx, store) == nil && c.knows(id)
	}
}

// catchUpTimeout bounds how long a query or a decision waits for the
// catalog to reach the store's newest event.
const catchUpTimeout = 5 * time.Second

// CatchUp waits until the catalog has seen every event the store held
// when it was called.
func (c *Catalog) CatchUp(ctx context.Context, store eventstore.Store) error {
	last, err := store.LastSequence(ctx)
	if err != nil {
		return fmt.Errorf("catalog catch-up: %w", err)
	}
	return c.WaitFor(ctx, last)
}
