package graph

import (
	"errors"
	"fmt"
	"slices"
)

// ErrDangling marks a node whose Ref names no graph of the [Library].
var ErrDangling = errors.New("dangling ref")

// Library is a collection of graphs keyed by graph ID. A node's Ref names a
// graph of the same library, which may be the node's own graph or any
// ancestor: the library is a graph of graphs that may contain cycles, and
// every walk over it ([Library.Tree], [Library.Flatten]) stops at them.
//
// The zero value is not ready; use [NewLibrary].
type Library struct {
	graphs map[string]*Graph
	order  []string
}

// NewLibrary returns a library holding the given graphs (not copies).
func NewLibrary(graphs ...*Graph) (*Library, error) {
	l := &Library{graphs: map[string]*Graph{}}
	for _, g := range graphs {
		if err := l.Add(g); err != nil {
			return nil, err
		}
	}
	return l, nil
}

// Add puts a graph into the library. It fails with [ErrInvalid] on a nil
// graph or an empty ID and with [ErrDuplicateID] on a known ID.
func (l *Library) Add(g *Graph) error {
	if g == nil || g.ID == "" {
		return fmt.Errorf("%w: graph without id", ErrInvalid)
	}
	if _, dup := l.graphs[g.ID]; dup {
		return fmt.Errorf("%w: graph %q", ErrDuplicateID, g.ID)
	}
	l.graphs[g.ID] = g
	l.order = append(l.order, g.ID)
	return nil
}

// Remove takes a graph out of the library. Refs to it become dangling.
func (l *Library) Remove(id string) error {
	if _, ok := l.graphs[id]; !ok {
		return fmt.Errorf("%w: graph %q", ErrNotFound, id)
	}
	delete(l.graphs, id)
	l.order = slices.DeleteFunc(l.order, func(s string) bool { return s == id })
	return nil
}

// Graph returns the graph with the given ID.
func (l *Library) Graph(id string) (*Graph, bool) {
	g, ok := l.graphs[id]
	return g, ok
}

// IDs returns the graph IDs in the order they were added.
func (l *Library) IDs() []string { return slices.Clone(l.order) }

// lookup returns the graph or an error wrapping [ErrNotFound].
func (l *Library) lookup(id string) (*Graph, error) {
	g, ok := l.graphs[id]
	if !ok {
		return nil, fmt.Errorf("%w: graph %q", ErrNotFound, id)
	}
	return g, nil
}

// Ref is one reference from a node to a graph.
type Ref struct {
	Graph string // the graph holding the node
	Node  string // the node's ID
	To    string // the graph it names
}

// DanglingRefs lists every node whose Ref names no graph of the library, in
// library then node order.
func (l *Library) DanglingRefs() []Ref {
	var out []Ref
	for _, id := range l.order {
		for _, n := range l.graphs[id].Nodes {
			if n.Ref != "" && l.graphs[n.Ref] == nil {
				out = append(out, Ref{Graph: id, Node: n.ID, To: n.Ref})
			}
		}
	}
	return out
}
