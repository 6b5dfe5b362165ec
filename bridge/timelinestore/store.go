// Package timelinestore reads the graph domain's history out of an event
// store into a live/timeline: the store side of time travel, kept beside
// the bridge so the timeline (and render/liveview, which draws it) links
// neither the graph service nor a store backend.
package timelinestore

import (
	"context"
	"errors"
	"fmt"

	"github.com/cimviz/cimviz/domains/eventstore"
	"github.com/cimviz/cimviz/domains/graphdomain"
	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/domains/subject"
	"github.com/cimviz/cimviz/live/timeline"
)

// ErrUndecodable: a stored event is not a graph-domain event.
var ErrUndecodable = errors.New("undecodable graph event")

// Decode turns a stored graph-domain event into a record.
func Decode(e message.Event) (timeline.Record, error) {
	evt, err := graphdomain.DecodeEvent(e)
	if err != nil {
		return timeline.Record{}, fmt.Errorf("%w: sequence %d (%s): %w", ErrUndecodable, e.Sequence, e.Type, err)
	}
	return timeline.Record{Seq: e.Sequence, Graph: e.AggregateID, Time: e.Time, Event: evt}, nil
}

// Load builds a timeline over the graph domain's events in store (read
// with the subject filter cim.graph.evt.>). Events that do not decode
// are skipped and counted in skipped, so one bad event does not hide
// the history.
func Load(ctx context.Context, store eventstore.Store, opts ...timeline.Option) (t *timeline.Timeline, skipped int, err error) {
	var recs []timeline.Record
	err = store.Read(ctx, 1, subject.Events(graphdomain.Name), func(e message.Event) error {
		r, derr := Decode(e)
		if derr != nil {
			skipped++
			return nil
		}
		recs = append(recs, r)
		return nil
	})
	if err != nil {
		return nil, skipped, fmt.Errorf("read graph history: %w", err)
	}
	t, err = timeline.New(recs, opts...)
	return t, skipped, err
}
