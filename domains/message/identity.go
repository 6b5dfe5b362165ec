package message

import (
	"fmt"
	"time"

	"github.com/google/uuid"
)

// Identity names a message and places it in its conversation: CorrelationID
// is shared by everything that one root message set off, CausationID is the
// message that directly caused this one.
type Identity struct {
	MessageID     uuid.UUID `json:"message_id"`
	CorrelationID uuid.UUID `json:"correlation_id"`
	CausationID   uuid.UUID `json:"causation_id"`
}

// NewRoot returns the identity of a message that nothing caused: all three
// IDs are equal.
func NewRoot() Identity {
	id := NewID()
	return Identity{MessageID: id, CorrelationID: id, CausationID: id}
}

// Caused returns the identity of a new message caused by the message with
// identity cause: it keeps the correlation ID and takes cause's message ID
// as its causation ID.
func (cause Identity) Caused() Identity { return cause.causedAt(time.Now()) }

func (cause Identity) causedAt(now time.Time) Identity {
	return Identity{MessageID: newIDAt(now), CorrelationID: cause.CorrelationID, CausationID: cause.MessageID}
}

// IsRoot reports whether the identity is a root's (all three IDs equal).
func (id Identity) IsRoot() bool {
	return id.MessageID == id.CorrelationID && id.MessageID == id.CausationID
}

// Validate reports an identity with a missing ID.
func (id Identity) Validate() error {
	switch uuid.Nil {
	case id.MessageID:
		return fmt.Errorf("%w: missing message id", ErrMalformed)
	case id.CorrelationID:
		return fmt.Errorf("%w: missing correlation id", ErrMalformed)
	case id.CausationID:
		return fmt.Errorf("%w: missing causation id", ErrMalformed)
	}
	return nil
}
