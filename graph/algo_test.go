package graph

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"pgregory.net/rapid"
)

// build makes a graph from "a>b" edge specs; nodes appear in first-seen
// order, a lone "x" adds a node without edges.
func build(t tb, specs ...string) *Graph {
	t.Helper()
	g := New("g", "")
	for k, s := range specs {
		from, to, isEdge := strings.Cut(s, ">")
		for _, id := range []string{from, to} {
			if id != "" && !g.HasNode(id) {
				must(t, g.AddNode(Node{ID: id}))
			}
		}
		if isEdge {
			must(t, g.AddEdge(Edge{ID: fmt.Sprint("e", k), From: from, To: to}))
		}
	}
	return g
}

func TestTopologicalOrder(t *testing.T) {
	cases := []struct {
		name  string
		specs []string
		want  []string
		cycle []string
	}{
		{"chain", []string{"a>b", "b>c"}, []string{"a", "b", "c"}, nil},
		{"diamond", []string{"a>b", "a>c", "b>d", "c>d"}, []string{"a", "b", "c", "d"}, nil},
		{"reversed insertion", []string{"c", "b>c", "a>b"}, []string{"a", "b", "c"}, nil},
		{"isolated first", []string{"x", "a>b"}, []string{"x", "a"}[:2], nil},
		{"triangle", []string{"s>a", "a>b", "b>c", "c>a"}, nil, []string{"a", "b", "c"}},
		{"self-loop", []string{"a>b", "b>b"}, nil, []string{"b"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := TopologicalOrder(build(t, c.specs...))
			var ce *CycleError
			switch {
			case c.cycle != nil:
				if !errors.As(err, &ce) || !errors.Is(err, ErrCycle) || !sameCycle(ce.Cycle, c.cycle) {
					t.Fatalf("got %v, %v; want cycle %v", got, err, c.cycle)
				}
			case err != nil || !slices.Equal(got[:len(c.want)], c.want):
				t.Fatalf("got %v, %v; want %v", got, err, c.want)
			}
		})
	}
}

// sameCycle compares cycles up to rotation.
func sameCycle(a, b []string) bool {
	if len(a) != len(b) || len(a) == 0 {
		return false
	}
	i := slices.Index(a, b[0])
	return i >= 0 && slices.Equal(append(slices.Clone(a[i:]), a[:i]...), b)
}

func TestComponents(t *testing.T) {
	g := build(t, "a>b", "b>a", "b>c", "c>d", "d>c", "e", "f>f")
	if got := fmt.Sprint(StronglyConnected(g)); got != "[[a b] [c d] [e] [f]]" {
		t.Fatalf("strongly connected %s", got)
	}
	if got := fmt.Sprint(WeaklyConnected(g)); got != "[[a b c d] [e] [f]]" {
		t.Fatalf("weakly connected %s", got)
	}
	if got := fmt.Sprint(Cycles(g)); got != "[[a b] [c d] [f]]" {
		t.Fatalf("cycles %s", got)
	}
}

func TestAllCycles(t *testing.T) {
	// a→b→c→a with chord b→a and self-loop on c: cycles ab, abc, c.
	g := build(t, "a>b", "b>c", "c>a", "b>a", "c>c")
	if got := fmt.Sprint(AllCycles(g)); got != "[[a b] [a b c] [c]]" {
		t.Fatalf("all cycles %s", got)
	}
	if got := AllCycles(build(t, "a>b", "b>c")); len(got) != 0 {
		t.Fatalf("DAG has cycles %v", got)
	}
}

func TestPaths(t *testing.T) {
	g := build(t, "a>b", "b>c", "c>d", "a>d", "x")
	if got, _ := Reachable(g, "b"); !slices.Equal(got, []string{"b", "c", "d"}) {
		t.Fatalf("reachable from b: %v", got)
	}
	if got, _ := ShortestPath(g, "a", "d"); !slices.Equal(got, []string{"a", "d"}) {
		t.Fatalf("shortest a→d: %v", got)
	}
	cost := func(e Edge) float64 { return map[string]float64{"e3": 10}[e.ID] + 1 }
	got, w, err := CheapestPath(g, "a", "d", cost)
	if err != nil || w != 3 || !slices.Equal(got, []string{"a", "b", "c", "d"}) {
		t.Fatalf("cheapest a→d: %v %v %v", got, w, err)
	}
	if _, err := ShortestPath(g, "d", "a"); !errors.Is(err, ErrNoPath) {
		t.Fatalf("d→a: %v", err)
	}
	if _, _, err := CheapestPath(g, "a", "x", cost); !errors.Is(err, ErrNoPath) {
		t.Fatalf("a→x: %v", err)
	}
	if _, err := Reachable(g, "zz"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("reachable from zz: %v", err)
	}
	for _, bad := range []float64{-1, math.NaN()} {
		if _, _, err := CheapestPath(g, "a", "d", func(Edge) float64 { return bad }); !errors.Is(err, ErrInvalid) {
			t.Fatalf("weight %v: %v", bad, err)
		}
	}
}

