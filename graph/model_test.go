package graph

import (
	"errors"
	"math"
	"testing"

	"pgregory.net/rapid"
)

// abc is a small graph a→b→c used by several tests.
func abc(t testing.TB) *Graph {
	t.Helper()
	g := New("g", "abc")
	for _, id := range []string{"a", "b", "c"} {
		must(t, g.AddNode(Node{ID: id, Label: id}))
	}
	must(t, g.AddEdge(Edge{ID: "ab", From: "a", To: "b"}))
	must(t, g.AddEdge(Edge{ID: "bc", From: "b", To: "c"}))
	return g
}

// tb is what test helpers need from testing.T and rapid.T alike.
type tb interface {
	Helper()
	Fatal(args ...any)
}

func must(t tb, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestAddNodeRefusals(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	cases := []struct {
		name string
		node Node
		want error
	}{
		{"empty id", Node{}, ErrInvalid},
		{"duplicate", Node{ID: "a"}, ErrDuplicateID},
		{"NaN x", Node{ID: "n", Pos: Point{X: nan}}, ErrInvalid},
		{"NaN y", Node{ID: "n", Pos: Point{Y: nan}}, ErrInvalid},
		{"+Inf", Node{ID: "n", Pos: Point{X: inf}}, ErrInvalid},
		{"-Inf", Node{ID: "n", Pos: Point{Y: -inf}}, ErrInvalid},
		{"fine", Node{ID: "n", Pos: Point{X: -1e300, Y: 3}}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			g := abc(t)
			err := g.AddNode(c.node)
			if !errors.Is(err, c.want) || (c.want == nil) != (err == nil) {
				t.Fatalf("AddNode(%+v) = %v, want %v", c.node, err, c.want)
			}
			if wantCount := 3 + boolInt(c.want == nil); g.NodeCount() != wantCount {
				t.Fatalf("node count %d, want %d", g.NodeCount(), wantCount)
			}
		})
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func TestAddEdgeRefusals(t *testing.T) {
	cases := []struct {
		name string
		edge Edge
		want error
	}{
		{"empty id", Edge{From: "a", To: "b"}, ErrInvalid},
		{"duplicate id", Edge{ID: "ab", From: "a", To: "c"}, ErrDuplicateID},
		{"missing from", Edge{ID: "x", From: "zz", To: "b"}, ErrNotFound},
		{"missing to", Edge{ID: "x", From: "a", To: "zz"}, ErrNotFound},
		{"self-loop allowed", Edge{ID: "x", From: "b", To: "b"}, nil},
		{"parallel allowed", Edge{ID: "x", From: "a", To: "b"}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			g := abc(t)
			err := g.AddEdge(c.edge)
			if !errors.Is(err, c.want) || (c.want == nil) != (err == nil) {
				t.Fatalf("AddEdge(%+v) = %v, want %v", c.edge, err, c.want)
			}
			if _, ok := g.Edge(c.edge.ID); ok != (c.want == nil || c.edge.ID == "ab") {
				t.Fatalf("edge %q present = %v", c.edge.ID, ok)
			}
		})
	}
}

func TestMoveNode(t *testing.T) {
	g := abc(t)
	must(t, g.MoveNode("b", Point{X: 4, Y: 5}))
	if n, _ := g.Node("b"); n.Pos != (Point{4, 5}) {
		t.Fatalf("b at %v after move", n.Pos)
	}
	for _, p := range []Point{{math.NaN(), 0}, {0, math.Inf(-1)}} {
		if err := g.MoveNode("b", p); !errors.Is(err, ErrInvalid) {
			t.Fatalf("MoveNode(%v) = %v, want ErrInvalid", p, err)
		}
	}
	if n, _ := g.Node("b"); n.Pos != (Point{4, 5}) {
		t.Fatalf("refused move changed position to %v", n.Pos)
	}
	if err := g.MoveNode("zz", Point{}); !errors.Is(err, ErrNotFound) {
		t.Fatalf("MoveNode(zz) = %v, want ErrNotFound", err)
	}
}

func TestUpdateNodeKeepsPosition(t *testing.T) {
	g := abc(t)
	must(t, g.MoveNode("a", Point{X: 7}))
	must(t, g.UpdateNode(Node{ID: "a", Label: "A", Kind: "step", Ref: "sub", Pos: Point{X: 99}}))
	n, _ := g.Node("a")
	if n.Label != "A" || n.Kind != "step" || n.Ref != "sub" || n.Pos != (Point{X: 7}) {
		t.Fatalf("updated node %+v", n)
	}
	if err := g.UpdateNode(Node{ID: "zz"}); !errors.Is(err, ErrNotFound) {
		t.Fatalf("UpdateNode(zz) = %v", err)
	}
}

func TestRemoveNodeRemovesTouchingEdges(t *testing.T) {
	g := abc(t)
	must(t, g.AddEdge(Edge{ID: "bb", From: "b", To: "b"}))
	removed, err := g.RemoveNode("b")
	must(t, err)
	if len(removed) != 3 || g.EdgeCount() != 0 || g.HasNode("b") {
		t.Fatalf("removed %v, edges left %v", removed, g.Edges)
	}
	if g.NodeIndex("c") != 1 || g.NodeIndex("b") != -1 {
		t.Fatalf("index not kept in step: c at %d", g.NodeIndex("c"))
	}
	if _, err := g.RemoveNode("b"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("second RemoveNode = %v", err)
	}
}

func TestRemoveEdge(t *testing.T) {
	g := abc(t)
	must(t, g.RemoveEdge("ab"))
	if _, ok := g.Edge("ab"); ok || g.EdgeCount() != 1 {
		t.Fatal("edge ab still there")
	}
	if e, ok := g.Edge("bc"); !ok || e.From != "b" {
		t.Fatal("edge bc lost by reindex")
	}
	if err := g.RemoveEdge("ab"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("second RemoveEdge = %v", err)
	}
}

func TestReindexRefusals(t *testing.T) {
	cases := []struct {
		name  string
		nodes []Node
		edges []Edge
		want  error
	}{
		{"ok", []Node{{ID: "a"}, {ID: "b"}}, []Edge{{ID: "e", From: "a", To: "b"}}, nil},
		{"dup node", []Node{{ID: "a"}, {ID: "a"}}, nil, ErrDuplicateID},
		{"dup edge", []Node{{ID: "a"}}, []Edge{{ID: "e", From: "a", To: "a"}, {ID: "e", From: "a", To: "a"}}, ErrDuplicateID},
		{"dangling", []Node{{ID: "a"}}, []Edge{{ID: "e", From: "a", To: "b"}}, ErrNotFound},
		{"NaN", []Node{{ID: "a", Pos: Point{X: math.NaN()}}}, nil, ErrInvalid},
		{"empty node id", []Node{{}}, nil, ErrInvalid},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			g := &Graph{ID: "g", Nodes: c.nodes, Edges: c.edges}
			err := g.Reindex()
			if !errors.Is(err, c.want) || (c.want == nil) != (err == nil) {
				t.Fatalf("Reindex = %v, want %v", err, c.want)
			}
		})
	}
}

