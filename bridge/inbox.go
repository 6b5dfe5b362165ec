package bridge

import "sync"

// inbox carries decoded events from the consumer's goroutine to the game
// loop. The game loop takes everything waiting at once and hands back the
// slice it has finished with, so a long replay costs no channel operation
// and no allocation per event; the consumer waits while limit events are
// waiting (the game loop is behind), which paces a flood.
type inbox struct {
	mu      sync.Mutex
	room    sync.Cond
	waiting []Delivery
	limit   int
	closed  bool
	// ready holds a wake-up for the game loop (see [Driver.Ready]).
	ready chan struct{}
}

func newInbox(limit int) *inbox {
	in := &inbox{waiting: make([]Delivery, 0, min(limit, 1024)), limit: limit, ready: make(chan struct{}, 1)}
	in.room.L = &in.mu
	return in
}

// put queues d, waiting for room; false once the inbox is closed.
func (in *inbox) put(d Delivery) bool {
	in.mu.Lock()
	defer in.mu.Unlock()
	for len(in.waiting) >= in.limit && !in.closed {
		in.room.Wait()
	}
	if in.closed {
		return false
	}
	if len(in.waiting) == 0 {
		in.signal()
	}
	in.waiting = append(in.waiting, d)
	return true
}

// signal wakes the game loop if it waits, once.
func (in *inbox) signal() {
	select {
	case in.ready <- struct{}{}:
	default:
	}
}

// take returns every waiting delivery, in order, and keeps done (emptied)
// for the next ones.
func (in *inbox) take(done []Delivery) []Delivery {
	clear(done)
	in.mu.Lock()
	defer in.mu.Unlock()
	out := in.waiting
	in.waiting = done[:0]
	if len(out) >= in.limit {
		in.room.Broadcast()
	}
	return out
}

// close releases a waiting put and refuses later ones.
func (in *inbox) close() {
	in.mu.Lock()
	defer in.mu.Unlock()
	in.closed = true
	in.room.Broadcast()
}
