package bench

import (
	"context"
	"fmt"
	"runtime"
	"time"

	"github.com/cimviz/cimviz/domains/eventstore/memstore"
	"github.com/cimviz/cimviz/domains/eventstore/storebench"
)

// rates are the best rates of ours and the reference over a few
// alternating rounds: alternating spreads the machine's moods over both.
type rates struct{ ours, raw float64 }

func (r rates) ratio() float64 { return r.ours / r.raw }

func bestRates(rounds, n int, ours, raw func() (float64, error)) (rates, error) {
	best, err := bestScores(rounds, n, ours, raw)
	if err != nil {
		return rates{}, err
	}
	return rates{ours: best[0].rate, raw: best[1].rate}, nil
}

// score is a contender's best rate and its least CPU time (of the whole
// process: client and in-process server) per operation. On a shared
// machine the CPU time says more about the code than the rate does.
type score struct {
	rate float64
	cpu  time.Duration
}

// bestScores runs each contender (n operations a run) once per round, in
// turn, and returns each one's best score. The first is ours; an error of
// any other is the reference's.
func bestScores(rounds, n int, contenders ...func() (float64, error)) ([]score, error) {
	best := make([]score, len(contenders))
	for range rounds {
		for i, run := range contenders {
			sc, err := scored(n, run)
			if err != nil && i > 0 {
				return nil, fmt.Errorf("reference: %w", err)
			}
			if err != nil {
				return nil, err
			}
			best[i] = better(best[i], sc)
		}
	}
	return best, nil
}

// scored runs run and measures the process's CPU time per operation.
func scored(n int, run func() (float64, error)) (score, error) {
	runtime.GC()
	cpu := storebench.CPUTime()
	rate, err := run()
	return score{rate: rate, cpu: (storebench.CPUTime() - cpu) / time.Duration(max(n, 1))}, err
}

// better is the best of both: the higher rate, the lower CPU time.
func better(a, b score) score {
	if a.cpu == 0 || (b.cpu > 0 && b.cpu < a.cpu) {
		a.cpu = b.cpu
	}
	a.rate = max(a.rate, b.rate)
	return a
}

// us is a duration in microseconds, for notes.
func us(d time.Duration) float64 { return float64(d) / float64(time.Microsecond) }

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
	r, err := bestRates(rounds, n,
		func() (float64, error) { return storebench.Publish(bb.nc, n) },
		func() (float64, error) { return storebench.RawPublish(bb.nc, n) })
	if err != nil {
		return Measurement{}, err
	}
	return Measurement{Value: r.ratio(), Note: fmt.Sprintf("publisher %.0f msgs/s, raw PublishMsg %.0f msgs/s (best of %d × %d, in-process)", r.ours, r.raw, rounds, n)}, nil
}

// measureAppend: single-event appends from 128 writers, each to its own
// aggregates, against raw async JetStream publishes to a stream of the
// store's configuration. The same run measures the ceiling of any checked
// append: raw async publishes of the store's messages with its
// concurrency and duplicate headers, 128 aggregates in flight.
func measureAppend(ctx context.Context, s Size) (Measurement, error) {
	bb, err := startBackbone()
	if err != nil {
		return Measurement{}, err
	}
	defer bb.close()
	n := s.Pick(20_000, 200_000)
	best, err := bestScores(s.Pick(1, 3), n,
		func() (float64, error) { return storebench.StoreAppend(ctx, bb.nc, n, appendWriters, 1) },
		func() (float64, error) { return storebench.RawAppend(ctx, bb.nc, n) },
		func() (float64, error) { return storebench.RawCheckedAppend(ctx, bb.nc, n, appendWriters) })
	if err != nil {
		return Measurement{}, err
	}
	store, raw, checked := best[0], best[1], best[2]
	note := fmt.Sprintf("store %.0f events/s (%d writers, 1 event/append), raw PublishMsgAsync %.0f msgs/s, %d events; "+
		"CPU per event: store %.1f µs, raw %.1f µs, raw with the store's checks (Nats-Msg-Id, expected subject sequence) %.1f µs "+
		"at %.0f msgs/s: no checked append exceeds %.2fx raw by CPU",
		store.rate, appendWriters, raw.rate, n, us(store.cpu), us(raw.cpu), us(checked.cpu), checked.rate,
		float64(raw.cpu)/float64(checked.cpu))
	return Measurement{Value: store.rate / raw.rate, Note: note}, nil
}

// appendWriters is how many appends are in flight in measureAppend.
const appendWriters = 128

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
