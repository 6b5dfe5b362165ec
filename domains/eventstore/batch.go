package eventstore

import (
	"encoding/json"
	"fmt"

	"github.com/google/uuid"

	"github.com/cimviz/cimviz/domains/message"
)

// CheckBatch validates what Append was handed, before anything is stored:
// the events belong to domain and aggregateID, carry versions
// expectedVersion+1, +2, ..., valid names, identities and JSON payloads,
// distinct message IDs, and no payload over maxPayload bytes (ErrTooLarge).
// Every other defect is ErrInvalid. Backends call it first.
func CheckBatch(domain, aggregateID string, expectedVersion uint64, events []message.Event, maxPayload int) error {
	if len(events) == 0 {
		return fmt.Errorf("%w: no events for %q", ErrInvalid, aggregateID)
	}
	if len(events) > MaxBatch {
		return fmt.Errorf("%w: %d events in one batch, limit %d", ErrInvalid, len(events), MaxBatch)
	}
	if err := CheckToken("aggregate id", aggregateID); err != nil {
		return err
	}
	for i, e := range events {
		if err := checkEvent(domain, aggregateID, expectedVersion+uint64(i)+1, e, maxPayload); err != nil {
			return fmt.Errorf("event %d of %d: %w", i+1, len(events), err)
		}
	}
	return checkDistinctIDs(events)
}

// checkDistinctIDs refuses a batch that carries one message ID twice (a
// single event needs no set).
func checkDistinctIDs(events []message.Event) error {
	if len(events) < 2 {
		return nil
	}
	seen := make(map[uuid.UUID]struct{}, len(events))
	for _, e := range events {
		if _, dup := seen[e.MessageID]; dup {
			return fmt.Errorf("%w: message id %s twice in one batch", ErrInvalid, e.MessageID)
		}
		seen[e.MessageID] = struct{}{}
	}
	return nil
}

func checkEvent(domain, aggregateID string, version uint64, e message.Event, maxPayload int) error {
	if len(e.Payload) > maxPayload {
		return fmt.Errorf("%w: %d bytes, limit %d", ErrTooLarge, len(e.Payload), maxPayload)
	}
	if e.Domain != domain || e.AggregateID != aggregateID {
		return fmt.Errorf("%w: event of %s/%s appended to %s/%s", ErrInvalid, e.Domain, e.AggregateID, domain, aggregateID)
	}
	if e.Version != version {
		return fmt.Errorf("%w: version %d, want %d", ErrInvalid, e.Version, version)
	}
	if err := CheckToken("event type", e.Type); err != nil {
		return err
	}
	if y := e.Time.Year(); y < 1700 || y > 2200 {
		return fmt.Errorf("%w: time %v is unset or out of range", ErrInvalid, e.Time)
	}
	if err := e.Identity.Validate(); err != nil {
		return fmt.Errorf("%w: %w", ErrInvalid, err)
	}
	if len(e.Payload) > 0 && !json.Valid(e.Payload) {
		return fmt.Errorf("%w: payload is not JSON", ErrInvalid)
	}
	return nil
}
