package layout

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"testing"

	"github.com/cimviz/cimviz/graph"
	"pgregory.net/rapid"
)

// randomGraph draws a graph of up to 40 nodes; with dag every edge goes
// from a lower to a higher node number (nodes are added shuffled).
func randomGraph(t *rapid.T, dag bool) *graph.Graph {
	n := rapid.IntRange(1, 40).Draw(t, "n")
	g := graph.New("g", "")
	for _, i := range rapid.Permutation(seq(n)).Draw(t, "perm") {
		_ = g.AddNode(graph.Node{ID: fmt.Sprint("n", i)})
	}
	for k := range rapid.IntRange(0, 2*n).Draw(t, "m") {
		a, b := rapid.IntRange(0, n-1).Draw(t, "a"), rapid.IntRange(0, n-1).Draw(t, "b")
		if dag && a >= b {
			continue
		}
		_ = g.AddEdge(graph.Edge{ID: fmt.Sprint("e", k), From: fmt.Sprint("n", a), To: fmt.Sprint("n", b)})
	}
	return g
}

func seq(n int) []int {
	s := make([]int, n)
	for i := range s {
		s[i] = i
	}
	return s
}

// TestEveryLayoutIsSaneAndDeterministic: for every algorithm and random
// graphs (cycles, self-loops and parallel edges included), positions are
// finite, no two nodes share a spot, and the same seed repeats exactly.
func TestEveryLayoutIsSaneAndDeterministic(t *testing.T) {
	for _, a := range Algorithms() {
		t.Run(string(a), func(t *testing.T) {
			rapid.Check(t, func(t *rapid.T) {
				g := randomGraph(t, false)
				seed := rapid.Uint64().Draw(t, "seed")
				first := runAlgo(t, a, g, WithSeed(seed))
				checkSane(t, first)
				if again := runAlgo(t, a, g, WithSeed(seed)); !slices.Equal(first, again) {
					t.Fatalf("same seed, different result")
				}
			})
		})
	}
}

func runAlgo(t *rapid.T, a Algorithm, g *graph.Graph, opts ...Option) []graph.Point {
	l, err := New(a, g, opts...)
	if err != nil {
		t.Fatal(err)
	}
	return Run(l, 0)
}

func checkSane(t interface{ Fatalf(string, ...any) }, pos []graph.Point) {
	seen := map[graph.Point]int{}
	for i, p := range pos {
		if !p.Finite() {
			t.Fatalf("node %d at %v", i, p)
		}
		if j, dup := seen[p]; dup {
			t.Fatalf("nodes %d and %d both at %v", j, i, p)
		}
		seen[p] = i
	}
}

func TestLayeredEdgesPointDownOrRight(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		g := randomGraph(t, true)
		down := NewLayered(g).Positions()
		right := NewLayered(g, WithDirection(LeftRight)).Positions()
		for _, e := range g.Edges {
			f, to := g.NodeIndex(e.From), g.NodeIndex(e.To)
			if down[to].Y <= down[f].Y || right[to].X <= right[f].X {
				t.Fatalf("edge %s→%s: top-down %v→%v, left-right %v→%v", e.From, e.To, down[f], down[to], right[f], right[to])
			}
		}
	})
}

func TestLayeredKnownCrossings(t *testing.T) {
	cases := []struct {
		name  string
		edges []string
		want  int
	}{
		{"crossed pair", []string{"a>d", "b>c", "a>x", "b>y"}, 0},
		{"K2,2", []string{"a>c", "a>d", "b>c", "b>d"}, 1},
		{"K3,3", []string{"a>x", "a>y", "a>z", "b>x", "b>y", "b>z", "c>x", "c>y", "c>z"}, 9},
		{"long edge around a fork", []string{"s>a", "s>b", "s>c", "a>j", "b>b2", "b2>j", "c>j", "b>t", "j>t"}, 0},
		{"cycle", []string{"a>b", "b>c", "c>a", "c>d"}, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			l := NewLayered(edges(t, c.edges...))
			if got := l.Crossings(); got != c.want {
				t.Fatalf("%d crossings, want %d", got, c.want)
			}
		})
	}
}

