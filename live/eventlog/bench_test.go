package eventlog

import (
	"fmt"
	"testing"
	"time"

	"github.com/cimviz/cimviz/domains/message"
)

func sampleEntries(n int) []Entry {
	out := make([]Entry, n)
	for i := range out {
		ev := message.NewEvent(message.NewRoot(), "graph", "node-moved", fmt.Sprintf("g%d", i%50), uint64(i+1),
			[]byte(fmt.Sprintf(`{"node":"n%d","pos":{"x":%d,"y":2}}`, i, i)))
		out[i] = FromMsg(ev.Subject(), ev.Headers(), ev.Payload, time.Time{})
	}
	return out
}

func BenchmarkPush(b *testing.B) {
	es := sampleEntries(1024)
	l := New(WithCapacity(100_000))
	if err := l.SetFilter(Filter{Subject: "cim.graph.evt.*.node-moved"}); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		l.Push(es[i%len(es)])
	}
}

// Re-filtering a full 100k log. "new" is a filter unlike the last (every
// entry is looked at); "typed" is one more character typed into a text
// filter, which narrows the last and looks only at what it let through.
func BenchmarkSetFilter100k(b *testing.B) {
	l := New(WithCapacity(100_000))
	for _, e := range sampleEntries(100_000) {
		l.Push(e)
	}
	other := Filter{Type: "nothing"}
	for _, f := range []Filter{{Subject: "cim.graph.evt.g7.>"}, {Text: "n4242"}} {
		b.Run(fmt.Sprintf("new %+v", f), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				next := f
				if i%2 == 1 {
					next = other
				}
				if err := l.SetFilter(next); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	b.Run("typed n424 then n4242", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			b.StopTimer()
			_ = l.SetFilter(Filter{Text: "n424"})
			b.StartTimer()
			if err := l.SetFilter(Filter{Text: "n4242"}); err != nil {
				b.Fatal(err)
			}
		}
	})
}
