package ecs

import (
	"strconv"
	"testing"

	"github.com/cimviz/cimviz/graph"
	"pgregory.net/rapid"
)

// Loading a graph makes one entity per node and edge with its data: the
// hit test finds each node at its position, edges join the right nodes,
// subgraph links are kept; loading again replaces everything.
func TestLoadBuildsTheWorld(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		ed := NewEditor()
		for range rapid.IntRange(1, 2).Draw(rt, "loads") {
			g := genGraph(rt)
			ed.Load(g)
			if nodes, edges := len(ed.s.lookup.Nodes), len(ed.s.lookup.Edges); nodes != len(g.Nodes) || edges != len(g.Edges) || ed.s.index.Len() != nodes {
				rt.Fatalf("%d node and %d edge entities, %d indexed, for %d nodes and %d edges", nodes, edges, ed.s.index.Len(), len(g.Nodes), len(g.Edges))
			}
			for _, n := range g.Nodes {
				v, ok := ed.Node(n.ID)
				hit, found := ed.s.index.At(n.Pos)
				if !ok || v.Kind != n.Kind || v.Label != n.Label || v.Pos != n.Pos || v.Ref != n.Ref || v.Size != NodeSize(n.Kind, n.Label) ||
					!found || ed.s.m.node.Get(hit).ID != n.ID {
					rt.Fatalf("node %+v: view %+v (hit %v)", n, v, found)
				}
			}
			for _, e := range g.Edges {
				d := ed.s.m.edge.Get(ed.s.lookup.Edges[e.ID])
				if ed.s.m.node.Get(d.From).ID != e.From || ed.s.m.node.Get(d.To).ID != e.To || d.Label != e.Label {
					rt.Fatalf("edge %+v: %+v", e, d)
				}
			}
		}
	})
}

func genGraph(rt *rapid.T) *graph.Graph {
	g := graph.New("g", "g")
	n := rapid.IntRange(0, 40).Draw(rt, "nodes")
	for i := range n {
		_ = g.AddNode(graph.Node{ID: "n" + strconv.Itoa(i), Kind: rapid.SampledFrom([]string{"", "start", "decision", "fork"}).Draw(rt, "kind"),
			Label: rapid.StringN(0, 12, -1).Draw(rt, "label"), Ref: rapid.SampledFrom([]string{"", "", "sub"}).Draw(rt, "ref"),
			Pos: graph.Point{X: float64(i%7) * 300, Y: float64(i/7) * 200}})
	}
	for i := range rapid.IntRange(0, 2*n).Draw(rt, "edges") {
		_ = g.AddEdge(graph.Edge{ID: "e" + strconv.Itoa(i), From: "n" + strconv.Itoa(rapid.IntRange(0, n-1).Draw(rt, "from")),
			To: "n" + strconv.Itoa(rapid.IntRange(0, n-1).Draw(rt, "to")), Label: rapid.StringN(0, 5, -1).Draw(rt, "elabel")})
	}
	return g
}
