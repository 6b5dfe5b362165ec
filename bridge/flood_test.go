package bridge_test

import (
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/nats-io/nats.go"

	"github.com/cimviz/cimviz/domains/graphdomain"
	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/domains/natsembed/natstest"
	"github.com/cimviz/cimviz/graph"
	"github.com/cimviz/cimviz/graph/change"
)

// appendMoves publishes n node_moved events for node "a" of graph "g"
// (whose version is from) straight into the graph stream with async
// JetStream publishes, as fast as the server takes them.
func appendMoves(t testing.TB, nc *nats.Conn, from uint64, n int) {
	js, err := nc.JetStream(nats.PublishAsyncMaxPending(4096))
	if err != nil {
		t.Error(err)
		return
	}
	cause := message.NewRoot()
	for i := range uint64(n) {
		v := from + i + 1
		p, _ := json.Marshal(change.NodeMoved{Node: "a", Pos: graph.Point{X: float64(v - 1), Y: 1}})
		ev := message.NewEvent(cause, graphdomain.Name, change.TypeNodeMoved, "g", v, p)
		m := &nats.Msg{Subject: "cim.graph.evt.g." + change.TypeNodeMoved, Header: ev.Headers(), Data: p}
		for {
			_, err := js.PublishMsgAsync(m)
			if err == nil {
				break
			}
			if !errors.Is(err, nats.ErrTooManyStalledMsgs) {
				t.Error(err)
				return
			}
			<-js.PublishAsyncComplete()
		}
	}
	select {
	case <-js.PublishAsyncComplete():
	case <-time.After(time.Minute):
		t.Error("the flood was not stored in time")
	}
}

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
	go appendMoves(t, nc, 4, n)
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
