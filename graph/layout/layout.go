package layout

import (
	"errors"
	"fmt"

	"github.com/cimviz/cimviz/graph"
)

// ErrUnknownAlgorithm is returned by [New] for a name it does not know.
var ErrUnknownAlgorithm = errors.New("unknown layout algorithm")

// Layout is a layout in progress.
type Layout interface {
	// Step advances the layout by one step and reports whether it has
	// settled; stepping a settled layout changes nothing.
	Step() bool
	// Positions returns the current positions, indexed like graph.Nodes,
	// in a slice the caller owns.
	Positions() []graph.Point
}

// Run steps l until it settles or maxSteps steps were taken (maxSteps <= 0
// means until it settles) and returns the positions.
func Run(l Layout, maxSteps int) []graph.Point {
	for s := 0; maxSteps <= 0 || s < maxSteps; s++ {
		if l.Step() {
			break
		}
	}
	return l.Positions()
}

// Algorithm names a layout, as the editor's menu lists them.
type Algorithm string

// The algorithms [New] knows.
const (
	AlgoForce    Algorithm = "force"
	AlgoLayered  Algorithm = "layered"
	AlgoCircular Algorithm = "circular"
	AlgoGrid     Algorithm = "grid"
)

// Algorithms lists the known algorithms in menu order.
func Algorithms() []Algorithm { return []Algorithm{AlgoForce, AlgoLayered, AlgoCircular, AlgoGrid} }

// New starts the named layout on g.
func New(a Algorithm, g *graph.Graph, opts ...Option) (Layout, error) {
	switch a {
	case AlgoForce:
		return NewForce(g, opts...), nil
	case AlgoLayered:
		return NewLayered(g, opts...), nil
	case AlgoCircular:
		return NewCircular(g, opts...), nil
	case AlgoGrid:
		return NewGrid(g, opts...), nil
	}
	return nil, fmt.Errorf("%w: %q", ErrUnknownAlgorithm, a)
}

// edgeList returns the edges of g as node index pairs, self-loops left out
// (no layout can do anything useful with them).
func edgeList(g *graph.Graph) (src, dst []int32) {
	for _, e := range g.Edges {
		i, j := g.NodeIndex(e.From), g.NodeIndex(e.To)
		if i != j && i >= 0 && j >= 0 {
			src, dst = append(src, int32(i)), append(dst, int32(j))
		}
	}
	return src, dst
}

// settled is a Layout computed in one go.
type settled struct{ pos []graph.Point }

func (s *settled) Step() bool { return true }

func (s *settled) Positions() []graph.Point { return append([]graph.Point(nil), s.pos...) }
