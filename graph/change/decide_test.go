package change

import (
	"errors"
	"math"
	"reflect"
	"testing"

	"github.com/cimviz/cimviz/graph"
)

// knownOther is the world the tests run in: besides the graph under test,
// only the graph "other" exists.
func knownOther(id string) bool { return id == "other" }

var (
	created = GraphCreated{Graph: "g", Name: "Flow"}
	nodeA   = graph.Node{ID: "a", Label: "A", Pos: graph.Point{X: 1, Y: 2}}
	nodeB   = graph.Node{ID: "b", Kind: "step", Pos: graph.Point{X: 3, Y: 4}}
	nodeC   = graph.Node{ID: "c", Ref: "other"}
	edgeAB  = graph.Edge{ID: "ab", From: "a", To: "b"}
	edgeBC  = graph.Edge{ID: "bc", From: "b", To: "c"}
	edgeCA  = graph.Edge{ID: "ca", From: "c", To: "a"}
	withABC = []Event{created, NodeAdded{Node: nodeA}, NodeAdded{Node: nodeB}, NodeAdded{Node: nodeC},
		EdgeAdded{Edge: edgeAB}, EdgeAdded{Edge: edgeBC}}
	archived = []Event{created, NodeAdded{Node: nodeA}, GraphArchived{}}
	nan      = graph.Point{X: math.NaN()}
)

type scenario struct {
	name  string
	given []Event
	when  Command
	then  []Event
	err   error
}

func given(events ...[]Event) []Event {
	var all []Event
	for _, e := range events {
		all = append(all, e...)
	}
	return all
}

var graphScenarios = []scenario{
	{"create", nil, CreateGraph{Graph: "g", Name: "Flow"}, []Event{created}, nil},
	{"create twice", []Event{created}, CreateGraph{Graph: "g"}, nil, ErrDuplicate},
	{"create archived", archived, CreateGraph{Graph: "g"}, nil, ErrDuplicate},
	{"create with dotted id", nil, CreateGraph{Graph: "a.b"}, nil, ErrInvalid},
	{"create with wildcard id", nil, CreateGraph{Graph: "a*"}, nil, ErrInvalid},
	{"create with empty id", nil, CreateGraph{}, nil, ErrInvalid},
	{"create with control character", nil, CreateGraph{Graph: "a\x00b"}, nil, ErrInvalid},
	{"create with bad UTF-8", nil, CreateGraph{Graph: "a\xffb"}, nil, ErrInvalid},
	{"rename", []Event{created}, RenameGraph{Graph: "g", Name: "New"}, []Event{GraphRenamed{Name: "New"}}, nil},
	{"rename missing graph", nil, RenameGraph{Graph: "g", Name: "x"}, nil, ErrNotFound},
	{"rename archived", archived, RenameGraph{Graph: "g", Name: "x"}, nil, ErrArchived},
	{"command for another graph", []Event{created}, RenameGraph{Graph: "h"}, nil, ErrInvalid},
	{"archive", []Event{created}, ArchiveGraph{Graph: "g"}, []Event{GraphArchived{}}, nil},
	{"archive archived", archived, ArchiveGraph{Graph: "g"}, nil, ErrArchived},
	{"unarchive", archived, UnarchiveGraph{Graph: "g"}, []Event{GraphUnarchived{}}, nil},
	{"unarchive live graph", []Event{created}, UnarchiveGraph{Graph: "g"}, nil, ErrInvalid},
	{"import new", nil, ImportGraph{Graph: "g", Nodes: []graph.Node{nodeA, nodeB}, Edges: []graph.Edge{edgeAB}},
		[]Event{GraphImported{Graph: "g", Nodes: []graph.Node{nodeA, nodeB}, Edges: []graph.Edge{edgeAB}}}, nil},
	{"import over existing graph", withABC, ImportGraph{Graph: "g", Name: "N", Nodes: []graph.Node{nodeA}}, nil, ErrDuplicate},
	{"replace content", withABC, ReplaceGraph{Graph: "g", Name: "N", Nodes: []graph.Node{nodeA}},
		[]Event{GraphImported{Graph: "g", Name: "N", Nodes: []graph.Node{nodeA}}}, nil},
	{"replace missing graph", nil, ReplaceGraph{Graph: "g"}, nil, ErrNotFound},
	{"replace in archived", archived, ReplaceGraph{Graph: "g"}, nil, ErrArchived},
	{"replace with dangling edge", withABC, ReplaceGraph{Graph: "g", Edges: []graph.Edge{edgeAB}}, nil, ErrNotFound},
	{"replace linking unknown graph", withABC, ReplaceGraph{Graph: "g", Nodes: []graph.Node{{ID: "x", Ref: "ghost"}}}, nil, ErrNotFound},
	{"import self link", nil, ImportGraph{Graph: "g", Nodes: []graph.Node{{ID: "s", Ref: "g"}}},
		[]Event{GraphImported{Graph: "g", Nodes: []graph.Node{{ID: "s", Ref: "g"}}}}, nil},
	{"import dangling edge", nil, ImportGraph{Graph: "g", Nodes: []graph.Node{nodeA}, Edges: []graph.Edge{edgeAB}}, nil, ErrNotFound},
	{"import duplicate node", nil, ImportGraph{Graph: "g", Nodes: []graph.Node{nodeA, nodeA}}, nil, ErrDuplicate},
	{"import link to unknown graph", nil, ImportGraph{Graph: "g", Nodes: []graph.Node{{ID: "x", Ref: "ghost"}}}, nil, ErrNotFound},
	{"import non-finite position", nil, ImportGraph{Graph: "g", Nodes: []graph.Node{{ID: "x", Pos: nan}}}, nil, ErrInvalid},
	{"import bad id", nil, ImportGraph{Graph: "g h"}, nil, ErrInvalid},
	{"import over archived graph", archived, ImportGraph{Graph: "g"}, nil, ErrDuplicate},
}

