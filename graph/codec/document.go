package codec

import (
	"errors"
	"fmt"
	"slices"

	"github.com/cimviz/cimviz/graph"
)

// Sentinel errors; every decoder and encoder error wraps one of them.
var (
	// ErrSyntax marks input that is not well formed for its format.
	ErrSyntax = errors.New("syntax error")
	// ErrUnsupported marks a format, version or construct this package does
	// not handle.
	ErrUnsupported = errors.New("unsupported")
	// ErrInvalid marks a document that parses but breaks the model's rules
	// (duplicate IDs, dangling references).
	ErrInvalid = errors.New("invalid document")
)

// Document is a set of graphs: the root and the graphs that nodes stand for.
// Graphs keep their order; the root comes first when a decoder builds it.
type Document struct {
	Root   string
	Graphs []*graph.Graph
	// Attrs are the root graph's attributes that a format states and the
	// model has no field for (DOT's rankdir, GraphML graph data,
	// Cytoscape's top-level data), written back on export; nil when none.
	Attrs map[string]string
	// Ends are the nodes an edge really joins when they lie in different
	// groups. The graph model keeps every edge inside one graph, so such an
	// edge sits in the lowest graph holding both ends, drawn between the
	// nodes there that contain them (a collapsed group); Ends names the
	// inner nodes, which exporters write as the edge's endpoints. Nil when
	// no edge crosses groups.
	Ends map[EdgeKey]Ends
}

// EdgeKey names an edge of a document: its graph and its ID.
type EdgeKey struct{ Graph, Edge string }

// Ends are the IDs of the nodes an edge really joins: each one the edge's
// own endpoint or a node nested (at any depth) in the group it names.
type Ends struct{ From, To string }

// NewDocument returns a document whose root is g.
func NewDocument(g *graph.Graph) *Document {
	return &Document{Root: g.ID, Graphs: []*graph.Graph{g}}
}

// Graph returns the graph with the given ID, or nil.
func (d *Document) Graph(id string) *graph.Graph {
	for _, g := range d.Graphs {
		if g.ID == id {
			return g
		}
	}
	return nil
}

// index maps graph IDs to graphs (the first of a duplicated ID wins, as in
// Graph).
func (d *Document) index() map[string]*graph.Graph {
	m := make(map[string]*graph.Graph, len(d.Graphs))
	for _, g := range slices.Backward(d.Graphs) {
		m[g.ID] = g
	}
	return m
}

// RootGraph returns the root graph, or nil when it is missing.
func (d *Document) RootGraph() *graph.Graph { return d.Graph(d.Root) }

// Validate checks that graph IDs are unique, the root exists, each graph's
// nodes and edges are consistent and every Ref names a graph of d.
func (d *Document) Validate() error { return d.validate(false) }

// validate is Validate; with reindex it reindexes the graphs themselves (a
// decoder's fresh graphs) instead of checking clones.
func (d *Document) validate(reindex bool) error {
	ids := make(map[string]bool, len(d.Graphs))
	for _, g := range d.Graphs {
		if g == nil || g.ID == "" || ids[g.ID] {
			return fmt.Errorf("%w: missing, empty or duplicate graph id", ErrInvalid)
		}
		ids[g.ID] = true
	}
	if !ids[d.Root] {
		return fmt.Errorf("%w: root graph %q not in document", ErrInvalid, d.Root)
	}
	for _, g := range d.Graphs {
		if err := validateGraph(g, ids, reindex); err != nil {
			return err
		}
	}
	return d.validateEnds()
}

// validateEnds checks that every entry of Ends names an edge of its graph
// and that each real end is that edge's endpoint or lies inside it.
func (d *Document) validateEnds() error {
	graphs := d.index()
	for k, ends := range d.Ends {
		g := graphs[k.Graph]
		if g == nil {
			return fmt.Errorf("%w: ends of edge %q: no graph %q", ErrInvalid, k.Edge, k.Graph)
		}
		e, ok := g.Edge(k.Edge)
		if !ok {
			return fmt.Errorf("%w: ends of edge %q: no such edge in graph %q", ErrInvalid, k.Edge, k.Graph)
		}
		if !holds(graphs, g, e.From, ends.From) || !holds(graphs, g, e.To, ends.To) {
			return fmt.Errorf("%w: graph %q edge %q: end %q or %q is not inside %q or %q", ErrInvalid, k.Graph, k.Edge, ends.From, ends.To, e.From, e.To)
		}
	}
	return nil
}

// holds reports whether node inner is node id of graph g or lies in the
// graph that node stands for, at any depth.
func holds(graphs map[string]*graph.Graph, g *graph.Graph, id, inner string) bool {
	return reaches(graphs, g, id, inner, map[string]bool{})
}

// reaches is holds; seen stops graphs that nest themselves.
func reaches(graphs map[string]*graph.Graph, g *graph.Graph, id, inner string, seen map[string]bool) bool {
	n, ok := g.Node(id)
	if !ok || id == inner {
		return ok
	}
	sub := graphs[n.Ref]
	if sub == nil || seen[sub.ID] {
		return false
	}
	seen[sub.ID] = true
	for _, m := range sub.Nodes {
		if reaches(graphs, sub, m.ID, inner, seen) {
			return true
		}
	}
	return false
}

func validateGraph(g *graph.Graph, ids map[string]bool, reindex bool) error {
	if !reindex {
		g = g.Clone()
	}
	if err := g.Reindex(); err != nil {
		return fmt.Errorf("%w: graph %q: %w", ErrInvalid, g.ID, err)
	}
	for _, n := range g.Nodes {
		if n.Ref != "" && !ids[n.Ref] {
			return fmt.Errorf("%w: graph %q: node %q refers to missing graph %q", ErrInvalid, g.ID, n.ID, n.Ref)
		}
	}
	return nil
}
