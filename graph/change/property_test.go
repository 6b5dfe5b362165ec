package change

import (
	"encoding/json"
	"fmt"
	"testing"

	"pgregory.net/rapid"

	"github.com/cimviz/cimviz/graph"
)

// Small ID pools make collisions (duplicates, missing ends) common, so the
// generated sequences mix accepted commands with refusals.
var (
	nodeIDs = []string{"n0", "n1", "n2", "n3", "n4", "n5"}
	edgeIDs = []string{"e0", "e1", "e2", "e3", "e4", "e5", "e6", "e7"}
	refs    = []string{"g", "other", "ghost"}
)

func genPoint(t *rapid.T, label string) graph.Point {
	return graph.Point{X: float64(rapid.IntRange(-50, 50).Draw(t, label+"x")) / 4,
		Y: float64(rapid.IntRange(-50, 50).Draw(t, label+"y")) / 4}
}

func genNode(t *rapid.T) graph.Node {
	n := graph.Node{ID: rapid.SampledFrom(nodeIDs).Draw(t, "node"), Pos: genPoint(t, "pos"),
		Label: rapid.SampledFrom([]string{"", "A", "B"}).Draw(t, "label")}
	if rapid.Bool().Draw(t, "props") {
		n.Props = map[string]string{"k": rapid.StringN(0, 3, 3).Draw(t, "v")}
	}
	if rapid.IntRange(0, 4).Draw(t, "linked") == 0 {
		n.Ref = rapid.SampledFrom(refs).Draw(t, "ref")
	}
	return n
}

func genEdge(t *rapid.T, nodes []string) graph.Edge {
	return graph.Edge{ID: rapid.SampledFrom(edgeIDs).Draw(t, "edge"),
		From: pick(t, nodes, nodeIDs, "from"), To: pick(t, nodes, nodeIDs, "to")}
}

// pick draws an ID, mostly one that s holds (when it holds any).
func pick(t *rapid.T, held []string, pool []string, label string) string {
	if len(held) > 0 && rapid.IntRange(0, 3).Draw(t, label+"-held") > 0 {
		return rapid.SampledFrom(held).Draw(t, label)
	}
	return rapid.SampledFrom(pool).Draw(t, label)
}

// genCommand draws a command for graph "g", mostly about the elements s
// holds; it may well be refused.
func genCommand(t *rapid.T, s *State) Command {
	nodes, edges := ids(s.Graph)
	node := func() string { return pick(t, nodes, nodeIDs, "node") }
	if rapid.IntRange(0, 12).Draw(t, "graph-level") == 0 {
		return rapid.SampledFrom([]Command{ArchiveGraph{Graph: "g"}, UnarchiveGraph{Graph: "g"}, genImport(t)}).Draw(t, "cmd")
	}
	if s.Archived {
		return UnarchiveGraph{Graph: "g"}
	}
	kinds := []func() Command{
		func() Command { return RenameGraph{Graph: "g", Name: rapid.StringN(0, 4, 8).Draw(t, "name")} },
		func() Command { return AddNode{Graph: "g", Node: genNode(t)} },
		func() Command { return AddNode{Graph: "g", Node: genNode(t)} },
		func() Command { return UpdateNode{Graph: "g", Node: node(), Label: "u", Kind: "k"} },
		func() Command { return MoveNode{Graph: "g", Node: node(), Pos: genPoint(t, "to")} },
		func() Command { return RemoveNode{Graph: "g", Node: node()} },
		func() Command { return AddEdge{Graph: "g", Edge: genEdge(t, nodes)} },
		func() Command { return AddEdge{Graph: "g", Edge: genEdge(t, nodes)} },
		func() Command { return RemoveEdge{Graph: "g", Edge: pick(t, edges, edgeIDs, "edge")} },
		func() Command { return RemoveEdge{Graph: "g", Edge: pick(t, edges, edgeIDs, "edge")} },
		func() Command {
			return LinkSubgraph{Graph: "g", Node: node(), Ref: rapid.SampledFrom(refs).Draw(t, "ref")}
		},
		func() Command { return UnlinkSubgraph{Graph: "g", Node: node()} },
		func() Command {
			return ApplyLayout{Graph: "g", Positions: map[string]graph.Point{node(): genPoint(t, "a"), node(): genPoint(t, "b")}}
		},
	}
	return rapid.SampledFrom(kinds).Draw(t, "kind")()
}

