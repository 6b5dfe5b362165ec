package dialog

import (
	"strings"
	"time"
	"unicode/utf8"

	"github.com/cimviz/cimviz/graph"
)

// Node kinds of a conversation's graph.
const (
	KindConversation = "conversation"
	KindTurn         = "turn"
)

// Edge kinds of a conversation's graph.
const (
	EdgeParticipant = "participant"
	EdgeOpens       = "opens"
	EdgeReply       = "reply"
)

// GraphID is the editor's graph ID of a conversation's graph.
func GraphID(conversation string) string { return "view-dialog-" + conversation }

// Graph is the conversation as a graph: a node for the conversation, one
// per participant (ID "p:<principal>", kind person or agent) and one per
// turn (its ID, kind turn, labelled "speaker: text"); edges from the
// conversation to its participants and to the turns that reply to
// nothing, and from each turn to its replies. Positions are a tree
// layout: depth down, replies side by side under their turn.
func Graph(c *Conversation) *graph.Graph {
	name := c.Topic
	if name == "" {
		name = c.ID
	}
	g := graph.New(GraphID(c.ID), "Conversation: "+name)
	root := graph.Node{ID: KindConversation, Kind: KindConversation, Label: name, Props: map[string]string{"conversation": c.ID}}
	if c.Closed {
		root.Props["closed"] = "true"
	}
	_ = g.AddNode(root)
	for i, p := range c.Participants {
		_ = g.AddNode(graph.Node{ID: "p:" + p.ID, Kind: p.Kind, Label: p.ID, Pos: graph.Point{X: float64(i+1) * -180, Y: -140},
			Props: map[string]string{"principal": p.ID, "active": boolString(p.Active)}})
		_ = g.AddEdge(graph.Edge{ID: "participant:" + p.ID, From: KindConversation, To: "p:" + p.ID, Kind: EdgeParticipant})
	}
	x := treeX(c)
	for _, t := range Tree(c).Turns {
		props := map[string]string{"speaker": t.Speaker, "text": t.Text}
		if !t.Time.IsZero() {
			props["time"] = t.Time.Format(time.RFC3339)
		}
		if err := g.AddNode(graph.Node{ID: t.ID, Kind: KindTurn, Label: label(t), Props: props,
			Pos: graph.Point{X: x[t.ID] * 200, Y: float64(t.Depth+1) * 140}}); err != nil {
			continue // a turn ID taken twice (never written by this code)
		}
		from, kind := KindConversation, EdgeOpens
		if t.Depth > 0 {
			from, kind = t.ReplyTo, EdgeReply
		}
		_ = g.AddEdge(graph.Edge{ID: from + ">" + t.ID, From: from, To: t.ID, Kind: kind})
	}
	return g
}

// treeX places each turn: leaves in slots from left to right in
// depth-first order, a turn with replies over the middle of them.
func treeX(c *Conversation) map[string]float64 {
	tree := Tree(c).Turns
	x := make(map[string]float64, len(tree))
	next := 0.0
	// Leaves in order, then each turn with replies from the last up, so
	// that its replies are placed before it.
	for _, t := range tree {
		if len(t.Replies) == 0 {
			x[t.ID] = next
			next++
		}
	}
	for i := len(tree) - 1; i >= 0; i-- {
		if t := tree[i]; len(t.Replies) > 0 {
			x[t.ID] = (x[t.Replies[0]] + x[t.Replies[len(t.Replies)-1]]) / 2
		}
	}
	return x
}

// label is "speaker: text", the text cut at 48 runes on one line.
func label(t TreeTurn) string {
	text := strings.Join(strings.Fields(t.Text), " ")
	if utf8.RuneCountInString(text) > 48 {
		text = string([]rune(text)[:47]) + "…"
	}
	return t.Speaker + ": " + text
}

func boolString(b bool) string {
	if b {
		return "true"
	}
	return "false"
}
