// Package timelinebench holds the synthetic graph-edit histories and the
// seek measurement behind the timeline's benchmarks and `cimviz bench`'s
// seek_1m_ms, kept out of live/timeline so the package the editor links
// carries no benchmark code.
package timelinebench

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"time"

	"github.com/cimviz/cimviz/graph"
	"github.com/cimviz/cimviz/graph/change"
	"github.com/cimviz/cimviz/live/timeline"
)

// History returns n decoded graph events over the given number
// of graphs, as a user session produces them: graphs are created first,
// then edits (4% node adds, 2% edge adds, 1% node updates, the rest node
// moves) go to one graph at a time, the graph in focus changing every
// 5,000 events. Graphs stop growing at 2,000 nodes. Same seed, same
// history.
func History(n, graphs int, seed uint64) []timeline.Record {
	h := &history{rng: rand.New(rand.NewPCG(seed, 7)), nodes: make([]int, graphs), edges: make([]int, graphs)}
	recs := make([]timeline.Record, n)
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range recs {
		g, evt := h.next(i)
		recs[i] = timeline.Record{Seq: uint64(i + 1), Graph: fmt.Sprint("g", g), Time: start.Add(time.Duration(i) * 50 * time.Millisecond), Event: evt}
	}
	return recs
}

// history is the generator state: node and edge counts per graph and
// the graph in focus.
type history struct {
	rng          *rand.Rand
	nodes, edges []int
	focus        int
}

// next returns the graph and the event of the i-th record.
func (h *history) next(i int) (int, change.Event) {
	if i < len(h.nodes) {
		return i, change.GraphCreated{Graph: fmt.Sprint("g", i)}
	}
	if i%5000 == 0 {
		h.focus = h.rng.IntN(len(h.nodes))
	}
	g, r := h.focus, h.rng.IntN(100)
	k := h.nodes[g]
	switch {
	case k < 2 || (r < 4 && k < 2000):
		h.nodes[g]++
		return g, change.NodeAdded{Node: graph.Node{ID: fmt.Sprint("n", k), Label: fmt.Sprint("node ", k)}}
	case r < 6:
		h.edges[g]++
		from, to := h.rng.IntN(k), h.rng.IntN(k)
		return g, change.EdgeAdded{Edge: graph.Edge{ID: fmt.Sprint("e", h.edges[g]), From: fmt.Sprint("n", from), To: fmt.Sprint("n", to)}}
	case r < 7:
		return g, change.NodeUpdated{Node: fmt.Sprint("n", h.rng.IntN(k)), Label: fmt.Sprint("renamed ", i)}
	}
	p := graph.Point{X: float64(h.rng.IntN(4000)), Y: float64(h.rng.IntN(4000))}
	return g, change.NodeMoved{Node: fmt.Sprint("n", h.rng.IntN(k)), Pos: p}
}

// SeekFigures are what MeasureSeek found.
type SeekFigures struct {
	Events    int
	Build     time.Duration // New over the decoded records
	WorstSeek time.Duration
	MeanSeek  time.Duration
	Snapshots int
	// HeapBytes is the heap the timeline holds (the decoded records,
	// snapshots, cursor), measured after a GC.
	HeapBytes uint64
}

// MeasureSeek builds a timeline over a synthetic history of events
// decoded events (100 graphs, default K) and seeks seeks times to random
// points, each from a random other point: the figure behind cimviz
// bench's seek_1m_ms (MeasureSeek(1_000_000, 50, 1), WorstSeek).
func MeasureSeek(events, seeks int, seed uint64) (SeekFigures, error) {
	before := heap()
	recs := History(events, 100, seed)
	t0 := time.Now()
	tl, err := timeline.New(recs)
	if err != nil {
		return SeekFigures{}, err
	}
	f := SeekFigures{Events: events, Build: time.Since(t0), Snapshots: tl.Snapshots()}
	f.HeapBytes = heap() - min(before, heap())
	rng := rand.New(rand.NewPCG(seed, 11))
	var total time.Duration
	for range seeks {
		tl.SeekPosition(rng.IntN(events + 1))
		target := uint64(rng.IntN(events + 1))
		t1 := time.Now()
		tl.Seek(target)
		d := time.Since(t1)
		total += d
		f.WorstSeek = max(f.WorstSeek, d)
	}
	f.MeanSeek = total / time.Duration(max(seeks, 1))
	runtime.KeepAlive(tl)
	return f, nil
}

// heap is the live heap after a GC.
func heap() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}
