package test

import (
	"bytes"
	"flag"
	"image"
	"image/png"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/cimviz/cimviz/graph"
	"github.com/cimviz/cimviz/graph/codec"
	"github.com/cimviz/cimviz/render/canvas"
)

var updateEditor = flag.Bool("update", false, "rewrite the editor golden image under testdata/editor/")

// TestEditorScript drives the real editor window with an input script
// (create two nodes, connect them, rename one, move the other, undo and
// redo the move, open a subworkflow) and checks the saved graphs and the
// final screenshot. It needs a display: run under xvfb-run -a.
func TestEditorScript(t *testing.T) {
	needDisplay(t)
	bin := buildCimviz(t)
	dir := t.TempDir()
	shot, saved := filepath.Join(dir, "shot.png"), filepath.Join(dir, "saved.json")
	cmd := exec.Command(bin, "edit", "--local", "--size", "1280x800", "--script", filepath.Join("testdata", "editor", "e2e.script"),
		"--screenshot", shot, "--save", saved)
	out, err := runWithTimeout(cmd, 2*time.Minute)
	if err != nil {
		t.Fatalf("cimviz edit: %v\n%s", err, out)
	}
	order := savedGraph(t, saved, "order")
	checkEdits(t, order)
	if payment := savedGraph(t, saved, "payment"); len(payment.Nodes) != 6 || len(payment.Edges) != 6 {
		t.Errorf("opening the payment subworkflow changed it: %d nodes, %d edges", len(payment.Nodes), len(payment.Edges))
	}
	checkEditorGolden(t, shot, filepath.Join("testdata", "editor", "e2e.png"))
}

func runWithTimeout(cmd *exec.Cmd, d time.Duration) ([]byte, error) {
	var buf bytes.Buffer
	cmd.Stdout, cmd.Stderr = &buf, &buf
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		return buf.Bytes(), err
	case <-time.After(d):
		_ = cmd.Process.Kill()
		<-done
		return buf.Bytes(), os.ErrDeadlineExceeded
	}
}

func savedGraph(t *testing.T, path, id string) *graph.Graph {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := codec.DecodeJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	g := doc.Graph(id)
	if g == nil {
		t.Fatalf("saved document has no graph %q", id)
	}
	return g
}

// checkEdits: the sample's 13 nodes and 15 edges plus two nodes, one edge
// between them, the rename, and the move (redone after its undo). The
// second node was created straight below the first (140 px lower) and
// dragged by (100, 40) px, so their offset is (100, 180)/zoom: its slope
// is 1.8 whatever the zoom.
func checkEdits(t *testing.T, g *graph.Graph) {
	if len(g.Nodes) != 15 || len(g.Edges) != 16 {
		t.Fatalf("order graph has %d nodes and %d edges, want 15 and 16", len(g.Nodes), len(g.Edges))
	}
	a, b := g.Nodes[13], g.Nodes[14]
	if a.Label != "Pack gift" {
		t.Errorf("first new node is labelled %q, want the rename %q", a.Label, "Pack gift")
	}
	if e := g.Edges[15]; e.From != a.ID || e.To != b.ID {
		t.Errorf("new edge %s -> %s, want %s -> %s", e.From, e.To, a.ID, b.ID)
	}
	dx, dy := b.Pos.X-a.Pos.X, b.Pos.Y-a.Pos.Y
	if dx <= 0 || math.Abs(dy/dx-1.8) > 0.05 {
		t.Errorf("second node offset (%.1f, %.1f) from the first: the move was not kept after undo+redo", dx, dy)
	}
}

// checkEditorGolden compares the screenshot with the golden image: at most
// 1% of the pixels may differ by more than a small step (fps text, driver
// rounding).
func checkEditorGolden(t *testing.T, shot, golden string) { checkGolden(t, shot, golden, 0.01) }

// checkGolden compares a screenshot with a golden image: at most the
// fraction maxBad of the pixels may differ by more than a small step.
// -update rewrites the golden image.
func checkGolden(t *testing.T, shot, golden string, maxBad float64) {
	t.Helper()
	if *updateEditor {
		b, err := os.ReadFile(shot)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if bad, total := diffFiles(t, shot, golden); float64(bad) > maxBad*float64(total) {
		kept := filepath.Join(os.TempDir(), "cimviz-got-"+filepath.Base(golden))
		if b, err := os.ReadFile(shot); err == nil {
			_ = os.WriteFile(kept, b, 0o644)
		}
		t.Errorf("screenshot differs from %s in %d of %d pixels; it is kept at %s (check it, then run with -update)", golden, bad, total, kept)
	}
}

// diffFiles counts the pixels of two PNG files that differ by more than a
// small step, and all pixels.
func diffFiles(t *testing.T, a, b string) (int, int) {
	t.Helper()
	return canvas.DiffPixels(readPNG(t, a), readPNG(t, b), 24)
}

func readPNG(t *testing.T, path string) image.Image {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create a golden image)", err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return img
}