// randomGraph draws a graph on up to 12 nodes; dag keeps every edge going
// from an earlier-drawn rank to a later one, with nodes added shuffled.
func randomGraph(t *rapid.T, dag bool) *Graph {
	n := rapid.IntRange(1, 12).Draw(t, "n")
	perm := rapid.Permutation(seq(n)).Draw(t, "perm")
	g := New("g", "")
	for _, i := range perm {
		must(t, g.AddNode(Node{ID: fmt.Sprint("n", i)}))
	}
	for k := range rapid.IntRange(0, 3*n).Draw(t, "m") {
		a, b := rapid.IntRange(0, n-1).Draw(t, "a"), rapid.IntRange(0, n-1).Draw(t, "b")
		if dag && a >= b {
			continue
		}
		must(t, g.AddEdge(Edge{ID: fmt.Sprint("e", k), From: fmt.Sprint("n", a), To: fmt.Sprint("n", b)}))
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

func TestTopologicalOrderRespectsEveryEdge(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		g := randomGraph(t, true)
		order, err := TopologicalOrder(g)
		if err != nil || len(order) != g.NodeCount() {
			t.Fatalf("DAG: %v, %v", order, err)
		}
		for _, e := range g.Edges {
			if slices.Index(order, e.From) >= slices.Index(order, e.To) {
				t.Fatalf("edge %s→%s against order %v", e.From, e.To, order)
			}
		}
	})
}

func TestCycleReportsAreRealCycles(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		g := randomGraph(t, false)
		_, err := TopologicalOrder(g)
		var ce *CycleError
		if errors.As(err, &ce) {
			checkCycle(t, g, ce.Cycle)
		}
		cycles := Cycles(g)
		if (err == nil) != (len(cycles) == 0) {
			t.Fatalf("topological error %v but cycles %v", err, cycles)
		}
		for _, c := range append(cycles, AllCycles(g)...) {
			checkCycle(t, g, c)
		}
	})
}

func checkCycle(t *rapid.T, g *Graph, c []string) {
	for k, id := range c {
		next := c[(k+1)%len(c)]
		if !slices.ContainsFunc(g.Edges, func(e Edge) bool { return e.From == id && e.To == next }) {
			t.Fatalf("cycle %v: no edge %s→%s", c, id, next)
		}
	}
}

func TestComponentsPartitionAndReach(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		g := randomGraph(t, false)
		for _, parts := range [][][]string{StronglyConnected(g), WeaklyConnected(g)} {
			if got := slices.Sorted(slices.Values(slices.Concat(parts...))); !slices.Equal(got, slices.Sorted(slices.Values(nodeIDs(g)))) {
				t.Fatalf("components %v do not partition the nodes", parts)
			}
		}
		for _, scc := range StronglyConnected(g) {
			reach, _ := Reachable(g, scc[0])
			for _, id := range scc {
				back, _ := Reachable(g, id)
				if !slices.Contains(reach, id) || !slices.Contains(back, scc[0]) {
					t.Fatalf("%s and %s in one SCC but not mutually reachable", scc[0], id)
				}
			}
		}
	})
}

// TestCheapestMatchesRelaxation: Dijkstra's weight equals what repeated
// edge relaxation (Bellman-Ford) finds, and BFS paths are as short as
// unit-weight cheapest paths.
func TestCheapestMatchesRelaxation(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		g := randomGraph(t, false)
		w := map[string]float64{}
		for _, e := range g.Edges {
			w[e.ID] = float64(rapid.IntRange(0, 9).Draw(t, "w"))
		}
		from, to := g.Nodes[0].ID, g.Nodes[len(g.Nodes)-1].ID
		want := relax(g, from, w)[to]
		path, got, err := CheapestPath(g, from, to, func(e Edge) float64 { return w[e.ID] })
		if math.IsInf(want, 1) != errors.Is(err, ErrNoPath) || (err == nil && got != want) {
			t.Fatalf("cheapest %v %v %v, relaxation says %v", path, got, err, want)
		}
		short, err := ShortestPath(g, from, to)
		unit, _, _ := CheapestPath(g, from, to, func(Edge) float64 { return 1 })
		if err == nil && len(short) != len(unit) {
			t.Fatalf("BFS path %v longer than unit-weight path %v", short, unit)
		}
	})
}

func relax(g *Graph, from string, w map[string]float64) map[string]float64 {
	dist := map[string]float64{}
	for _, n := range g.Nodes {
		dist[n.ID] = math.Inf(1)
	}
	dist[from] = 0
	for range g.Nodes {
		for _, e := range g.Edges {
			dist[e.To] = min(dist[e.To], dist[e.From]+w[e.ID])
		}
	}
	return dist
}
