package graph

import (
	"errors"
	"fmt"
	"math"

	"gonum.org/v1/gonum/graph/path"
	"gonum.org/v1/gonum/graph/simple"
)

// ErrNoPath is returned when no path leads from one node to another.
var ErrNoPath = errors.New("no path")

func (g *Graph) index(id string) (int, error) {
	i := g.NodeIndex(id)
	if i < 0 {
		return -1, fmt.Errorf("%w: node %q", ErrNotFound, id)
	}
	return i, nil
}

// Reachable returns the nodes reachable from id along edges, id first,
// then breadth first in edge order.
func Reachable(g *Graph, id string) ([]string, error) {
	start, err := g.index(id)
	if err != nil {
		return nil, err
	}
	order, _ := bfs(successors(g), start, -1)
	return idsOf(g, order), nil
}

// bfs visits from start in breadth-first order until it reaches stop, and
// returns the visit order and each visited node's parent.
func bfs(succ [][]int, start, stop int) ([]int, map[int]int) {
	parent := map[int]int{start: start}
	order := []int{start}
	for k := 0; k < len(order) && order[k] != stop; k++ {
		for _, w := range succ[order[k]] {
			if _, seen := parent[w]; !seen {
				parent[w] = order[k]
				order = append(order, w)
			}
		}
	}
	return order, parent
}

// ShortestPath returns a path with the fewest edges from one node to
// another, both ends included; [ErrNoPath] when there is none.
func ShortestPath(g *Graph, from, to string) ([]string, error) {
	s, err := g.index(from)
	if err != nil {
		return nil, err
	}
	t, err := g.index(to)
	if err != nil {
		return nil, err
	}
	_, parent := bfs(successors(g), s, t)
	if _, ok := parent[t]; !ok {
		return nil, fmt.Errorf("%w: from %q to %q", ErrNoPath, from, to)
	}
	return idsOf(g, unwind(parent, s, t)), nil
}

// CheapestPath returns a path of least total weight from one node to
// another (Dijkstra's algorithm, via gonum) and its weight. Weights must
// not be negative or NaN ([ErrInvalid]); an edge weighing +Inf is never
// taken. Among parallel edges the lightest counts.
func CheapestPath(g *Graph, from, to string, weight func(Edge) float64) ([]string, float64, error) {
	s, err := g.index(from)
	if err != nil {
		return nil, 0, err
	}
	t, err := g.index(to)
	if err != nil {
		return nil, 0, err
	}
	wg, err := weighted(g, weight)
	if err != nil {
		return nil, 0, err
	}
	if s == t {
		return []string{from}, 0, nil
	}
	nodes, cost := path.DijkstraFromTo(simple.Node(s), simple.Node(t), wg)
	if len(nodes) == 0 {
		return nil, 0, fmt.Errorf("%w: from %q to %q", ErrNoPath, from, to)
	}
	return idsOf(g, nodeIndexes(nodes)), cost, nil
}

func weighted(g *Graph, weight func(Edge) float64) (*simple.WeightedDirectedGraph, error) {
	wg := simple.NewWeightedDirectedGraph(0, math.Inf(1))
	for i := range g.Nodes {
		wg.AddNode(simple.Node(i))
	}
	for _, e := range g.Edges {
		w := weight(e)
		if math.IsNaN(w) || w < 0 {
			return nil, fmt.Errorf("%w: edge %q weighs %v", ErrInvalid, e.ID, w)
		}
		f, t := int64(g.NodeIndex(e.From)), int64(g.NodeIndex(e.To))
		if old, ok := wg.Weight(f, t); f == t || math.IsInf(w, 1) || (ok && old <= w) {
			continue
		}
		wg.SetWeightedEdge(simple.WeightedEdge{F: simple.Node(f), T: simple.Node(t), W: w})
	}
	return wg, nil
}
