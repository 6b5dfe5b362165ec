package graph

import (
	"fmt"
	"maps"
	"slices"
)

// PathSep joins node IDs into the IDs that [Library.Flatten] gives inlined
// nodes and edges, and that [Breadcrumb.FlatID] predicts.
const PathSep = "/"

// PropParent is the property [Library.Flatten] sets on every inlined node:
// the (flattened) ID of the node whose graph it was inlined from.
const PropParent = "cimviz.parent"

// Flatten returns a copy of root in which every node that refers to a graph
// keeps its place and gains that graph's contents, to the given depth (0
// gives a plain copy). An inlined node or edge has the ID of the referring
// node, [PathSep] and its own ID; its position is relative to the referring
// node; edges inside the inlined graph are kept, and so are the edges
// touching the referring node. A reference to a graph already open on the
// way down (recursion) or to no graph (dangling) is left as a plain node.
func (l *Library) Flatten(root string, depth int) (*Graph, error) {
	g, err := l.lookup(root)
	if err != nil {
		return nil, err
	}
	out := g.Clone()
	f := flattener{lib: l, out: out, path: []string{root}}
	for _, n := range g.Nodes {
		if err := f.inline(n, n.ID, depth); err != nil {
			return nil, err
		}
	}
	return out, nil
}

type flattener struct {
	lib  *Library
	out  *Graph
	path []string // graphs open from the root down to the current one
}

// inline adds the contents of the graph n refers to, prefixed with id.
func (f *flattener) inline(n Node, id string, depth int) error {
	sub, ok := f.lib.graphs[n.Ref]
	if depth <= 0 || !ok || slices.Contains(f.path, n.Ref) {
		return nil
	}
	f.path = append(f.path, n.Ref)
	defer func() { f.path = f.path[:len(f.path)-1] }()
	if err := f.copyContents(sub, id, n.Pos); err != nil {
		return err
	}
	for _, inner := range sub.Nodes {
		if err := f.inline(inner, id+PathSep+inner.ID, depth-1); err != nil {
			return err
		}
	}
	return nil
}

func (f *flattener) copyContents(sub *Graph, prefix string, origin Point) error {
	for _, n := range sub.Nodes {
		n.ID, n.Pos = prefix+PathSep+n.ID, n.Pos.Add(origin)
		n.Props = maps.Clone(n.Props)
		if n.Props == nil {
			n.Props = map[string]string{}
		}
		n.Props[PropParent] = prefix
		if err := f.out.AddNode(n); err != nil {
			return fmt.Errorf("flatten %q into %q: %w", sub.ID, prefix, err)
		}
	}
	for _, e := range sub.Edges {
		e.ID, e.From, e.To = prefix+PathSep+e.ID, prefix+PathSep+e.From, prefix+PathSep+e.To
		if err := f.out.AddEdge(e); err != nil {
			return fmt.Errorf("flatten %q into %q: %w", sub.ID, prefix, err)
		}
	}
	return nil
}
