package bench

import (
	"context"
	"fmt"

	"github.com/cimviz/cimviz/domains/eventstore/memstore"
	"github.com/cimviz/cimviz/domains/eventstore/storebench"
)

// rates are the best rates of ours and the reference over a few
// alternating rounds: alternating spreads the machine's moods over both.
type rates struct{ ours, raw float64 }

func (r rates) ratio() float64 { return r.ours / r.raw }

func bestRates(rounds int, ours, raw func() (float64, error)) (rates, error) {
	var best rates
	for range rounds {
		o, err := ours()
		if err != nil {
			return rates{}, err
		}
		w, err := raw()
		if err != nil {
			return rates{}, fmt.Errorf("reference: %w", err)
		}
		best.ours, best.raw = max(best.ours, o), max(best.raw, w)
	}
	return best, nil
}

// measurePublish: the event Publisher against nc.PublishMsg of a prebuilt
// message with the same subject, headers and payload, same server.
func measurePublish(_ context.Context, s Size) (Measurement, error) {
	bb, err := startBackbone()
	if err != nil {
		return Measurement{}, err
	}
	defer bb.close()
	// many short alternating rounds: the in-process server shares the
	// cores, and the best of each side is the least disturbed
	n, rounds := s.Pick(50_000, 200_000), s.Pick(3, 9)
	r, err := bestRates(rounds,
		func() (float64, error) { return storebench.Publish(bb.nc, n) },
		func() (float64, error) { return storebench.RawPublish(bb.nc, n) })
	if err != nil {
		return Measurement{}, err
	}
	return Measurement{Value: r.ratio(), Note: fmt.Sprintf("publisher %.0f msgs/s, raw PublishMsg %.0f msgs/s (best of %d × %d, in-process)", r.ours, r.raw, rounds, n)}, nil
}

// measureAppend: single-event appends from 128 writers, each to its own
// aggregates, against raw async JetStream publishes to a stream of the
// store's configuration.
func measureAppend(ctx context.Context, s Size) (Measurement, error) {
	bb, err := startBackbone()
	if err != nil {
		return Measurement{}, err
	}
	defer bb.close()
	n := s.Pick(20_000, 200_000)
	r, err := bestRates(s.Pick(1, 3),
		func() (float64, error) { return storebench.StoreAppend(ctx, bb.nc, n, 128, 1) },
		func() (float64, error) { return storebench.RawAppend(ctx, bb.nc, n) })
	if err != nil {
		return Measurement{}, err
	}
	return Measurement{Value: r.ratio(), Note: fmt.Sprintf("store %.0f events/s (128 writers, 1 event/append), raw PublishMsgAsync %.0f msgs/s, %d events", r.ours, r.raw, n)}, nil
}

// measureMemPerEvent: heap the memory store keeps per event beyond its
// payload, after GC.
func measureMemPerEvent(_ context.Context, s Size) (Measurement, error) {
	n := s.Pick(100_000, 1_000_000)
	per, err := storebench.RetainedPerEvent(n)
	if err != nil {
		return Measurement{}, err
	}
	return Measurement{Value: per, Note: fmt.Sprintf("%d events over %d aggregates, %d B payload excluded", n, storebench.Aggregates, len(storebench.Payload))}, nil
}

// measureFilter: count the events of a 1M-event memory store that match a
// wildcard (one event type of every aggregate). 1M in quick runs too.
func measureFilter(_ context.Context, s Size) (Measurement, error) {
	const n = 1_000_000
	st, err := memstore.New(storebench.Domain)
	if err != nil {
		return Measurement{}, err
	}
	if err := storebench.FillMemstore(st, n); err != nil {
		return Measurement{}, err
	}
	best, matches, err := storebench.Filter(st, storebench.FilterType, s.Pick(5, 20))
	if err != nil {
		return Measurement{}, err
	}
	return Measurement{Value: ms(best), Note: fmt.Sprintf("%s over %d events: %d matches, best of %d", storebench.FilterType, n, matches, s.Pick(5, 20))}, nil
}
