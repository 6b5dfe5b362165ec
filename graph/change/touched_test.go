package change

import (
	"slices"
	"testing"

	"github.com/cimviz/cimviz/graph"
)

func TestTouchedNamesWhatAnEventChanged(t *testing.T) {
	cases := []struct {
		ev           Event
		nodes, edges []string
	}{
		{NodeAdded{Node: graph.Node{ID: "a"}}, []string{"a"}, nil},
		{&NodeMoved{Node: "b"}, []string{"b"}, nil},
		{NodeUpdated{Node: "c"}, []string{"c"}, nil},
		{NodeRemoved{Node: "d"}, []string{"d"}, nil},
		{SubgraphLinked{Node: "e", Ref: "g2"}, []string{"e"}, nil},
		{EdgeAdded{Edge: graph.Edge{ID: "ab", From: "a", To: "b"}}, []string{"a", "b"}, []string{"ab"}},
		{EdgesRemoved{Edges: []string{"x", "y"}}, nil, []string{"x", "y"}},
		{LayoutApplied{Positions: map[string]graph.Point{"z": {}, "y": {}}}, []string{"y", "z"}, nil},
		{ElementsRestored{Nodes: []PlacedNode{{Node: graph.Node{ID: "n"}}}, Edges: []PlacedEdge{{Edge: graph.Edge{ID: "m"}}}}, []string{"n"}, []string{"m"}},
		{GraphRenamed{Name: "x"}, nil, nil},
	}
	for _, c := range cases {
		nodes, edges := Touched(c.ev)
		if !slices.Equal(nodes, c.nodes) || !slices.Equal(edges, c.edges) {
			t.Errorf("%T: got nodes %v edges %v, want %v %v", c.ev, nodes, edges, c.nodes, c.edges)
		}
	}
}
