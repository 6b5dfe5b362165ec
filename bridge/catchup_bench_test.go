package bridge

import (
	"testing"
	"time"

	"github.com/cimviz/cimviz/ecs"
	"github.com/cimviz/cimviz/graph"
	"github.com/cimviz/cimviz/graph/change"
)

// BenchmarkCatchUp is the editor's side of a replay without NATS: decoded
// node moves handed over by a producer goroutine, as the consumer does,
// and folded into the projection by a game loop ticking as fast as it
// can. Compare its events/s with the replay figure to see what NATS
// delivery leaves of it.
func BenchmarkCatchUp(b *testing.B) {
	br := &Bridge{cfg: Config{}.withDefaults(), in: newInbox(1 << 16), catchUp: uint64(b.N) + 2}
	d := NewDriver(br, "g")
	ed := ecs.NewEditor(ecs.WithSource(d.Projection().Graph))
	d.apply(ed, Delivery{Graph: "g", Sequence: 1, Event: change.GraphCreated{Graph: "g", Name: "g"}})
	d.apply(ed, Delivery{Graph: "g", Sequence: 2, Event: change.NodeAdded{Node: graph.Node{ID: "a"}}})
	b.ResetTimer()
	start := time.Now()
	go func() {
		for i := range b.N {
			br.in.put(Delivery{Graph: "g", Sequence: uint64(i) + 3, Event: change.NodeMoved{Node: "a", Pos: graph.Point{X: float64(i)}}})
		}
	}()
	for !d.Live() {
		d.Pump(ed)
	}
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "events/s")
}