// genImport draws a whole new content for graph "g".
func genImport(t *rapid.T) Command {
	c := ReplaceGraph{Graph: "g", Name: "imported"}
	for _, id := range nodeIDs[:rapid.IntRange(0, len(nodeIDs)).Draw(t, "nodes")] {
		c.Nodes = append(c.Nodes, graph.Node{ID: id, Pos: genPoint(t, id)})
	}
	for i := range rapid.IntRange(0, 3).Draw(t, "edges") {
		if len(c.Nodes) > 0 {
			c.Edges = append(c.Edges, graph.Edge{ID: fmt.Sprint("i", i), From: c.Nodes[0].ID, To: c.Nodes[len(c.Nodes)-1].ID})
		}
	}
	return c
}

// step decides cmd; when accepted it applies the events and returns them.
func step(t *rapid.T, s *State, cmd Command) (*State, []Event, bool) {
	events, err := Decide(s, cmd, knownOther)
	if err != nil {
		return s, nil, false
	}
	for _, e := range events {
		if s, err = Apply(s, e); err != nil {
			t.Fatalf("accepted %s: event %s does not apply: %v", cmd.CommandType(), e.EventType(), err)
		}
	}
	return s, events, true
}

// wire sends events through JSON, as the event store does.
func wire(t *rapid.T, events []Event) []Event {
	out := make([]Event, len(events))
	for i, e := range events {
		b, err := json.Marshal(e)
		if err != nil {
			t.Fatal(err)
		}
		if out[i], err = DecodeEvent(e.EventType(), b); err != nil {
			t.Fatal(err)
		}
	}
	return out
}

// Replaying the stored events (through their wire form) rebuilds the
// graph the service built command by command, undos included.
func TestReplayRebuildsProjection(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s, log, _ := step(t, nil, CreateGraph{Graph: "g", Name: "start"})
		for range rapid.IntRange(1, 40).Draw(t, "steps") {
			cmd := genCommand(t, s)
			undo, invErr := Inverse(s, cmd)
			var events []Event
			var ok bool
			s, events, ok = step(t, s, cmd)
			log = append(log, events...)
			if ok && invErr == nil && rapid.Bool().Draw(t, "undo") {
				s, events, _ = step(t, s, undo)
				log = append(log, events...)
			}
		}
		replayed, err := Replay(wire(t, log))
		if err != nil {
			t.Fatal(err)
		}
		if got, want := snapshot(t, replayed), snapshot(t, s); got != want || replayed.Version != uint64(len(log)) {
			t.Fatalf("replay of %d events:\n got %s v%d\nwant %s", len(log), got, replayed.Version, want)
		}
	})
}

// Applying a command and then its inverse, computed before the command,
// restores the graph exactly (order of nodes and edges included).
func TestInverseRestores(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s, _, _ := step(t, nil, CreateGraph{Graph: "g", Name: "start"})
		for range rapid.IntRange(1, 40).Draw(t, "steps") {
			cmd := genCommand(t, s)
			before := s.Clone()
			undo, invErr := Inverse(s, cmd)
			var ok bool
			if s, _, ok = step(t, s, cmd); !ok {
				continue
			}
			if invErr != nil {
				t.Fatalf("%s accepted but has no inverse: %v", cmd.CommandType(), invErr)
			}
			undone, _, ok := step(t, s.Clone(), undo)
			if !ok {
				_, err := Decide(s, undo, knownOther)
				t.Fatalf("inverse %s of %s refused: %v", undo.CommandType(), cmd.CommandType(), err)
			}
			if got, want := snapshot(t, undone), snapshot(t, before); got != want {
				t.Fatalf("%s then %s:\n got %s\nwant %s", cmd.CommandType(), undo.CommandType(), got, want)
			}
		}
	})
}
