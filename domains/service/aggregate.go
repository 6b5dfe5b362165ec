package service

import (
	"slices"
	"sync"

	"github.com/google/uuid"

	"github.com/cimviz/cimviz/domains/message"
)

// recentCommands is how many of an aggregate's latest commands are
// remembered, so a retried command is answered with its original ack
// instead of being decided again.
const recentCommands = 32

// aggregate is the harness's view of one aggregate: state at a version,
// and the acks of its latest commands.
type aggregate[S any] struct {
	state   S
	version uint64
	lastSeq uint64
	recent  []Ack // oldest first, at most recentCommands
	chain   chainState
}

// evolve applies stored events and records which command caused them.
func (a *aggregate[S]) evolve(apply func(S, message.Event) S, events []message.Event) {
	for _, ev := range events {
		a.state = apply(a.state, ev)
		a.version, a.lastSeq = ev.Version, ev.Sequence
		a.remember(ev)
		a.chain.track(ev)
	}
}

// remember folds an event into the ack of the command that caused it;
// consecutive events with one causation ID are one command's output.
func (a *aggregate[S]) remember(ev message.Event) {
	n := len(a.recent)
	if n > 0 && a.recent[n-1].command == ev.CausationID {
		last := &a.recent[n-1]
		last.Version, last.Sequence = ev.Version, ev.Sequence
		last.EventIDs = append(last.EventIDs, ev.MessageID)
		return
	}
	if n == recentCommands {
		a.recent = append(a.recent[:0], a.recent[1:]...)
	}
	a.recent = append(a.recent, Ack{AggregateID: ev.AggregateID, Version: ev.Version,
		EventIDs: []uuid.UUID{ev.MessageID}, Sequence: ev.Sequence, command: ev.CausationID})
}

// handled returns the ack of a command this aggregate already took in.
func (a *aggregate[S]) handled(command uuid.UUID) (Ack, bool) {
	for i := len(a.recent) - 1; i >= 0; i-- {
		if a.recent[i].command == command {
			ack := a.recent[i]
			ack.EventIDs = slices.Clone(ack.EventIDs)
			ack.Duplicate = true
			return ack, true
		}
	}
	return Ack{}, false
}

// cache keeps recently used aggregates, at most max of them; when full it
// drops an arbitrary one (Go's map order), which is cheap and good enough
// for a working set that mostly fits.
type cache[S any] struct {
	mu   sync.Mutex
	max  int
	aggs map[string]*aggregate[S]
}

func newCache[S any](max int) *cache[S] {
	return &cache[S]{max: max, aggs: make(map[string]*aggregate[S])}
}

func (c *cache[S]) get(id string) (*aggregate[S], bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	a, ok := c.aggs[id]
	return a, ok
}

func (c *cache[S]) put(id string, a *aggregate[S]) {
	if c.max <= 0 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.aggs[id]; !ok && len(c.aggs) >= c.max {
		for k := range c.aggs {
			delete(c.aggs, k)
			break
		}
	}
	c.aggs[id] = a
}

func (c *cache[S]) drop(id string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.aggs, id)
}

// stripes serialises work on one aggregate inside this process; other
// processes are kept honest by the store's expected-version check.
type stripes [64]sync.Mutex

func (s *stripes) lock(id string) func() {
	m := &s[stripe(id, len(s))]
	m.Lock()
	return m.Unlock
}

// stripe spreads aggregate IDs over n slots (FNV-1a, no allocation).
func stripe(id string, n int) int {
	var h uint32 = 2166136261
	for i := 0; i < len(id); i++ {
		h = (h ^ uint32(id[i])) * 16777619
	}
	return int(h % uint32(n))
}
