package ecs

import (
	"slices"
	"strings"
	"testing"

	"github.com/cimviz/cimviz/graph"
	"github.com/cimviz/cimviz/graph/change"
)

func TestRefusedMoveSnapsBack(t *testing.T) {
	s := newSession(t, sample())
	s.svc.Handle(change.ArchiveGraph{Graph: "g"}) // someone else archived it
	s.play(`drag left 400 300 500 300`)
	v, _ := s.ed.Node("a")
	if v.Ghost || v.Pos != (graph.Point{}) {
		t.Errorf("a drawn at %v ghost=%v after the refusal, want back at origin", v.Pos, v.Ghost)
	}
	if st := s.ed.Status(); !st.IsError || !strings.Contains(st.Message, "archived") {
		t.Errorf("status %+v, want an error naming the archive", st)
	}
	if s.ed.Status().Pending != 0 {
		t.Errorf("pending %d, want 0 once answered", s.ed.Status().Pending)
	}
}

func TestLabelEditEscapeCancels(t *testing.T) {
	s := newSession(t, sample())
	s.play(`
		click left 400 300
		key f2
		text "Zed"
		key escape
	`)
	if n := s.node("g", "a"); n.Label != "A" || len(s.svc.Log()) != 0 {
		t.Errorf("label %q, %d commands: Escape must send nothing", n.Label, len(s.svc.Log()))
	}
	s.play(`
		key f2
		key backspace
		text "Ab"
		key backspace
		text "lpha"
		key enter
	`)
	if n := s.node("g", "a"); n.Label != "Alpha" {
		t.Errorf("label %q, want Alpha", n.Label)
	}
}

func TestFindJumpsToMatches(t *testing.T) {
	g := sample()
	_ = g.UpdateNode(graph.Node{ID: "c", Label: "Cart", Kind: "service"})
	s := newSession(t, g)
	s.play(`
		key ctrl+f
		text "c"
	`)
	f := s.ed.UI().Find
	if !f.Open || !slices.Equal(f.Matches, []string{"c"}) {
		t.Fatalf("find %+v, want one match c", f)
	}
	if s.ed.Camera().Center != (graph.Point{X: 0, Y: 200}) {
		t.Errorf("camera at %v, want centred on c", s.ed.Camera().Center)
	}
	s.play(`
		key backspace
		text "serv"
		key enter
		key escape
	`)
	if s.ed.UI().Find.Open {
		t.Error("Escape must close the find bar")
	}
	if v, _ := s.ed.Node("c"); v.Match {
		t.Error("match marks must go with the find bar")
	}
}

func TestPaletteRunsChosenAction(t *testing.T) {
	s := newSession(t, sample())
	s.play(`
		key ctrl+shift+p
		text "help"
	`)
	p := s.ed.UI().Palette
	if !p.Open || len(p.Results) == 0 || p.Results[0].Action.Name != "help.toggle" {
		t.Fatalf("palette %+v, want help.toggle first", p)
	}
	s.play(`key enter`)
	if !s.ed.UI().Help || s.ed.UI().Palette.Open {
		t.Errorf("help %v palette %v: Enter must run the action and close", s.ed.UI().Help, s.ed.UI().Palette.Open)
	}
}

func TestCopyPasteAndDuplicate(t *testing.T) {
	s := newSession(t, sample())
	s.play(`
		drag left 300 250 580 340
		key ctrl+c
		move 400 500
		key ctrl+v
	`)
	g, _ := s.svc.Graph("g")
	if len(g.Nodes) != 5 || len(g.Edges) != 4 {
		t.Fatalf("after paste: %d nodes %d edges, want 5 and 4", len(g.Nodes), len(g.Edges))
	}
	if got := s.ed.Selection(); len(got) != 2 || slices.Contains(got, "a") {
		t.Errorf("selection %v, want the two pasted nodes", got)
	}
	s.play(`key ctrl+d`)
	if g, _ = s.svc.Graph("g"); len(g.Nodes) != 7 || len(g.Edges) != 5 {
		t.Fatalf("after duplicate: %d nodes %d edges, want 7 and 5", len(g.Nodes), len(g.Edges))
	}
	s.play(`
		key ctrl+z
		key ctrl+z
	`)
	if g, _ = s.svc.Graph("g"); !sameGraph(g, sample()) {
		t.Errorf("two undos must remove both pastes: %+v", g.Nodes)
	}
}

func TestPasteGarbageIsReported(t *testing.T) {
	s := newSession(t, sample())
	s.ed.SetClipboard("not json")
	s.play(`key ctrl+v`)
	if !s.ed.Status().IsError || len(s.svc.Log()) != 0 {
		t.Errorf("status %+v with %d commands, want an error and none sent", s.ed.Status(), len(s.svc.Log()))
	}
}

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
