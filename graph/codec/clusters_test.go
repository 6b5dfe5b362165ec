package codec

import (
	"bytes"
	"fmt"
	"os/exec"
	"slices"
	"strings"
	"testing"

	"github.com/cimviz/cimviz/graph"
	"pgregory.net/rapid"
)

// ordersEdges are the edges of testdata/clusters/orders-canon.gv between
// the nodes they really join; three cross from one cluster to another.
var ordersEdges = []string{
	"authorize -> capture", "capture -> pick", "capture -> refund", "cart -> checkout",
	"checkout -> authorize", "dispatch -> done", "pack -> dispatch", "pick -> pack", "refund -> cart",
}

// ordersNodes are its nodes, groups aside.
var ordersNodes = []string{"authorize", "capture", "cart", "checkout", "dispatch", "done", "pack", "pick", "refund"}

// realEdges lists every edge of d as "from -> to" between the nodes it
// really joins (Document.Ends where an edge crosses groups), sorted.
func realEdges(d *Document) []string {
	var out []string
	for _, g := range d.Graphs {
		for _, e := range g.Edges {
			ends, ok := d.Ends[EdgeKey{Graph: g.ID, Edge: e.ID}]
			if !ok {
				ends = Ends{From: e.From, To: e.To}
			}
			out = append(out, ends.From+" -> "+ends.To)
		}
	}
	slices.Sort(out)
	return out
}

// leafNodes lists the IDs of d's nodes that stand for no graph, sorted.
func leafNodes(d *Document) []string {
	var out []string
	for _, g := range d.Graphs {
		for _, n := range g.Nodes {
			if n.Ref == "" {
				out = append(out, n.ID)
			}
		}
	}
	slices.Sort(out)
	return out
}

// checkOrders asserts d is the order flow: its nodes, every edge between
// its real ends, rankdir kept.
func checkOrders(t *testing.T, d *Document, where string) {
	t.Helper()
	if got := leafNodes(d); !slices.Equal(got, ordersNodes) {
		t.Errorf("%s: nodes %q, want %q", where, got, ordersNodes)
	}
	if got := realEdges(d); !slices.Equal(got, ordersEdges) {
		t.Errorf("%s: edges %q, want %q", where, got, ordersEdges)
	}
	if d.Attrs["rankdir"] != "LR" {
		t.Errorf("%s: graph attributes %v lack rankdir=LR", where, d.Attrs)
	}
}

// through encodes d in the format and decodes what it wrote.
func through(t *testing.T, d *Document, f Format) (*Document, []byte) {
	t.Helper()
	var buf bytes.Buffer
	if err := Encode(&buf, d, f); err != nil {
		t.Fatalf("%s: %v", f, err)
	}
	back, err := Decode(bytes.NewReader(buf.Bytes()), f)
	if err != nil {
		t.Fatalf("%s: %v\n%s", f, err, buf.String())
	}
	return back, buf.Bytes()
}

// TestCrossClusterEdgesKeepTheirEnds: a Graphviz file whose edges run
// between nodes of different clusters imports with every edge's real ends
// and its rankdir, and keeps them through every format, DOT -> JSON -> DOT
// included: the same 9 nodes and 9 edges, no edge turned into one between
// clusters.
func TestCrossClusterEdgesKeepTheirEnds(t *testing.T) {
	d := decodeFile(t, "testdata/clusters/orders-canon.gv")
	checkOrders(t, d, "import")
	if e, _ := d.RootGraph().Edge("e6"); e.From != "cluster_payment" || e.To != "cluster_ship" {
		t.Errorf("capture -> pick is drawn %s -> %s in the root, want between the clusters", e.From, e.To)
	}
	for _, f := range []Format{FormatJSON, FormatDOT, FormatGraphML, FormatCytoscape, FormatMermaid} {
		back, _ := through(t, d, f)
		checkOrders(t, back, string(f))
	}
	viaJSON, _ := through(t, d, FormatJSON)
	_, dot := through(t, viaJSON, FormatDOT)
	for _, lost := range []string{"ltail", "lhead", "shape=point", "cluster_payment ->", "-> cluster_ship"} {
		if bytes.Contains(dot, []byte(lost)) {
			t.Errorf("DOT -> JSON -> DOT wrote %q:\n%s", lost, dot)
		}
	}
}

