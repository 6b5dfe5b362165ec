package layout

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/cimviz/cimviz/graph"
)

// benchGraph is a random graph of n nodes and m edges.
func benchGraph(n, m int) *graph.Graph {
	rng := rand.New(rand.NewPCG(1, 2))
	g := graph.New("bench", "")
	for i := range n {
		_ = g.AddNode(graph.Node{ID: fmt.Sprint(i)})
	}
	for k := range m {
		_ = g.AddEdge(graph.Edge{ID: fmt.Sprint("e", k), From: fmt.Sprint(rng.IntN(n)), To: fmt.Sprint(rng.IntN(n))})
	}
	return g
}

// benchForce measures one step of a layout that is not settled: the
// temperature is kept up so that every step does the full work.
func benchForce(b *testing.B, n, m int) {
	f := NewForce(benchGraph(n, m), WithMaxSteps(1<<30))
	for range 3 {
		f.Step()
	}
	b.ReportAllocs()
	cpu := startCPU(b)
	for b.Loop() {
		f.done, f.temp = false, max(f.temp, f.cfg.spacing)
		f.Step()
	}
	cpu.report()
}

// cpuMeter reports CPU time per op beside wall time (cpu-ns/op): the
// machines these run on are often shared, and CPU time is what one core
// spends on the work.
type cpuMeter struct {
	b     *testing.B
	start time.Duration
	ok    bool
}

func startCPU(b *testing.B) cpuMeter {
	t, ok := cpuTime()
	return cpuMeter{b, t, ok}
}

func (m cpuMeter) report() {
	if end, ok := cpuTime(); ok && m.ok && m.b.N > 0 {
		m.b.ReportMetric(float64(end-m.start)/float64(m.b.N), "cpu-ns/op")
	}
}

func BenchmarkForceStep10k(b *testing.B)  { benchForce(b, 10_000, 30_000) }
func BenchmarkForceStep100k(b *testing.B) { benchForce(b, 100_000, 300_000) }

func BenchmarkForceRun1k(b *testing.B) {
	g := benchGraph(1000, 3000)
	for b.Loop() {
		Run(NewForce(g), 0)
	}
}

func BenchmarkLayered1k(b *testing.B) {
	g := SampleWorkflow(1000, 1)
	cpu := startCPU(b)
	for b.Loop() {
		NewLayered(g)
	}
	cpu.report()
}

func BenchmarkLayered5k(b *testing.B) {
	g := SampleWorkflow(5000, 1)
	for b.Loop() {
		NewLayered(g)
	}
}

func BenchmarkCountCrossings1k(b *testing.B) {
	routes := NewLayered(SampleWorkflow(1000, 1)).Routes()
	for b.Loop() {
		CountCrossings(routes)
	}
}

func BenchmarkCircular10k(b *testing.B) {
	g := benchGraph(10_000, 0)
	for b.Loop() {
		Run(NewCircular(g), 0)
	}
}

func BenchmarkLayeredRandom2k(b *testing.B) {
	g := benchGraph(2000, 4000)
	cpu := startCPU(b)
	for b.Loop() {
		NewLayered(g)
	}
	cpu.report()
}
