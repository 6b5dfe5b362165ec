package bench

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"time"

	"github.com/nats-io/nats.go"

	"github.com/cimviz/cimviz/bridge"
	"github.com/cimviz/cimviz/domains/eventstore/pages"
	"github.com/cimviz/cimviz/domains/eventstore/storebench"
	"github.com/cimviz/cimviz/domains/graphdomain"
	"github.com/cimviz/cimviz/domains/service"
	"github.com/cimviz/cimviz/ecs"
	"github.com/cimviz/cimviz/graph"
	"github.com/cimviz/cimviz/graph/change"
)

// liveEditor is an editor on a bridge, without a window: what a tick of the
// game loop does, minus drawing.
type liveEditor struct {
	ed *ecs.Editor
	d  *bridge.Driver
	b  *bridge.Bridge
}

func (bb *backbone) openEditor(graphID string) (*liveEditor, error) {
	return bb.openEditorAt(graphID, 0)
}

// openEditorAt opens an editor whose game loop ticks every frame (0: as
// fast as it can) until the world is built.
func (bb *backbone) openEditorAt(graphID string, frame time.Duration) (*liveEditor, error) {
	nc, err := bb.connect(bridge.ConnectOptions("cimviz bench editor")...)
	if err != nil {
		return nil, err
	}
	b, err := bridge.Start(context.Background(), nc, bridge.Config{Logger: quietLog})
	if err != nil {
		return nil, err
	}
	bb.closers = append(bb.closers, b.Close)
	d := bridge.NewDriver(b, graphID)
	e := &liveEditor{ed: ecs.NewEditor(ecs.WithSize(1280, 800), ecs.WithSource(d.Projection().Graph)), d: d, b: b}
	return e, e.tickUntil(time.Minute, frame, d.Live)
}

func (e *liveEditor) tick() {
	e.ed.Update(ecs.Input{Width: 1280, Height: 800})
	e.d.Pump(e.ed)
}

// awaitUntil ticks whenever the bridge has work for the game loop, until
// cond holds: the loop of an editor with nothing to draw, which leaves the
// cores to the server and services between ticks.
func (e *liveEditor) awaitUntil(limit time.Duration, cond func() bool) error {
	timeout := time.NewTimer(limit)
	defer timeout.Stop()
	for e.tick(); !cond(); e.tick() {
		select {
		case <-e.d.Ready():
		case <-timeout.C:
			return fmt.Errorf("timed out after %v", limit)
		}
	}
	return nil
}

// tickUntil ticks every frame (0: as fast as it can) until cond holds.
func (e *liveEditor) tickUntil(limit, frame time.Duration, cond func() bool) error {
	start := time.Now()
	for n := 0; !cond(); n++ {
		if time.Since(start) > limit {
			return fmt.Errorf("timed out after %v", limit)
		}
		if frame > 0 {
			time.Sleep(time.Until(start.Add(time.Duration(n) * frame)))
		} else {
			runtime.Gosched() // the server, services and bridge run in this process
		}
		e.tick()
	}
	return nil
}

func seedGraph(bb *backbone, id string) error {
	c := graphdomain.NewClient(bb.nc)
	for _, cmd := range []change.Command{
		change.CreateGraph{Graph: id, Name: "bench"},
		change.AddNode{Graph: id, Node: graph.Node{ID: "a", Label: "a"}},
	} {
		if _, err := c.Send(context.Background(), cmd); err != nil {
			return err
		}
	}
	return nil
}

// startGraphBackbone is a backbone running the graph service with the
// graph "bench" holding one node "a" (version 2).
func startGraphBackbone() (*backbone, error) {
	bb, err := startBackbone()
	if err != nil {
		return nil, err
	}
	if err = bb.serve(graphdomain.Servable{}); err == nil {
		err = seedGraph(bb, "bench")
	}
	if err != nil {
		bb.close()
		return nil, err
	}
	return bb, nil
}

// startLiveEditor is a graph backbone with an editor live on the graph
// "bench"; the caller closes the backbone.
func startLiveEditor() (*backbone, *liveEditor, error) {
	bb, err := startGraphBackbone()
	if err != nil {
		return nil, nil, err
	}
	e, err := bb.openEditor("bench")
	if err != nil {
		bb.close()
		return nil, nil, err
	}
	return bb, e, nil
}

