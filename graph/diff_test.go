package graph

import "testing"

func TestDiffNamesTheFirstDifference(t *testing.T) {
	base := func() *Graph {
		g := New("g", "")
		_ = g.AddNode(Node{ID: "a", Label: "A", Props: map[string]string{"k": "v"}})
		_ = g.AddNode(Node{ID: "b", Pos: Point{X: 1}})
		_ = g.AddEdge(Edge{ID: "ab", From: "a", To: "b"})
		return g
	}
	if err := Diff(base(), base()); err != nil {
		t.Fatalf("equal graphs: %v", err)
	}
	cases := map[string]func(g *Graph){
		"moved":       func(g *Graph) { _ = g.MoveNode("b", Point{X: 2}) },
		"relabelled":  func(g *Graph) { g.Nodes[0].Label = "Z" },
		"property":    func(g *Graph) { g.Nodes[0].Props = map[string]string{"k": "w"} },
		"edge gone":   func(g *Graph) { _ = g.RemoveEdge("ab") },
		"node added":  func(g *Graph) { _ = g.AddNode(Node{ID: "c"}) },
		"edge labels": func(g *Graph) { g.Edges[0].Label = "x" },
	}
	for name, change := range cases {
		g := base()
		change(g)
		if Diff(base(), g) == nil {
			t.Errorf("%s: Diff found no difference", name)
		}
	}
}
