package change

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/cimviz/cimviz/graph"
)

// snapshot is the state as a user sees it: the graph (nodes and edges in
// order) and the archive flag, as JSON.
func snapshot(t interface {
	Helper()
	Fatal(...any)
}, s *State) string {
	t.Helper()
	if !s.Exists() {
		return "<none>"
	}
	b, err := json.Marshal(struct {
		Graph    *graph.Graph
		Archived bool
	}{s.Graph, s.Archived})
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func ids(g *graph.Graph) (nodes, edges []string) {
	for _, n := range g.Nodes {
		nodes = append(nodes, n.ID)
	}
	for _, e := range g.Edges {
		edges = append(edges, e.ID)
	}
	return nodes, edges
}

func TestApplyBuildsTheGraph(t *testing.T) {
	s, err := Replay(given(withABC, []Event{
		NodeMoved{Node: "a", Pos: graph.Point{X: 7}},
		SubgraphLinked{Node: "b", Ref: "g"},
		NodeUpdated{Node: "b", Label: "B"},
		EdgesRemoved{Edges: []string{"ab"}},
		GraphRenamed{Name: "Renamed"},
	}))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := s.Graph.Node("b")
	a, _ := s.Graph.Node("a")
	nodes, edges := ids(s.Graph)
	switch {
	case s.Version != 11:
		t.Errorf("version = %d, want 11", s.Version)
	case s.Graph.Name != "Renamed":
		t.Errorf("name = %q", s.Graph.Name)
	case a.Pos != graph.Point{X: 7}:
		t.Errorf("a at %v", a.Pos)
	case b.Ref != "g" || b.Label != "B" || b.Kind != "" || b.Pos != nodeB.Pos:
		t.Errorf("b = %+v: update must keep position and link", b)
	case len(nodes) != 3 || len(edges) != 1 || edges[0] != "bc":
		t.Errorf("nodes %v edges %v", nodes, edges)
	}
}

func TestRestoreKeepsOrder(t *testing.T) {
	s, _ := Replay(given(withABC, []Event{EdgeAdded{Edge: edgeCA}}))
	before := snapshot(t, s)
	undo, err := Inverse(s, RemoveNode{Graph: "g", Node: "a"})
	if err != nil {
		t.Fatal(err)
	}
	s = mustRun(t, s, RemoveNode{Graph: "g", Node: "a"})
	if nodes, edges := ids(s.Graph); len(nodes) != 2 || len(edges) != 1 {
		t.Fatalf("after remove: nodes %v edges %v", nodes, edges)
	}
	s = mustRun(t, s, undo)
	if after := snapshot(t, s); after != before {
		t.Fatalf("undo of remove:\n got %s\nwant %s", after, before)
	}
}

func mustRun(t *testing.T, s *State, c Command) *State {
	t.Helper()
	events, err := Decide(s, c, knownOther)
	if err != nil {
		t.Fatalf("%s: %v", c.CommandType(), err)
	}
	for _, e := range events {
		if s, err = Apply(s, e); err != nil {
			t.Fatalf("apply %s: %v", e.EventType(), err)
		}
	}
	return s
}

func TestApplyRefusesEventsThatDoNotFit(t *testing.T) {
	cases := []struct {
		name   string
		events []Event
	}{
		{"edit before create", []Event{NodeAdded{Node: nodeA}}},
		{"created twice", []Event{created, created}},
		{"node removed with its edges", given(withABC, []Event{NodeRemoved{Node: "a"}})},
		{"missing edge removed", given(withABC, []Event{EdgesRemoved{Edges: []string{"ab", "zz"}}})},
		{"dangling edge", []Event{created, EdgeAdded{Edge: edgeAB}}},
		{"restored duplicate", given(withABC, []Event{ElementsRestored{Nodes: []PlacedNode{{Node: nodeA}}}})},
		{"layout of missing node", given(withABC, []Event{LayoutApplied{Positions: map[string]graph.Point{"z": {}}}})},
		{"bad import", []Event{GraphImported{Graph: "g", Edges: []graph.Edge{edgeAB}}}},
		{"unlink missing node", given(withABC, []Event{SubgraphUnlinked{Node: "z"}})},
		{"nil event", []Event{created, nil}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if _, err := Replay(c.events); !errors.Is(err, ErrCorrupt) {
				t.Fatalf("err = %v, want ErrCorrupt", err)
			}
		})
	}
}

func TestFailedApplyLeavesState(t *testing.T) {
	s, _ := Replay(withABC)
	before := snapshot(t, s)
	bad := []Event{
		EdgesRemoved{Edges: []string{"ab", "zz"}},
		ElementsRestored{Nodes: []PlacedNode{{Node: graph.Node{ID: "x"}}}, Edges: []PlacedEdge{{Edge: graph.Edge{ID: "xz", From: "x", To: "z"}}}},
		NodeRemoved{Node: "b"},
	}
	for _, e := range bad {
		if _, err := Apply(s, e); err == nil {
			t.Fatalf("%s applied", e.EventType())
		}
		if after := snapshot(t, s); after != before || s.Version != uint64(len(withABC)) {
			t.Fatalf("%s changed the state", e.EventType())
		}
	}
}
