package render

import (
	"bytes"
	"testing"

	"github.com/cimviz/cimviz/assets"
	"github.com/cimviz/cimviz/ecs"
	"github.com/cimviz/cimviz/graph/codec"
	"github.com/cimviz/cimviz/render/canvas"
	"github.com/hajimehoshi/ebiten/v2"
)

func sampleGame(t *testing.T) *Game {
	t.Helper()
	b, err := assets.Sample(assets.DefaultSample)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := codec.DecodeJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	svc := ecs.NewLocalService(doc.Graphs...)
	ed := ecs.NewEditor(ecs.WithSize(800, 600), ecs.WithSource(svc.Graph))
	ed.Load(doc.RootGraph())
	ed.Run("view.fit_all")
	g, err := NewGame(ed, svc, canvas.Window{Conn: "local", Online: true})
	if err != nil {
		t.Fatal(err)
	}
	g.Layout(800, 600)
	return g
}

// An idle editor does not rebuild its frame; a change does.
func TestIdleEditorSkipsDraw(t *testing.T) {
	needDisplay(t)
	g := sampleGame(t)
	screen := ebiten.NewImage(800, 600)
	defer screen.Deallocate()
	g.Draw(screen)
	g.Draw(screen)
	g.Draw(screen)
	if n := g.FramesBuilt(); n != 1 {
		t.Fatalf("three draws of an unchanged editor built %d frames, want 1", n)
	}
	g.Ed.Run("view.zoom_in")
	g.Draw(screen)
	if n := g.FramesBuilt(); n != 2 {
		t.Errorf("a zoom did not redraw: %d frames built", n)
	}
}

// The number of draw calls per frame does not depend on the graph's size.
func TestDrawCallsDoNotGrowWithTheGraph(t *testing.T) {
	needDisplay(t)
	r, err := NewRenderer()
	if err != nil {
		t.Fatal(err)
	}
	screen := ebiten.NewImage(800, 600)
	defer screen.Deallocate()
	calls := map[int]int{}
	for _, n := range []int{10, 5000} {
		s := &canvas.Scene{Cam: canvas.Camera{Zoom: 0.5, W: 800, H: 600}, Grid: 20}
		for i := range n {
			s.Nodes = append(s.Nodes, canvas.NodeView{X: float32(i%100) * 30, Y: float32(i/100) * 30, W: 20, H: 12, Label: "n"})
		}
		for i := 1; i < n; i++ {
			s.Edges = append(s.Edges, canvas.EdgeView{A: canvas.EndOf(&s.Nodes[i-1]), B: canvas.EndOf(&s.Nodes[i]), Label: "e"})
		}
		r.Frame.BuildCanvas(s)
		r.Frame.BuildUI(&canvas.UIView{W: 800, H: 600, Kinds: canvas.WorkflowKinds, Help: []canvas.HelpRow{{Category: "Edit", Keys: "ctrl+z", Desc: "Undo"}}})
		calls[n] = r.Draw(screen)
	}
	if calls[10] != calls[5000] || calls[5000] > 8 {
		t.Errorf("draw calls per frame: %v; want equal and at most 8", calls)
	}
}