// TestEndsOutsideTheirEdgeAreInvalid: a native document whose Ends name a
// node that is not inside the edge's end is refused, not exported wrong.
func TestEndsOutsideTheirEdgeAreInvalid(t *testing.T) {
	d := decodeFile(t, "testdata/clusters/orders-canon.gv")
	d.Ends[EdgeKey{Graph: "orders", Edge: "e6"}] = Ends{From: "pick", To: "capture"}
	if err := d.Validate(); err == nil {
		t.Error("ends outside their groups validated")
	}
	delete(d.Ends, EdgeKey{Graph: "orders", Edge: "e6"})
	d.Ends[EdgeKey{Graph: "orders", Edge: "no-such-edge"}] = Ends{}
	if err := d.Validate(); err == nil {
		t.Error("ends of a missing edge validated")
	}
}

// graphviz runs a Graphviz tool on src and returns its output; it skips
// the test when the tool is not installed.
func graphviz(t *testing.T, tool string, src []byte, args ...string) []byte {
	t.Helper()
	path, err := exec.LookPath(tool)
	if err != nil {
		t.Skipf("Graphviz %s not installed", tool)
	}
	cmd := exec.Command(path, args...)
	cmd.Stdin = bytes.NewReader(src)
	var out, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s: %v\n%s", tool, err, stderr.String())
	}
	return out.Bytes()
}

// TestGraphvizReadsCrossClusterEdges: Graphviz reads the DOT export of the
// order flow (after a trip through JSON) as 9 nodes and 9 edges (gc's
// count: no anchor nodes added), and its canonical form imports as the
// same order flow.
func TestGraphvizReadsCrossClusterEdges(t *testing.T) {
	viaJSON, _ := through(t, decodeFile(t, "testdata/clusters/orders-canon.gv"), FormatJSON)
	_, dot := through(t, viaJSON, FormatDOT)
	if got := strings.Fields(string(graphviz(t, "gc", dot, "-n", "-e"))); len(got) < 2 || got[0] != "9" || got[1] != "9" {
		t.Errorf("gc -n -e counts %q, want 9 nodes and 9 edges\n%s", got, dot)
	}
	canon := graphviz(t, "dot", dot, "-Tcanon")
	back, err := DecodeDOT(bytes.NewReader(canon))
	if err != nil {
		t.Fatalf("%v\n%s", err, canon)
	}
	checkOrders(t, back, "dot -Tcanon")
}

// TestNetworkxReadsCrossClusterEdges: networkx reads the GraphML export of
// the order flow with the edges of the top graph between their real ends,
// not between the clusters (networkx reads neither the nodes nor the edges
// of nested graphs, only nodes that top-level edges name), and the graph attributes (rankdir) as graph data. Skipped
// where python3 with networkx is missing.
func TestNetworkxReadsCrossClusterEdges(t *testing.T) {
	python, err := exec.LookPath("python3")
	if err != nil || exec.Command(python, "-c", "import networkx").Run() != nil {
		t.Skip("python3 with networkx not installed")
	}
	d := decodeFile(t, "testdata/clusters/orders-canon.gv")
	_, graphml := through(t, d, FormatGraphML)
	cmd := exec.Command(python, "-c", "import sys, networkx as nx\n"+
		"g = nx.read_graphml(sys.stdin.buffer)\n"+
		"print(g.graph.get('rankdir'))\n"+
		"for u, v in sorted(g.edges()): print(u, '->', v)")
	cmd.Stdin = bytes.NewReader(graphml)
	var out, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("networkx: %v\n%s", err, stderr.String())
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if lines[0] != "LR" {
		t.Errorf("networkx read rankdir %q, want LR", lines[0])
	}
	top := realEdges(&Document{Root: d.Root, Graphs: d.Graphs[:1], Ends: d.Ends})
	if got := lines[1:]; len(top) != 5 || !slices.Equal(got, top) {
		t.Errorf("networkx read top-level edges %q, want the 5 %q", got, top)
	}
}

