package change

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/cimviz/cimviz/graph"
)

// applier is implemented by every event: how it changes an existing graph.
type applier interface {
	apply(s *State) error
}

// ErrCorrupt marks an event that does not fit the state it is applied to:
// a log that Decide did not write, or events out of order.
var ErrCorrupt = fmt.Errorf("%w: event does not fit the graph", ErrInvalid)

// Apply folds one event into s and returns the new state. It changes s in
// place (Clone first to keep the old one) and returns a new state for the
// event that creates a graph. The state never shares memory with the
// event. An event that does not fit the state is an error wrapping
// ErrCorrupt, and s is then left as it was.
func Apply(s *State, evt Event) (*State, error) {
	evt, _ = deref(evt).(Event)
	switch e := evt.(type) {
	case GraphCreated:
		return e.create(s)
	case GraphImported:
		return e.replace(s)
	}
	a, ok := evt.(applier)
	if !ok {
		return s, fmt.Errorf("%w: unsupported event %T", ErrCorrupt, evt)
	}
	if !s.Exists() {
		return s, fmt.Errorf("%w: %s before the graph was created", ErrCorrupt, evt.EventType())
	}
	if err := a.apply(s); err != nil {
		return s, fmt.Errorf("%w: %s: %v", ErrCorrupt, evt.EventType(), err)
	}
	s.Version++
	return s, nil
}

func (e GraphCreated) create(s *State) (*State, error) {
	if s.Exists() {
		return s, fmt.Errorf("%w: graph %q created twice", ErrCorrupt, e.Graph)
	}
	return &State{Graph: graph.New(e.Graph, e.Name), Version: s.version() + 1}, nil
}

func (e GraphImported) replace(s *State) (*State, error) {
	g, err := build(e.Graph, e.Name, e.Nodes, e.Edges)
	if err == nil {
		g.Attrs = cleanProps(e.Attrs)
	}
	if err != nil {
		return s, fmt.Errorf("%w: %s: %v", ErrCorrupt, TypeGraphImported, err)
	}
	if !s.Exists() {
		return &State{Graph: g, Version: s.version() + 1}, nil
	}
	s.Graph = g
	s.Version++
	return s, nil
}

func (s *State) version() uint64 {
	if s == nil {
		return 0
	}
	return s.Version
}

func (e GraphRenamed) apply(s *State) error  { s.Graph.Name = e.Name; return nil }
func (GraphArchived) apply(s *State) error   { s.Archived = true; return nil }
func (GraphUnarchived) apply(s *State) error { s.Archived = false; return nil }

func (e NodeAdded) apply(s *State) error {
	n := e.Node
	n.Props = cleanProps(n.Props)
	return s.Graph.AddNode(n)
}

func (e NodeUpdated) apply(s *State) error {
	n, err := s.node(e.Node)
	if err != nil {
		return err
	}
	n.Kind, n.Label, n.Props = e.Kind, e.Label, cleanProps(e.Props)
	return s.Graph.UpdateNode(n)
}

func (e NodeMoved) apply(s *State) error { return s.Graph.MoveNode(e.Node, e.Pos) }

func (e NodeRemoved) apply(s *State) error {
	if edges := s.touching(e.Node); len(edges) > 0 {
		return fmt.Errorf("node %q still has edge %q", e.Node, edges[0].Edge.ID)
	}
	_, err := s.Graph.RemoveNode(e.Node)
	return err
}

func (e EdgeAdded) apply(s *State) error { return s.Graph.AddEdge(e.Edge) }

func (e EdgesRemoved) apply(s *State) error {
	for _, id := range e.Edges {
		if _, err := s.edge(id); err != nil {
			return err
		}
	}
	drop := make(map[string]bool, len(e.Edges))
	for _, id := range e.Edges {
		drop[id] = true
	}
	s.Graph.Edges = slices.DeleteFunc(s.Graph.Edges, func(x graph.Edge) bool { return drop[x.ID] })
	return s.Graph.Reindex()
}

// apply inserts nodes, then edges, in increasing index order: inserting
// removed elements back at their old indexes in that order restores the
// old order exactly. Indexes past the end append.
func (e ElementsRestored) apply(s *State) error {
	if err := e.fits(s); err != nil {
		return err
	}
	nodes := slices.SortedStableFunc(slices.Values(e.Nodes), func(a, b PlacedNode) int { return cmp.Compare(a.At, b.At) })
	edges := slices.SortedStableFunc(slices.Values(e.Edges), func(a, b PlacedEdge) int { return cmp.Compare(a.At, b.At) })
	if appends(nodes, len(s.Graph.Nodes), PlacedNode.at) && appends(edges, len(s.Graph.Edges), PlacedEdge.at) {
		return appendElements(s.Graph, nodes, edges) // a chunk of an import: no reindex
	}
	for _, p := range nodes {
		n := p.Node
		n.Props = cleanProps(n.Props)
		s.Graph.Nodes = slices.Insert(s.Graph.Nodes, clampIndex(p.At, len(s.Graph.Nodes)), n)
	}
	for _, p := range edges {
		s.Graph.Edges = slices.Insert(s.Graph.Edges, clampIndex(p.At, len(s.Graph.Edges)), p.Edge)
	}
	return s.Graph.Reindex()
}

func (p PlacedNode) at() int { return p.At }
func (p PlacedEdge) at() int { return p.At }

// appends reports whether inserting the sorted elements one by one puts
// each at the end of a list that starts with n elements.
func appends[T any](sorted []T, n int, at func(T) int) bool {
	for i, x := range sorted {
		if at(x) < n+i {
			return false
		}
	}
	return true
}

func appendElements(g *graph.Graph, nodes []PlacedNode, edges []PlacedEdge) error {
	for _, p := range nodes {
		n := p.Node
		n.Props = cleanProps(n.Props)
		if err := g.AddNode(n); err != nil {
			return err
		}
	}
	for _, p := range edges {
		if err := g.AddEdge(p.Edge); err != nil {
			return err
		}
	}
	return nil
}

// fits checks what Reindex would refuse, before anything changes: new,
// distinct IDs and edge ends that exist or are restored with them.
func (e ElementsRestored) fits(s *State) error {
	placed := make([]PlacedNode, len(e.Nodes))
	copy(placed, e.Nodes)
	restored, err := s.checkRestoredNodes(nil, stripRefs(placed))
	if err != nil {
		return err
	}
	return s.checkRestoredEdges(e.Edges, restored)
}

// stripRefs drops links, which Apply does not check: Decide checked them
// against the other graphs when the event was written.
func stripRefs(nodes []PlacedNode) []PlacedNode {
	for i := range nodes {
		nodes[i].Node.Ref = ""
	}
	return nodes
}

func clampIndex(at, n int) int { return max(0, min(at, n)) }

func (e SubgraphLinked) apply(s *State) error {
	n, err := s.node(e.Node)
	if err != nil {
		return err
	}
	n.Ref = e.Ref
	return s.Graph.UpdateNode(n)
}

func (e SubgraphUnlinked) apply(s *State) error {
	n, err := s.node(e.Node)
	if err != nil {
		return err
	}
	n.Ref = ""
	return s.Graph.UpdateNode(n)
}

func (e LayoutApplied) apply(s *State) error {
	for id := range e.Positions {
		if _, err := s.node(id); err != nil {
			return err
		}
	}
	for id, p := range e.Positions {
		_ = s.Graph.MoveNode(id, p) // every node was checked above
	}
	return nil
}
