package jsstore

import "sync"

// versionCache remembers, per aggregate, its last known version and the
// stream sequence of the event at that version, so an append needs no
// look-up before it publishes. A wrong entry costs one conflict: the
// server checks the sequence, and a conflict drops the entry.
type versionCache struct {
	mu sync.Mutex
	m  map[string]versionSeq
}

type versionSeq struct{ version, seq uint64 }

func (c *versionCache) init() { c.m = map[string]versionSeq{} }

func (c *versionCache) get(aggregateID string, version uint64) (uint64, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.m[aggregateID]
	return v.seq, ok && v.version == version
}

func (c *versionCache) put(aggregateID string, version, seq uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.m[aggregateID] = versionSeq{version, seq}
}

func (c *versionCache) drop(aggregateID string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.m, aggregateID)
}
