package causation

import (
	"sort"
	"strings"
	"testing"

	"github.com/google/uuid"
	"pgregory.net/rapid"

	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/graph"
	"github.com/cimviz/cimviz/live/eventlog"
)

// chat builds entries by name: "cmd:create" is a command named create,
// caused by the entry named in causes (itself when absent: a root).
type chat struct {
	corr    uuid.UUID
	ids     map[string]uuid.UUID
	entries []eventlog.Entry
}

func newChat() *chat { return &chat{corr: uuid.New(), ids: map[string]uuid.UUID{}} }

func (c *chat) id(name string) uuid.UUID {
	if _, ok := c.ids[name]; !ok {
		c.ids[name] = uuid.New()
	}
	return c.ids[name]
}

func (c *chat) add(name, cause string) {
	kind, typ, _ := strings.Cut(name, ":")
	if kind == "cmd" {
		kind = eventlog.KindCommand
	} else {
		kind = eventlog.KindEvent
	}
	id := message.Identity{MessageID: c.id(name), CorrelationID: c.corr, CausationID: c.id(cause)}
	c.entries = append(c.entries, eventlog.Entry{Kind: kind, Type: typ, Identity: id})
}

// shape prints the tree's edges as "from-label>to-label" sorted, and the
// cycle marks.
func shape(g *graph.Graph) string {
	label := map[string]string{}
	for _, n := range g.Nodes {
		label[n.ID] = n.Kind + ":" + n.Label
		if n.Props["cycle"] == "true" {
			label[n.ID] += "!"
		}
	}
	var out []string
	for _, e := range g.Edges {
		out = append(out, label[e.From]+">"+label[e.To])
	}
	sort.Strings(out)
	return strings.Join(out, " ")
}

func TestTrees(t *testing.T) {
	tests := []struct {
		name  string
		build func(c *chat)
		want  string
	}{
		{"one root", func(c *chat) {
			c.add("cmd:create", "cmd:create")
			c.add("evt:created", "cmd:create")
			c.add("cmd:notify", "evt:created")
			c.add("evt:notified", "cmd:notify")
		}, "command:create>event:created command:notify>event:notified event:created>command:notify"},
		{"many roots", func(c *chat) {
			c.add("cmd:a", "cmd:a")
			c.add("cmd:b", "cmd:b")
			c.add("evt:a1", "cmd:a")
			c.add("evt:b1", "cmd:b")
		}, "command:a>event:a1 command:b>event:b1"},
		{"missing cause", func(c *chat) {
			c.add("cmd:a", "cmd:a")
			c.add("evt:orphan", "cmd:never-logged")
			c.add("evt:child", "evt:orphan")
		}, "event:orphan>event:child missing:missing cause>event:orphan"},
		{"cycle in bad data", func(c *chat) {
			c.add("evt:x", "evt:y")
			c.add("evt:y", "evt:x")
			c.add("evt:z", "evt:y")
		}, "event:x!>event:y! event:y!>event:x! event:y!>event:z! missing:missing cause>event:x!"},
		{"logged twice", func(c *chat) {
			c.add("cmd:a", "cmd:a")
			c.add("evt:b", "cmd:a")
			c.add("evt:b", "cmd:a")
		}, "command:a>event:b"},
	}
	for _, tt := range tests {
		c := newChat()
		tt.build(c)
		other := newChat()
		other.add("cmd:elsewhere", "cmd:elsewhere")
		g := Tree(append(c.entries, other.entries...), c.corr)
		if got := shape(g); got != tt.want {
			t.Errorf("%s:\n got %s\nwant %s", tt.name, got, tt.want)
		}
	}
}

// Whatever the causes point at, the tree is built, every message appears
// once, every node but roots and the missing node has a parent, and the
// layout puts causes above what they caused on tree edges into a node
// with one parent.
func TestAnyCausesGiveATree(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c := newChat()
		names := []string{"evt:a", "evt:b", "cmd:c", "evt:d", "cmd:e", "evt:f"}
		n := rapid.IntRange(0, 12).Draw(t, "n")
		for range n {
			c.add(rapid.SampledFrom(names).Draw(t, "name"), rapid.SampledFrom(append(names, "evt:gone")).Draw(t, "cause"))
		}
		g := Tree(c.entries, c.corr)
		if err := g.Reindex(); err != nil {
			t.Fatal(err)
		}
		parents := map[string]int{}
		for _, e := range g.Edges {
			parents[e.To]++
		}
		for _, m := range collect(c.entries, c.corr) {
			id := m.Identity
			if !g.HasNode(id.MessageID.String()) {
				t.Fatalf("message %s missing", m.Type)
			}
			if !isRoot(id) && parents[id.MessageID.String()] == 0 {
				t.Fatalf("message %s has no parent: %s", m.Type, shape(g))
			}
		}
	})
}

func TestLayoutIsTopDown(t *testing.T) {
	c := newChat()
	c.add("cmd:a", "cmd:a")
	c.add("evt:b", "cmd:a")
	c.add("cmd:c", "evt:b")
	g := Tree(c.entries, c.corr)
	for _, e := range g.Edges {
		from, _ := g.Node(e.From)
		to, _ := g.Node(e.To)
		if from.Pos.Y >= to.Pos.Y {
			t.Fatalf("%s at %v is not above %s at %v", from.Label, from.Pos, to.Label, to.Pos)
		}
	}
	if got := Correlations(c.entries); len(got) != 1 || got[0] != c.corr {
		t.Fatalf("correlations %v", got)
	}
}

func TestFromLogIgnoresTheViewFilter(t *testing.T) {
	c := newChat()
	c.add("cmd:a", "cmd:a")
	c.add("evt:b", "cmd:a")
	l := eventlog.New()
	for _, e := range c.entries {
		e.Subject = "cim.x.evt.y.z"
		l.Push(e)
	}
	if err := l.SetFilter(eventlog.Filter{Type: "nothing"}); err != nil {
		t.Fatal(err)
	}
	if got := shape(FromLog(l, c.corr)); got != "command:a>event:b" {
		t.Fatalf("tree %s", got)
	}
}
