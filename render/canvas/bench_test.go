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

// benchFill measures copying the ecs world into a scene (the other half of
// building a frame) for a graph of n nodes and 2n edges, fitted.
func benchFill(b *testing.B, n int) {
	s := bigScene(n)
	g := graph.New("big", "big")
	for i, nv := range s.Nodes {
		_ = g.AddNode(graph.Node{ID: fmt.Sprint("n", i), Label: nv.Label, Pos: graph.Point{X: float64(nv.X), Y: float64(nv.Y)}})
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for i := range 2 * n {
		_ = g.AddEdge(graph.Edge{ID: fmt.Sprint("e", i), From: fmt.Sprint("n", i/2), To: fmt.Sprint("n", rng.IntN(n))})
	}
	ed := ecs.NewEditor(ecs.WithSize(1280, 800))
	ed.Load(g)
	ed.Run("view.fit_all")
	a, ui := NewAdapter(), &UIView{}
	var sc Scene
	b.ReportAllocs()
	for b.Loop() {
		a.Fill(ed, &Window{}, &sc, ui)
	}
	b.ReportMetric(float64(len(sc.Nodes)), "nodes")
	b.ReportMetric(float64(len(sc.Edges)), "edges")
}

func BenchmarkFillFromWorld10k(b *testing.B) { benchFill(b, 10_000) }

func BenchmarkFillFromWorld100k(b *testing.B) { benchFill(b, 100_000) }
