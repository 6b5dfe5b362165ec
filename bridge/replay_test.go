package bridge_test

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/nats-io/nats.go"

	"github.com/cimviz/cimviz/bridge"
	"github.com/cimviz/cimviz/domains/eventstore/pages"
	"github.com/cimviz/cimviz/domains/graphdomain"
	"github.com/cimviz/cimviz/domains/natsembed/natstest"
	"github.com/cimviz/cimviz/domains/service"
	"github.com/cimviz/cimviz/graph"
	"github.com/cimviz/cimviz/graph/change"
)

// An editor that replays the log in pages from the graph service builds
// the same world as one that reads every event from the stream, and both
// follow live edits after.
func TestReplayInPagesBuildsTheSameWorld(t *testing.T) {
	srv, nc := natstest.Start(t)
	serveGraphs(t, nc)
	seed(t, nc)
	var moves []change.Command
	for i := range 300 {
		moves = append(moves, change.MoveNode{Graph: "g", Node: "a", Pos: graph.Point{X: float64(i), Y: 1}})
	}
	send(t, nc, moves...)
	send(t, nc, change.RenameGraph{Graph: "g", Name: "Demo, moved"})
	waitForServiceEvents(t, nc)
	paged := openEditor(t, srv, "g")
	streamed := openEditorWith(t, srv, "g", bridge.Config{NoPages: true})
	if paged.b.Paged.Load() == 0 || streamed.b.Paged.Load() != 0 {
		t.Fatalf("events in pages: %d and %d; want some for the first editor, none for the second", paged.b.Paged.Load(), streamed.b.Paged.Load())
	}
	if a, b := worldJSON(t, paged), worldJSON(t, streamed); a != b {
		t.Fatalf("worlds differ:\npaged    %s\nstreamed %s", a, b)
	}
	send(t, nc, change.AddNode{Graph: "g", Node: graph.Node{ID: "c", Label: "C"}})
	paged.until(t, "the paged editor sees a live edit", paged.hasNode("c"))
	streamed.until(t, "the streaming editor sees it", streamed.hasNode("c"))
}

// waitForServiceEvents waits until the graph service keeps every stored
// event (its catalog followed the log to the end).
func waitForServiceEvents(t *testing.T, nc *nats.Conn) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	store := openGraphStore(t, nc)
	last, err := store.LastSequence(ctx)
	if err != nil {
		t.Fatal(err)
	}
	c := service.NewClient(nc, graphdomain.Name)
	for ctx.Err() == nil {
		var raw service.Raw
		if err := c.Query(ctx, graphdomain.QueryEvents, "", graphdomain.EventsArgs{From: last}, &raw); err != nil {
			t.Fatal(err)
		}
		if w, err := pages.DecodeWindow(raw); err == nil && w.Kept >= last {
			return
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatal("the graph service did not follow the log in time")
}

func worldJSON(t *testing.T, e *editor) string {
	t.Helper()
	b, err := json.Marshal(e.ed.Graph())
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// With no graph service to answer for pages, the editor reads every event
// from the stream.
func TestWithoutAGraphServiceTheStreamIsRead(t *testing.T) {
	srv, nc := natstest.Start(t)
	svc, err := graphdomain.Servable{}.Start(nc, openGraphStore(t, nc))
	if err != nil {
		t.Fatal(err)
	}
	seed(t, nc)
	if err := svc.Stop(); err != nil {
		t.Fatal(err)
	}
	e := openEditor(t, srv, "g")
	if g := e.ed.Graph(); g.NodeCount() != 2 || e.b.Paged.Load() != 0 {
		t.Fatalf("%d nodes, %d events in pages; want the seeded 2 from the stream", g.NodeCount(), e.b.Paged.Load())
	}
}
