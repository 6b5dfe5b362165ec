package graphdomain_test

import (
	"fmt"
	"testing"

	"github.com/cimviz/cimviz/graph"
	"github.com/cimviz/cimviz/graph/change"
)

// One command's round trip through NATS, the harness, the aggregate and
// the JetStream store: a node moved on a 1000-node graph.
func BenchmarkMoveOverNATS(b *testing.B) {
	r := start(b)
	nodes := make([]graph.Node, 1000)
	for i := range nodes {
		nodes[i] = graph.Node{ID: fmt.Sprint("n", i)}
	}
	r.must(change.ImportGraph{Graph: "g", Nodes: nodes})
	for i := 0; b.Loop(); i++ {
		r.must(change.MoveNode{Graph: "g", Node: "n500", Pos: graph.Point{X: float64(i)}})
	}
}

// The get query of a 1000-node graph.
func BenchmarkGetOverNATS(b *testing.B) {
	r := start(b)
	nodes := make([]graph.Node, 1000)
	for i := range nodes {
		nodes[i] = graph.Node{ID: fmt.Sprint("n", i), Label: "step"}
	}
	r.must(change.ImportGraph{Graph: "g", Nodes: nodes})
	for b.Loop() {
		var v struct{}
		if err := r.query("get", "g", nil, &v); err != nil {
			b.Fatal(err)
		}
	}
}
