package codec

import (
	"bytes"
	"os/exec"
	"slices"
	"testing"
)

// TestGraphvizReadsOurDOT: Graphviz lays out what EncodeDOT writes (groups
// as clusters, edges to groups clipped with lhead/ltail), and its output
// imports with the same structure, now with positions. Skipped where the
// dot program is not installed.
func TestGraphvizReadsOurDOT(t *testing.T) {
	dot, err := exec.LookPath("dot")
	if err != nil {
		t.Skip("Graphviz dot not installed")
	}
	sample := decodeFile(t, "testdata/sample.cimviz.json")
	var in bytes.Buffer
	if err := EncodeDOT(&in, sample); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(dot, "-Tdot")
	cmd.Stdin = &in
	var out, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("dot: %v\n%s", err, stderr.String())
	}
	if stderr.Len() > 0 {
		t.Errorf("dot warned: %s", stderr.String())
	}
	back, err := DecodeDOT(&out)
	if err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	k := keep{kinds: true}
	if want, got := shape(sample, k), shape(back, k); !slices.Equal(want, got) {
		t.Errorf("after Graphviz:\nwant %q\n got %q", want, got)
	}
	if n, _, _ := find(back, "Postgres"); n.Pos == sample.Graph("storage").Nodes[0].Pos {
		t.Error("Graphviz's layout did not replace the position")
	}
}

// TestNetworkxReadsOurGraphML: networkx reads what EncodeGraphML writes and
// writes it again (its own way: its key IDs, typed values), and that file
// imports with the same nodes, labels, kinds, positions, properties and
// edges. Skipped where python3 with networkx is missing.
func TestNetworkxReadsOurGraphML(t *testing.T) {
	python, err := exec.LookPath("python3")
	if err != nil || exec.Command(python, "-c", "import networkx").Run() != nil {
		t.Skip("python3 with networkx not installed")
	}
	orig := decodeFile(t, "testdata/graphml/networkx-digraph.graphml")
	var in bytes.Buffer
	if err := EncodeGraphML(&in, orig); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(python, "-c", "import sys, networkx as nx\n"+
		"g = nx.read_graphml(sys.stdin.buffer)\nnx.write_graphml(g, sys.stdout.buffer)")
	cmd.Stdin = &in
	var out, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("networkx: %v\n%s", err, stderr.String())
	}
	back, err := DecodeGraphML(&out)
	if err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	k := keep{kinds: true, props: true, pos: true}
	if want, got := shape(orig, k), shape(back, k); !slices.Equal(want, got) {
		t.Errorf("after networkx:\nwant %q\n got %q", want, got)
	}
}