// measureGesture: a user adds a node; time until the service persisted it
// and its event was applied in the world, paced at 1k gestures/s. The game
// loop ticks when the bridge has work (an editor idles between frames; a
// loop spinning on the measuring goroutine would take a core from the
// server and the service it measures).
func measureGesture(_ context.Context, s Size) (Measurement, error) {
	bb, e, err := startLiveEditor()
	if err != nil {
		return Measurement{}, err
	}
	defer bb.close()
	lat, err := e.gestures(s.Pick(300, 2000), time.Millisecond)
	if err != nil {
		return Measurement{}, err
	}
	return Measurement{Value: ms(percentile(lat, 99)), Note: fmt.Sprintf("p50 %.3f ms, %d gestures at 1k/s", ms(percentile(lat, 50)), len(lat))}, nil
}

func (e *liveEditor) gestures(n int, pace time.Duration) ([]time.Duration, error) {
	lat := make([]time.Duration, 0, n)
	start := time.Now()
	for i := range n {
		time.Sleep(time.Until(start.Add(time.Duration(i) * pace)))
		t0 := time.Now()
		want := e.d.Projection().Version("bench") + 1
		if e.ed.AddNodeAt("task", ecs.Vec{float64(i % 1000), float64(i / 1000 * 40)}) == "" {
			return nil, fmt.Errorf("the editor refused gesture %d: %s", i, e.ed.Status().Message)
		}
		if err := e.awaitUntil(10*time.Second, func() bool { return e.d.Projection().Version("bench") >= want }); err != nil {
			return nil, fmt.Errorf("gesture %d: %w", i, err)
		}
		lat = append(lat, time.Since(t0))
	}
	return lat, nil
}

// measureReplay: a fresh editor builds its world from a long log.
func measureReplay(_ context.Context, s Size) (Measurement, error) {
	bb, err := startGraphBackbone()
	if err != nil {
		return Measurement{}, err
	}
	defer bb.close()
	n := s.Pick(100_000, 1_000_000)
	if err := FloodMoves(bb.nc, "bench", "a", 2, n); err != nil {
		return Measurement{}, err
	}
	// An editor opens on services that are up: the graph service has
	// followed the log (it keeps the events it saw, for replays in pages).
	if err := awaitServiceKept(bb.nc, uint64(n+2)); err != nil {
		return Measurement{}, err
	}
	start, cpu := time.Now(), storebench.CPUTime()
	e, err := bb.openEditorAt("bench", time.Second/60)
	if err != nil {
		return Measurement{}, err
	}
	took, cpuPerEvent := time.Since(start), (storebench.CPUTime()-cpu)/time.Duration(n+2)
	if a, _ := e.ed.Graph().Node("a"); a.Pos.X != float64(n+1) {
		return Measurement{}, fmt.Errorf("replay ended at x=%v, want %d", a.Pos.X, n+1)
	}
	paged := e.b.Paged.Load()
	return Measurement{Value: float64(n+2) / took.Seconds(), Note: fmt.Sprintf("%d events from JetStream into a fresh world (%d in pages from the graph service, the rest through an ordered consumer), game loop at 60 ticks/s; %.1f µs of CPU per event (server, graph service and editor together)", n+2, paged, float64(cpuPerEvent)/1e3)}, nil
}

// awaitServiceKept waits until the graph service keeps the events up to
// seq (its catalog has followed the log that far).
func awaitServiceKept(nc *nats.Conn, seq uint64) error {
	c := service.NewClient(nc, graphdomain.Name)
	deadline := time.Now().Add(2 * time.Minute)
	for time.Now().Before(deadline) {
		var raw service.Raw
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		err := c.Query(ctx, graphdomain.QueryEvents, "", graphdomain.EventsArgs{From: seq}, &raw)
		cancel()
		w, derr := pages.DecodeWindow(raw)
		if err = errors.Join(err, derr); err != nil || w.Kept >= seq || w.Full {
			return err
		}
		time.Sleep(50 * time.Millisecond)
	}
	return fmt.Errorf("the graph service did not follow the log to %d in time", seq)
}
