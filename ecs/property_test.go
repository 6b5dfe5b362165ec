package ecs

import (
	"fmt"
	"testing"

	"pgregory.net/rapid"
)

// randomAction plays one user action, mostly on a random node.
func randomAction(t *rapid.T, s *session) {
	ids := s.ed.Graph().Nodes
	pick := func(label string) string {
		return ids[rapid.IntRange(0, len(ids)-1).Draw(t, label)].ID
	}
	action := rapid.IntRange(0, 5).Draw(t, "action")
	if len(ids) == 0 {
		action = 0
	}
	x, y := rapid.IntRange(50, 750).Draw(t, "x"), rapid.IntRange(50, 550).Draw(t, "y")
	s.play("wait 500ms") // a human pause: no accidental double clicks
	switch action {
	case 0:
		s.play(fmt.Sprintf("move %d %d\nkey n", x, y))
	case 1:
		s.play(fmt.Sprintf("drag left %s %d %d", s.screen(pick("drag")), x, y))
	case 2:
		s.play("click left " + s.screen(pick("del")) + "\nkey delete")
	case 3:
		from, to := s.ed.s.lookup.Nodes[pick("from")], pick("to")
		s.ed.s.selectOnly(from)
		h := s.ed.Camera().ToScreen(s.ed.handlePoint(from))
		s.play(fmt.Sprintf("drag left %g %g %s", h[0], h[1], s.screen(to)))
	case 4:
		s.play("click left " + s.screen(pick("rename")) + "\nkey f2\ntext \"r\"\nkey enter")
	case 5:
		s.play("key ctrl+z")
	}
}

// TestProjectionFollowsService: whatever the user does, the world shows
// exactly the service's graph once the replies are in.
func TestProjectionFollowsService(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		s := newSession(rt, sample())
		for range rapid.IntRange(1, 15).Draw(rt, "steps") {
			randomAction(rt, s)
			s.sameAsService()
		}
	})
}

// TestUndoEverythingRestoresTheGraph: undoing every step in turn gives the
// starting graph back, and redoing them all gives the edited one.
func TestUndoEverythingRestoresTheGraph(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		s := newSession(rt, sample())
		for range rapid.IntRange(1, 10).Draw(rt, "steps") {
			randomAction(rt, s)
		}
		edited, _ := s.svc.Graph("g")
		n := len(s.ed.hist.Undo)
		for range n {
			s.play("key ctrl+z")
		}
		if g, _ := s.svc.Graph("g"); !sameGraph(g, sample()) {
			rt.Fatalf("after %d undos: %+v %+v", n, g.Nodes, g.Edges)
		}
		for range n {
			s.play("key ctrl+y")
		}
		if g, _ := s.svc.Graph("g"); !sameGraph(g, edited) {
			rt.Fatalf("after %d redos: %+v, want %+v", n, g.Nodes, edited.Nodes)
		}
		s.sameAsService()
	})
}
