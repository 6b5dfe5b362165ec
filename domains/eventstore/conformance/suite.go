// Package conformance is the behaviour every [eventstore.Store] backend
// must have, as one exported test suite. A backend's test is a few lines:
//
//	func TestConformance(t *testing.T) {
//		conformance.Run(t, func(t *testing.T) conformance.Backend {
//			return conformance.Backend{Open: func() (eventstore.Store, error) { ... }}
//		})
//	}
//
// The suite checks: order is kept; concurrent appends at one expected
// version have exactly one winner and ErrConflict for the rest; a retried
// batch is stored once and gets the original result; Read from any
// sequence and with '*' and '>' filters; Load from a version; oversized
// payloads (ErrTooLarge) and invalid batches (ErrInvalid) store nothing;
// Follow sees stored then live events in order and nothing after Stop;
// closing and reopening keeps everything (persistent backends only); an
// event's chain marks come back as stored.
package conformance

import (
	"context"
	"testing"
	"time"

	"github.com/cimviz/cimviz/domains/eventstore"
)

// Domain is the domain every store under test is opened for.
const Domain = "conf"

// Backend is one fresh, empty place to keep Domain's events.
type Backend struct {
	// Open opens a store on this backend's data. After Close it opens the
	// same data again. Its payload limit must be the default,
	// eventstore.DefaultMaxPayload.
	Open func() (eventstore.Store, error)
	// Persistent says that data outlives Close; only then does the suite
	// check that reopening keeps everything.
	Persistent bool
}

// Factory returns a fresh Backend per call; it cleans up with t.Cleanup.
type Factory func(t *testing.T) Backend

// Run runs the whole suite.
func Run(t *testing.T, factory Factory) {
	cases := []struct {
		name string
		test func(t *testing.T, b Backend)
	}{
		{"AppendKeepsOrder", testAppendKeepsOrder},
		{"LoadFromVersion", testLoadFromVersion},
		{"ConcurrentAppendsOneWinner", testConcurrentAppends},
		{"ConflictAtWrongVersion", testConflict},
		{"RetryStoredOnce", testRetryStoredOnce},
		{"ReadFromAnySequence", testReadFromAnySequence},
		{"ReadWithFilters", testReadWithFilters},
		{"ReadStopsAtCallbackError", testReadStopsAtError},
		{"TooLargeStoresNothing", testTooLarge},
		{"InvalidBatchStoresNothing", testInvalid},
		{"FollowStoredThenLive", testFollow},
		{"FollowStops", testFollowStops},
		{"ClosedStoreRefuses", testClosed},
		{"ReopenKeepsEverything", testReopen},
		{"ChainKept", testChainKept},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { c.test(t, factory(t)) })
	}
}

// open opens b's store and closes it when the test ends.
func open(t *testing.T, b Backend) eventstore.Store {
	t.Helper()
	s, err := b.Open()
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}

func testCtx(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	t.Cleanup(cancel)
	return ctx
}
