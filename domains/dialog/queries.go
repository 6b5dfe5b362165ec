package dialog

import (
	"encoding/json"

	"github.com/cimviz/cimviz/domains/service"
)

// GetAnswer is the get query's answer: the conversation at a version.
type GetAnswer struct {
	*Conversation
	Version uint64 `json:"version"`
}

// TreeAnswer is the tree query's answer: the turns in depth-first order,
// each with its depth (0 for a turn that replies to nothing) and the IDs
// of its replies. It is flat, so a long chain of replies is no deeper in
// JSON than a short one.
type TreeAnswer struct {
	ID    string     `json:"id"`
	Topic string     `json:"topic,omitempty"`
	Turns []TreeTurn `json:"turns"`
}

// TreeTurn is one turn in the tree.
type TreeTurn struct {
	Turn
	Depth   int      `json:"depth"`
	Replies []string `json:"replies,omitempty"`
}

// queries are the domain's queries about one conversation.
var queries = map[string]service.Query[*Conversation]{
	"get":   func(c *Conversation, v uint64, _ json.RawMessage) (any, error) { return GetAnswer{c, v}, nil },
	"tree":  func(c *Conversation, _ uint64, _ json.RawMessage) (any, error) { return Tree(c), nil },
	"graph": func(c *Conversation, _ uint64, _ json.RawMessage) (any, error) { return Graph(c), nil },
}

// Tree is the conversation's reply tree in depth-first order, roots and
// replies in the order they were said. A turn whose parent is unknown
// counts as a root, so every turn appears once.
func Tree(c *Conversation) TreeAnswer {
	out := TreeAnswer{ID: c.ID, Topic: c.Topic, Turns: make([]TreeTurn, 0, len(c.Turns))}
	kids := children(c)
	type entry struct{ idx, depth int }
	var stack []entry
	push := func(idxs []int, depth int) {
		for i := len(idxs) - 1; i >= 0; i-- {
			stack = append(stack, entry{idxs[i], depth})
		}
	}
	push(kids[-1], 0)
	for len(stack) > 0 {
		e := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		t := TreeTurn{Turn: c.Turns[e.idx], Depth: e.depth}
		for _, k := range kids[e.idx] {
			t.Replies = append(t.Replies, c.Turns[k].ID)
		}
		out.Turns = append(out.Turns, t)
		push(kids[e.idx], e.depth+1)
	}
	return out
}

// children maps each turn's index to its replies' indexes, -1 to the
// roots. Only replies to earlier turns count as replies.
func children(c *Conversation) map[int][]int {
	index := make(map[string]int, len(c.Turns))
	kids := map[int][]int{-1: nil}
	for i, t := range c.Turns {
		parent, ok := index[t.ReplyTo]
		if t.ReplyTo == "" || !ok {
			parent = -1
		}
		kids[parent] = append(kids[parent], i)
		if _, dup := index[t.ID]; !dup {
			index[t.ID] = i
		}
	}
	return kids
}
