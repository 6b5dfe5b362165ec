package codec

import (
	"bytes"
	"fmt"
	"syscall"
	"testing"
	"time"

	"github.com/cimviz/cimviz/graph"
)

// bigDocument is a root graph of n nodes (label, kind, position, one
// property) and about n edges, a tenth of the nodes inside groups.
func bigDocument(n int) *Document {
	root := graph.New("big", "big")
	d := NewDocument(root)
	for i := range n / 10 {
		sub := graph.New(fmt.Sprintf("g%d", i), "")
		d.Graphs = append(d.Graphs, sub)
		must(root.AddNode(graph.Node{ID: fmt.Sprintf("grp%d", i), Label: "group", Ref: sub.ID}))
		must(sub.AddNode(graph.Node{ID: fmt.Sprintf("in%d", i), Label: "inner", Pos: graph.Point{X: 1, Y: 2}}))
	}
	for i := root.NodeCount(); i < n-n/10; i++ {
		must(root.AddNode(graph.Node{ID: fmt.Sprintf("n%d", i), Label: fmt.Sprintf("node %d", i), Kind: "service",
			Pos: graph.Point{X: float64(i % 1000), Y: float64(i / 1000)}, Props: map[string]string{"team": "core"}}))
	}
	for i := 1; i < root.NodeCount(); i++ {
		must(root.AddEdge(graph.Edge{ID: fmt.Sprintf("e%d", i), From: root.Nodes[i-1].ID, To: root.Nodes[i].ID, Label: "next"}))
	}
	return d
}

func benchmarkImport(b *testing.B, format Format, n int) {
	var buf bytes.Buffer
	if err := Encode(&buf, bigDocument(n), format); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	start := cpuTime()
	for b.Loop() {
		if _, err := Decode(bytes.NewReader(data), format); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, start)
}

// cpuTime is the process's user+system CPU time. On a shared machine the
// wall clock says more about the neighbours than about the code, so the
// import benchmarks also report CPU ns per op (GC workers included).
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func reportCPU(b *testing.B, start time.Duration) {
	b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op")
}

// BenchmarkImportGraphML100k reads a 100,000-node GraphML file (the figure
// to reach is under one second per import).
func BenchmarkImportGraphML100k(b *testing.B) { benchmarkImport(b, FormatGraphML, 100_000) }

func BenchmarkImportDOT100k(b *testing.B)       { benchmarkImport(b, FormatDOT, 100_000) }
func BenchmarkImportJSON100k(b *testing.B)      { benchmarkImport(b, FormatJSON, 100_000) }
func BenchmarkImportMermaid100k(b *testing.B)   { benchmarkImport(b, FormatMermaid, 100_000) }
func BenchmarkImportCytoscape100k(b *testing.B) { benchmarkImport(b, FormatCytoscape, 100_000) }

func BenchmarkExportGraphML100k(b *testing.B) {
	d := bigDocument(100_000)
	b.ReportAllocs()
	for b.Loop() {
		var buf bytes.Buffer
		if err := EncodeGraphML(&buf, d); err != nil {
			b.Fatal(err)
		}
	}
}
