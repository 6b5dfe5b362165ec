package dialog

import (
	"testing"
)

// The seeded conversation as a graph: the conversation, its four
// participants and five turns; an edge to each participant, one to the
// first turn and one per reply; replies below their turn, a turn over
// its replies.
func TestGraph(t *testing.T) {
	g := Graph(replay(t, Seed()))
	if g.ID != "view-dialog-"+SeedConversation || g.NodeCount() != 1+4+5 || g.EdgeCount() != 4+1+4 {
		t.Fatalf("graph %s: %d nodes, %d edges", g.ID, g.NodeCount(), g.EdgeCount())
	}
	for _, e := range []struct{ from, to, kind string }{
		{"conversation", "p:person-linus", EdgeParticipant}, {"conversation", "t1", EdgeOpens}, {"t1", "t2", EdgeReply}, {"t3", "t5", EdgeReply}} {
		edge, ok := g.Edge(e.from + ">" + e.to)
		if e.kind == EdgeParticipant {
			edge, ok = g.Edge("participant:person-linus")
		}
		if !ok || edge.From != e.from || edge.To != e.to || edge.Kind != e.kind {
			t.Errorf("edge %s -> %s (%s): %+v, %v", e.from, e.to, e.kind, edge, ok)
		}
	}
	node := func(id string) (x, y float64) {
		n, ok := g.Node(id)
		if !ok {
			t.Fatalf("no node %s", id)
		}
		return n.Pos.X, n.Pos.Y
	}
	x1, y1 := node("t1")
	x2, y2 := node("t2")
	x3, _ := node("t3")
	x4, y4 := node("t4")
	if !(y1 < y2 && y2 < y4) || !(x2 < x3) || x1 != (x2+x3)/2 || x2 != x4 {
		t.Fatalf("positions: t1 (%v,%v) t2 (%v,%v) t3 %v t4 (%v,%v)", x1, y1, x2, y2, x3, x4, y4)
	}
	if n, _ := g.Node("t2"); n.Label != "person-grace: Only if the compiler passes every test first." || n.Props["speaker"] != "person-grace" {
		t.Fatalf("t2: %+v", n)
	}
	if n, _ := g.Node("p:agent-x"); n.ID != "" {
		t.Fatal("a participant that is not there")
	}
}

// An empty conversation is just its node; labels are cut on one line.
func TestGraphEdges(t *testing.T) {
	if g := Graph(&Conversation{ID: "c"}); g.NodeCount() != 1 || g.Nodes[0].Label != "c" {
		t.Fatalf("empty: %+v", g.Nodes)
	}
	long := TreeTurn{Turn: Turn{Speaker: "a", Text: "one\ntwo 0123456789012345678901234567890123456789012345678901234567890"}}
	if l := label(long); len([]rune(l)) != 3+48 || l[len(l)-3:] != "…" {
		t.Fatalf("label %q", l)
	}
}
