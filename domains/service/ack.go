package service

import "github.com/google/uuid"

// Ack is the reply to a command that took effect.
type Ack struct {
	AggregateID string      `json:"aggregate_id"`
	Version     uint64      `json:"version"`
	EventIDs    []uuid.UUID `json:"event_ids"`
	// Sequence is the store position of the last event appended (or, for
	// a command that changed nothing, of the aggregate's newest event).
	Sequence uint64 `json:"sequence"`
	// Duplicate: the command had been handled before (same message ID);
	// this is the original ack and nothing new was stored.
	Duplicate bool `json:"duplicate,omitempty"`

	command uuid.UUID
}
