package space

import (
	"syscall"
	"testing"
	"time"
)

// 1M points against 100 prototypes in 8 dimensions (target <= 1 s).
func BenchmarkCategorize1M(b *testing.B) {
	m, points, protos := Unit(8, Euclidean), Uniform(1_000_000, 8, 1), Uniform(100, 8, 2)
	cpu := startCPU(b)
	defer cpu.report(b)
	for range b.N {
		m.Categorize(points, protos)
	}
}

// The general kernel (a circular and a categorical dimension among 8).
func BenchmarkCategorize1MMixed(b *testing.B) {
	dims := make([]Dimension, 8)
	for i := range dims {
		dims[i] = Dimension{Name: string(rune('a' + i)), Kind: Continuous, Max: 1}
	}
	dims[0] = Dimension{Name: "hue", Kind: Circular, Period: 1}
	dims[1] = Dimension{Name: "cat", Kind: Categorical, Values: []string{"a", "b"}}
	m, _ := NewMetric(Euclidean, dims, []float64{1, 1, 1, 1, 1, 1, 1, 1})
	points, protos := Uniform(1_000_000, 8, 1), Uniform(100, 8, 2)
	cpu := startCPU(b)
	defer cpu.report(b)
	for range b.N {
		m.Categorize(points, protos)
	}
}

// One 10-nearest query among 100k items in 8 dimensions (target <= 5 ms).
func BenchmarkKNearest100k(b *testing.B) {
	m, items, qs := Unit(8, Euclidean), Uniform(100_000, 8, 3), Uniform(64, 8, 4)
	cpu := startCPU(b)
	defer cpu.report(b)
	for i := range b.N {
		j := i % 64
		m.KNearest(qs[j*8:j*8+8], items, 10)
	}
}

// Cells of 1k prototypes in a 2D view (target <= 20 ms).
func BenchmarkVoronoi1k(b *testing.B) {
	m, protos := Unit(2, Euclidean), Uniform(1000, 2, 5)
	view := Rect{Vec2{0, 0}, Vec2{1, 1}}
	cpu := startCPU(b)
	defer cpu.report(b)
	for range b.N {
		if _, err := m.Voronoi(protos, view); err != nil {
			b.Fatal(err)
		}
	}
}

// cpuTimer reports CPU time per op beside wall time: the machine is
// shared, so wall time overstates what the code costs.
type cpuTimer struct{ start time.Duration }

func startCPU(b *testing.B) *cpuTimer {
	b.ResetTimer()
	return &cpuTimer{cpuTime()}
}

func (c *cpuTimer) report(b *testing.B) {
	b.ReportMetric(float64((cpuTime()-c.start).Milliseconds())/float64(b.N), "cpu-ms/op")
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// The exact nearest-prototype map of 1k prototypes on a 512x512 view.
func BenchmarkRaster1k(b *testing.B) {
	m, protos := Unit(2, Euclidean), Uniform(1000, 2, 5)
	view := Rect{Vec2{0, 0}, Vec2{1, 1}}
	cpu := startCPU(b)
	defer cpu.report(b)
	for range b.N {
		if _, err := m.Raster(protos, view, 512, 512); err != nil {
			b.Fatal(err)
		}
	}
}

// Cells of 1k prototypes on a hue x saturation view: the circular axis
// triples the prototypes (copies shifted by the period).
func BenchmarkVoronoi1kCircular(b *testing.B) {
	dims := []Dimension{{Name: "hue", Kind: Circular, Period: 1}, {Name: "s", Kind: Continuous, Max: 1}}
	m, _ := NewMetric(Euclidean, dims, []float64{1, 1})
	protos, view := Uniform(1000, 2, 5), Rect{Vec2{0, 0}, Vec2{1, 1}}
	cpu := startCPU(b)
	defer cpu.report(b)
	for range b.N {
		if _, err := m.Voronoi(protos, view); err != nil {
			b.Fatal(err)
		}
	}
}