// addCrossEdges adds up to four edges between random nodes of a tree
// document, as an importer places them: in the lowest graph holding both,
// between the nodes there that contain them, with the real ends in Ends.
func addCrossEdges(t *rapid.T, d *Document) {
	home, proxy := map[string]string{}, map[string]string{} // node -> its graph; graph -> its group node
	var all []string
	for _, g := range d.Graphs {
		for _, n := range g.Nodes {
			home[n.ID], all = g.ID, append(all, n.ID)
			if n.Ref != "" {
				proxy[n.Ref] = n.ID
			}
		}
	}
	if len(all) == 0 {
		return
	}
	for i := range rapid.IntRange(0, 4).Draw(t, "cross") {
		from, to := rapid.SampledFrom(all).Draw(t, "cfrom"), rapid.SampledFrom(all).Draw(t, "cto")
		gid, e := liftedEdge(home, proxy, from, to)
		e.ID = fmt.Sprintf("x%d", i)
		must(d.Graph(gid).AddEdge(e))
		if e.From != from || e.To != to {
			if d.Ends == nil {
				d.Ends = map[EdgeKey]Ends{}
			}
			d.Ends[EdgeKey{Graph: gid, Edge: e.ID}] = Ends{From: from, To: to}
		}
	}
}

// liftedEdge is the edge from -> to placed in the lowest common graph of
// its ends, each replaced by the group node there containing it.
func liftedEdge(home, proxy map[string]string, from, to string) (string, graph.Edge) {
	ancestors := func(id string) []string { // id, then the group nodes above it, innermost first
		chain := []string{id}
		for p, ok := proxy[home[id]]; ok; p, ok = proxy[home[p]] {
			chain = append(chain, p)
		}
		return chain
	}
	up, vp := ancestors(from), ancestors(to)
	for _, u := range up {
		for _, v := range vp {
			if home[u] == home[v] {
				return home[u], graph.Edge{From: u, To: v}
			}
		}
	}
	return "", graph.Edge{} // unreachable: both chains end in the root graph
}

// realEdgeLabels is realEdges with node labels for IDs (formats may rename
// nodes; the tree generator's labels are unique).
func realEdgeLabels(d *Document) []string {
	labels := map[string]string{}
	for _, g := range d.Graphs {
		for _, n := range g.Nodes {
			labels[n.ID] = n.Label
		}
	}
	edges := realEdges(d)
	for i, e := range edges {
		from, to, _ := strings.Cut(e, " -> ")
		edges[i] = labels[from] + " -> " + labels[to]
	}
	slices.Sort(edges)
	return edges
}

// TestInterchangeKeepsRealEnds: any tree document with edges across
// groups comes back from every format with every edge between the same
// real ends.
func TestInterchangeKeepsRealEnds(t *testing.T) {
	for _, f := range []Format{FormatJSON, FormatDOT, FormatGraphML, FormatCytoscape, FormatMermaid} {
		t.Run(string(f), func(t *testing.T) {
			rapid.Check(t, func(rt *rapid.T) {
				d := genTreeDocument(rt)
				addCrossEdges(rt, d)
				var buf bytes.Buffer
				if err := Encode(&buf, d, f); err != nil {
					rt.Fatal(err)
				}
				back, err := Decode(bytes.NewReader(buf.Bytes()), f)
				if err != nil {
					rt.Fatalf("decode: %v\n%s", err, buf.String())
				}
				if want, got := realEdgeLabels(d), realEdgeLabels(back); !slices.Equal(want, got) {
					rt.Fatalf("real ends differ\nwant %q\n got %q\n%s", want, got, buf.String())
				}
			})
		})
	}
}
