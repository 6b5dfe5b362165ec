package change

import (
	"errors"
	"reflect"
	"testing"

	"github.com/cimviz/cimviz/graph"
)

// Inverses the property test does not reach: creation, and the undo of
// an undo.
func TestInverseTable(t *testing.T) {
	s, _ := Replay(withABC)
	cases := []struct {
		name  string
		state *State
		cmd   Command
		want  Command
		err   error
	}{
		{"create is undone by archive", nil, CreateGraph{Graph: "g"}, ArchiveGraph{Graph: "g"}, nil},
		{"import is undone by archive", nil, ImportGraph{Graph: "g"}, ArchiveGraph{Graph: "g"}, nil},
		{"restore of a node is undone by its removal", s,
			RestoreElements{Graph: "g", Nodes: []PlacedNode{{Node: graph.Node{ID: "x"}}}, Edges: []PlacedEdge{{Edge: graph.Edge{ID: "xa", From: "x", To: "a"}}}},
			RemoveNode{Graph: "g", Node: "x"}, nil},
		{"restore of an edge is undone by its removal", s,
			RestoreElements{Graph: "g", Edges: []PlacedEdge{{Edge: edgeCA}}}, RemoveEdge{Graph: "g", Edge: "ca"}, nil},
		{"restore of two nodes has no single inverse", s,
			RestoreElements{Graph: "g", Nodes: []PlacedNode{{Node: graph.Node{ID: "x"}}, {Node: graph.Node{ID: "y"}}}}, nil, ErrInvalid},
		{"edit of a missing graph", nil, MoveNode{Graph: "g", Node: "a"}, nil, ErrNotFound},
		{"move of a missing node", s, MoveNode{Graph: "g", Node: "z"}, nil, ErrNotFound},
		{"unknown command", s, nil, nil, ErrInvalid},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := Inverse(c.state, c.cmd)
			if c.err != nil {
				if !errors.Is(err, c.err) {
					t.Fatalf("err = %v, want %v", err, c.err)
				}
				return
			}
			if err != nil || !reflect.DeepEqual(got, c.want) {
				t.Fatalf("inverse = %#v, %v; want %#v", got, err, c.want)
			}
		})
	}
}
