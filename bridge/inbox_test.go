package bridge

import (
	"testing"
	"time"
)

// TestInboxKeepsOrderAndPaces: deliveries come out in the order they went
// in, across takes; a full inbox holds the consumer until the game loop
// takes, and closing it lets a held consumer go.
func TestInboxKeepsOrderAndPaces(t *testing.T) {
	in := newInbox(4)
	put := make(chan bool)
	go func() {
		for seq := uint64(1); seq <= 10; seq++ {
			if !in.put(Delivery{Sequence: seq}) {
				put <- false
				return
			}
		}
		put <- true
	}()
	var got []uint64
	var batch []Delivery
	for len(got) < 10 {
		batch = in.take(batch)
		if len(batch) > 4 {
			t.Fatalf("took %d deliveries from an inbox of 4", len(batch))
		}
		for _, d := range batch {
			got = append(got, d.Sequence)
		}
	}
	if !<-put {
		t.Fatal("a put was refused while the inbox was open")
	}
	for i, seq := range got {
		if seq != uint64(i+1) {
			t.Fatalf("order %v", got)
		}
	}
}

func TestInboxCloseReleasesAWaitingPut(t *testing.T) {
	in := newInbox(1)
	in.put(Delivery{Sequence: 1})
	done := make(chan bool)
	go func() { done <- in.put(Delivery{Sequence: 2}) }()
	select {
	case <-done:
		t.Fatal("put into a full inbox did not wait")
	case <-time.After(20 * time.Millisecond):
	}
	in.close()
	if <-done {
		t.Fatal("put into a closed inbox was accepted")
	}
}
