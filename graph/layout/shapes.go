package layout

import (
	"math"

	"github.com/cimviz/cimviz/graph"
)

// NewCircular places the nodes evenly on a circle, in node order, with
// about the spacing between neighbours. It settles on the first step.
func NewCircular(g *graph.Graph, opts ...Option) Layout {
	cfg := newConfig(opts)
	n := len(g.Nodes)
	r := max(cfg.spacing*float64(n)/(2*math.Pi), cfg.spacing/2)
	pos := make([]graph.Point, n)
	for i := range pos {
		a := 2 * math.Pi * float64(i) / float64(n)
		pos[i] = graph.Point{X: r * math.Cos(a), Y: r * math.Sin(a)}
	}
	return &settled{pos: pos}
}

// NewGrid places the nodes row by row on a square grid of step spacing, in
// node order. It settles on the first step.
func NewGrid(g *graph.Graph, opts ...Option) Layout {
	cfg := newConfig(opts)
	n := len(g.Nodes)
	cols := max(1, int(math.Ceil(math.Sqrt(float64(n)))))
	pos := make([]graph.Point, n)
	for i := range pos {
		pos[i] = graph.Point{X: float64(i%cols) * cfg.spacing, Y: float64(i/cols) * cfg.spacing}
	}
	return &settled{pos: pos}
}
