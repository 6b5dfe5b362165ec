package service

import (
	"errors"
	"sync"
	"sync/atomic"
)

// Stats are an engine's counters, shown as the custom data of $SRV.STATS.
type Stats struct {
	Handled      uint64            `json:"commands_handled"`
	Accepted     uint64            `json:"commands_accepted"`
	Rejected     uint64            `json:"commands_rejected"`
	Duplicates   uint64            `json:"duplicates"`
	Conflicts    uint64            `json:"conflicts"`
	Retries      uint64            `json:"conflict_retries"`
	LastSequence uint64            `json:"last_sequence"`
	ByCommand    map[string]uint64 `json:"by_command,omitempty"`
}

type counters struct {
	handled, accepted, rejected, duplicates, conflicts, retries atomic.Uint64
	lastSeq                                                     atomic.Uint64
	mu                                                          sync.Mutex
	byCommand                                                   map[string]uint64
}

func (c *counters) record(typ string, ack Ack, err error) {
	c.handled.Add(1)
	switch {
	case errors.Is(err, ErrConflict):
		c.conflicts.Add(1)
		c.rejected.Add(1)
	case err != nil:
		c.rejected.Add(1)
	case ack.Duplicate:
		c.duplicates.Add(1)
	default:
		c.accepted.Add(1)
	}
	for last := c.lastSeq.Load(); ack.Sequence > last && !c.lastSeq.CompareAndSwap(last, ack.Sequence); {
		last = c.lastSeq.Load()
	}
	if typ == "" {
		return // unknown types are not counted by name: they are unbounded
	}
	c.mu.Lock()
	if c.byCommand == nil {
		c.byCommand = make(map[string]uint64)
	}
	c.byCommand[typ]++
	c.mu.Unlock()
}

func (c *counters) snapshot() Stats {
	s := Stats{Handled: c.handled.Load(), Accepted: c.accepted.Load(), Rejected: c.rejected.Load(),
		Duplicates: c.duplicates.Load(), Conflicts: c.conflicts.Load(), Retries: c.retries.Load(),
		LastSequence: c.lastSeq.Load(), ByCommand: map[string]uint64{}}
	c.mu.Lock()
	for k, v := range c.byCommand {
		s.ByCommand[k] = v
	}
	c.mu.Unlock()
	return s
}
