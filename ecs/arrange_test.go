package ecs

import (
	"slices"
	"strings"
	"testing"

	"github.com/cimviz/cimviz/graph"
)

func TestAlignAndDistribute(t *testing.T) {
	g := graph.New("g", "")
	for i, p := range []graph.Point{{X: 0, Y: 0}, {X: 100, Y: 50}, {X: 400, Y: 10}} {
		_ = g.AddNode(graph.Node{ID: string(rune('a' + i)), Pos: p})
	}
	s := newSession(t, g)
	s.play(`
		key ctrl+a
		key ctrl+alt+up
		key ctrl+alt+h
	`)
	want := map[string]graph.Point{"a": {X: 0, Y: 0}, "b": {X: 200, Y: 0}, "c": {X: 400, Y: 0}}
	for id, p := range want {
		if n := s.node("g", id); n.Pos != p {
			t.Errorf("%s at %v, want %v", id, n.Pos, p)
		}
	}
	if got := s.commandTypes(); !slices.Equal(got, []string{"apply_layout", "move_node"}) {
		t.Errorf("commands %v, want one per action", got)
	}
}

func TestCollapseKeepsOutsideEdges(t *testing.T) {
	s := newSession(t, sample())
	s.play(`
		drag left 300 250 580 340
		key ctrl+g
	`)
	groups := s.ed.Groups()
	if len(groups) != 1 || groups[0].Members != 2 {
		t.Fatalf("groups %+v, want one of two nodes", groups)
	}
	var ids []string
	for e := range s.ed.Edges() {
		ids = append(ids, e.ID)
	}
	slices.Sort(ids)
	if !slices.Equal(ids, []string{"bc", "ca"}) {
		t.Errorf("edges drawn %v, want the outside ones [bc ca] (ab is inside)", ids)
	}
	s.play(`key ctrl+shift+g`)
	if len(s.ed.Groups()) != 0 || len(s.ed.Selection()) != 2 {
		t.Errorf("expand left %d groups, selection %v", len(s.ed.Groups()), s.ed.Selection())
	}
	if len(s.svc.Log()) != 0 {
		t.Error("collapse is presentation only: no command may be sent")
	}
}

func TestSnapToGrid(t *testing.T) {
	s := newSession(t, sample())
	s.play(`
		key shift+g
		drag left 400 300 433 309
	`)
	if n := s.node("g", "a"); n.Pos != (graph.Point{X: 40, Y: 0}) {
		t.Errorf("a at %v, want snapped to (40,0)", n.Pos)
	}
}

// rowLayout puts nodes in a row, 100 apart, in graph order.
func rowLayout(g *graph.Graph) (map[string]graph.Point, error) {
	out := map[string]graph.Point{}
	for i, n := range g.Nodes {
		out[n.ID] = graph.Point{X: float64(i) * 100}
	}
	return out, nil
}

func TestAutoLayoutSelectionKeepsItsCentre(t *testing.T) {
	svc := NewLocalService(sample())
	ed := NewEditor(WithSize(testW, testH), WithSource(svc.Graph), WithLayout(rowLayout))
	ed.Load(sample())
	s := &session{t: t, ed: ed, svc: svc}
	s.play(`
		hold shift
		click left 400 300
		click left 400 500
		release shift
		key ctrl+l
	`)
	// a (0,0) and c (0,200): centre (0,100); a row of two centred there.
	if a, c := s.node("g", "a"), s.node("g", "c"); a.Pos != (graph.Point{X: -50, Y: 100}) || c.Pos != (graph.Point{X: 50, Y: 100}) {
		t.Errorf("a %v c %v, want (-50,100) and (50,100)", a.Pos, c.Pos)
	}
	if got := s.commandTypes(); !slices.Equal(got, []string{"apply_layout"}) {
		t.Errorf("commands %v, want one apply_layout", got)
	}
}

func TestAutoLayoutWithoutEngineSaysSo(t *testing.T) {
	svc := NewLocalService(sample())
	ed := NewEditor(WithSize(testW, testH), WithLayout(nil))
	ed.Load(sample())
	s := &session{t: t, ed: ed, svc: svc}
	s.play(`key ctrl+l`)
	if st := s.ed.Status(); !st.IsError || !strings.Contains(st.Message, "layout") || len(s.svc.Log()) != 0 {
		t.Errorf("status %+v, %d commands", st, len(s.svc.Log()))
	}
}

func TestDefaultAutoLayoutSeparatesNodes(t *testing.T) {
	g := graph.New("g", "")
	for _, id := range []string{"a", "b", "c", "d"} {
		_ = g.AddNode(graph.Node{ID: id}) // all on top of each other
	}
	_ = g.AddEdge(graph.Edge{ID: "ab", From: "a", To: "b"})
	_ = g.AddEdge(graph.Edge{ID: "bc", From: "b", To: "c"})
	s := newSession(t, g)
	s.play(`key ctrl+l`)
	seen := map[graph.Point]string{}
	for _, id := range []string{"a", "b", "c", "d"} {
		p := s.node("g", id).Pos
		if other, dup := seen[p]; dup {
			t.Errorf("%s and %s both at %v after auto-layout", id, other, p)
		}
		seen[p] = id
	}
	s.sameAsService()
}
