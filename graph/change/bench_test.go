package change

import (
	"fmt"
	"testing"

	"github.com/cimviz/cimviz/graph"
)

// benchGraph is a chain of n nodes.
func benchGraph(n int) *graph.Graph {
	g := graph.New("g", "bench")
	for i := range n {
		_ = g.AddNode(graph.Node{ID: fmt.Sprint("n", i), Label: "step", Pos: graph.Point{X: float64(i)}})
		if i > 0 {
			_ = g.AddEdge(graph.Edge{ID: fmt.Sprint("e", i), From: fmt.Sprint("n", i-1), To: fmt.Sprint("n", i)})
		}
	}
	return g
}

func benchState(b *testing.B, n int) *State {
	g := benchGraph(n)
	s, err := Replay([]Event{GraphImported{Graph: "g", Nodes: g.Nodes, Edges: g.Edges}})
	if err != nil {
		b.Fatal(err)
	}
	return s
}

// A drag's end on a 10k-node graph: decide and apply one move.
func BenchmarkMoveNode10k(b *testing.B) {
	s := benchState(b, 10_000)
	for i := 0; b.Loop(); i++ {
		events, err := Decide(s, MoveNode{Graph: "g", Node: "n5000", Pos: graph.Point{X: float64(i)}}, nil)
		if err != nil {
			b.Fatal(err)
		}
		if s, err = Apply(s, events[0]); err != nil {
			b.Fatal(err)
		}
	}
}

// Remove a node with its two edges and undo it, on a 10k-node graph.
func BenchmarkRemoveAndUndo10k(b *testing.B) {
	s := benchState(b, 10_000)
	cmd := RemoveNode{Graph: "g", Node: "n5000"}
	for b.Loop() {
		undo, err := Inverse(s, cmd)
		if err != nil {
			b.Fatal(err)
		}
		for _, c := range []Command{cmd, undo} {
			events, err := Decide(s, c, nil)
			if err != nil {
				b.Fatal(err)
			}
			for _, e := range events {
				if s, err = Apply(s, e); err != nil {
					b.Fatal(err)
				}
			}
		}
	}
}

// Replay of 10k node_added events (a graph built one node at a time).
func BenchmarkReplay10kEvents(b *testing.B) {
	events := []Event{GraphCreated{Graph: "g"}}
	for i := range 10_000 {
		events = append(events, NodeAdded{Node: graph.Node{ID: fmt.Sprint("n", i)}})
	}
	for b.Loop() {
		if _, err := Replay(events); err != nil {
			b.Fatal(err)
		}
	}
}

// Planning the import of a 10k-node graph into 48 KiB commands.
func BenchmarkPlanImport10k(b *testing.B) {
	g := benchGraph(10_000)
	var commands int
	for b.Loop() {
		plan, err := PlanImport([]*graph.Graph{g}, ImportOptions{})
		if err != nil {
			b.Fatal(err)
		}
		commands = len(plan)
	}
	b.ReportMetric(float64(commands), "commands")
}
