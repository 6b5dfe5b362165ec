package storebench

import (
	"context"
	"fmt"
	"runtime"
	"time"

	"github.com/cimviz/cimviz/domains/eventstore/memstore"
	"github.com/cimviz/cimviz/domains/message"
)

// The workload: Aggregates × Types distinct subjects, events appended one
// per Append round-robin over the aggregates, Payload on each.
const (
	Domain     = "bench"
	Aggregates = 1000
	Types      = 8
	// FilterType matches one type of every aggregate (1/8 of the events);
	// FilterAggregate one aggregate's events (1/1000).
	FilterType      = "cim.bench.evt.*.Type3"
	FilterAggregate = "cim.bench.evt.agg42.>"
)

// Payload is every benchmark event's payload (32 bytes of JSON).
var Payload = []byte(`{"x":1234,"y":5678,"label":"ab"}`)

// Event returns the i-th event of the workload and its expected version
// before it (the aggregate's previous version).
func Event(cause message.Identity, i int) (message.Event, uint64) {
	agg := fmt.Sprintf("agg%d", i%Aggregates)
	version := uint64(i/Aggregates) + 1
	typ := fmt.Sprintf("Type%d", (i/Aggregates)%Types)
	return message.NewEvent(cause, Domain, typ, agg, version, Payload), version - 1
}

// FillMemstore appends the first n workload events to s.
func FillMemstore(s *memstore.Store, n int) error {
	cause := message.NewRoot()
	for i := range n {
		e, expected := Event(cause, i)
		if _, err := s.Append(context.Background(), e.AggregateID, expected, []message.Event{e}); err != nil {
			return err
		}
	}
	return nil
}

func heapAfterGC() uint64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// RetainedPerEvent stores n events in a fresh memstore and returns the
// heap it keeps per event beyond the payload, after GC.
func RetainedPerEvent(n int) (float64, error) {
	before := heapAfterGC()
	s, err := memstore.New(Domain)
	if err != nil {
		return 0, err
	}
	if err := FillMemstore(s, n); err != nil {
		return 0, err
	}
	retained := float64(heapAfterGC()-before) / float64(n)
	runtime.KeepAlive(s)
	return retained - float64(len(Payload)), nil
}

// Filter returns the best time of reps runs of counting the events of s
// that match pattern, and the count.
func Filter(s *memstore.Store, pattern string, reps int) (time.Duration, int, error) {
	best, matches := time.Duration(1<<62), 0
	for range max(reps, 1) {
		start := time.Now()
		n, err := s.Count(0, pattern)
		if err != nil {
			return 0, 0, err
		}
		best, matches = min(best, time.Since(start)), n
	}
	return best, matches, nil
}
