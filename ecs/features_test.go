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
