package ecs

import (
	"slices"
	"testing"

	"github.com/cimviz/cimviz/graph"
	"github.com/cimviz/cimviz/graph/change"
)

// nested returns root (node s -> sub) and sub (node x -> root, node y).
func nested() (*graph.Graph, *graph.Graph) {
	root := graph.New("root", "Root")
	_ = root.AddNode(graph.Node{ID: "s", Label: "S", Ref: "sub"})
	sub := graph.New("sub", "Sub")
	_ = sub.AddNode(graph.Node{ID: "x", Label: "X", Ref: "root"})
	_ = sub.AddNode(graph.Node{ID: "y", Label: "Y", Pos: graph.Point{X: 200}})
	return root, sub
}

func crumbGraphs(ed *Editor) []string {
	var out []string
	for _, c := range ed.Breadcrumbs() {
		out = append(out, c.Graph)
	}
	return out
}

func TestOpenSubgraphRecursiveAndBack(t *testing.T) {
	root, sub := nested()
	s := newSession(t, root, sub)
	s.play(`dblclick 400 300`)
	if got := crumbGraphs(s.ed); !slices.Equal(got, []string{"root", "sub"}) {
		t.Fatalf("path %v after opening s, want [root sub]", got)
	}
	if x, _ := s.ed.Node("x"); !x.Recursive {
		t.Error("x links root, which is open higher up: want it marked recursive")
	}
	s.play("click left " + s.screen("x") + "\nkey enter")
	if got := crumbGraphs(s.ed); !slices.Equal(got, []string{"root", "sub", "root"}) {
		t.Fatalf("path %v after opening x, want it to grow to [root sub root]", got)
	}
	if v, _ := s.ed.Node("s"); !v.Recursive {
		t.Error("s links sub, open higher up: want it marked recursive")
	}
	s.play(`
		key backspace
		key alt+up
	`)
	if got := crumbGraphs(s.ed); !slices.Equal(got, []string{"root"}) {
		t.Fatalf("path %v after going back twice, want [root]", got)
	}
	if got := s.ed.Selection(); !slices.Equal(got, []string{"s"}) {
		t.Errorf("selection %v after coming back, want the opened node s", got)
	}
	if v, _ := s.ed.Node("s"); v.Recursive {
		t.Error("s is no longer recursive at the top")
	}
}

func TestEditsInSubgraphGoToThatGraph(t *testing.T) {
	root, sub := nested()
	s := newSession(t, root, sub)
	s.play(`
		dblclick 400 300
		key ctrl+a
		key delete
	`)
	for _, r := range s.svc.Log() {
		if r.Cmd.Target() != "sub" {
			t.Fatalf("command %s went to %q, want sub", r.Cmd.CommandType(), r.Cmd.Target())
		}
	}
	if g, _ := s.svc.Graph("sub"); len(g.Nodes) != 0 {
		t.Fatalf("sub still has %d nodes", len(g.Nodes))
	}
	s.play(`key backspace`)
	if g, _ := s.svc.Graph("root"); len(g.Nodes) != 1 {
		t.Fatalf("root changed: %+v", g.Nodes)
	}
	s.sameAsService()
}

func TestEventsOfOtherGraphsAreIgnored(t *testing.T) {
	root, sub := nested()
	s := newSession(t, root, sub)
	before := s.ed.Revision()
	if err := ApplyEvent(s.ed.World(), "sub", change.NodeRemoved{Node: "y"}); err != nil {
		t.Fatal(err)
	}
	if s.ed.Revision() != before {
		t.Error("an event of a graph that is not open changed the view")
	}
}

func TestCorruptEventChangesNothing(t *testing.T) {
	s := newSession(t, sample())
	err := ApplyEvent(s.ed.World(), "g", change.NodeMoved{Node: "zz", Pos: graph.Point{X: 1}})
	if err == nil {
		t.Fatal("moving an unknown node: want an error")
	}
	s.sameAsService()
}

func TestApplyEventAcceptsPointersAndRefusesNil(t *testing.T) {
	s := newSession(t, sample())
	if err := ApplyEvent(s.ed.World(), "g", &change.NodeMoved{Node: "a", Pos: graph.Point{X: 5}}); err != nil {
		t.Fatal(err)
	}
	if v, _ := s.ed.Node("a"); v.Committed != (graph.Point{X: 5}) {
		t.Errorf("a at %v after a pointer event, want (5,0)", v.Committed)
	}
	if err := ApplyEvent(s.ed.World(), "g", nil); err == nil {
		t.Error("a nil event must be an error")
	}
	s.ed.Receive(Reply{Graph: "g", Err: change.ErrArchived})
	if !s.ed.Status().IsError {
		t.Error("a refusal without its command must still be reported")
	}
}

func TestUndoIsPerOpenGraph(t *testing.T) {
	root, sub := nested()
	s := newSession(t, root, sub)
	s.play(`
		drag left 400 300 400 400
		wait 500ms
		dblclick 400 400
		wait 500ms
		key ctrl+a
		key delete
		key backspace
		key ctrl+z
	`)
	if n := s.node("root", "s"); n.Pos != (graph.Point{}) {
		t.Errorf("undo in root must undo root's move: s at %v", n.Pos)
	}
	if g, _ := s.svc.Graph("sub"); len(g.Nodes) != 0 {
		t.Errorf("undo in root must leave sub's delete alone: %d nodes", len(g.Nodes))
	}
	s.play(`
		key enter
		key ctrl+z
	`)
	if g, _ := s.svc.Graph("sub"); len(g.Nodes) != 2 {
		t.Errorf("undo inside sub must restore its nodes: %d", len(g.Nodes))
	}
}
