package message_test

import (
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/cimviz/cimviz/domains/message"
)

func TestRootHasAllThreeIDsEqual(t *testing.T) {
	id := message.NewRoot()
	if id.MessageID == uuid.Nil || id.MessageID != id.CorrelationID || id.MessageID != id.CausationID || !id.IsRoot() {
		t.Fatalf("root identity %+v", id)
	}
}

func TestCausedKeepsCorrelationAndPointsAtCause(t *testing.T) {
	root := message.NewRoot()
	child := root.Caused()
	grandchild := child.Caused()
	for _, c := range []struct{ cause, id message.Identity }{{root, child}, {child, grandchild}} {
		if c.id.CorrelationID != root.CorrelationID || c.id.CausationID != c.cause.MessageID ||
			c.id.MessageID == c.cause.MessageID || c.id.IsRoot() {
			t.Fatalf("caused by %+v: %+v", c.cause, c.id)
		}
	}
}

func TestValidateNamesTheMissingID(t *testing.T) {
	id := message.NewRoot()
	if err := id.Validate(); err != nil {
		t.Fatal(err)
	}
	id.CausationID = uuid.Nil
	if err := id.Validate(); err == nil {
		t.Fatal("identity without causation id is valid")
	}
}

func TestIDsAreUniqueAcrossGoroutinesAndOrderedInTime(t *testing.T) {
	const goroutines, each = 8, 20000
	before := time.Now().Truncate(time.Millisecond)
	lists := make([][]uuid.UUID, goroutines)
	var wg sync.WaitGroup
	for g := range lists {
		wg.Go(func() {
			for range each {
				lists[g] = append(lists[g], message.NewID())
			}
		})
	}
	wg.Wait()
	after := time.Now()
	seen := make(map[uuid.UUID]bool, goroutines*each)
	for _, list := range lists {
		for i, id := range list {
			if seen[id] {
				t.Fatalf("id %s issued twice", id)
			}
			seen[id] = true
			checkV7(t, id, before, after)
			if i > 0 && string(id[:]) <= string(list[i-1][:]) {
				t.Fatalf("id %s not after %s issued before it", id, list[i-1])
			}
		}
	}
}

func checkV7(t *testing.T, id uuid.UUID, before, after time.Time) {
	t.Helper()
	if id.Version() != 7 || id.Variant() != uuid.RFC4122 {
		t.Fatalf("id %s is version %d variant %v", id, id.Version(), id.Variant())
	}
	// The counter may borrow the next millisecond when it runs over; the
	// clock is the monotonic one anchored to the wall clock once, so the
	// wall clock (slewed by NTP since) may be a few milliseconds apart.
	const drift = 5 * time.Millisecond
	if at := message.IDTime(id); at.Before(before.Add(-drift)) || at.After(after.Add(time.Second)) {
		t.Fatalf("id %s says %v, issued between %v and %v", id, at, before, after)
	}
}
