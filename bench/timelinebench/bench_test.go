package timelinebench

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/cimviz/cimviz/live/timeline"
)

// BenchmarkSeek1M: seek to random points of a 1M-event history (target
// ≤ 500 ms per seek); build_ms is New over the decoded records, once.
func BenchmarkSeek1M(b *testing.B) {
	recs := History(1_000_000, 100, 1)
	t0 := time.Now()
	tl, err := timeline.New(recs)
	if err != nil {
		b.Fatal(err)
	}
	build := time.Since(t0)
	rng := rand.New(rand.NewPCG(1, 2))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		tl.SeekPosition(rng.IntN(len(recs) + 1))
		target := uint64(rng.IntN(len(recs) + 1))
		b.StartTimer()
		tl.Seek(target)
	}
	b.ReportMetric(float64(build.Milliseconds()), "build_ms")
	b.ReportMetric(float64(tl.Snapshots()), "snapshots")
}

// BenchmarkStepBack: one event forward and back, as the step buttons do.
func BenchmarkStepBack(b *testing.B) {
	tl, err := timeline.New(History(100_000, 100, 1))
	if err != nil {
		b.Fatal(err)
	}
	tl.SeekPosition(55_555)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		tl.Step(-1)
		tl.Step(1)
	}
}
