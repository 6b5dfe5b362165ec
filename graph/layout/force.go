package layout

import (
	"math"
	"math/rand/v2"

	"github.com/cimviz/cimviz/graph"
)

// Force is a force-directed layout (Fruchterman-Reingold forces, Barnes-Hut
// approximation of the repulsion, so one step costs O(n log n + m)). Each
// step moves every node by at most the current temperature, which cools
// geometrically; the layout settles when it is cold or nothing moves.
//
// After construction, Step allocates nothing.
type Force struct {
	cfg      config
	x, y     []float64
	fx, fy   []float64
	src, dst []int32
	tree     quadTree
	temp     float64
	minTemp  float64
	steps    int
	done     bool
}

// NewForce starts a force layout of g.
func NewForce(g *graph.Graph, opts ...Option) *Force {
	cfg := newConfig(opts)
	n := len(g.Nodes)
	f := &Force{cfg: cfg, x: make([]float64, n), y: make([]float64, n),
		fx: make([]float64, n), fy: make([]float64, n)}
	f.src, f.dst = edgeList(g)
	f.place(g)
	f.temp = cfg.spacing * math.Sqrt(float64(n)) / 10
	f.minTemp = cfg.spacing / 100
	f.done = n < 2
	return f
}

// place sets the starting positions: random in a square that gives every
// node about spacing² of room, or the current ones slightly jittered (so
// that stacked nodes can part).
func (f *Force) place(g *graph.Graph) {
	rng := rand.New(rand.NewPCG(f.cfg.seed, 0x5eed))
	side := f.cfg.spacing * math.Sqrt(float64(len(g.Nodes)))
	for i, nd := range g.Nodes {
		jx, jy := rng.Float64()-0.5, rng.Float64()-0.5
		if f.cfg.keep {
			f.x[i], f.y[i] = nd.Pos.X+jx*f.cfg.spacing/100, nd.Pos.Y+jy*f.cfg.spacing/100
		} else {
			f.x[i], f.y[i] = jx*side, jy*side
		}
	}
}

// Step applies one round of forces and reports whether the layout settled.
func (f *Force) Step() bool {
	if f.done {
		return true
	}
	f.repel()
	f.attract()
	moved := f.move()
	f.steps++
	f.temp *= 0.98
	f.done = f.temp < f.minTemp || moved < f.minTemp/10 || f.steps >= f.cfg.maxSteps
	return f.done
}

func (f *Force) repel() {
	k2 := f.cfg.spacing * f.cfg.spacing
	f.tree.build(f.x, f.y, f.cfg.theta)
	f.tree.forces(k2, f.fx, f.fy)
}

// attract pulls the ends of every edge together by d²/k, and every node
// towards the origin by gravity·d.
func (f *Force) attract() {
	k := f.cfg.spacing
	for e, s := range f.src {
		t := f.dst[e]
		dx, dy := f.x[s]-f.x[t], f.y[s]-f.y[t]
		d := math.Sqrt(dx*dx + dy*dy)
		ax, ay := dx*d/k, dy*d/k
		f.fx[s], f.fy[s] = f.fx[s]-ax, f.fy[s]-ay
		f.fx[t], f.fy[t] = f.fx[t]+ax, f.fy[t]+ay
	}
	g := f.cfg.gravity
	for i := range f.x {
		f.fx[i] -= g * f.x[i]
		f.fy[i] -= g * f.y[i]
	}
}

// move displaces every node along its force, by at most the temperature,
// and returns the largest displacement.
func (f *Force) move() float64 {
	var most float64
	for i := range f.x {
		fx, fy := f.fx[i], f.fy[i]
		d := math.Sqrt(fx*fx + fy*fy)
		if d == 0 || math.IsNaN(d) || math.IsInf(d, 0) {
			continue // nothing to do, or overflowed far out: stay finite
		}
		s := min(d, f.temp) / d
		f.x[i] += fx * s
		f.y[i] += fy * s
		most = max(most, d*s)
	}
	return most
}

// Positions returns the current positions.
func (f *Force) Positions() []graph.Point {
	out := make([]graph.Point, len(f.x))
	for i := range out {
		out[i] = graph.Point{X: f.x[i], Y: f.y[i]}
	}
	return out
}

// Steps reports how many steps were taken.
func (f *Force) Steps() int { return f.steps }
