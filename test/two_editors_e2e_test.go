package test

import (
	"fmt"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/cimviz/cimviz/graph"
)

// TestTwoEditorsOnOneServeStayIdentical runs two real editor windows on one
// `cimviz serve --listen`, each driven by its own script at the same time
// (adds, a rename, a move with undo and redo, an auto-layout racing the
// moves, its undo). Both end with the same graph: the one the service's
// order made, holding everyone's work.
func TestTwoEditorsOnOneServeStayIdentical(t *testing.T) {
	needDisplay(t)
	bin := buildCimviz(t)
	srv := startServe(t, bin, t.TempDir(), freePort(t))
	sample := filepath.Join("..", "assets", "samples", "order-fulfilment.json")
	if out, err := exec.Command(bin, "import", "--nats", srv.url, sample).CombinedOutput(); err != nil {
		t.Fatalf("import the sample: %v\n%s", err, out)
	}
	dir := t.TempDir()
	saved := make([]string, 2)
	var wg sync.WaitGroup
	for i, script := range []string{"editor-a.script", "editor-b.script"} {
		saved[i] = filepath.Join(dir, fmt.Sprintf("saved-%d.json", i))
		cmd := exec.Command(bin, "edit", "--nats", srv.url, "--size", "1280x800",
			"--script", filepath.Join("testdata", "live", script),
			"--screenshot", filepath.Join(dir, fmt.Sprintf("shot-%d.png", i)), "--save", saved[i])
		wg.Add(1)
		go func() {
			defer wg.Done()
			if out, err := runWithTimeout(cmd, 2*time.Minute); err != nil {
				t.Errorf("editor %d: %v\n%s", i, err, out)
			}
		}()
	}
	wg.Wait()
	if t.Failed() {
		return
	}
	a, b := savedGraph(t, saved[0], "order"), savedGraph(t, saved[1], "order")
	if err := graph.Diff(a, b); err != nil {
		t.Fatalf("the editors diverged: %v", err)
	}
	if len(a.Nodes) != 13+4 {
		t.Errorf("want the sample's 13 nodes and both editors' 4 new ones, got %d", len(a.Nodes))
	}
	if !hasLabel(a, "Pack gift") {
		t.Error("editor A's rename is missing from the shared graph")
	}
}

func hasLabel(g *graph.Graph, label string) bool {
	for _, n := range g.Nodes {
		if n.Label == label {
			return true
		}
	}
	return false
}