var elementScenarios = []scenario{
	{"add node", []Event{created}, AddNode{Graph: "g", Node: nodeA}, []Event{NodeAdded{Node: nodeA}}, nil},
	{"add linked node", []Event{created}, AddNode{Graph: "g", Node: nodeC}, []Event{NodeAdded{Node: nodeC}}, nil},
	{"add duplicate node", withABC, AddNode{Graph: "g", Node: nodeA}, nil, ErrDuplicate},
	{"add node without id", []Event{created}, AddNode{Graph: "g"}, nil, ErrInvalid},
	{"add node linking unknown graph", []Event{created}, AddNode{Graph: "g", Node: graph.Node{ID: "x", Ref: "ghost"}}, nil, ErrNotFound},
	{"add node at NaN", []Event{created}, AddNode{Graph: "g", Node: graph.Node{ID: "x", Pos: nan}}, nil, ErrInvalid},
	{"add node to archived", archived, AddNode{Graph: "g", Node: nodeB}, nil, ErrArchived},
	{"add node to missing graph", nil, AddNode{Graph: "g", Node: nodeB}, nil, ErrNotFound},
	{"update node", withABC, UpdateNode{Graph: "g", Node: "a", Kind: "k", Props: map[string]string{"p": "1"}},
		[]Event{NodeUpdated{Node: "a", Kind: "k", Props: map[string]string{"p": "1"}}}, nil},
	{"update missing node", withABC, UpdateNode{Graph: "g", Node: "z"}, nil, ErrNotFound},
	{"move node", withABC, MoveNode{Graph: "g", Node: "a", Pos: graph.Point{X: 9}}, []Event{NodeMoved{Node: "a", Pos: graph.Point{X: 9}}}, nil},
	{"move missing node", withABC, MoveNode{Graph: "g", Node: "z"}, nil, ErrNotFound},
	{"move node to infinity", withABC, MoveNode{Graph: "g", Node: "a", Pos: graph.Point{Y: math.Inf(1)}}, nil, ErrInvalid},
	{"move in archived", archived, MoveNode{Graph: "g", Node: "a"}, nil, ErrArchived},
	{"remove node with edges", withABC, RemoveNode{Graph: "g", Node: "b"},
		[]Event{EdgesRemoved{Edges: []string{"ab", "bc"}}, NodeRemoved{Node: "b"}}, nil},
	{"remove lone node", []Event{created, NodeAdded{Node: nodeA}}, RemoveNode{Graph: "g", Node: "a"}, []Event{NodeRemoved{Node: "a"}}, nil},
	{"remove missing node", withABC, RemoveNode{Graph: "g", Node: "z"}, nil, ErrNotFound},
	{"add edge", withABC, AddEdge{Graph: "g", Edge: edgeCA}, []Event{EdgeAdded{Edge: edgeCA}}, nil},
	{"add self-loop", withABC, AddEdge{Graph: "g", Edge: graph.Edge{ID: "aa", From: "a", To: "a"}},
		[]Event{EdgeAdded{Edge: graph.Edge{ID: "aa", From: "a", To: "a"}}}, nil},
	{"add edge to missing node", withABC, AddEdge{Graph: "g", Edge: graph.Edge{ID: "az", From: "a", To: "z"}}, nil, ErrNotFound},
	{"add edge from missing node", withABC, AddEdge{Graph: "g", Edge: graph.Edge{ID: "za", From: "z", To: "a"}}, nil, ErrNotFound},
	{"add duplicate edge", withABC, AddEdge{Graph: "g", Edge: edgeAB}, nil, ErrDuplicate},
	{"add edge without id", withABC, AddEdge{Graph: "g", Edge: graph.Edge{From: "a", To: "b"}}, nil, ErrInvalid},
	{"remove edge", withABC, RemoveEdge{Graph: "g", Edge: "ab"}, []Event{EdgesRemoved{Edges: []string{"ab"}}}, nil},
	{"remove missing edge", withABC, RemoveEdge{Graph: "g", Edge: "zz"}, nil, ErrNotFound},
}

