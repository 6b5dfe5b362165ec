package ecs

import (
	"testing"

	"github.com/cimviz/cimviz/graph"
	"github.com/cimviz/cimviz/graph/change"
)

// TestEventsFromOtherClients applies events the way the bridge does for
// changes made elsewhere, and checks what the user would see.
func TestEventsFromOtherClients(t *testing.T) {
	for _, tc := range []struct {
		name  string
		ev    change.Event
		check func(t *testing.T, ed *Editor)
	}{
		{"link makes a subgraph node", change.SubgraphLinked{Node: "b", Ref: "g"}, func(t *testing.T, ed *Editor) {
			if v, _ := ed.Node("b"); v.Ref != "g" || !v.Recursive {
				t.Errorf("b = %+v, want a recursive link to its own graph", v)
			}
		}},
		{"unlink", change.SubgraphUnlinked{Node: "b"}, func(t *testing.T, ed *Editor) {
			if v, _ := ed.Node("b"); v.Ref != "" {
				t.Errorf("b still links %q", v.Ref)
			}
		}},
		{"rename graph updates the breadcrumb", change.GraphRenamed{Name: "Renamed"}, func(t *testing.T, ed *Editor) {
			if c := ed.Breadcrumbs(); c[len(c)-1].Name != "Renamed" {
				t.Errorf("crumbs %+v", c)
			}
		}},
		{"layout moves nodes", change.LayoutApplied{Positions: map[string]graph.Point{"a": {X: 9, Y: 9}}}, func(t *testing.T, ed *Editor) {
			if v, _ := ed.Node("a"); v.Committed != (graph.Point{X: 9, Y: 9}) || v.Pulse == 0 {
				t.Errorf("a = %+v, want moved to (9,9) and pulsing", v)
			}
			if hit, ok := ed.s.index.At(graph.Point{X: 9, Y: 9}); !ok || hit != ed.s.lookup.Nodes["a"] {
				t.Error("hit testing must follow the move")
			}
		}},
		{"import replaces everything", change.GraphImported{Graph: "g", Nodes: []graph.Node{{ID: "z"}}}, func(t *testing.T, ed *Editor) {
			if _, ok := ed.Node("a"); ok {
				t.Error("a survived the import")
			}
			if _, ok := ed.Node("z"); !ok {
				t.Error("z missing after the import")
			}
		}},
		{"edges removed elsewhere disappear", change.EdgesRemoved{Edges: []string{"ab"}}, func(t *testing.T, ed *Editor) {
			n := 0
			for range ed.Edges() {
				n++
			}
			if n != 2 {
				t.Errorf("%d edges drawn, want 2", n)
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := newSession(t, sample())
			if err := ApplyEvent(s.ed.World(), "g", tc.ev); err != nil {
				t.Fatal(err)
			}
			tc.check(t, s.ed)
		})
	}
}

func TestAlignBoxesTable(t *testing.T) {
	boxes := []Placed{
		{ID: "a", Box: RectAround(graph.Point{X: 0, Y: 0}, 20, 10)},
		{ID: "b", Box: RectAround(graph.Point{X: 100, Y: 50}, 40, 30)},
	}
	for _, tc := range []struct {
		how  Alignment
		a, b graph.Point
	}{
		{AlignLeft, graph.Point{X: 0, Y: 0}, graph.Point{X: 10, Y: 50}},
		{AlignCenter, graph.Point{X: 55, Y: 0}, graph.Point{X: 55, Y: 50}},
		{AlignRight, graph.Point{X: 110, Y: 0}, graph.Point{X: 100, Y: 50}},
		{AlignTop, graph.Point{X: 0, Y: 0}, graph.Point{X: 100, Y: 10}},
		{AlignMiddle, graph.Point{X: 0, Y: 30}, graph.Point{X: 100, Y: 30}},
		{AlignBottom, graph.Point{X: 0, Y: 60}, graph.Point{X: 100, Y: 50}},
	} {
		got := AlignBoxes(boxes, tc.how)
		if got["a"] != tc.a || got["b"] != tc.b {
			t.Errorf("alignment %d: a %v b %v, want %v %v", tc.how, got["a"], got["b"], tc.a, tc.b)
		}
	}
}

func TestViewActions(t *testing.T) {
	s := newSession(t, sample())
	s.play(`
		click left 400 500
		key shift+f
	`)
	cam := s.ed.Camera()
	in := DefaultInsets
	free := Vec{in.Left + (cam.Width-in.Left-in.Right)/2, in.Top + (cam.Height-in.Top-in.Bottom)/2} // clear of the panels
	if p := cam.ToScreen(graph.Point{X: 0, Y: 200}); p.Sub(free).Len() > 1e-9 {
		t.Errorf("fit selection shows c's centre at %v, want %v (the middle of what the panels leave free)", p, free)
	}
	s.play(`key ctrl+0`)
	z := s.ed.Camera().Zoom
	s.play(`key ctrl+=`)
	if s.ed.Camera().Zoom <= z {
		t.Error("zoom in must zoom in")
	}
	s.play(`key -`)
	if d := s.ed.Camera().Zoom - z; d > 1e-9 || d < -1e-9 {
		t.Errorf("zoom out must undo zoom in: %v vs %v", s.ed.Camera().Zoom, z)
	}
	s.play(`key g`)
	if s.ed.Grid().Show {
		t.Error("g must hide the grid")
	}
}

func TestCutRemovesAndFillsClipboard(t *testing.T) {
	s := newSession(t, sample())
	s.play(`
		click left 400 500
		key ctrl+x
	`)
	if _, ok := s.ed.Node("c"); ok {
		t.Error("cut must remove c")
	}
	if s.ed.Clipboard().Rev != 1 || s.ed.Clipboard().Text == "" {
		t.Errorf("clipboard %+v", s.ed.Clipboard())
	}
	s.play(`key ctrl+v`)
	if g, _ := s.svc.Graph("g"); len(g.Nodes) != 3 {
		t.Errorf("paste after cut: %d nodes, want 3", len(g.Nodes))
	}
}

// TestPredictionRebuildsAfterAnAnswer: one answer arrives while two
// commands are in flight; the next action plans on confirmed + the rest.
func TestPredictionRebuildsAfterAnAnswer(t *testing.T) {
	s := newSession(t, sample())
	issue := func(label string) {
		n, _ := s.ed.s.predicted(s.ed.known).Graph.Node("a")
		s.ed.issue("rename", change.UpdateNode{Graph: "g", Node: "a", Kind: n.Kind, Label: label})
	}
	issue("X")
	issue("Y")
	cmds := s.ed.TakeIntents()
	s.ed.Receive(s.svc.Handle(cmds[0])) // X confirmed, Y still in flight
	issue("Z")
	s.ed.Receive(s.svc.Handle(cmds[1]))
	s.svc.Pump(s.ed)
	if h := s.ed.hist.Undo; h[2].Inverses[0].(change.UpdateNode).Label != "Y" {
		t.Errorf("inverse of the third rename restores %q, want Y", h[2].Inverses[0].(change.UpdateNode).Label)
	}
}
