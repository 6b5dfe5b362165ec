package codec

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/cimviz/cimviz/graph"
)

func decodeFile(t *testing.T, path string, opts ...Option) *Document {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	format, err := FormatFor(path)
	if err != nil {
		t.Fatal(err)
	}
	d, err := Decode(f, format, opts...)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if err := d.Validate(); err != nil {
		t.Fatalf("%s: decoded document is invalid: %v", path, err)
	}
	return d
}

// find returns the node with the label anywhere in the document, and the
// path of group labels down to it.
func find(d *Document, label string) (graph.Node, string, bool) {
	var walk func(g *graph.Graph, path string, seen map[string]bool) (graph.Node, string, bool)
	walk = func(g *graph.Graph, path string, seen map[string]bool) (graph.Node, string, bool) {
		seen[g.ID] = true
		for _, n := range g.Nodes {
			if n.Label == label {
				return n, path, true
			}
			if sub := d.Graph(n.Ref); sub != nil && !seen[sub.ID] {
				if m, p, ok := walk(sub, path+"/"+n.Label, seen); ok {
					return m, p, true
				}
			}
		}
		return graph.Node{}, "", false
	}
	return walk(d.RootGraph(), "", map[string]bool{})
}

// TestGraphvizFilesImport: files written by Graphviz itself (dot -Tdot,
// -Tcanon, -Txdot of testdata/dot/source.gv) keep clusters as nesting,
// labels (quoted, escaped, HTML) and positions.
func TestGraphvizFilesImport(t *testing.T) {
	want := map[string]string{ // label -> group path
		"Start": "", "Done\nall green": "", "lint": "", "vet": "",
		"Build": "", "compile": "/Build", "link": "/Build", "Test suite": "/Build",
		"unit & fuzz": "/Build/Test suite", `integration "e2e"`: "/Build/Test suite",
	}
	files, _ := filepath.Glob("testdata/dot/*.gv")
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			d := decodeFile(t, file)
			if d.RootGraph().Name != "Build pipeline" {
				t.Errorf("root name %q", d.RootGraph().Name)
			}
			for label, path := range want {
				n, got, ok := find(d, label)
				if !ok || got != path {
					t.Errorf("node %q: found=%v at %q, want at %q", label, ok, got, path)
				}
				if (strings.Contains(file, "-dot") || strings.Contains(file, "-xdot")) && n.Ref == "" && n.Pos == (graph.Point{}) {
					t.Errorf("node %q has no position from the layout", label)
				}
			}
			if n, _, _ := find(d, "Start"); n.Kind != "Mdiamond" {
				t.Errorf("Start kind %q, want the shape Mdiamond", n.Kind)
			}
			checkEdge(t, d, "Done\nall green", "ok")
		})
	}
}

// checkEdge asserts an edge with the label ends at the node labelled to.
func checkEdge(t *testing.T, d *Document, to, label string) {
	t.Helper()
	for _, g := range d.Graphs {
		for _, e := range g.Edges {
			if n, _ := g.Node(e.To); e.Label == label && n.Label == to {
				return
			}
		}
	}
	t.Errorf("no edge %q into %q", label, to)
}

// TestNetworkxGraphMLImport: networkx's write_graphml output keeps labels,
// kinds, positions and other attributes as properties.
func TestNetworkxGraphMLImport(t *testing.T) {
	d := decodeFile(t, "testdata/graphml/networkx-digraph.graphml")
	g := d.RootGraph()
	if g.Name != "service map" || g.NodeCount() != 4 || g.EdgeCount() != 3 {
		t.Fatalf("name %q, %d nodes, %d edges", g.Name, g.NodeCount(), g.EdgeCount())
	}
	api, _ := g.Node("api")
	if api.Label != "API gateway" || api.Kind != "service" || api.Pos != (graph.Point{X: 10.5, Y: -20}) || api.Props["team"] != "edge" {
		t.Errorf("api = %+v", api)
	}
	if db, _ := g.Node("db"); db.Label != "orders <db>" {
		t.Errorf("db label %q", db.Label)
	}
	checkEdge(t, d, "events", "publishes")
	if e, _ := g.Edge("e2"); e.Kind != "async" {
		t.Errorf("edge kind %q", e.Kind)
	}
	karate := decodeFile(t, "testdata/graphml/networkx-karate.graphml").RootGraph()
	if karate.NodeCount() != 34 || karate.EdgeCount() != 78 {
		t.Errorf("karate club: %d nodes, %d edges", karate.NodeCount(), karate.EdgeCount())
	}
	if n, _ := karate.Node("0"); n.Label != "member 0" || n.Props["club"] != "Mr. Hi" {
		t.Errorf("member 0 = %+v", n)
	}
}

