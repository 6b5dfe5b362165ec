package graph

import (
	"errors"
	"slices"
	"strings"

	gonum "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/simple"
	"gonum.org/v1/gonum/graph/topo"
)

// ErrCycle is wrapped by the error of [TopologicalOrder] on a cyclic graph.
var ErrCycle = errors.New("cycle")

// CycleError names one cycle that prevents a topological order.
type CycleError struct {
	Cycle []string // node IDs along the cycle; the last has an edge to the first
}

func (e *CycleError) Error() string {
	return "cycle: " + strings.Join(append(slices.Clone(e.Cycle), e.Cycle[0]), " → ")
}

// Unwrap lets errors.Is(err, ErrCycle) hold.
func (e *CycleError) Unwrap() error { return ErrCycle }

// successors returns, per node index, the indexes its edges lead to, in
// edge order (parallel edges repeat, self-loops included).
func successors(g *Graph) [][]int {
	out := make([][]int, len(g.Nodes))
	for _, e := range g.Edges {
		i, j := g.NodeIndex(e.From), g.NodeIndex(e.To)
		out[i] = append(out[i], j)
	}
	return out
}

func idsOf(g *Graph, idx []int) []string {
	ids := make([]string, len(idx))
	for k, i := range idx {
		ids[k] = g.Nodes[i].ID
	}
	return ids
}

// TopologicalOrder returns the node IDs so that every edge goes from an
// earlier to a later node (Kahn's algorithm; sources are taken in node
// order, so the result is deterministic). On a cyclic graph it returns a
// [*CycleError] naming one cycle.
func TopologicalOrder(g *Graph) ([]string, error) {
	succ := successors(g)
	indeg := make([]int, len(g.Nodes))
	for _, s := range succ {
		for _, j := range s {
			indeg[j]++
		}
	}
	order := make([]int, 0, len(g.Nodes))
	for i, d := range indeg {
		if d == 0 {
			order = append(order, i)
		}
	}
	for k := 0; k < len(order); k++ {
		for _, j := range succ[order[k]] {
			if indeg[j]--; indeg[j] == 0 {
				order = append(order, j)
			}
		}
	}
	if len(order) < len(g.Nodes) {
		return nil, &CycleError{Cycle: idsOf(g, cycleAmong(g, indeg))}
	}
	return idsOf(g, order), nil
}

// cycleAmong finds a cycle among the nodes Kahn's algorithm left over
// (indeg > 0): each has a leftover predecessor, so walking predecessors
// must come back to a node already seen.
func cycleAmong(g *Graph, indeg []int) []int {
	pred := make([]int, len(g.Nodes))
	for _, e := range g.Edges {
		if i, j := g.NodeIndex(e.From), g.NodeIndex(e.To); indeg[i] > 0 && indeg[j] > 0 {
			pred[j] = i
		}
	}
	v := slices.IndexFunc(indeg, func(d int) bool { return d > 0 })
	seen := map[int]int{}
	var walk []int
	for ; ; v = pred[v] {
		if at, ok := seen[v]; ok {
			walk = walk[at:]
			break
		}
		seen[v] = len(walk)
		walk = append(walk, v)
	}
	slices.Reverse(walk)
	return walk
}

// gonumDirected mirrors g as a gonum graph whose node IDs are the node
// indexes. Self-loops are left out: gonum's simple graphs refuse them.
func gonumDirected(g *Graph) *simple.DirectedGraph {
	d := simple.NewDirectedGraph()
	for i := range g.Nodes {
		d.AddNode(simple.Node(i))
	}
	for _, e := range g.Edges {
		if e.From != e.To {
			d.SetEdge(simple.Edge{F: simple.Node(g.NodeIndex(e.From)), T: simple.Node(g.NodeIndex(e.To))})
		}
	}
	return d
}

// groups turns gonum node groups into ID groups, each in node order and
// the groups ordered by their first node.
func groups(g *Graph, in [][]gonum.Node) [][]string {
	idx := make([][]int, len(in))
	for k, grp := range in {
		for _, n := range grp {
			idx[k] = append(idx[k], int(n.ID()))
		}
		slices.Sort(idx[k])
	}
	slices.SortFunc(idx, func(a, b []int) int { return a[0] - b[0] })
	out := make([][]string, len(idx))
	for k, grp := range idx {
		out[k] = idsOf(g, grp)
	}
	return out
}

// StronglyConnected returns the strongly connected components (Tarjan's
// algorithm, via gonum), every node in exactly one.
func StronglyConnected(g *Graph) [][]string {
	return groups(g, topo.TarjanSCC(gonumDirected(g)))
}

// WeaklyConnected returns the components of g with edge directions
// ignored, every node in exactly one.
func WeaklyConnected(g *Graph) [][]string {
	u := simple.NewUndirectedGraph()
	for i := range g.Nodes {
		u.AddNode(simple.Node(i))
	}
	for _, e := range g.Edges {
		if e.From != e.To {
			u.SetEdge(simple.Edge{F: simple.Node(g.NodeIndex(e.From)), T: simple.Node(g.NodeIndex(e.To))})
		}
	}
	return groups(g, topo.ConnectedComponents(u))
}
