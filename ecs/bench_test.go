package ecs

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/cimviz/cimviz/graph"
	"github.com/cimviz/cimviz/graph/change"
)

// bigGraph is n nodes on a jittered grid, 120 apart, with a ring of edges.
func bigGraph(n int) *graph.Graph {
	g := graph.New("big", "big")
	r := rand.New(rand.NewPCG(1, 2))
	side := 1
	for side*side < n {
		side++
	}
	for i := range n {
		p := graph.Point{X: float64(i%side)*160 + r.Float64()*20, Y: float64(i/side)*120 + r.Float64()*20}
		_ = g.AddNode(graph.Node{ID: fmt.Sprintf("n%d", i), Label: "node", Pos: p})
	}
	for i := 1; i < n; i++ {
		_ = g.AddEdge(graph.Edge{ID: fmt.Sprintf("e%d", i), From: fmt.Sprintf("n%d", i-1), To: fmt.Sprintf("n%d", i)})
	}
	return g
}

// BenchmarkUpdate is one full tick with the pointer moving over the graph
// (hover hit test every tick) and the camera zoomed to show ~1000 nodes.
func BenchmarkUpdate(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		b.Run(fmt.Sprintf("nodes=%d", n), func(b *testing.B) {
			ed := NewEditor(WithSize(1280, 800))
			ed.Load(bigGraph(n))
			ed.Camera().Center = graph.Point{X: 2000, Y: 2000}
			ed.Camera().Zoom = 0.25
			b.ResetTimer()
			for i := range b.N {
				ed.Update(Input{MouseX: float64(i % 1280), MouseY: 400, Width: 1280, Height: 800})
			}
		})
	}
}

// BenchmarkUpdateDragging is a tick of a drag of 100 selected nodes.
func BenchmarkUpdateDragging(b *testing.B) {
	ed := NewEditor(WithSize(1280, 800))
	ed.Load(bigGraph(100_000))
	ed.Camera().Zoom = 0.5
	ed.s.selectIn(Rect{graph.Point{X: -10, Y: -10}, graph.Point{X: 1500, Y: 1200}})
	ed.Update(Input{MouseX: 640, MouseY: 400, Pressed: ButtonLeft, Held: ButtonLeft, Width: 1280, Height: 800})
	b.ResetTimer()
	for i := range b.N {
		ed.Update(Input{MouseX: 640 + float64(i%50), MouseY: 400, Held: ButtonLeft, Width: 1280, Height: 800})
	}
}

// BenchmarkHitTest is one point query on 100k nodes.
func BenchmarkHitTest(b *testing.B) {
	ed := NewEditor()
	ed.Load(bigGraph(100_000))
	r := rand.New(rand.NewPCG(3, 4))
	pts := make([]graph.Point, 1024)
	for i := range pts {
		pts[i] = graph.Point{X: r.Float64() * 50000, Y: r.Float64() * 38000}
	}
	b.ResetTimer()
	for i := range b.N {
		ed.s.index.At(pts[i%len(pts)])
	}
}

// BenchmarkVisibleNodes iterates the nodes a 1280x800 view shows at zoom 1.
func BenchmarkVisibleNodes(b *testing.B) {
	ed := NewEditor(WithSize(1280, 800))
	ed.Load(bigGraph(100_000))
	ed.Camera().Center = graph.Point{X: 20000, Y: 15000}
	b.ResetTimer()
	for range b.N {
		n := 0
		for range ed.VisibleNodes() {
			n++
		}
		if n == 0 {
			b.Fatal("nothing visible")
		}
	}
}

// BenchmarkLoad builds the world of a 100k node graph.
func BenchmarkLoad(b *testing.B) {
	g := bigGraph(100_000)
	for range b.N {
		NewEditor().Load(g)
	}
}

// BenchmarkEdges iterates every edge view of a 100k node graph (render
// does this each drawn frame).
func BenchmarkEdges(b *testing.B) {
	ed := NewEditor(WithSize(1280, 800))
	ed.Load(bigGraph(100_000))
	b.ResetTimer()
	for range b.N {
		n := 0
		for range ed.Edges() {
			n++
		}
		if n != 99_999 {
			b.Fatalf("%d edges", n)
		}
	}
}

// BenchmarkPlanGesture is the planning of one gesture (add a node) on a
// graph of 2000 nodes: with nothing in flight (the confirmed state is only
// read) and with earlier commands still in flight (this editor's own
// prediction is moved on in place). Neither copies the graph.
func BenchmarkPlanGesture(b *testing.B) {
	for _, inflight := range []int{0, 8} {
		b.Run(fmt.Sprintf("inflight=%d", inflight), func(b *testing.B) {
			ed := NewEditor(WithSize(1280, 800))
			ed.Load(bigGraph(2000))
			for i := range inflight {
				ed.AddNodeAt("", Vec{float64(10 * i), 10})
			}
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				add := change.AddNode{Graph: "big", Node: graph.Node{ID: fmt.Sprintf("g%d", i), Kind: DefaultKind}}
				step, after, err := ed.s.plan("add", []change.Command{add}, ed.known)
				if err != nil {
					b.Fatal(err)
				}
				if inflight > 0 {
					ed.s.sent(step.Commands, after)
				}
			}
		})
	}
}
