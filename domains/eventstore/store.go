// Package eventstore is the seam between domain services and where their
// events live. One [Store] holds one domain's events; two backends implement
// it (eventstore/memstore in memory, eventstore/jsstore on JetStream with a
// stream per domain) and both pass the exported suite in
// eventstore/conformance.
//
// What every backend guarantees (the suite checks each point):
//   - Append is atomic per call and checked against the aggregate's
//     expected version; a loser gets an error wrapping [ErrConflict].
//   - A batch is refused whole before anything is stored: [CheckBatch]
//     gives [ErrTooLarge] for a payload over the limit
//     ([DefaultMaxPayload] unless configured) and [ErrInvalid] for the rest
//     (empty, over [MaxBatch], mixed aggregates, versions out of step, names
//     that are not subject tokens, missing IDs, payloads that are not JSON).
//   - A retried batch (same message IDs) is stored once and the retry gets
//     the original result with Duplicate set.
//   - Read, Load and Follow deliver in sequence order; filters are NATS
//     subject patterns over cim.<domain>.evt.<aggregate>.<type> ([Match]).
//   - After Close every call fails with [ErrClosed].
package eventstore

import (
	"context"
	"errors"

	"github.com/google/uuid"

	"github.com/cimviz/cimviz/domains/message"
)

// Sentinel errors. Backends wrap them with context; callers use errors.Is.
var (
	// ErrConflict: the aggregate was not at the expected version. The
	// caller may reload and retry.
	ErrConflict = errors.New("concurrency conflict")
	// ErrTooLarge: an event's payload is over the store's limit.
	ErrTooLarge = errors.New("payload too large")
	// ErrInvalid: the events handed to Append are not a valid batch (empty,
	// mixed aggregates, versions out of step, bad names).
	ErrInvalid = errors.New("invalid append")
	// ErrClosed: the store was closed.
	ErrClosed = errors.New("store closed")
)

// MaxBatch is the most events one Append may carry (JetStream's atomic
// batch limit; the in-memory store keeps it too, so both behave alike).
const MaxBatch = 1000

// Store is one domain's append-only event log.
type Store interface {
	// Append stores events for one aggregate atomically, provided the
	// aggregate is at expectedVersion (0 = must not exist yet). The events
	// must carry versions expectedVersion+1, +2, ... An event whose message
	// ID was already stored is not stored twice; such a retry returns the
	// original result.
	Append(ctx context.Context, aggregateID string, expectedVersion uint64, events []message.Event) (AppendResult, error)
	// Load returns an aggregate's events with Version > fromVersion, in order.
	Load(ctx context.Context, aggregateID string, fromVersion uint64) ([]message.Event, error)
	// Read calls fn for every stored event with Sequence >= fromSeq whose
	// subject matches filter (a NATS subject pattern; "" means all), in
	// order, and stops at the first error fn returns.
	Read(ctx context.Context, fromSeq uint64, filter string, fn func(message.Event) error) error
	// Follow is Read that keeps going: after the stored events it delivers
	// new ones as they are appended, until ctx ends or the subscription is
	// stopped.
	Follow(ctx context.Context, fromSeq uint64, filter string, fn func(message.Event)) (Subscription, error)
	// LastSequence is the sequence of the newest stored event (0 if none).
	LastSequence(ctx context.Context) (uint64, error)
	// Close releases the store. Data persists for backends that persist.
	Close() error
}

// Subscription is a running Follow.
type Subscription interface {
	// Stop ends delivery; fn is not called after Stop returns. It must
	// not be called from inside fn (cancel Follow's context there).
	Stop()
}

// AppendResult tells where an append landed.
type AppendResult struct {
	// Version is the aggregate's version after the append.
	Version uint64
	// FirstSequence and LastSequence are the store positions of the
	// appended events.
	FirstSequence, LastSequence uint64
	// EventIDs are the message IDs of the stored events, in order.
	EventIDs []uuid.UUID
	// Duplicate is true when the events had been stored before (a retry).
	Duplicate bool
}
