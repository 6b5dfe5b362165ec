package render

import (
	"bytes"
	"flag"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	. "github.com/cimviz/cimviz/render/canvas"
)

var update = flag.Bool("update", false, "rewrite golden images under testdata/")

// showcase is a scene with one node of every shape and state and every
// kind of edge: the golden image shows the whole visual vocabulary.
func showcase() *Scene {
	s := &Scene{Cam: Camera{X: 300, Y: 170, Zoom: 1, W: 800, H: 420}, Grid: 20}
	kinds := []struct {
		kind, label string
		fl          NodeFlags
	}{
		{"start", "Start", 0}, {"task", "Review document", NodeSelected}, {"decision", "Valid?", NodeHovered},
		{"automated", "Send e-mail", 0}, {"manual", "Sign contract", NodePending}, {"approval", "Approve", NodeMatch},
		{"fork", "", 0}, {"subworkflow", "Payment", NodeRef}, {"end", "Done", 0},
	}
	for i, k := range kinds {
		x, y := float32(i%3)*260, float32(i/3)*130
		n := NodeView{X: x, Y: y, W: 150, H: 50, GX: x, GY: y, Shape: ShapeOf(k.kind), Flags: k.fl, Label: k.label}
		if k.fl&NodePending != 0 {
			n.X, n.Y = x+24, y+14
		}
		if n.Shape == ShapeCircle || n.Shape == ShapeDoubleCircle {
			n.W, n.H = 44, 44
		}
		s.Nodes = append(s.Nodes, n)
	}
	e := func(a, b int) EdgeView { return EdgeView{A: EndOf(&s.Nodes[a]), B: EndOf(&s.Nodes[b])} }
	s.Edges = []EdgeView{e(0, 1), e(1, 2), e(2, 5), e(2, 4), e(3, 3), e(6, 7), e(7, 8), e(4, 6)}
	s.Edges[1].Label, s.Edges[1].Flags = "checked", EdgeSelected
	s.Edges[2].Label = "yes"
	s.Edges[3].Label, s.Edges[3].Bend = "no", 0.25
	s.Edges[4].Label = "retry"
	s.Edges[6].Flags = EdgeHovered
	s.Edges[7].Bend = -0.2
	s.Link = Link{Active: true, From: Vec{X: 520, Y: 260}, To: Vec{X: 600, Y: 320}}
	return s
}

func TestShowcaseGolden(t *testing.T) {
	needDisplay(t)
	r, err := NewRenderer()
	if err != nil {
		t.Fatal(err)
	}
	s := showcase()
	r.Frame.Reset()
	r.Frame.BuildCanvas(s)
	img := r.Snapshot(int(s.Cam.W), int(s.Cam.H))
	checkGolden(t, "showcase.png", img)
}

// checkGolden compares img with testdata/name: at most 0.5% of the pixels
// may differ by more than a small step per channel (GL drivers round
// differently); -update rewrites the file.
func checkGolden(t *testing.T, name string, img *image.RGBA) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		var b bytes.Buffer
		if err := WritePNG(&b, img); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want := readPNG(t, path)
	if bad, total := DiffPixels(img, want, 24); bad*200 > total {
		_ = os.WriteFile(filepath.Join(t.TempDir(), name), encodePNG(img), 0o644)
		t.Errorf("%s: %d of %d pixels differ from the golden image (run with -update after checking)", name, bad, total)
	}
}

func readPNG(t *testing.T, path string) image.Image {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("golden image missing (run with -update): %v", err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	return img
}

func encodePNG(img image.Image) []byte {
	var b bytes.Buffer
	_ = png.Encode(&b, img)
	return b.Bytes()
}
