package ecs

import (
	"slices"
	"strings"
	"testing"

	"github.com/cimviz/cimviz/graph"
)

func TestCreateConnectRenameMoveUndoRedo(t *testing.T) {
	s := newSession(t, graph.New("g", "empty"))
	s.play(`
		move 200 300
		key n
		move 600 300
		key n
		# from n-1's handle (right side, world x -152) onto n-2
		drag left 246 300 600 300
		dblclick 600 300
		text "Order"
		key enter
		drag left 200 300 200 400
		key ctrl+z
		key ctrl+y
	`)
	want := []string{"add_node", "add_node", "add_edge", "update_node", "move_node", "move_node", "move_node"}
	if got := s.commandTypes(); !slices.Equal(got, want) {
		t.Fatalf("commands %v, want %v", got, want)
	}
	if n := s.node("g", "n-1"); n.Pos != (graph.Point{X: -200, Y: 100}) {
		t.Errorf("n-1 at %v after redo, want (-200,100)", n.Pos)
	}
	if n := s.node("g", "n-2"); n.Label != "Order" {
		t.Errorf("n-2 label %q, want Order", n.Label)
	}
	g, _ := s.svc.Graph("g")
	if len(g.Edges) != 1 || g.Edges[0].From != "n-1" || g.Edges[0].To != "n-2" {
		t.Errorf("edges %+v, want one n-1 -> n-2", g.Edges)
	}
	s.sameAsService()
}

func TestUndoMoveSnapsBack(t *testing.T) {
	s := newSession(t, sample())
	s.play(`
		drag left 400 300 500 350
		key ctrl+z
	`)
	if n := s.node("g", "a"); n.Pos != (graph.Point{}) {
		t.Errorf("a at %v after undo, want origin", n.Pos)
	}
	if v, _ := s.ed.Node("a"); v.Ghost {
		t.Error("a still shows a ghost after the events arrived")
	}
	s.sameAsService()
}

func TestBoxSelectDeleteUndo(t *testing.T) {
	s := newSession(t, sample())
	s.play(`drag left 300 250 580 340`)
	if got := s.ed.Selection(); !slices.Equal(got, []string{"a", "b"}) {
		t.Fatalf("box selected %v, want [a b]", got)
	}
	s.play(`key delete`)
	g, _ := s.svc.Graph("g")
	if len(g.Nodes) != 1 || g.Nodes[0].ID != "c" || len(g.Edges) != 0 {
		t.Fatalf("after delete: nodes %v edges %v, want only c", g.Nodes, g.Edges)
	}
	s.sameAsService()
	s.play(`key ctrl+z`)
	g, _ = s.svc.Graph("g")
	if !sameGraph(g, sample()) {
		t.Fatalf("undo delete gave %+v, want the sample back in order", g)
	}
	s.sameAsService()
}

func TestShiftClickAddsToSelection(t *testing.T) {
	s := newSession(t, sample())
	s.play(`
		click left 400 300
		hold shift
		click left 400 500
		release shift
	`)
	if got := s.ed.Selection(); !slices.Equal(got, []string{"a", "c"}) {
		t.Fatalf("selection %v, want [a c]", got)
	}
	s.play(`click left 520 300`)
	if got := s.ed.Selection(); !slices.Equal(got, []string{"b"}) {
		t.Fatalf("plain click selected %v, want [b]", got)
	}
}

func TestMultiDragIsOneApplyLayout(t *testing.T) {
	s := newSession(t, sample())
	s.play(`
		key ctrl+a
		drag left 400 300 440 320
	`)
	if got := s.commandTypes(); !slices.Equal(got, []string{"apply_layout"}) {
		t.Fatalf("commands %v, want one apply_layout", got)
	}
	if n := s.node("g", "c"); n.Pos != (graph.Point{X: 40, Y: 220}) {
		t.Errorf("c at %v, want (40,220)", n.Pos)
	}
}

func sameGraph(a, b *graph.Graph) bool {
	return slices.EqualFunc(a.Nodes, b.Nodes, func(x, y graph.Node) bool {
		return x.ID == y.ID && x.Pos == y.Pos && x.Label == y.Label && x.Ref == y.Ref
	}) && slices.Equal(a.Edges, b.Edges)
}

func TestEscapeCancelsDrag(t *testing.T) {
	s := newSession(t, sample())
	s.play(`
		down left 400 300
		move 450 300
		move 500 300
	`)
	if v, _ := s.ed.Node("a"); !v.Ghost || v.Pos != (graph.Point{X: 100}) || v.Committed != (graph.Point{}) {
		t.Fatalf("mid-drag a = %+v, want a ghost at (100,0) over the committed origin", v)
	}
	s.play(`
		key escape
		up left
	`)
	if v, _ := s.ed.Node("a"); v.Ghost || len(s.svc.Log()) != 0 {
		t.Errorf("after Escape: ghost %v, %d commands; want none", v.Ghost, len(s.svc.Log()))
	}
}

