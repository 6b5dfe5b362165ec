package panes

import (
	"testing"
)

// BenchmarkFrame is one editor tick of the panels over a full log of
// 100,000 entries: input (the wheel scrolling), then the frame's mesh.
func BenchmarkFrame(b *testing.B) {
	for _, n := range []int{1_000, 100_000} {
		b.Run(count(n), func(b *testing.B) {
			s := newState(logOf(n), history(b, 10_000))
			x, y := centre(s.logGeomNow().rows)
			in := at(x, y)
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				in.WheelY = float64(i%7 - 3)
				s.Update(in, area)
				s.Build(area)
			}
			b.ReportMetric(float64(len(s.Build(area).V)), "vertices")
		})
	}
}

// BenchmarkFilter is a keystroke in the filter field over 100,000
// entries: parse, re-filter, rebuild.
func BenchmarkFilter(b *testing.B) {
	s := newState(logOf(100_000), nil)
	s.Log.Field.Focused = true
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		s.Log.Field.Text = []string{"cim.graph.evt.>", "cim.graph.evt.g1.>"}[i%2]
		s.Log.applyFilter()
		s.Build(area)
	}
}
