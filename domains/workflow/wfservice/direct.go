package wfservice

import (
	"context"
	"errors"
	"fmt"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/cimviz/cimviz/domains/eventstore"
	"github.com/cimviz/cimviz/domains/message"
)

// directStore is a JetStream store whose Load reads an aggregate's events
// with direct gets ("next message on these subjects from sequence n")
// instead of an ordered consumer.
//
// Why: jsstore's Load creates an ordered consumer per call, and nats.go
// leaves it on the server for its 5-minute inactivity threshold. The
// harness loads on every query and on every creating command (to see that
// the instance is new), so a few hundred instance starts a second reached
// the server's 1000-consumers-per-stream limit within seconds. Direct gets
// create nothing on the server. (Reported to the event store's owners; this
// wrapper goes away once jsstore's Load stops leaving consumers behind.)
type directStore struct {
	eventstore.Store
	stream jetstream.Stream
	domain string
}

func newDirectStore(ctx context.Context, js jetstream.JetStream, st eventstore.Store, stream, domain string) (*directStore, error) {
	str, err := js.Stream(ctx, stream)
	if err != nil {
		return nil, fmt.Errorf("stream %s: %w", stream, err)
	}
	return &directStore{Store: st, stream: str, domain: domain}, nil
}

// Load implements [eventstore.Store.Load].
func (d *directStore) Load(ctx context.Context, aggregateID string, fromVersion uint64) ([]message.Event, error) {
	if err := eventstore.CheckToken("aggregate id", aggregateID); err != nil {
		return nil, err
	}
	filter := eventstore.AggregateSubjects(d.domain, aggregateID)
	var out []message.Event
	for seq := uint64(1); ; {
		m, err := d.stream.GetMsg(ctx, seq, jetstream.WithGetMsgSubject(filter))
		if errors.Is(err, jetstream.ErrMsgNotFound) {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("load %s %q: %w", d.domain, aggregateID, err)
		}
		seq = m.Sequence + 1
		e, err := message.DecodeEvent(d.domain, m.Header, m.Data)
		if err != nil {
			continue // not an event (published by hand): skipped, as jsstore does
		}
		if e.Sequence = m.Sequence; e.Version > fromVersion {
			out = append(out, e)
		}
	}
}
