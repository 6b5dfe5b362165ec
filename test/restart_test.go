package test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats.go"

	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/domains/service"
)

// A clean stop (SIGTERM) and a restart on the same data directory keep
// every acknowledged event, and a command retried after the restart is
// answered with its original ack, not applied twice.
func testRestartAfterSIGTERM(t *testing.T, bin string) {
	dir, port := t.TempDir(), freePort(t)
	p := startServe(t, bin, dir, port)
	nc := connect(t, p.url)
	create := counterCmd("create", "c1", `{"name":"visits"}`)
	acks := []service.Ack{send(t, nc, create)}
	for range 20 {
		acks = append(acks, send(t, nc, counterCmd("increment", "c1", "")))
	}
	nc.Close()
	p.stop(t)

	p = startServe(t, bin, dir, port)
	nc = connect(t, p.url)
	checkAcked(t, storedEvents(t, nc), acks)
	again := send(t, nc, create)
	if !again.Duplicate || again.Sequence != acks[0].Sequence {
		t.Fatalf("create retried after restart: %+v, want the original ack %+v", again, acks[0])
	}
	if next := send(t, nc, counterCmd("increment", "c1", "")); next.Version != 22 {
		t.Fatalf("increment after restart reached version %d, want 22", next.Version)
	}
	p.stop(t)
}

// kill -9 while clients are sending: after a restart every event that was
// acknowledged before the kill is stored, in order.
func testRestartAfterKill(t *testing.T, bin string) {
	dir, port := t.TempDir(), freePort(t)
	p := startServe(t, bin, dir, port)
	nc := connect(t, p.url)
	var mu sync.Mutex
	var acks []service.Ack
	var wg sync.WaitGroup
	for c := range 4 {
		wg.Go(func() {
			for _, ack := range hammer(nc, fmt.Sprintf("k%d", c)) {
				mu.Lock()
				acks = append(acks, ack)
				mu.Unlock()
			}
		})
	}
	time.Sleep(700 * time.Millisecond)
	p.kill()
	wg.Wait()
	nc.Close()
	if len(acks) < 8 {
		t.Fatalf("only %d acks before the kill; the test proves nothing", len(acks))
	}

	p = startServe(t, bin, dir, port)
	nc = connect(t, p.url)
	stored := storedEvents(t, nc)
	checkAcked(t, stored, acks)
	t.Logf("%d commands acked before kill -9, %d events found after the restart", len(acks), len(stored))
	p.stop(t)
}

// hammer creates a counter and increments it until the server goes away,
// returning the acks it got.
func hammer(nc *nats.Conn, id string) []service.Ack {
	cl := service.NewClient(nc, "counter")
	var acks []service.Ack
	for cmd := counterCmd("create", id, `{"name":"`+id+`"}`); ; cmd = counterCmd("increment", id, "") {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		ack, err := cl.Send(ctx, cmd)
		cancel()
		if err != nil {
			return acks
		}
		acks = append(acks, ack)
	}
}

// checkAcked asserts that each ack's events are stored where the ack said,
// with its IDs, and that each aggregate's versions run 1, 2, 3... in
// stream order.
func checkAcked(t *testing.T, stored []message.Event, acks []service.Ack) {
	t.Helper()
	bySeq := make(map[uint64]message.Event, len(stored))
	versions := map[string]uint64{}
	for _, e := range stored {
		bySeq[e.Sequence] = e
		if e.Version != versions[e.AggregateID]+1 {
			t.Fatalf("%s: version %d follows %d at sequence %d", e.AggregateID, e.Version, versions[e.AggregateID], e.Sequence)
		}
		versions[e.AggregateID] = e.Version
	}
	for _, a := range acks {
		first := a.Sequence - uint64(len(a.EventIDs)) + 1
		for i, id := range a.EventIDs {
			e, ok := bySeq[first+uint64(i)]
			if !ok || e.MessageID != id || e.AggregateID != a.AggregateID {
				t.Fatalf("acked event %s of %s (sequence %d) is missing after the restart", id, a.AggregateID, first+uint64(i))
			}
		}
	}
}