func TestZeroGraphDoesNotPanic(t *testing.T) {
	var g Graph
	must(t, g.AddNode(Node{ID: "a"}))
	must(t, g.AddEdge(Edge{ID: "e", From: "a", To: "a"}))
	if !g.HasNode("a") || g.EdgeCount() != 1 {
		t.Fatal("zero graph lost its additions")
	}
}

func TestCloneIsDeep(t *testing.T) {
	g := abc(t)
	must(t, g.UpdateNode(Node{ID: "a", Props: map[string]string{"k": "v"}}))
	c := g.Clone()
	c.Nodes[0].Props["k"] = "changed"
	must(t, c.MoveNode("b", Point{X: 1}))
	must(t, c.AddNode(Node{ID: "d"}))
	if n, _ := g.Node("a"); n.Props["k"] != "v" {
		t.Fatal("clone shares props")
	}
	if n, _ := g.Node("b"); n.Pos != (Point{}) || g.HasNode("d") {
		t.Fatal("clone shares nodes")
	}
}

// TestIndexMatchesSlices: after any sequence of operations, lookups by ID
// agree with the Nodes and Edges slices.
func TestIndexMatchesSlices(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		g := New("g", "")
		ids := rapid.SampledFrom([]string{"a", "b", "c", "d", "e"})
		for range rapid.IntRange(0, 40).Draw(t, "ops") {
			switch rapid.IntRange(0, 4).Draw(t, "op") {
			case 0:
				_ = g.AddNode(Node{ID: ids.Draw(t, "node")})
			case 1:
				_, _ = g.RemoveNode(ids.Draw(t, "node"))
			case 2:
				_ = g.AddEdge(Edge{ID: ids.Draw(t, "edge") + "e", From: ids.Draw(t, "from"), To: ids.Draw(t, "to")})
			case 3:
				_ = g.RemoveEdge(ids.Draw(t, "edge") + "e")
			case 4:
				_ = g.MoveNode(ids.Draw(t, "node"), Point{X: 1, Y: 2})
			}
		}
		checkIndex(t, g)
	})
}

func checkIndex(t *rapid.T, g *Graph) {
	for i, n := range g.Nodes {
		if g.NodeIndex(n.ID) != i {
			t.Fatalf("node %q at %d, index says %d", n.ID, i, g.NodeIndex(n.ID))
		}
	}
	for _, e := range g.Edges {
		if got, ok := g.Edge(e.ID); !ok || got != e || !g.HasNode(e.From) || !g.HasNode(e.To) {
			t.Fatalf("edge %+v not indexed or dangling", e)
		}
	}
}
