package main

import (
	"context"
	"encoding/json"
	"fmt"
	"github.com/cimviz/cimviz/domains/host"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cimviz/cimviz/domains/natsembed"
	"github.com/cimviz/cimviz/domains/natsembed/natstest"
	"github.com/cimviz/cimviz/graph"
	"github.com/cimviz/cimviz/graph/codec"
)

// sampleDocument is a root graph big enough to need many commands, a
// subgraph, and a subgraph that nests the root again (a cycle).
func sampleDocument(t *testing.T, nodes int) *codec.Document {
	t.Helper()
	root, sub := graph.New("flow", "Order flow"), graph.New("sub", "Sub")
	for i := range nodes {
		n := graph.Node{ID: fmt.Sprint("n", i), Label: strings.Repeat("label ", 8), Kind: "step",
			Pos: graph.Point{X: float64(i), Y: float64(i % 7)}, Props: map[string]string{"i": fmt.Sprint(i)}}
		if i == 0 {
			n.Ref = "sub"
		}
		must(t, root.AddNode(n))
		if i > 0 {
			must(t, root.AddEdge(graph.Edge{ID: fmt.Sprint("e", i), From: fmt.Sprint("n", i-1), To: n.ID}))
		}
	}
	must(t, sub.AddNode(graph.Node{ID: "back", Ref: "flow"}))
	return &codec.Document{Root: "flow", Graphs: []*graph.Graph{root, sub}}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func writeDocument(t *testing.T, path string, doc *codec.Document) {
	t.Helper()
	f, err := os.Create(path)
	must(t, err)
	defer f.Close()
	format, err := codec.FormatFor(path)
	must(t, err)
	must(t, codec.Encode(f, doc, format))
}

func graphsJSON(t *testing.T, doc *codec.Document) string {
	t.Helper()
	b, err := json.Marshal(doc.Graphs)
	must(t, err)
	return string(b)
}

// cli runs cimviz with args and returns its exit code and stderr.
func cli(args ...string) (int, string) {
	var stderr strings.Builder
	code := run(args, &stderr)
	return code, stderr.String()
}

// A file imported into the graph service (an embedded server on a data
// directory) and exported again is the same file, nesting and order
// included; the data persists between runs.
func TestImportThenExport(t *testing.T) {
	dir := t.TempDir()
	data, in, out := filepath.Join(dir, "data"), filepath.Join(dir, "in.json"), filepath.Join(dir, "out.json")
	doc := sampleDocument(t, 1500)
	writeDocument(t, in, doc)
	if code, msg := cli("import", "--data", data, in); code != 0 {
		t.Fatalf("import: exit %d: %s", code, msg)
	}
	if code, msg := cli("export", "--data", data, "flow", out); code != 0 {
		t.Fatalf("export: exit %d: %s", code, msg)
	}
	back, err := readDocument(out, io.Discard)
	must(t, err)
	if got, want := graphsJSON(t, back), graphsJSON(t, doc); got != want {
		t.Fatalf("round trip differs:\n got %.300s\nwant %.300s", got, want)
	}
	dot := filepath.Join(dir, "out.dot")
	if code, msg := cli("export", "--data", data, "sub", dot); code != 0 {
		t.Fatalf("export dot: exit %d: %s", code, msg)
	}
	if d, err := readDocument(dot, io.Discard); err != nil || len(d.Graphs) != 2 || d.Root != "sub" {
		t.Fatalf("dot export: %v, %+v", err, d)
	}
}

func TestImportRefusals(t *testing.T) {
	dir := t.TempDir()
	data, in := filepath.Join(dir, "data"), filepath.Join(dir, "in.json")
	writeDocument(t, in, sampleDocument(t, 3))
	if code, msg := cli("import", "--data", data, in); code != 0 {
		t.Fatalf("import: exit %d: %s", code, msg)
	}
	cases := []struct {
		args []string
		code int
		says string
	}{
		{[]string{"import", "--data", data, in}, 1, "exists"},
		{[]string{"import", "--data", data, "--replace", in}, 0, ""},
		{[]string{"import", "--data", data, "--as", "copy", filepath.Join(dir, "missing.json")}, 1, "no such file"},
		{[]string{"import", "--data", data, filepath.Join(dir, "in.txt")}, 1, "extension"},
		{[]string{"import", "--data", data}, 2, "usage"},
		{[]string{"export", "--data", data, "nope", filepath.Join(dir, "x.json")}, 1, "not found"},
		{[]string{"export", "--data", data, "flow", filepath.Join(dir, "x.png")}, 1, "extension"},
	}
	for _, c := range cases {
		code, msg := cli(c.args...)
		if code != c.code || !strings.Contains(msg, c.says) {
			t.Errorf("cimviz %v: exit %d, %q; want exit %d saying %q", c.args, code, msg, c.code, c.says)
		}
	}
	// The root under a new ID; its subgraph exists, so it is replaced.
	if code, msg := cli("import", "--data", data, "--as", "copy", "--replace", in); code != 0 {
		t.Fatalf("import --as: exit %d: %s", code, msg)
	}
	out := filepath.Join(dir, "copy.json")
	if code, msg := cli("export", "--data", data, "copy", out); code != 0 {
		t.Fatalf("export copy: exit %d: %s", code, msg)
	}
	if d, err := readDocument(out, io.Discard); err != nil || d.Graph("copy") == nil || d.Graph("sub").Nodes[0].Ref != "copy" {
		t.Fatalf("copy: %v, %+v", err, d)
	}
	if _, err := os.Stat(filepath.Join(dir, "x.json")); !os.IsNotExist(err) {
		t.Fatalf("a failed export left a file: %v", err)
	}
}

// Over --nats, import and export reach the graph domain that `cimviz
// serve` runs (here: the served domains on a loopback server).
func TestImportExportOverNATS(t *testing.T) {
	srv, _ := natstest.StartOn(t, natsembed.Config{DataDir: t.TempDir(), Listen: "127.0.0.1:0"})
	h, err := host.Start(context.Background(), host.Config{NATSURL: srv.ClientURL(), Domains: host.Domains(),
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	must(t, err)
	t.Cleanup(func() { _ = h.Close() })
	dir := t.TempDir()
	in, out := filepath.Join(dir, "in.graphml"), filepath.Join(dir, "out.json")
	doc := sampleDocument(t, 20)
	writeDocument(t, in, doc)
	if code, msg := cli("import", "--nats", srv.ClientURL(), in); code != 0 {
		t.Fatalf("import: exit %d: %s", code, msg)
	}
	if code, msg := cli("export", "--nats", srv.ClientURL(), "flow", out); code != 0 {
		t.Fatalf("export: exit %d: %s", code, msg)
	}
	back, err := readDocument(out, io.Discard)
	must(t, err)
	if len(back.Graphs) != 2 || back.RootGraph().NodeCount() != 20 || back.RootGraph().EdgeCount() != 19 {
		t.Fatalf("exported %+v", back.Graphs)
	}
}

// A graph whose get reply does not fit in one NATS message is exported
// all the same: rebuilt from the event store.
func TestExportOfAGraphTooBigForOneMessage(t *testing.T) {
	srv, _ := natstest.StartOn(t, natsembed.Config{DataDir: t.TempDir(), Listen: "127.0.0.1:0", MaxPayload: 256 << 10})
	h, err := host.Start(context.Background(), host.Config{NATSURL: srv.ClientURL(), Domains: host.Domains(),
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	must(t, err)
	t.Cleanup(func() { _ = h.Close() })
	dir := t.TempDir()
	in, out := filepath.Join(dir, "big.json"), filepath.Join(dir, "out.json")
	doc := sampleDocument(t, 2500)
	writeDocument(t, in, doc)
	if code, msg := cli("import", "--nats", srv.ClientURL(), in); code != 0 {
		t.Fatalf("import: exit %d: %s", code, msg)
	}
	code, msg := cli("export", "--nats", srv.ClientURL(), "--timeout", "1s", "flow", out)
	if code != 0 { // without the rebuild, the query times out and export fails
		t.Fatalf("export: exit %d: %s", code, msg)
	}
	back, err := readDocument(out, io.Discard)
	must(t, err)
	if got, want := graphsJSON(t, back), graphsJSON(t, doc); got != want {
		t.Fatalf("export differs:\n got %.300s\nwant %.300s", got, want)
	}
}

func TestProgressBar(t *testing.T) {
	var out strings.Builder
	b := newBar(&out, 4, "commands")
	for i := 1; i <= 4; i++ {
		b.set(i)
	}
	b.done()
	last := out.String()[strings.LastIndex(out.String(), "\r")+1:]
	if last != "["+strings.Repeat("#", 40)+"] 4/4 commands\n" || strings.Count(out.String(), "\r") != 4 {
		t.Fatalf("bar drew %q", out.String())
	}
	var one strings.Builder
	single := newBar(&one, 1, "commands")
	single.set(1)
	single.done()
	if barWriter(&one) != io.Discard || one.Len() != 0 {
		t.Fatalf("a one-step bar or a non-terminal drew %q", one.String())
	}
}

// A Graphviz file whose edges cross clusters keeps every edge's real ends
// and its rankdir through the graph service: imported, exported as DOT
// and JSON, and read back, it has the same graphs, ends and attributes.
func TestImportKeepsEdgesAcrossClustersAndGraphAttributes(t *testing.T) {
	dir := t.TempDir()
	data, in := filepath.Join(dir, "data"), filepath.Join("..", "..", "graph", "codec", "testdata", "clusters", "orders.gv")
	src, err := readDocument(in, io.Discard)
	must(t, err)
	if len(src.Ends) == 0 || src.Attrs["rankdir"] == "" {
		t.Fatalf("fixture has no edge across clusters (%v) or no rankdir (%v)", src.Ends, src.Attrs)
	}
	if code, msg := cli("import", "--data", data, in); code != 0 {
		t.Fatalf("import: exit %d: %s", code, msg)
	}
	for _, ext := range []string{".dot", ".json", ".graphml"} {
		out := filepath.Join(dir, "out"+ext)
		if code, msg := cli("export", "--data", data, src.Root, out); code != 0 {
			t.Fatalf("export %s: exit %d: %s", ext, code, msg)
		}
		back, err := readDocument(out, io.Discard)
		must(t, err)
		if fmt.Sprint(back.Ends) != fmt.Sprint(src.Ends) || back.Attrs["rankdir"] != src.Attrs["rankdir"] {
			t.Errorf("%s: ends %v and attrs %v, want %v and %v", ext, back.Ends, back.Attrs, src.Ends, src.Attrs)
		}
		if n, want := countNodes(back), countNodes(src); n != want {
			t.Errorf("%s: %d nodes, want %d", ext, n, want)
		}
	}
}

func countNodes(d *codec.Document) int {
	n := 0
	for _, g := range d.Graphs {
		n += g.NodeCount()
	}
	return n
}