func TestConnectToNothingAddsNoEdge(t *testing.T) {
	s := newSession(t, sample())
	s.play(`drag left 446 300 446 420`)
	if len(s.svc.Log()) != 0 {
		t.Errorf("%v sent for a connect dropped on empty space", s.commandTypes())
	}
	if _, _, ok := s.ed.ConnectLine(); ok {
		t.Error("the rubber edge must go when the button is released")
	}
}

func TestEventsPulseThenSettle(t *testing.T) {
	s := newSession(t, sample())
	s.play(`
		click left 400 300
		key f2
		text "Z"
		key enter
	`)
	if v, _ := s.ed.Node("a"); v.Pulse <= 0 {
		t.Fatal("the renamed node must pulse")
	}
	s.play(`wait 1s`)
	r := s.ed.Revision()
	if v, _ := s.ed.Node("a"); v.Pulse != 0 {
		t.Errorf("pulse %v after a second, want 0", v.Pulse)
	}
	s.play(`wait 100ms`)
	if s.ed.Revision() != r {
		t.Error("revision still moving once the pulse ended")
	}
}

func TestHoverFollowsPointer(t *testing.T) {
	s := newSession(t, sample())
	s.play(`move 400 300`)
	if v, _ := s.ed.Node("a"); !v.Hovered {
		t.Error("a under the pointer must be hovered")
	}
	s.play(`move 700 100`)
	if v, _ := s.ed.Node("a"); v.Hovered {
		t.Error("a must lose hover when the pointer leaves")
	}
}

func TestUndoWithEmptyHistorySaysSo(t *testing.T) {
	s := newSession(t, sample())
	s.play(`
		key ctrl+z
		key ctrl+y
	`)
	if len(s.svc.Log()) != 0 || s.ed.Status().Message != ErrNothingToRedo.Error() {
		t.Errorf("status %q, %d commands", s.ed.Status().Message, len(s.svc.Log()))
	}
}

// TestInversesSeeCommandsInFlight: two renames issued before either is
// answered; undoing the second must restore the first's label, not the
// label confirmed when it was issued.
func TestInversesSeeCommandsInFlight(t *testing.T) {
	s := newSession(t, sample())
	for _, label := range []string{"X", "Y"} {
		sc, _ := ParseScript(strings.NewReader("wait 500ms\nclick left 400 300\nkey f2\ntext \"" + label + "\"\nkey enter"))
		for _, in := range sc.Frames(testW, testH) {
			s.ed.Update(in) // no pump: the service has not answered yet
		}
	}
	if s.ed.Status().Pending != 2 {
		t.Fatalf("pending %d, want 2 in flight", s.ed.Status().Pending)
	}
	s.svc.Pump(s.ed)
	s.play("key ctrl+z")
	if n := s.node("g", "a"); n.Label != "X" {
		t.Errorf("undo of the second rename gave %q, want X", n.Label)
	}
}

func TestClickEdgeThenDelete(t *testing.T) {
	s := newSession(t, sample())
	s.play(`click left 460 302`) // on ab, between a (0,0) and b (120,0)
	var sel []string
	for e := range s.ed.Edges() {
		if e.Selected {
			sel = append(sel, e.ID)
		}
	}
	if !slices.Equal(sel, []string{"ab"}) {
		t.Fatalf("selected edges %v, want [ab]", sel)
	}
	s.play(`
		key delete
		key ctrl+z
		key ctrl+y
	`)
	if got := s.commandTypes(); !slices.Equal(got, []string{"remove_edge", "restore_elements", "remove_edge"}) {
		t.Errorf("commands %v", got)
	}
	if g, _ := s.svc.Graph("g"); len(g.Edges) != 2 || len(g.Nodes) != 3 {
		t.Errorf("after redo: %d nodes %d edges, want 3 and 2", len(g.Nodes), len(g.Edges))
	}
	s.sameAsService()
}

func TestPulseAPI(t *testing.T) {
	s := newSession(t, sample())
	s.ed.PulseNode("b")
	s.ed.PulseEdge("bc")
	s.ed.PulseNode("nope")
	if v, _ := s.ed.Node("b"); v.Pulse != 1 {
		t.Errorf("b pulse %v, want 1", v.Pulse)
	}
	for e := range s.ed.Edges() {
		if (e.ID == "bc") != (e.Pulse > 0) {
			t.Errorf("edge %s pulse %v", e.ID, e.Pulse)
		}
	}
}
