package dialog

import (
	"maps"
	"slices"
	"testing"

	"github.com/cimviz/cimviz/domains/message"
)

// The command decoder never panics, and whatever it accepts keeps the
// conversation consistent once applied: participants once each, turns
// with distinct IDs spoken by participants, replies to earlier turns,
// and a tree and graph that hold every turn once.
func FuzzDecide(f *testing.F) {
	for _, tt := range append(accepted(), refused()...) {
		f.Add(tt.when.Actor, tt.when.Type, string(tt.when.Payload))
	}
	for _, bad := range []string{``, `null`, `[]`, `{"text":1}`, `{"participants":[{}]}`, `{"reply_to":"t1","text":"\u0000"}`} {
		for _, typ := range slices.Sorted(maps.Keys(deciders)) {
			f.Add("person-ada", typ, bad)
		}
	}
	f.Fuzz(func(t *testing.T, actor, typ, payload string) {
		c := given(open...)
		if typ == "start_conversation" {
			c = given()
		}
		drafts, err := Decide(c, message.Command{Type: typ, Payload: []byte(payload), Actor: actor})
		if err != nil {
			return
		}
		for _, d := range drafts {
			c = Apply(c, ev(d.Type, d.Payload))
		}
		consistent(t, c, typ+" "+payload)
	})
}

func consistent(t *testing.T, c *Conversation, what string) {
	t.Helper()
	for i, p := range c.Participants {
		if c.participant(p.ID) != i || (p.Kind != Person && p.Kind != Agent) {
			t.Fatalf("%s: participant %+v", what, p)
		}
	}
	for i, tu := range c.Turns {
		if c.turn(tu.ID) != i || c.participant(tu.Speaker) < 0 || (tu.ReplyTo != "" && c.turn(tu.ReplyTo) >= i) {
			t.Fatalf("%s: turn %+v", what, tu)
		}
	}
	if n := len(Tree(c).Turns); n != len(c.Turns) {
		t.Fatalf("%s: tree of %d turns, %d said", what, n, len(c.Turns))
	}
	if g := Graph(c); g.NodeCount() != 1+len(c.Participants)+len(c.Turns) {
		t.Fatalf("%s: graph of %d nodes", what, g.NodeCount())
	}
}

// The event decoder never panics on stored payloads it did not write,
// and the tree and graph of whatever it makes hold every turn once.
func FuzzApply(f *testing.F) {
	for _, e := range []message.Event{started, said, left, closed} {
		f.Add(e.Type, string(e.Payload))
	}
	f.Add("turn_replied", `{"id":"t2","speaker":"x","reply_to":"t2"}`)
	f.Add("turn_said", `{"id":"conversation","speaker":"x"}`)
	f.Add("conversation_started", `{"participants":[{"id":"a"},{"id":"a"}]}`)
	f.Fuzz(func(t *testing.T, typ, payload string) {
		c := Apply(given(open...), message.Event{Type: typ, Payload: []byte(payload)})
		if n := len(Tree(c).Turns); n != len(c.Turns) {
			t.Fatalf("tree of %d turns, %d said", n, len(c.Turns))
		}
		_ = Graph(c)
	})
}

// Query arguments from the wire never make a query panic.
func FuzzQueries(f *testing.F) {
	for _, name := range slices.Sorted(maps.Keys(queries)) {
		f.Add(name, ``)
		f.Add(name, `{"x":[}`)
	}
	f.Fuzz(func(t *testing.T, name, args string) {
		if q, ok := queries[name]; ok {
			_, _ = q(given(open...), 2, []byte(args))
		}
	})
}
