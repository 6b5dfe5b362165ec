package bridge_test

import (
	"testing"
	"time"

	"github.com/cimviz/cimviz/bench"
	"github.com/cimviz/cimviz/domains/natsembed/natstest"
)

// TestAFloodOfEventsKeepsFramesFlowing: 100k events arrive while the editor
// is live; every tick applies at most the per-tick cap, so the game loop
// keeps turning, and in the end the world holds the last position.
func TestAFloodOfEventsKeepsFramesFlowing(t *testing.T) {
	if testing.Short() {
		t.Skip("100k events: not in -short")
	}
	srv, nc := natstest.Start(t)
	serveGraphs(t, nc)
	seed(t, nc) // graph g at version 4
	e := openEditor(t, srv, "g")
	const n = 100_000
	go func() {
		if err := bench.FloodMoves(nc, "g", "a", 4, n); err != nil {
			t.Error(err)
		}
	}()
	ticks, maxStep := 0, uint64(0)
	last := e.d.Projection().Sequence
	deadline := time.Now().Add(2 * time.Minute)
	for e.d.Projection().Sequence < uint64(4+n) {
		if time.Now().After(deadline) {
			t.Fatalf("the flood did not drain: at sequence %d", e.d.Projection().Sequence)
		}
		e.tick()
		ticks++
		seq := e.d.Projection().Sequence
		maxStep, last = max(maxStep, seq-last), seq
	}
	if maxStep > uint64(e.d.MaxPerTick) {
		t.Errorf("a tick applied %d events, over the cap of %d", maxStep, e.d.MaxPerTick)
	}
	if ticks < n/e.d.MaxPerTick {
		t.Errorf("only %d ticks for %d events: the cap was not honoured", ticks, n)
	}
	if a, _ := e.ed.Graph().Node("a"); a.Pos.X != float64(4+n-1) {
		t.Errorf("the world must end at the last persisted position x=%d, got %v", 4+n-1, a.Pos)
	}
}
