package bench

import (
	"runtime"
	"slices"
	"time"
)

// minRun is how long a throughput measurement runs at least.
func (s Size) minRun() time.Duration {
	if s.Quick {
		return 200 * time.Millisecond
	}
	return time.Second
}

// perSecond runs batch(n) with growing n until it has run for at least
// s.minRun, and returns the rate in operations per second.
func perSecond(s Size, batch func(n int)) float64 {
	batch(1) // warm up
	for n := 1000; ; n *= 2 {
		start := time.Now()
		batch(n)
		took := time.Since(start)
		if took >= s.minRun() || n >= 1<<30 {
			return float64(n) / took.Seconds()
		}
	}
}

// bestOf runs fn reps times and returns the fastest run, which is the least
// disturbed by the rest of the machine.
func bestOf(reps int, fn func()) time.Duration {
	best := time.Duration(1<<63 - 1)
	for range reps {
		runtime.GC()
		start := time.Now()
		fn()
		best = min(best, time.Since(start))
	}
	return best
}

// percentile returns the p-th percentile (0..100) of durations.
func percentile(ds []time.Duration, p float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	i := int(p / 100 * float64(len(s)-1))
	return s[i]
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

func ptr(v float64) *float64 { return &v }
