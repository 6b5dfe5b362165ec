package change

import (
	"encoding/json"
	"errors"
	"fmt"
	"testing"

	"pgregory.net/rapid"

	"github.com/cimviz/cimviz/graph"
)

// world is a set of graph aggregates, run the way the domain service runs
// them: each command decided against its graph, links checked against
// the others.
type world map[string]*State

func (w world) known(id string) bool { s := w[id]; return s.Exists() && !s.Archived }

func (w world) run(c Command) error {
	events, err := Decide(w[c.Target()], c, w.known)
	if err != nil {
		return fmt.Errorf("%s %s: %w", c.CommandType(), c.Target(), err)
	}
	s := w[c.Target()]
	for _, e := range events {
		if s, err = Apply(s, e); err != nil {
			return err
		}
	}
	w[c.Target()] = s
	return nil
}

func genGraphs(t *rapid.T) []*graph.Graph {
	n := rapid.IntRange(1, 4).Draw(t, "graphs")
	ids := make([]string, n)
	for i := range ids {
		ids[i] = fmt.Sprint("g", i)
	}
	graphs := make([]*graph.Graph, n)
	for i, id := range ids {
		g := graph.New(id, rapid.StringN(0, 6, 12).Draw(t, "name"))
		nodes := rapid.IntRange(0, 25).Draw(t, "nodes")
		for j := range nodes {
			node := graph.Node{ID: fmt.Sprint("n", j), Label: rapid.StringN(0, 30, 60).Draw(t, "label"),
				Pos: graph.Point{X: float64(j), Y: float64(-j)}}
			if rapid.IntRange(0, 5).Draw(t, "linked") == 0 {
				node.Ref = rapid.SampledFrom(ids).Draw(t, "ref")
			}
			_ = g.AddNode(node)
		}
		for j := range rapid.IntRange(0, 2*nodes).Draw(t, "edges") {
			from, to := rapid.IntRange(0, nodes-1).Draw(t, "from"), rapid.IntRange(0, nodes-1).Draw(t, "to")
			_ = g.AddEdge(graph.Edge{ID: fmt.Sprint("e", j), From: fmt.Sprint("n", from), To: fmt.Sprint("n", to)})
		}
		graphs[i] = g
	}
	return graphs
}

func graphJSON(t interface{ Fatal(...any) }, g *graph.Graph) string {
	b, err := json.Marshal(g)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// Running a plan, however finely chunked and however the graphs refer to
// each other (cycles and self-links included), rebuilds exactly the
// graphs of the file, and no command is over budget unless it carries a
// single element.
func TestImportPlanRebuildsTheFile(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		graphs := genGraphs(t)
		budget := rapid.IntRange(100, 4000).Draw(t, "budget")
		plan, err := PlanImport(graphs, ImportOptions{ChunkBytes: budget})
		if err != nil {
			t.Fatal(err)
		}
		w := world{}
		for _, c := range plan {
			if size, n := load(c); size > budget && n > 1 {
				t.Fatalf("%s carries %d elements, %d bytes, budget %d", c.CommandType(), n, size, budget)
			}
			if err := w.run(c); err != nil {
				t.Fatal(err)
			}
		}
		for _, g := range graphs {
			if got, want := graphJSON(t, w[g.ID].Graph), graphJSON(t, g); got != want {
				t.Fatalf("graph %s:\n got %s\nwant %s", g.ID, got, want)
			}
		}
	})
}

func TestImportPlanOverExistingGraphs(t *testing.T) {
	g := graph.New("g", "new")
	_ = g.AddNode(graph.Node{ID: "a"})
	w := world{}
	if err := w.run(CreateGraph{Graph: "g", Name: "old"}); err != nil {
		t.Fatal(err)
	}
	exists := func(id string) bool { return w[id].Exists() }
	if _, err := PlanImport([]*graph.Graph{g}, ImportOptions{Exists: exists}); !errors.Is(err, ErrDuplicate) {
		t.Fatalf("import over existing graph: %v", err)
	}
	plan, err := PlanImport([]*graph.Graph{g}, ImportOptions{Exists: exists, Replace: true})
	if err != nil || len(plan) != 1 || plan[0].CommandType() != TypeReplaceGraph {
		t.Fatalf("plan %v, %v", plan, err)
	}
	if err := w.run(plan[0]); err != nil || graphJSON(t, w["g"].Graph) != graphJSON(t, g) {
		t.Fatalf("replace: %v", err)
	}
	for _, bad := range [][]*graph.Graph{{graph.New("a.b", "")}, {graph.New("x", ""), graph.New("x", "")}} {
		if _, err := PlanImport(bad, ImportOptions{}); err == nil {
			t.Errorf("plan of %s accepted", bad[0].ID)
		}
	}
}

func TestSanitizeIDs(t *testing.T) {
	a, b, c := graph.New("my flow.v1", ""), graph.New("my_flow_v1", ""), graph.New("", "")
	_ = a.AddNode(graph.Node{ID: "x", Ref: "my flow.v1"})
	_ = b.AddNode(graph.Node{ID: "y", Ref: "my flow.v1"})
	renamed := SanitizeIDs([]*graph.Graph{a, b, c})
	if a.ID != "my_flow_v1" || b.ID != "my_flow_v1_2" || c.ID != "graph" || len(renamed) != 3 {
		t.Fatalf("ids %q %q %q, renamed %v", a.ID, b.ID, c.ID, renamed)
	}
	if a.Nodes[0].Ref != "my_flow_v1" || b.Nodes[0].Ref != "my_flow_v1" {
		t.Fatalf("refs not rewritten: %q %q", a.Nodes[0].Ref, b.Nodes[0].Ref)
	}
	RenameGraphID([]*graph.Graph{a, b}, "my_flow_v1", "main")
	if a.ID != "main" || a.Nodes[0].Ref != "main" || b.Nodes[0].Ref != "main" || b.ID != "my_flow_v1_2" {
		t.Fatalf("rename: %q %q, refs %q %q", a.ID, b.ID, a.Nodes[0].Ref, b.Nodes[0].Ref)
	}
	for _, name := range []string{"a\x00b", "a\xffb", "*", ">", "tab\there"} {
		if err := ValidGraphID(TokenID(name)); err != nil {
			t.Errorf("TokenID(%q) = %q: %v", name, TokenID(name), err)
		}
	}
}

// load is the element bytes and count a command of a plan carries.
func load(c Command) (size, n int) {
	var nodes []graph.Node
	var edges []graph.Edge
	switch c := c.(type) {
	case ImportGraph:
		nodes, edges = c.Nodes, c.Edges
	case ReplaceGraph:
		nodes, edges = c.Nodes, c.Edges
	case RestoreElements:
		for _, p := range c.Nodes {
			nodes = append(nodes, p.Node)
		}
		for _, p := range c.Edges {
			edges = append(edges, p.Edge)
		}
	}
	for _, x := range nodes {
		size += elementSize(x)
	}
	for _, x := range edges {
		size += elementSize(x)
	}
	return size, len(nodes) + len(edges)
}
