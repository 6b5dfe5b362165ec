package canvas

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/cimviz/cimviz/ecs"
	"github.com/cimviz/cimviz/graph"
)

// bigScene lays n nodes on a square grid 200 units apart and joins each to
// two random neighbours within a few cells, like a large real diagram.
func bigScene(n int) *Scene {
	side := 1
	for side*side < n {
		side++
	}
	rng := rand.New(rand.NewPCG(1, 2))
	s := &Scene{Grid: 20}
	shapes := []string{"task", "decision", "start", "automated", "manual", "approval", "subworkflow"}
	for i := range n {
		x, y := float32(i%side)*200, float32(i/side)*120
		s.Nodes = append(s.Nodes, NodeView{X: x, Y: y, W: 140, H: 48, Shape: ShapeOf(shapes[i%len(shapes)]),
			Label: fmt.Sprintf("Step %d", i)})
	}
	for i := range 2 * n {
		from := i / 2
		to := from + (rng.IntN(5) - 2) + side*(rng.IntN(3)-1)
		to = max(0, min(n-1, to))
		s.Edges = append(s.Edges, EdgeView{A: EndOf(&s.Nodes[from]), B: EndOf(&s.Nodes[to]), Label: "go"})
	}
	return s
}

// fitAll points the camera at the whole scene in a 1280×800 window.
func fitAll(s *Scene) {
	var x1, y1 float32
	for _, n := range s.Nodes {
		x1, y1 = max(x1, n.X), max(y1, n.Y)
	}
	s.Cam = Camera{X: x1 / 2, Y: y1 / 2, W: 1280, H: 800}
	s.Cam.Zoom = min(1280/(x1+200), 800/(y1+200))
}

func benchBuild(b *testing.B, n int, zoomed bool) {
	g, err := NewGlyphs()
	if err != nil {
		b.Fatal(err)
	}
	s := bigScene(n)
	fitAll(s)
	if zoomed {
		s.Cam.Zoom = 1
	}
	f := NewFrame(g)
	f.BuildCanvas(s)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		f.BuildCanvas(s)
	}
	b.ReportMetric(float64(f.Vertices()), "vertices")
	b.ReportMetric(float64(f.NonEmptyLayers()), "drawcalls")
}

func BenchmarkBuildFit10k(b *testing.B)     { benchBuild(b, 10_000, false) }
func BenchmarkBuildFit100k(b *testing.B)    { benchBuild(b, 100_000, false) }
func BenchmarkBuildZoomed10k(b *testing.B)  { benchBuild(b, 10_000, true) }
func BenchmarkBuildZoomed100k(b *testing.B) { benchBuild(b, 100_000, true) }

// worldEditor opens a graph of n nodes of the workflow kinds on a grid,
// each with two edges to near neighbours (as cimviz bench's frame figures
// use), in an editor fitted to 1280×800.
func worldEditor(n int) *ecs.Editor {
	side := 1
	for side*side < n {
		side++
	}
	rng := rand.New(rand.NewPCG(1, 2))
	g := graph.New("big", "big")
	for i := range n {
		_ = g.AddNode(graph.Node{ID: fmt.Sprint("n", i), Label: fmt.Sprint("Step ", i), Kind: WorkflowKinds[i%len(WorkflowKinds)],
			Pos: graph.Point{X: float64(i%side) * 200, Y: float64(i/side) * 120}})
	}
	for k := range 2 * n {
		to := max(0, min(n-1, k/2+rng.IntN(5)-2+side*(rng.IntN(3)-1)))
		_ = g.AddEdge(graph.Edge{ID: fmt.Sprint("e", k), From: fmt.Sprint("n", k/2), To: fmt.Sprint("n", to), Label: "go"})
	}
	ed := ecs.NewEditor(ecs.WithSize(1280, 800))
	ed.Load(g)
	ed.Run("view.fit_all")
	return ed
}

// benchFill measures copying the ecs world into a scene (the other half of
// building a frame) for a graph of n nodes and 2n edges, fitted. With
// changed, every fill follows the pointer moving from one node to another
// (a hover change: two nodes to redraw); without, only the camera and
// panels are read.
func benchFill(b *testing.B, n int, changed bool) {
	ed := worldEditor(n)
	a, ui := NewAdapter(), &UIView{}
	var sc Scene
	var hover []ecs.Input
	for _, id := range []string{"n0", "n1"} {
		v, _ := ed.Node(id)
		p := ed.Camera().ToScreen(v.Pos)
		hover = append(hover, ecs.Input{Width: 1280, Height: 800, MouseX: p[0], MouseY: p[1]})
	}
	a.Fill(ed, &Window{}, &sc, ui)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if changed {
			ed.Update(hover[i%2])
			i++
		}
		a.Fill(ed, &Window{}, &sc, ui)
	}
	b.ReportMetric(float64(len(sc.Nodes)), "nodes")
	b.ReportMetric(float64(len(sc.Edges)), "edges")
}

func BenchmarkFillFromWorld10k(b *testing.B)  { benchFill(b, 10_000, false) }
func BenchmarkFillFromWorld100k(b *testing.B) { benchFill(b, 100_000, false) }
func BenchmarkRefill10k(b *testing.B)         { benchFill(b, 10_000, true) }
func BenchmarkRefill100k(b *testing.B)        { benchFill(b, 100_000, true) }

// benchFrame builds whole frames (fill, canvas, panels) as the window's
// Draw does, at zoom (0: fitted).
func benchFrame(b *testing.B, n int, zoom float64) {
	ed := worldEditor(n)
	if zoom > 0 {
		ed.Camera().Zoom = zoom
	}
	g, err := NewGlyphs()
	if err != nil {
		b.Fatal(err)
	}
	a, f, ui := NewAdapter(), NewFrame(g), &UIView{}
	var sc Scene
	b.ReportAllocs()
	for b.Loop() {
		a.Fill(ed, &Window{}, &sc, ui)
		f.BuildCanvas(&sc)
		f.BuildUI(ui)
	}
	b.ReportMetric(float64(f.Vertices()), "vertices")
	b.ReportMetric(float64(f.NonEmptyLayers()), "drawcalls")
}

func BenchmarkFrameFit10k(b *testing.B)     { benchFrame(b, 10_000, 0) }
func BenchmarkFrameFit100k(b *testing.B)    { benchFrame(b, 100_000, 0) }
func BenchmarkFrameZoomed100k(b *testing.B) { benchFrame(b, 100_000, 1) }
