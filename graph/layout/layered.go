package layout

import (
	"slices"

	"github.com/cimviz/cimviz/graph"
)

// Layered is a layered (Sugiyama) layout: cycles are broken by reversing
// DFS back edges, nodes are put on layers by longest path and then pulled
// down towards their successors, long edges get a dummy node on every
// layer they cross, crossings are reduced by median and barycenter sweeps
// with transposition, and coordinates solve a weighted least-squares
// problem per layer (isotonic regression) that keeps long edges straight.
//
// Every edge of an acyclic graph points down (TopDown) or right
// (LeftRight). It is computed in one go and settles on the first step.
type Layered struct {
	settled
	routes []Route
	bends  [][]graph.Point
}

// NewLayered lays out g in layers.
func NewLayered(g *graph.Graph, opts ...Option) *Layered {
	s := newSugiyama(g, newConfig(opts))
	s.run()
	l := &Layered{routes: s.routes()}
	l.pos, l.bends = s.positions(g)
	return l
}

// Routes returns every edge as drawn through the layers, for [CountCrossings].
func (l *Layered) Routes() []Route { return l.routes }

// Crossings returns the number of edge crossings of the drawing.
func (l *Layered) Crossings() int { return CountCrossings(l.routes) }

// Bends returns, per edge of the graph (indexed like graph.Edges), the
// points an edge passes between its ends, in edge direction; nil for an
// edge between neighbouring layers or a self-loop.
func (l *Layered) Bends() [][]graph.Point { return l.bends }

// sugiyama holds the layered graph: real nodes 0..n-1, then dummies.
type sugiyama struct {
	cfg      config
	n        int
	pairs    [][2]int32 // distinct edges, oriented top to bottom
	reversed []bool     // per pair: it points against its edge
	edgePair []int      // per graph edge: its pair, or -1 for a self-loop
	layer    []int
	up, down [][]int32 // neighbours on the layer above and below
	chains   [][]int32 // per pair: the nodes it passes, top to bottom
	layers   [][]int32 // order within each layer
	pos      []int32   // index of every node within its layer
	x        []float64 // coordinate along the layer
}

func newSugiyama(g *graph.Graph, cfg config) *sugiyama {
	s := &sugiyama{cfg: cfg, n: len(g.Nodes), edgePair: make([]int, len(g.Edges))}
	seen := map[[2]int32]int{}
	for k, e := range g.Edges {
		p := [2]int32{int32(g.NodeIndex(e.From)), int32(g.NodeIndex(e.To))}
		idx, ok := seen[p]
		switch {
		case p[0] == p[1] || p[0] < 0 || p[1] < 0:
			idx = -1
		case !ok:
			idx = len(s.pairs)
			seen[p] = idx
			s.pairs = append(s.pairs, p)
		}
		s.edgePair[k] = idx
	}
	return s
}

func (s *sugiyama) run() {
	s.breakCycles()
	s.assignLayers()
	s.addDummies()
	s.initialOrder()
	s.reduceCrossings()
	s.assignCoordinates()
}

// routes returns every pair's chain as a Route along the layer axis.
func (s *sugiyama) routes() []Route {
	out := make([]Route, len(s.chains))
	for k, c := range s.chains {
		xs := make([]float64, len(c))
		for i, v := range c {
			xs[i] = s.x[v]
		}
		out[k] = Route{Layer: s.layer[c[0]], X: xs}
	}
	return out
}

func (s *sugiyama) point(v int32) graph.Point {
	along, across := s.x[v], float64(s.layer[v])*s.cfg.rankSep
	if s.cfg.dir == LeftRight {
		return graph.Point{X: across, Y: along}
	}
	return graph.Point{X: along, Y: across}
}

func (s *sugiyama) positions(g *graph.Graph) ([]graph.Point, [][]graph.Point) {
	pos := make([]graph.Point, s.n)
	for v := range pos {
		pos[v] = s.point(int32(v))
	}
	bends := make([][]graph.Point, len(g.Edges))
	for k, p := range s.edgePair {
		if p < 0 || len(s.chains[p]) <= 2 {
			continue
		}
		c := s.chains[p]
		for _, v := range c[1 : len(c)-1] {
			bends[k] = append(bends[k], s.point(v))
		}
		if s.reversed[p] {
			slices.Reverse(bends[k])
		}
	}
	return pos, bends
}
