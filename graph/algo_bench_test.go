package graph

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// benchDAG has n nodes and 3n edges, each from a lower to a higher node.
func benchDAG(n int) *Graph {
	rng := rand.New(rand.NewPCG(1, 2))
	g := New("bench", "")
	for i := range n {
		_ = g.AddNode(Node{ID: fmt.Sprint(i)})
	}
	for k := range 3 * n {
		a, b := rng.IntN(n), rng.IntN(n)
		if a > b {
			a, b = b, a
		}
		if a != b {
			_ = g.AddEdge(Edge{ID: fmt.Sprint("e", k), From: fmt.Sprint(a), To: fmt.Sprint(b)})
		}
	}
	return g
}

func BenchmarkTopologicalOrder10k(b *testing.B) {
	g := benchDAG(10_000)
	for b.Loop() {
		_, _ = TopologicalOrder(g)
	}
}

func BenchmarkStronglyConnected10k(b *testing.B) {
	g := benchDAG(10_000)
	for b.Loop() {
		StronglyConnected(g)
	}
}

func BenchmarkShortestPath10k(b *testing.B) {
	g := benchDAG(10_000)
	for b.Loop() {
		_, _ = ShortestPath(g, "0", "9999")
	}
}

func BenchmarkCheapestPath10k(b *testing.B) {
	g := benchDAG(10_000)
	w := func(e Edge) float64 { return float64(len(e.ID)) }
	for b.Loop() {
		_, _, _ = CheapestPath(g, "0", "9999", w)
	}
}
