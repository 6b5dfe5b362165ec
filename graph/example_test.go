package graph_test

import (
	"fmt"

	"github.com/cimviz/cimviz/graph"
)

// A graph that contains itself, and one that contains its parent: the tree
// shows each repeat once, marked, instead of looping.
func ExampleLibrary_Tree() {
	a := graph.New("A", "")
	_ = a.AddNode(graph.Node{ID: "me", Ref: "A"})
	_ = a.AddNode(graph.Node{ID: "sub", Ref: "B"})
	b := graph.New("B", "")
	_ = b.AddNode(graph.Node{ID: "back", Ref: "A"})
	lib, _ := graph.NewLibrary(a, b)
	tree, _ := lib.Tree("A", 0)
	tree.Walk(func(t graph.TreeNode) bool {
		fmt.Printf("%*s%s (node %q) recursive=%v\n", 2*t.Depth, "", t.Graph, t.Node, t.Recursive)
		return true
	})
	// Output:
	// A (node "") recursive=false
	//   A (node "me") recursive=true
	//   B (node "sub") recursive=false
	//     A (node "back") recursive=true
}

func ExampleTopologicalOrder() {
	g := graph.New("g", "")
	for _, id := range []string{"ship", "pack", "pay"} {
		_ = g.AddNode(graph.Node{ID: id})
	}
	_ = g.AddEdge(graph.Edge{ID: "1", From: "pay", To: "pack"})
	_ = g.AddEdge(graph.Edge{ID: "2", From: "pack", To: "ship"})
	fmt.Println(graph.TopologicalOrder(g))
	_ = g.AddEdge(graph.Edge{ID: "3", From: "ship", To: "pay"})
	fmt.Println(graph.TopologicalOrder(g))
	// Output:
	// [pay pack ship] <nil>
	// [] cycle: pay → pack → ship → pay
}
