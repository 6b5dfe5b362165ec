package layout

import (
	"errors"
	"fmt"
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

func TestEmptyAndSingleNodeGraphs(t *testing.T) {
	one := graph.New("one", "")
	_ = one.AddNode(graph.Node{ID: "a", Pos: graph.Point{X: 3, Y: 4}})
	_ = one.AddEdge(graph.Edge{ID: "loop", From: "a", To: "a"})
	for _, a := range Algorithms() {
		for _, g := range []*graph.Graph{graph.New("empty", ""), one} {
			l, err := New(a, g)
			if err != nil {
				t.Fatal(err)
			}
			if pos := Run(l, 0); len(pos) != g.NodeCount() {
				t.Fatalf("%s on %s: %d positions", a, g.ID, len(pos))
			}
		}
		if pos, err := Tidy(one, nil, a); err != nil || pos[0] != (graph.Point{X: 3, Y: 4}) {
			t.Fatalf("%s: tidy of nothing moved a to %v (%v)", a, pos, err)
		}
	}
}
