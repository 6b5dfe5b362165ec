package jsstore

import (
	"context"
	"errors"
	"fmt"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/cimviz/cimviz/domains/eventstore"
	"github.com/cimviz/cimviz/domains/message"
)

// directLoadMax is the most events Load fetches one direct get at a time;
// more are read with an ordered consumer.
const directLoadMax = 16

// Load implements [eventstore.Store.Load]. One direct get of the
// aggregate's last event answers "nothing new" (a new aggregate, or a
// cached one that is up to date); a few new events are fetched with direct
// gets, many with an ordered consumer.
func (s *Store) Load(ctx context.Context, aggregateID string, fromVersion uint64) ([]message.Event, error) {
	if err := eventstore.CheckToken("aggregate id", aggregateID); err != nil {
		return nil, err
	}
	if err := s.checkOpen(); err != nil {
		return nil, err
	}
	fromSeq, known := s.cache.get(aggregateID, fromVersion)
	version, lastSeq, err := s.lastOf(ctx, aggregateID)
	switch {
	case errors.Is(err, message.ErrMalformed):
		return s.loadByConsumer(ctx, aggregateID, fromVersion)
	case err != nil:
		return nil, err
	}
	s.cache.put(aggregateID, version, lastSeq)
	if version <= fromVersion {
		return nil, nil
	}
	if version-fromVersion > directLoadMax {
		return s.loadByConsumer(ctx, aggregateID, fromVersion)
	}
	if !known || fromVersion == 0 {
		fromSeq = 0
	}
	return s.loadByDirectGets(ctx, aggregateID, fromVersion, version, fromSeq+1)
}

// loadByDirectGets fetches the aggregate's events after fromVersion up to
// version, each the next message on its subjects from seq on.
func (s *Store) loadByDirectGets(ctx context.Context, aggregateID string, fromVersion, version, seq uint64) ([]message.Event, error) {
	filter := eventstore.AggregateSubjects(s.domain, aggregateID)
	out := make([]message.Event, 0, version-fromVersion)
	for {
		m, err := s.str.GetMsg(ctx, seq, jetstream.WithGetMsgSubject(filter))
		if errors.Is(err, jetstream.ErrMsgNotFound) {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("load %s: %w", aggregateID, err)
		}
		e, err := message.DecodeEvent(s.domain, m.Header, m.Data)
		if err != nil {
			s.log.Warn("skipping a message that is not an event", "stream", s.stream, "sequence", m.Sequence, "subject", m.Subject, "err", err)
		} else if e.Sequence = m.Sequence; e.Version > fromVersion {
			out = append(out, e)
		}
		if err == nil && e.Version >= version {
			return out, nil
		}
		seq = m.Sequence + 1
	}
}

func (s *Store) loadByConsumer(ctx context.Context, aggregateID string, fromVersion uint64) ([]message.Event, error) {
	var out []message.Event
	err := s.Read(ctx, 0, eventstore.AggregateSubjects(s.domain, aggregateID), func(e message.Event) error {
		if e.Version > fromVersion {
			out = append(out, e)
		}
		return nil
	})
	return out, err
}
