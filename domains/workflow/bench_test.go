package workflow

import "testing"

// BenchmarkDecide measures the pure state machine: one op runs the review
// fixture from start to completion (4 commands, 22 events).
func BenchmarkDecide(b *testing.B) {
	d := review(b)
	cmds := []Command{start, doWork, doAuto, doSign}
	events := 0
	b.ReportAllocs()
	for b.Loop() {
		in := &Instance{}
		for _, c := range cmds {
			next, evs, err := Decide(in, d, c)
			if err != nil {
				b.Fatal(err)
			}
			in, events = next, events+len(evs)
		}
	}
	b.ReportMetric(float64(events)/b.Elapsed().Seconds(), "events/s")
}