// TestYEdGraphMLImport: yEd's graphics (label, shape, geometry) and group
// nodes with nested graphs come through.
func TestYEdGraphMLImport(t *testing.T) {
	d := decodeFile(t, "testdata/graphml/yed-groups.graphml")
	group, path, ok := find(d, "Backend & storage")
	if !ok || path != "" || group.Ref == "" {
		t.Fatalf("group node: %+v at %q", group, path)
	}
	pg, path, _ := find(d, "Postgres\nprimary")
	if path != "/Backend & storage" || pg.Kind != "hexagon" || pg.Pos != (graph.Point{X: 95, Y: 240}) {
		t.Errorf("Postgres = %+v at %q", pg, path)
	}
	if c, _, _ := find(d, "Client"); c.Kind != "ellipse" || c.Props["description"] != "entry point" {
		t.Errorf("Client = %+v", c)
	}
	if exit, path, _ := find(d, "Exit"); exit.Kind != "terminator" || path != "/Backend & storage" {
		t.Errorf("generic node Exit = %+v at %q", exit, path)
	}
	checkEdge(t, d, "Backend & storage", "HTTPS") // lifted: its end is inside the group
}

// TestMermaidImport: shapes map to kinds, link styles to edge kinds,
// subgraphs to nesting; styling lines are skipped.
func TestMermaidImport(t *testing.T) {
	d := decodeFile(t, "testdata/mermaid/shapes.mmd")
	if d.RootGraph().Name != "Order flow" {
		t.Errorf("title %q", d.RootGraph().Name)
	}
	kinds := map[string]string{"Plain box": "", "Rounded": "round", "Decision?": "rhombus", "Circle": "circle",
		"Flag": "asymmetric", "Orders DB": "cylinder", "Stadium": "stadium", "Subroutine": "subroutine",
		`Hex "6"`: "hexagon", "Lean right": "lean-right", "Lean left": "lean-left", "Trapezoid": "trapezoid",
		"Alt trapezoid": "trapezoid-alt", "Double": "doublecircle", "Postgres": "cylinder"}
	for label, kind := range kinds {
		if n, _, ok := find(d, label); !ok || n.Kind != kind {
			t.Errorf("%q: found=%v kind %q, want %q", label, ok, n.Kind, kind)
		}
	}
	if _, path, _ := find(d, "Postgres"); path != "/Back end/" {
		t.Errorf("Postgres at %q, want inside storage inside backend", path)
	}
	var edgeKinds []string
	for _, e := range d.RootGraph().Edges {
		edgeKinds = append(edgeKinds, e.Kind)
	}
	for _, k := range []string{"dotted", "thick", "line", "circle", "cross", "bi", "invisible"} {
		if !slices.Contains(edgeKinds, k) {
			t.Errorf("no edge of kind %q in %q", k, edgeKinds)
		}
	}
	checkEdge(t, d, "Decision?", "")
	checkEdge(t, d, "Flag", "no")
	checkEdge(t, d, "Hex \"6\"", "escalate")
}

// TestMarkdownImport: the first flowchart block of a page, or all of them.
func TestMarkdownImport(t *testing.T) {
	first := decodeFile(t, "testdata/mermaid/page.md")
	if len(first.Graphs) != 2 {
		t.Fatalf("first flowchart: %d graphs, want root and the Data tier group", len(first.Graphs))
	}
	if _, path, ok := find(first, "Database"); !ok || path != "/Data tier" {
		t.Errorf("Database at %q", path)
	}
	all := decodeFile(t, "testdata/mermaid/page.md", AllBlocks())
	if len(all.Graphs) != 3 || all.Graphs[2].NodeCount() != 2 {
		t.Errorf("all flowcharts: %d graphs", len(all.Graphs))
	}
}

// TestCytoscapeImport: both the object and the flat array layouts; parents
// become groups, other data properties.
func TestCytoscapeImport(t *testing.T) {
	d := decodeFile(t, "testdata/cytoscape/compound.cyjs")
	if d.RootGraph().Name != "Compound demo" || len(d.Graphs) != 3 {
		t.Fatalf("name %q, %d graphs", d.RootGraph().Name, len(d.Graphs))
	}
	a, path, _ := find(d, "Node A")
	if path != "/Group B" || a.Pos != (graph.Point{X: 215, Y: 85}) || a.Props["weight"] != "3" {
		t.Errorf("Node A = %+v at %q", a, path)
	}
	if f, _, _ := find(d, "Node F"); f.Props["tags"] != `["x","y"]` {
		t.Errorf("Node F props %v", f.Props)
	}
	if _, _, ok := find(d, "Node D"); !ok {
		t.Error("a node's name is its label when it has no label")
	}
	flat := decodeFile(t, "testdata/cytoscape/flat.cy.json")
	if _, path, ok := find(flat, "Two"); !ok || path != "/Parent" {
		t.Errorf("flat: Two at %q", path)
	}
	checkEdge(t, flat, "One", "back")
}
