package graphdomain

import (
	"encoding/json"
	"fmt"

	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/graph/change"
)

// Name is the name of this domain in subjects and envelopes.
const Name = "graph"

// DecodeEvent turns a stored event into the graph aggregate's event.
func DecodeEvent(e message.Event) (change.Event, error) {
	if e.Domain != "" && e.Domain != Name {
		return nil, fmt.Errorf("%w: event of domain %q", change.ErrInvalid, e.Domain)
	}
	return change.DecodeEvent(e.Type, e.Payload)
}

// encodeEvents wraps the aggregate's events for the store: caused by the
// command, numbered from the graph's version after from.
func encodeEvents(cause message.Identity, graphID string, from uint64, events []change.Event) ([]message.Event, error) {
	out := make([]message.Event, len(events))
	for i, e := range events {
		payload, err := json.Marshal(e)
		if err != nil {
			return nil, fmt.Errorf("%w: encode %s: %v", change.ErrInvalid, e.EventType(), err)
		}
		out[i] = message.NewEvent(cause, Name, e.EventType(), graphID, from+uint64(i)+1, payload)
	}
	return out, nil
}

// applyStored folds stored events into s, checking that they continue it.
func applyStored(s *change.State, events []message.Event) (*change.State, error) {
	for _, m := range events {
		e, err := DecodeEvent(m)
		if err != nil {
			return s, fmt.Errorf("graph %q version %d: %w", m.AggregateID, m.Version, err)
		}
		if want := version(s) + 1; m.Version != want {
			return s, fmt.Errorf("%w: graph %q: stored version %d, want %d", change.ErrCorrupt, m.AggregateID, m.Version, want)
		}
		if s, err = change.Apply(s, e); err != nil {
			return s, fmt.Errorf("graph %q version %d: %w", m.AggregateID, m.Version, err)
		}
	}
	return s, nil
}

func version(s *change.State) uint64 {
	if s == nil {
		return 0
	}
	return s.Version
}
