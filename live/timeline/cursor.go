package timeline

import (
	"maps"
	"time"

	"github.com/cimviz/cimviz/graph/change"
)

// Record is one decoded graph-domain event at its store sequence.
type Record struct {
	Seq   uint64
	Graph string
	Time  time.Time
	Event change.Event
}

// snapshot is the state after the first pos records. Its states are
// never changed: cursors copy a graph before changing it.
type snapshot struct {
	pos    int
	bad    int
	states map[string]*change.State
}

// cursor is a replay position with copy-on-write states: owned graphs
// may be changed in place, the others are shared with a snapshot.
type cursor struct {
	pos    int
	states map[string]*change.State
	owned  map[string]bool
	bad    int // records that did not apply, among the first pos
}

func (s snapshot) cursor() *cursor {
	return &cursor{pos: s.pos, bad: s.bad, states: maps.Clone(s.states), owned: map[string]bool{}}
}

// apply folds r into the cursor's states.
func (c *cursor) apply(r Record) {
	c.pos++
	s := c.states[r.Graph]
	if s != nil && !c.owned[r.Graph] {
		s = s.Clone()
	}
	next, err := change.Apply(s, r.Event)
	if err != nil {
		c.bad++
	}
	if next != nil {
		c.states[r.Graph] = next
		c.owned[r.Graph] = true
	}
}

// freeze hands the cursor's states to a snapshot: from now on the cursor
// copies a graph before changing it.
func (c *cursor) freeze() snapshot {
	clear(c.owned)
	return snapshot{pos: c.pos, bad: c.bad, states: maps.Clone(c.states)}
}
