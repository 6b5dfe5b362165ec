package graph

import (
	"errors"
	"fmt"
	"slices"
)

// Sentinel errors of graph operations. Every error returned by a [Graph]
// method wraps one of them, so callers test with errors.Is.
var (
	ErrInvalid     = errors.New("invalid")
	ErrDuplicateID = errors.New("duplicate id")
	ErrNotFound    = errors.New("not found")
)

// Node is a vertex of a graph. A node whose Ref is set stands for the graph
// with that ID, which may be any graph, its own included.
type Node struct {
	ID    string            `json:"id"`
	Kind  string            `json:"kind,omitempty"`
	Label string            `json:"label,omitempty"`
	Pos   Point             `json:"pos"`
	Props map[string]string `json:"props,omitempty"`
	Ref   string            `json:"ref,omitempty"`
}

// Edge is a directed edge between two nodes of the same graph.
//
// Self-loops (From == To) are allowed, because a workflow step that retries
// itself is ordinary; so are parallel edges with distinct IDs. Algorithms
// treat a self-loop as a cycle of length one, and layouts ignore it.
type Edge struct {
	ID    string `json:"id"`
	From  string `json:"from"`
	To    string `json:"to"`
	Label string `json:"label,omitempty"`
	Kind  string `json:"kind,omitempty"`
	// InnerFrom and InnerTo, when set, are the nodes the edge really joins
	// where an end lies inside the subgraph that From or To stands for (an
	// edge between nodes of two DOT clusters, drawn between the groups as
	// yEd does): each a node of that subgraph, at any depth. The graph
	// does not check them; the codecs write them as the edge's endpoints.
	InnerFrom string `json:"inner_from,omitempty"`
	InnerTo   string `json:"inner_to,omitempty"`
}

// Graph is a directed graph with ordered nodes and edges. Order is kept
// (insertion order) so that codecs and layouts are deterministic.
//
// The zero value is not ready; use [New]. Nodes and Edges may be read
// directly, but must only be changed through the methods, which keep the
// indexes in step.
type Graph struct {
	ID    string `json:"id"`
	Name  string `json:"name,omitempty"`
	Nodes []Node `json:"nodes"`
	Edges []Edge `json:"edges"`
	// Attrs are attributes of the whole graph that a file format states
	// and the model has no field for (DOT's rankdir, GraphML graph data),
	// kept so that an export writes them back; nil when none.
	Attrs map[string]string `json:"attrs,omitempty"`

	nodeIndex map[string]int
	edgeIndex map[string]int
}

// New returns an empty graph.
func New(id, name string) *Graph {
	return &Graph{ID: id, Name: name, Nodes: []Node{}, Edges: []Edge{},
		nodeIndex: map[string]int{}, edgeIndex: map[string]int{}}
}

// Reindex rebuilds the lookup indexes after Nodes or Edges were assigned
// directly (as a decoder does). It fails on duplicate IDs or dangling edges.
func (g *Graph) Reindex() error {
	g.nodeIndex = make(map[string]int, len(g.Nodes))
	g.edgeIndex = make(map[string]int, len(g.Edges))
	for i, n := range g.Nodes {
		if err := validNode(n); err != nil {
			return err
		}
		if _, dup := g.nodeIndex[n.ID]; dup {
			return fmt.Errorf("%w: node %q", ErrDuplicateID, n.ID)
		}
		g.nodeIndex[n.ID] = i
	}
	for i, e := range g.Edges {
		if err := g.checkEdge(e); err != nil {
			return err
		}
		g.edgeIndex[e.ID] = i
	}
	return nil
}

// NodeCount and EdgeCount report sizes.
func (g *Graph) NodeCount() int { return len(g.Nodes) }

// EdgeCount reports the number of edges.
func (g *Graph) EdgeCount() int { return len(g.Edges) }

// Node returns the node with the given ID.
func (g *Graph) Node(id string) (Node, bool) {
	i, ok := g.nodeIndex[id]
	if !ok {
		return Node{}, false
	}
	return g.Nodes[i], true
}

// NodeIndex returns the position of a node in Nodes, or -1.
func (g *Graph) NodeIndex(id string) int {
	if i, ok := g.nodeIndex[id]; ok {
		return i
	}
	return -1
}

// Edge returns the edge with the given ID.
func (g *Graph) Edge(id string) (Edge, bool) {
	i, ok := g.edgeIndex[id]
	if !ok {
		return Edge{}, false
	}
	return g.Edges[i], true
}

// HasNode reports whether a node with the ID exists.
func (g *Graph) HasNode(id string) bool { _, ok := g.nodeIndex[id]; return ok }

// AddNode appends a node. It fails with [ErrInvalid] on an empty ID or a
// position that is not finite, and with [ErrDuplicateID] on a known ID.
func (g *Graph) AddNode(n Node) error {
	if err := validNode(n); err != nil {
		return err
	}
	if g.HasNode(n.ID) {
		return fmt.Errorf("%w: node %q", ErrDuplicateID, n.ID)
	}
	g.ensureIndex()
	g.nodeIndex[n.ID] = len(g.Nodes)
	g.Nodes = append(g.Nodes, n)
	return nil
}

