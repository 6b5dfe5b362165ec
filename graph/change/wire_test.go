package change

import (
	"encoding/json"
	"errors"
	"reflect"
	"slices"
	"testing"

	"github.com/cimviz/cimviz/graph"
)

// everyCommand holds one filled-in command of every type.
var everyCommand = []Command{
	CreateGraph{Graph: "g", Name: "n"}, RenameGraph{Graph: "g", Name: "m"},
	ArchiveGraph{Graph: "g"}, UnarchiveGraph{Graph: "g"},
	ImportGraph{Graph: "g", Name: "n", Nodes: []graph.Node{nodeA, nodeB}, Edges: []graph.Edge{edgeAB}},
	ReplaceGraph{Graph: "g", Name: "n", Nodes: []graph.Node{nodeB}, Edges: []graph.Edge{}},
	AddNode{Graph: "g", Node: nodeC}, UpdateNode{Graph: "g", Node: "a", Kind: "k", Label: "l", Props: map[string]string{"x": "y"}},
	MoveNode{Graph: "g", Node: "a", Pos: graph.Point{X: 1.5, Y: -2}}, RemoveNode{Graph: "g", Node: "a"},
	AddEdge{Graph: "g", Edge: edgeAB}, RemoveEdge{Graph: "g", Edge: "ab"},
	RestoreElements{Graph: "g", Nodes: []PlacedNode{{Node: nodeA, At: 3}}, Edges: []PlacedEdge{{Edge: edgeAB, At: 1}}},
	LinkSubgraph{Graph: "g", Node: "a", Ref: "other"}, UnlinkSubgraph{Graph: "g", Node: "a"},
	ApplyLayout{Graph: "g", Positions: map[string]graph.Point{"a": {X: 1}}},
}

// everyEvent holds one filled-in event of every type.
var everyEvent = []Event{
	created, GraphRenamed{Name: "m"}, GraphArchived{}, GraphUnarchived{},
	GraphImported{Graph: "g", Nodes: []graph.Node{nodeA}, Edges: []graph.Edge{}},
	NodeAdded{Node: nodeC}, NodeUpdated{Node: "a", Label: "l"}, NodeMoved{Node: "a", Pos: graph.Point{Y: 3}},
	NodeRemoved{Node: "a"}, EdgeAdded{Edge: edgeAB}, EdgesRemoved{Edges: []string{"ab", "bc"}},
	ElementsRestored{Edges: []PlacedEdge{{Edge: edgeAB, At: 2}}},
	SubgraphLinked{Node: "a", Ref: "g"}, SubgraphUnlinked{Node: "a"},
	LayoutApplied{Positions: map[string]graph.Point{"a": {X: 1}, "b": {X: 2}}},
}

func TestCommandsRoundTrip(t *testing.T) {
	var types []string
	for _, c := range everyCommand {
		types = append(types, c.CommandType())
		b, err := json.Marshal(c)
		if err != nil {
			t.Fatal(err)
		}
		got, err := DecodeCommand(c.CommandType(), b)
		if err != nil || !reflect.DeepEqual(got, c) {
			t.Errorf("%s: got %#v, %v; want %#v", c.CommandType(), got, err, c)
		}
	}
	slices.Sort(types)
	if !slices.Equal(types, CommandTypes()) {
		t.Errorf("tested %v, registered %v", types, CommandTypes())
	}
}

func TestEventsRoundTrip(t *testing.T) {
	var types []string
	for _, e := range everyEvent {
		types = append(types, e.EventType())
		b, err := json.Marshal(e)
		if err != nil {
			t.Fatal(err)
		}
		got, err := DecodeEvent(e.EventType(), b)
		if err != nil || !reflect.DeepEqual(got, e) {
			t.Errorf("%s: got %#v, %v; want %#v", e.EventType(), got, err, e)
		}
	}
	slices.Sort(types)
	if !slices.Equal(types, EventTypes()) {
		t.Errorf("tested %v, registered %v", types, EventTypes())
	}
}

func TestDecodeRefusesBadInput(t *testing.T) {
	cases := []struct {
		name string
		err  error
	}{
		{"unknown command", errOf(DecodeCommand("drop_table", []byte("{}")))},
		{"unknown event", errOf(DecodeEvent("table_dropped", nil))},
		{"command not JSON", errOf(DecodeCommand(TypeAddNode, []byte("{")))},
		{"event of wrong shape", errOf(DecodeEvent(TypeNodeMoved, []byte(`{"pos":"here"}`)))},
	}
	for _, c := range cases {
		if !errors.Is(c.err, ErrInvalid) {
			t.Errorf("%s: err = %v, want ErrInvalid", c.name, c.err)
		}
	}
}

func errOf[T any](_ T, err error) error { return err }

func TestPointersAreAccepted(t *testing.T) {
	s, _ := Replay(withABC)
	events, err := Decide(s, &MoveNode{Graph: "g", Node: "a", Pos: graph.Point{X: 4}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	moved := events[0].(NodeMoved)
	if _, err := Apply(s, &moved); err != nil {
		t.Fatal(err)
	}
	if a, _ := s.Graph.Node("a"); a.Pos.X != 4 {
		t.Fatalf("a at %v", a.Pos)
	}
}

// FuzzDecideWire feeds arbitrary payloads of every command type to a
// graph: decoding and deciding never panic, and whatever Decide accepts
// applies cleanly and survives the wire.
func FuzzDecideWire(f *testing.F) {
	for i, c := range everyCommand {
		b, _ := json.Marshal(c)
		f.Add(uint8(i), b)
	}
	f.Add(uint8(5), []byte(`{"graph":"g","node":{"id":"x","pos":{"x":1e400}}}`))
	f.Add(uint8(11), []byte(`{"graph":"g","nodes":[{"node":{"id":"q"},"at":-5}]}`))
	types := CommandTypes()
	f.Fuzz(func(t *testing.T, which uint8, payload []byte) {
		s, _ := Replay(withABC)
		cmd, err := DecodeCommand(types[int(which)%len(types)], payload)
		if err != nil {
			return
		}
		events, err := Decide(s, cmd, knownOther)
		if err != nil {
			return
		}
		for _, e := range events {
			b, err := json.Marshal(e)
			if err != nil {
				t.Fatalf("accepted %s does not encode: %v", e.EventType(), err)
			}
			back, err := DecodeEvent(e.EventType(), b)
			if err != nil {
				t.Fatal(err)
			}
			if s, err = Apply(s, back); err != nil {
				t.Fatalf("accepted %s does not apply: %v", e.EventType(), err)
			}
		}
	})
}
