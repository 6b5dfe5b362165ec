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
}

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
	return nil
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
