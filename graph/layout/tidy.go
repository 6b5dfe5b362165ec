package layout

import (
	"fmt"
	"math"

	"github.com/cimviz/cimviz/graph"
)

// Tidy lays out only the selected nodes ("tidy up"): the subgraph of the
// selection and the edges among it is laid out with the named algorithm,
// then moved so that it is centred where the selection was. Every other
// node keeps its position. The result is indexed like g.Nodes.
//
// It fails with [graph.ErrNotFound] on an unknown ID and with
// [ErrUnknownAlgorithm] on an unknown algorithm.
func Tidy(g *graph.Graph, ids []string, a Algorithm, opts ...Option) ([]graph.Point, error) {
	sub, err := selection(g, ids)
	if err != nil {
		return nil, err
	}
	l, err := New(a, sub, opts...)
	if err != nil {
		return nil, err
	}
	laid := Run(l, 0)
	shift := centre(positionsOf(sub)).Sub(centre(laid))
	out := positionsOf(g)
	for i, n := range sub.Nodes {
		out[g.NodeIndex(n.ID)] = laid[i].Add(shift)
	}
	return out, nil
}

// selection copies the selected nodes and the edges among them.
func selection(g *graph.Graph, ids []string) (*graph.Graph, error) {
	sub := graph.New(g.ID, g.Name)
	for _, id := range ids {
		n, ok := g.Node(id)
		if !ok {
			return nil, fmt.Errorf("tidy: %w: node %q", graph.ErrNotFound, id)
		}
		if !sub.HasNode(id) {
			_ = sub.AddNode(n)
		}
	}
	for _, e := range g.Edges {
		if sub.HasNode(e.From) && sub.HasNode(e.To) {
			_ = sub.AddEdge(e)
		}
	}
	return sub, nil
}

func positionsOf(g *graph.Graph) []graph.Point {
	out := make([]graph.Point, len(g.Nodes))
	for i, n := range g.Nodes {
		out[i] = n.Pos
	}
	return out
}

// centre returns the middle of the bounding box of ps.
func centre(ps []graph.Point) graph.Point {
	if len(ps) == 0 {
		return graph.Point{}
	}
	lo := graph.Point{X: math.Inf(1), Y: math.Inf(1)}
	hi := graph.Point{X: math.Inf(-1), Y: math.Inf(-1)}
	for _, p := range ps {
		lo = graph.Point{X: min(lo.X, p.X), Y: min(lo.Y, p.Y)}
		hi = graph.Point{X: max(hi.X, p.X), Y: max(hi.Y, p.Y)}
	}
	return lo.Add(hi).Scale(0.5)
}