var linkScenarios = []scenario{
	{"restore node and edge", given([]Event{created, NodeAdded{Node: nodeA}}),
		RestoreElements{Graph: "g", Nodes: []PlacedNode{{Node: nodeB, At: 0}}, Edges: []PlacedEdge{{Edge: edgeAB}}},
		[]Event{ElementsRestored{Nodes: []PlacedNode{{Node: nodeB, At: 0}}, Edges: []PlacedEdge{{Edge: edgeAB}}}}, nil},
	{"restore nothing", withABC, RestoreElements{Graph: "g"}, nil, ErrInvalid},
	{"restore existing node", withABC, RestoreElements{Graph: "g", Nodes: []PlacedNode{{Node: nodeA}}}, nil, ErrDuplicate},
	{"restore node twice", []Event{created}, RestoreElements{Graph: "g", Nodes: []PlacedNode{{Node: nodeA}, {Node: nodeA}}}, nil, ErrDuplicate},
	{"restore edge twice", withABC, RestoreElements{Graph: "g", Edges: []PlacedEdge{{Edge: edgeCA}, {Edge: edgeCA}}}, nil, ErrDuplicate},
	{"restore dangling edge", []Event{created}, RestoreElements{Graph: "g", Edges: []PlacedEdge{{Edge: edgeAB}}}, nil, ErrNotFound},
	{"restore at negative index", []Event{created}, RestoreElements{Graph: "g", Nodes: []PlacedNode{{Node: nodeA, At: -1}}}, nil, ErrInvalid},
	{"link subgraph", withABC, LinkSubgraph{Graph: "g", Node: "a", Ref: "other"}, []Event{SubgraphLinked{Node: "a", Ref: "other"}}, nil},
	{"link own graph", withABC, LinkSubgraph{Graph: "g", Node: "a", Ref: "g"}, []Event{SubgraphLinked{Node: "a", Ref: "g"}}, nil},
	{"link unknown graph", withABC, LinkSubgraph{Graph: "g", Node: "a", Ref: "ghost"}, nil, ErrNotFound},
	{"link nothing", withABC, LinkSubgraph{Graph: "g", Node: "a"}, nil, ErrInvalid},
	{"link missing node", withABC, LinkSubgraph{Graph: "g", Node: "z", Ref: "other"}, nil, ErrNotFound},
	{"unlink subgraph", withABC, UnlinkSubgraph{Graph: "g", Node: "c"}, []Event{SubgraphUnlinked{Node: "c"}}, nil},
	{"unlink unlinked node", withABC, UnlinkSubgraph{Graph: "g", Node: "a"}, nil, ErrInvalid},
	{"unlink missing node", withABC, UnlinkSubgraph{Graph: "g", Node: "z"}, nil, ErrNotFound},
	{"apply layout", withABC, ApplyLayout{Graph: "g", Positions: map[string]graph.Point{"a": {X: 5}, "b": {Y: 6}}},
		[]Event{LayoutApplied{Positions: map[string]graph.Point{"a": {X: 5}, "b": {Y: 6}}}}, nil},
	{"apply layout to missing node", withABC, ApplyLayout{Graph: "g", Positions: map[string]graph.Point{"z": {}}}, nil, ErrNotFound},
	{"apply empty layout", withABC, ApplyLayout{Graph: "g"}, nil, ErrInvalid},
	{"apply layout with NaN", withABC, ApplyLayout{Graph: "g", Positions: map[string]graph.Point{"a": nan}}, nil, ErrInvalid},
	{"layout in archived", archived, ApplyLayout{Graph: "g", Positions: map[string]graph.Point{"a": {}}}, nil, ErrArchived},
}

func TestDecide(t *testing.T) {
	for _, table := range [][]scenario{graphScenarios, elementScenarios, linkScenarios} {
		for _, sc := range table {
			t.Run(sc.name, func(t *testing.T) { sc.run(t) })
		}
	}
}

// run checks: given the events, when the command, then the events (which
// apply cleanly) or the refusal (which leaves the state unchanged).
func (sc scenario) run(t *testing.T) {
	s, err := Replay(sc.given)
	if err != nil {
		t.Fatalf("given: %v", err)
	}
	before := snapshot(t, s)
	got, err := Decide(s, sc.when, knownOther)
	if after := snapshot(t, s); after != before {
		t.Fatalf("Decide changed the state:\n%s\n%s", before, after)
	}
	if sc.err != nil {
		if !errors.Is(err, sc.err) {
			t.Fatalf("error = %v, want %v", err, sc.err)
		}
		return
	}
	if err != nil {
		t.Fatalf("refused: %v", err)
	}
	if !reflect.DeepEqual(got, sc.then) {
		t.Fatalf("events = %#v\nwant %#v", got, sc.then)
	}
	for _, e := range got {
		if s, err = Apply(s, e); err != nil {
			t.Fatalf("apply %s: %v", e.EventType(), err)
		}
	}
}
