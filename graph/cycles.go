package graph

import (
	"slices"

	gonum "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/topo"
)

// Cycles returns one shortest cycle through the first node of every
// strongly connected component that has a cycle (a self-loop makes a
// one-node component cyclic). A graph has a cycle exactly when this is not
// empty; the answer is at most one cycle per component, so it stays small
// where [AllCycles] may not.
func Cycles(g *Graph) [][]string {
	succ := successors(g)
	comp := make([]int, len(g.Nodes))
	var out [][]string
	for k, members := range StronglyConnected(g) {
		for _, id := range members {
			comp[g.NodeIndex(id)] = k
		}
		if c := shortestCycle(succ, comp, g.NodeIndex(members[0]), k); c != nil {
			out = append(out, idsOf(g, c))
		}
	}
	return out
}

// shortestCycle searches breadth first, within component k, for the
// shortest way from start back to itself.
func shortestCycle(succ [][]int, comp []int, start, k int) []int {
	parent := map[int]int{}
	queue := []int{start}
	for len(queue) > 0 {
		v := queue[0]
		queue = queue[1:]
		for _, w := range succ[v] {
			if w == start {
				return unwind(parent, start, v)
			}
			if _, seen := parent[w]; !seen && comp[w] == k {
				parent[w] = v
				queue = append(queue, w)
			}
		}
	}
	return nil
}

func unwind(parent map[int]int, start, last int) []int {
	path := []int{last}
	for v := last; v != start; {
		v = parent[v]
		path = append(path, v)
	}
	slices.Reverse(path)
	return path
}

// AllCycles returns every elementary cycle (Johnson's algorithm, via
// gonum), each starting at its earliest node, sorted. The number of cycles
// can grow exponentially with the graph: use [Cycles] when one per
// component is enough.
func AllCycles(g *Graph) [][]string {
	var idx [][]int
	for _, c := range topo.DirectedCyclesIn(gonumDirected(g)) {
		idx = append(idx, rotateToMin(nodeIndexes(c[:len(c)-1])))
	}
	for _, e := range g.Edges {
		if e.From == e.To && !slices.ContainsFunc(idx, func(c []int) bool { return len(c) == 1 && c[0] == g.NodeIndex(e.From) }) {
			idx = append(idx, []int{g.NodeIndex(e.From)})
		}
	}
	slices.SortFunc(idx, slices.Compare)
	out := make([][]string, len(idx))
	for k, c := range idx {
		out[k] = idsOf(g, c)
	}
	return out
}

func nodeIndexes(ns []gonum.Node) []int {
	out := make([]int, len(ns))
	for k, n := range ns {
		out[k] = int(n.ID())
	}
	return out
}

func rotateToMin(c []int) []int {
	m := slices.Index(c, slices.Min(c))
	return append(c[m:], c[:m]...)
}