func edges(t testing.TB, specs ...string) *graph.Graph {
	g := graph.New("g", "")
	for k, s := range specs {
		from, to := s[:1], s[2:]
		for _, id := range []string{from, to} {
			if !g.HasNode(id) {
				_ = g.AddNode(graph.Node{ID: id})
			}
		}
		if err := g.AddEdge(graph.Edge{ID: fmt.Sprint(k), From: from, To: to}); err != nil {
			t.Fatal(err)
		}
	}
	return g
}

func TestLayeredBendsFollowLongEdges(t *testing.T) {
	g := edges(t, "a>b", "b>c", "c>d", "a>d", "d>a")
	l := NewLayered(g)
	bends, pos := l.Bends(), l.Positions()
	if len(bends[3]) != 2 || bends[0] != nil {
		t.Fatalf("bends %v: want two bends on a→d only", bends)
	}
	if !(bends[3][0].Y > pos[0].Y && bends[3][1].Y > bends[3][0].Y && pos[3].Y > bends[3][1].Y) {
		t.Fatalf("a→d bends %v do not run from a %v down to d %v", bends[3], pos[0], pos[3])
	}
	if back := bends[4]; len(back) != 2 || back[0].Y < back[1].Y {
		t.Fatalf("reversed edge d→a bends %v do not run upwards", back)
	}
}

func TestLayeredNeverMoreCrossingsThanInitialOrder(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		g := randomGraph(t, false)
		s := newSugiyama(g, newConfig(nil))
		s.breakCycles()
		s.assignLayers()
		s.addDummies()
		s.initialOrder()
		before := s.crossings(0, len(s.layers)-1)
		s.reduceCrossings()
		s.assignCoordinates()
		if after := CountCrossings(s.routes()); after > before || after != s.crossings(0, len(s.layers)-1) {
			t.Fatalf("crossings %d before ordering, %d after (internal count %d)", before, after, s.crossings(0, len(s.layers)-1))
		}
	})
}

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

func TestTidyMovesOnlyTheSelection(t *testing.T) {
	g := SampleWorkflow(20, 1)
	for i, n := range g.Nodes {
		_ = g.MoveNode(n.ID, graph.Point{X: float64(i * 13 % 7 * 50), Y: float64(i * 40)})
	}
	sel := []string{"s3", "s4", "s5", "s6", "s7"}
	pos, err := Tidy(g, sel, AlgoLayered)
	if err != nil {
		t.Fatal(err)
	}
	var before, after []graph.Point
	for i, n := range g.Nodes {
		if slices.Contains(sel, n.ID) {
			before, after = append(before, n.Pos), append(after, pos[i])
		} else if pos[i] != n.Pos {
			t.Fatalf("unselected %s moved from %v to %v", n.ID, n.Pos, pos[i])
		}
	}
	if c, d := centre(before), centre(after); dist(c, d) > 1e-9 {
		t.Fatalf("selection centred at %v, was %v", d, c)
	}
	checkSane(t, after)
}

func TestTidyRefusals(t *testing.T) {
	g := SampleWorkflow(5, 1)
	if _, err := Tidy(g, []string{"s1", "nope"}, AlgoGrid); !errors.Is(err, graph.ErrNotFound) {
		t.Fatalf("unknown node: %v", err)
	}
	if _, err := Tidy(g, []string{"s1"}, "spiral"); !errors.Is(err, ErrUnknownAlgorithm) {
		t.Fatalf("unknown algorithm: %v", err)
	}
}

func TestTweenEasesToTarget(t *testing.T) {
	from := []graph.Point{{X: 0}, {X: 10}}
	to := []graph.Point{{X: 100}, {X: 10}, {X: 5, Y: 5}}
	tw := NewTween(from, to, 4)
	if got := tw.Positions(); got[0] != from[0] || got[2] != to[2] {
		t.Fatalf("first frame %v", got)
	}
	var xs []float64
	for !tw.Step() {
		xs = append(xs, tw.Positions()[0].X)
	}
	if !slices.IsSorted(xs) || len(xs) != 3 || !slices.Equal(tw.Positions(), to) {
		t.Fatalf("frames %v, last %v", xs, tw.Positions())
	}
}