// UpdateNode replaces the kind, label, properties and reference of an
// existing node, keeping its position.
func (g *Graph) UpdateNode(n Node) error {
	i, ok := g.nodeIndex[n.ID]
	if !ok {
		return fmt.Errorf("%w: node %q", ErrNotFound, n.ID)
	}
	n.Pos = g.Nodes[i].Pos
	g.Nodes[i] = n
	return nil
}

// MoveNode sets a node's position. It fails with [ErrInvalid] on a
// position that is not finite, leaving the node where it was.
func (g *Graph) MoveNode(id string, p Point) error {
	i, ok := g.nodeIndex[id]
	if !ok {
		return fmt.Errorf("%w: node %q", ErrNotFound, id)
	}
	if !p.Finite() {
		return fmt.Errorf("%w: node %q: position %v is not finite", ErrInvalid, id, p)
	}
	g.Nodes[i].Pos = p
	return nil
}

// RemoveNode removes a node and every edge touching it, and returns the
// removed edges (so a caller can record them in the same change).
func (g *Graph) RemoveNode(id string) ([]Edge, error) {
	i, ok := g.nodeIndex[id]
	if !ok {
		return nil, fmt.Errorf("%w: node %q", ErrNotFound, id)
	}
	var removed []Edge
	g.Edges = slices.DeleteFunc(g.Edges, func(e Edge) bool {
		if e.From == id || e.To == id {
			removed = append(removed, e)
			return true
		}
		return false
	})
	g.Nodes = slices.Delete(g.Nodes, i, i+1)
	g.reindexFrom()
	return removed, nil
}

// AddEdge appends an edge. Both ends must exist ([ErrNotFound]), the ID
// must be non-empty ([ErrInvalid]) and new ([ErrDuplicateID]).
func (g *Graph) AddEdge(e Edge) error {
	if err := g.checkEdge(e); err != nil {
		return err
	}
	g.ensureIndex()
	g.edgeIndex[e.ID] = len(g.Edges)
	g.Edges = append(g.Edges, e)
	return nil
}

// RemoveEdge removes an edge.
func (g *Graph) RemoveEdge(id string) error {
	i, ok := g.edgeIndex[id]
	if !ok {
		return fmt.Errorf("%w: edge %q", ErrNotFound, id)
	}
	g.Edges = slices.Delete(g.Edges, i, i+1)
	g.reindexFrom()
	return nil
}

// Clone returns a deep copy.
func (g *Graph) Clone() *Graph {
	c := &Graph{ID: g.ID, Name: g.Name, Nodes: slices.Clone(g.Nodes), Edges: slices.Clone(g.Edges)}
	if g.Attrs != nil {
		c.Attrs = cloneProps(g.Attrs)
	}
	for i := range c.Nodes {
		if c.Nodes[i].Props != nil {
			c.Nodes[i].Props = cloneProps(c.Nodes[i].Props)
		}
	}
	c.reindexFrom()
	return c
}

func (g *Graph) checkEdge(e Edge) error {
	if e.ID == "" {
		return fmt.Errorf("%w: edge with empty id", ErrInvalid)
	}
	if _, dup := g.edgeIndex[e.ID]; dup {
		return fmt.Errorf("%w: edge %q", ErrDuplicateID, e.ID)
	}
	if !g.HasNode(e.From) {
		return fmt.Errorf("%w: edge %q: from node %q", ErrNotFound, e.ID, e.From)
	}
	if !g.HasNode(e.To) {
		return fmt.Errorf("%w: edge %q: to node %q", ErrNotFound, e.ID, e.To)
	}
	return nil
}

// ensureIndex makes a zero Graph usable instead of panicking on a nil map.
func (g *Graph) ensureIndex() {
	if g.nodeIndex == nil || g.edgeIndex == nil {
		g.reindexFrom()
	}
}

func (g *Graph) reindexFrom() {
	g.nodeIndex = make(map[string]int, len(g.Nodes))
	for i, n := range g.Nodes {
		g.nodeIndex[n.ID] = i
	}
	g.edgeIndex = make(map[string]int, len(g.Edges))
	for i, e := range g.Edges {
		g.edgeIndex[e.ID] = i
	}
}

func validNode(n Node) error {
	if n.ID == "" {
		return fmt.Errorf("%w: node with empty id", ErrInvalid)
	}
	if !n.Pos.Finite() {
		return fmt.Errorf("%w: node %q: position %v is not finite", ErrInvalid, n.ID, n.Pos)
	}
	return nil
}

func cloneProps(p map[string]string) map[string]string {
	c := make(map[string]string, len(p))
	for k, v := range p {
		c[k] = v
	}
	return c
}
