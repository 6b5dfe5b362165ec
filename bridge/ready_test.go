package bridge_test

import (
	"testing"
	"time"

	"github.com/cimviz/cimviz/domains/natsembed/natstest"
	"github.com/cimviz/cimviz/ecs"
	"github.com/cimviz/cimviz/graph"
	"github.com/cimviz/cimviz/graph/change"
)

// TestReadyWakesAnIdleLoop: a game loop that only ticks when Ready says
// there is work still sees another editor's edit, and an answer to its
// own.
func TestReadyWakesAnIdleLoop(t *testing.T) {
	srv, nc := natstest.Start(t)
	serveGraphs(t, nc)
	seed(t, nc)
	e := openEditor(t, srv, "g")
	e.tick()
	tickWhenReady := func(what string, cond func() bool) {
		t.Helper()
		deadline := time.After(10 * time.Second)
		for !cond() {
			select {
			case <-e.d.Ready():
			case <-deadline:
				t.Fatalf("the loop was not woken until %s", what)
			}
			e.tick()
		}
	}
	send(t, nc, change.AddNode{Graph: "g", Node: graph.Node{ID: "c", Label: "C"}})
	tickWhenReady("another editor's node is shown", e.hasNode("c"))
	id := e.ed.AddNodeAt("task", ecs.Vec{400, 300})
	if id == "" {
		t.Fatal("the editor refused to add a node")
	}
	e.d.Pump(e.ed) // sends the intent
	tickWhenReady("the editor's own node is persisted and shown", e.hasNode(id))
}
