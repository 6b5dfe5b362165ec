package graph

import (
	"fmt"
	"slices"
	"strings"
)

// Crumb is one step of a [Breadcrumb]: node Node of graph Graph was opened,
// showing graph Opens.
type Crumb struct {
	Graph string
	Node  string
	Opens string
}

// Breadcrumb is the way from a root graph down into nested graphs, as the
// editor shows it above the canvas. It is a value: [Library.Open] and
// [Breadcrumb.Up] return new breadcrumbs. Opening a recursive node again
// just makes the path longer; nothing is followed on its own.
type Breadcrumb struct {
	Root  string
	Steps []Crumb
}

// Current returns the ID of the graph shown at the end of the path.
func (b Breadcrumb) Current() string {
	if len(b.Steps) == 0 {
		return b.Root
	}
	return b.Steps[len(b.Steps)-1].Opens
}

// Up returns the path one step shorter; at the root it returns b.
func (b Breadcrumb) Up() Breadcrumb {
	if len(b.Steps) == 0 {
		return b
	}
	return Breadcrumb{Root: b.Root, Steps: slices.Clone(b.Steps[:len(b.Steps)-1])}
}

// Graphs returns the graph IDs from the root to the current graph.
func (b Breadcrumb) Graphs() []string {
	out := []string{b.Root}
	for _, s := range b.Steps {
		out = append(out, s.Opens)
	}
	return out
}

// FlatID returns the ID that node id of the current graph has in the
// root's [Library.Flatten] output (deep enough, and with no recursion).
func (b Breadcrumb) FlatID(id string) string {
	var sb strings.Builder
	for _, s := range b.Steps {
		sb.WriteString(s.Node + PathSep)
	}
	return sb.String() + id
}

// String renders the path as "root › node › node".
func (b Breadcrumb) String() string {
	parts := []string{b.Root}
	for _, s := range b.Steps {
		parts = append(parts, s.Node)
	}
	return strings.Join(parts, " › ")
}

// Open returns b extended by opening node id of the current graph. It fails
// with [ErrNotFound] when the node is missing, [ErrInvalid] when it refers
// to no graph, and [ErrDangling] when the graph it names is missing.
func (l *Library) Open(b Breadcrumb, id string) (Breadcrumb, error) {
	g, err := l.Resolve(b)
	if err != nil {
		return b, err
	}
	n, ok := g.Node(id)
	if !ok {
		return b, fmt.Errorf("%w: node %q in graph %q", ErrNotFound, id, g.ID)
	}
	if n.Ref == "" {
		return b, fmt.Errorf("%w: node %q of graph %q refers to no graph", ErrInvalid, id, g.ID)
	}
	if _, ok := l.graphs[n.Ref]; !ok {
		return b, fmt.Errorf("%w: node %q of graph %q names %q", ErrDangling, id, g.ID, n.Ref)
	}
	steps := append(slices.Clone(b.Steps), Crumb{Graph: g.ID, Node: id, Opens: n.Ref})
	return Breadcrumb{Root: b.Root, Steps: steps}, nil
}

// Resolve checks every step of b against the library as it is now (nodes
// may have been removed or refs changed since b was built) and returns the
// current graph.
func (l *Library) Resolve(b Breadcrumb) (*Graph, error) {
	g, err := l.lookup(b.Root)
	if err != nil {
		return nil, err
	}
	for i, s := range b.Steps {
		n, ok := g.Node(s.Node)
		if s.Graph != g.ID || !ok || n.Ref != s.Opens {
			return nil, fmt.Errorf("%w: breadcrumb step %d (%s in %s) no longer holds", ErrNotFound, i+1, s.Node, s.Graph)
		}
		if g, err = l.lookup(s.Opens); err != nil {
			return nil, fmt.Errorf("%w: %w", ErrDangling, err)
		}
	}
	return g, nil
}
