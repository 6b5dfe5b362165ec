package policy

import (
	"context"
	"fmt"
	"sync"

	"github.com/cimviz/cimviz/domains/eventstore"
	"github.com/cimviz/cimviz/domains/message"
)

// follower keeps a projection current from a store: it folds every event
// from the first on, and knows which sequence it has reached.
type follower struct {
	mu      sync.Mutex
	applied uint64
	changed chan struct{} // closed and replaced whenever applied moves
	sub     eventstore.Subscription
}

// start follows store with fold and returns once the events stored at the
// start are folded (or ctx ends).
func (f *follower) start(ctx context.Context, store eventstore.Store, what string, fold func(message.Event)) error {
	f.changed = make(chan struct{})
	last, err := store.LastSequence(ctx)
	if err != nil {
		return fmt.Errorf("follow %s: %w", what, err)
	}
	f.sub, err = store.Follow(context.Background(), 1, "", func(ev message.Event) {
		fold(ev)
		f.advance(ev.Sequence)
	})
	if err != nil {
		return fmt.Errorf("follow %s: %w", what, err)
	}
	if err := f.WaitFor(ctx, last); err != nil {
		f.sub.Stop()
		return fmt.Errorf("follow %s: catching up to %d: %w", what, last, err)
	}
	return nil
}

func (f *follower) advance(seq uint64) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.applied = max(f.applied, seq)
	close(f.changed)
	f.changed = make(chan struct{})
}

// WaitFor returns once the projection has folded the event at seq (the
// Sequence of a command's ack, say), or when ctx ends.
func (f *follower) WaitFor(ctx context.Context, seq uint64) error {
	for {
		f.mu.Lock()
		applied, changed := f.applied, f.changed
		f.mu.Unlock()
		if applied >= seq {
			return nil
		}
		select {
		case <-changed:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// Applied is the sequence of the last event folded.
func (f *follower) Applied() uint64 {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.applied
}

// Stop ends following.
func (f *follower) Stop() {
	if f.sub != nil {
		f.sub.Stop()
	}
}
