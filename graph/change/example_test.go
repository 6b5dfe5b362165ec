package change_test

import (
	"fmt"

	"github.com/cimviz/cimviz/graph"
	"github.com/cimviz/cimviz/graph/change"
)

// Removing a node removes its edges in the same append; the inverse,
// computed before, puts both back where they were.
func Example() {
	s, _ := change.Replay([]change.Event{
		change.GraphCreated{Graph: "flow"},
		change.NodeAdded{Node: graph.Node{ID: "a"}},
		change.NodeAdded{Node: graph.Node{ID: "b"}},
		change.EdgeAdded{Edge: graph.Edge{ID: "ab", From: "a", To: "b"}},
	})
	remove := change.RemoveNode{Graph: "flow", Node: "a"}
	undo, _ := change.Inverse(s, remove)
	events, _ := change.Decide(s, remove, nil)
	for _, e := range events {
		s, _ = change.Apply(s, e)
		fmt.Println(e.EventType())
	}
	fmt.Println("undo:", undo.CommandType(), "version", s.Version)

	_, err := change.Decide(s, change.AddEdge{Graph: "flow", Edge: graph.Edge{ID: "ba", From: "b", To: "a"}}, nil)
	fmt.Println(err)
	// Output:
	// edges_removed
	// node_removed
	// undo: restore_elements version 6
	// not found: edge "ba": node "a" in graph "flow"
}
