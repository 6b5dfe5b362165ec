package layout

import (
	"fmt"
	"math"
	"testing"

	"github.com/cimviz/cimviz/graph"
	"pgregory.net/rapid"
)

func TestForceSettlesWithEdgesShort(t *testing.T) {
	g := SampleWorkflow(60, 3)
	f := NewForce(g, WithSeed(7))
	pos := Run(f, 0)
	if !f.Step() || f.Steps() >= 500 {
		t.Fatalf("not settled after %d steps", f.Steps())
	}
	var edgeLen, pairLen float64
	for _, e := range g.Edges {
		edgeLen += dist(pos[g.NodeIndex(e.From)], pos[g.NodeIndex(e.To)])
	}
	for i := range pos {
		pairLen += dist(pos[i], pos[(i*7+3)%len(pos)])
	}
	if edgeLen/float64(len(g.Edges)) >= pairLen/float64(len(pos)) {
		t.Fatalf("mean edge %.1f not shorter than mean pair %.1f", edgeLen/float64(len(g.Edges)), pairLen/float64(len(pos)))
	}
}

func dist(a, b graph.Point) float64 { return math.Hypot(a.X-b.X, a.Y-b.Y) }

func TestForceSeparatesStackedNodes(t *testing.T) {
	g := graph.New("g", "")
	for i := range 20 {
		_ = g.AddNode(graph.Node{ID: fmt.Sprint(i)})
	}
	pos := Run(NewForce(g, KeepPositions()), 0)
	for i := range pos {
		for j := range i {
			if d := dist(pos[i], pos[j]); d < 10 {
				t.Fatalf("nodes %d and %d only %.2f apart", i, j, d)
			}
		}
	}
}

// TestBarnesHutApproximatesExactForces: with theta 0 the quadtree sums
// every pair exactly; with a small theta the error stays within a few
// percent of the summed pair forces.
func TestBarnesHutApproximatesExactForces(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		cells := rapid.SliceOfNDistinct(rapid.IntRange(0, 9999), 2, 200, rapid.ID[int]).Draw(t, "cells")
		n := len(cells)
		x, y := make([]float64, n), make([]float64, n)
		for i, c := range cells {
			x[i], y[i] = float64(c%100)*10, float64(c/100)*10
		}
		exact, coarse := treeForces(x, y, 0), treeForces(x, y, 0.5)
		for i := range int32(n) {
			ex, ey, mag := exactForce(i, x, y)
			if f := exact[i]; math.Abs(f.X-ex) > 1e-9*(1+math.Abs(ex)) || math.Abs(f.Y-ey) > 1e-9*(1+math.Abs(ey)) {
				t.Fatalf("theta 0: body %d %v, exact (%g, %g)", i, f, ex, ey)
			}
			if f := coarse[i]; math.Hypot(f.X-ex, f.Y-ey) > 0.05*mag {
				t.Fatalf("theta 0.5: body %d %v, exact (%g, %g)", i, f, ex, ey)
			}
		}
	})
}

func treeForces(x, y []float64, theta float64) []graph.Point {
	var tr quadTree
	tr.build(x, y, theta)
	fx, fy := make([]float64, len(x)), make([]float64, len(x))
	tr.forces(1, fx, fy)
	out := make([]graph.Point, len(x))
	for i := range out {
		out[i] = graph.Point{X: fx[i], Y: fy[i]}
	}
	return out
}

// exactForce sums every pair; mag is the sum of the pair forces' sizes,
// the scale against which an approximation's error is judged.
func exactForce(i int32, x, y []float64) (fx, fy, mag float64) {
	for b := range x {
		if int32(b) != i {
			ax, ay := pairForce(i, int32(b), x[i]-x[b], y[i]-y[b], 1)
			fx, fy, mag = fx+ax, fy+ay, mag+math.Hypot(ax, ay)
		}
	}
	return fx, fy, mag
}
