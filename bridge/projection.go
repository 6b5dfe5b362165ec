package bridge

import (
	"fmt"
	"sort"

	"github.com/cimviz/cimviz/graph"
	"github.com/cimviz/cimviz/graph/change"
)

// Projection folds the graph domain's events into the state of every graph.
// It is pure and single-threaded: the driver owns it on the game goroutine.
type Projection struct {
	graphs map[string]*change.State
	// Sequence is the stream position of the last event folded in.
	Sequence uint64
	// Skipped counts events that did not fit their graph (logged, never fatal).
	Skipped int
}

// NewProjection returns an empty projection.
func NewProjection() *Projection { return &Projection{graphs: map[string]*change.State{}} }

// Fold applies one event of graph id at stream sequence seq. An event that
// does not fit is counted in Skipped and reported; the state is unchanged.
func (p *Projection) Fold(id string, seq uint64, ev change.Event) error {
	p.Sequence = max(p.Sequence, seq)
	next, err := change.Apply(p.graphs[id], ev)
	if err != nil {
		p.Skipped++
		return fmt.Errorf("graph %q at sequence %d: %w", id, seq, err)
	}
	p.graphs[id] = next
	return nil
}

// Graph returns a copy of a graph; it is the editor's ecs.Source.
func (p *Projection) Graph(id string) (*graph.Graph, bool) {
	st, ok := p.graphs[id]
	if !ok || !st.Exists() {
		return nil, false
	}
	return st.Graph.Clone(), true
}

// IDs lists the graphs that exist, sorted.
func (p *Projection) IDs() []string {
	ids := make([]string, 0, len(p.graphs))
	for id, st := range p.graphs {
		if st.Exists() {
			ids = append(ids, id)
		}
	}
	sort.Strings(ids)
	return ids
}

// Version is a graph's version (0 when it does not exist): a cheap way to
// tell that an event has been folded in.
func (p *Projection) Version(id string) uint64 {
	if st, ok := p.graphs[id]; ok && st.Exists() {
		return st.Version
	}
	return 0
}

// Graphs returns copies of every existing graph, by ID.
func (p *Projection) Graphs() []*graph.Graph {
	ids := p.IDs()
	out := make([]*graph.Graph, 0, len(ids))
	for _, id := range ids {
		g, _ := p.Graph(id)
		out = append(out, g)
	}
	return out
}
