package bridge_test

import (
	"fmt"
	"testing"

	"pgregory.net/rapid"

	"github.com/cimviz/cimviz/domains/natsembed/natstest"
	"github.com/cimviz/cimviz/ecs"
	"github.com/cimviz/cimviz/graph"
	"github.com/cimviz/cimviz/graph/change"
)

// drag plays a left-button drag of the node at world point p by (dx, dy)
// through the editor's input systems, as a user's hand would.
func (e *editor) drag(p graph.Point, dx, dy float64) {
	s := e.ed.Camera().ToScreen(p)
	frame := func(x, y float64, pressed, released, held ecs.Button) {
		e.ed.Update(ecs.Input{Width: 800, Height: 600, MouseX: x, MouseY: y, Pressed: pressed, Released: released, Held: held})
		e.d.Pump(e.ed)
	}
	frame(s[0], s[1], 0, 0, 0)
	frame(s[0], s[1], ecs.ButtonLeft, 0, ecs.ButtonLeft)
	for i := 1; i <= 4; i++ {
		frame(s[0]+dx*float64(i)/4, s[1]+dy*float64(i)/4, 0, 0, ecs.ButtonLeft)
	}
	frame(s[0]+dx, s[1]+dy, 0, ecs.ButtonLeft, 0)
}

// settled: nothing queued and the world has folded in every event stored.
func settled(es ...*editor) func() bool {
	return func() bool {
		for _, e := range es {
			if e.b.Queued() > 0 || e.ed.Status().Pending > 0 {
				return false
			}
		}
		seq := es[0].d.Projection().Sequence
		for _, e := range es[1:] {
			if e.d.Projection().Sequence != seq {
				return false
			}
		}
		return true
	}
}

// TestTwoEditorsConverge: whatever two users do at once, in whatever
// interleaving of their frames, both editors end with the same graph, the
// one the service's order made.
func TestTwoEditorsConverge(t *testing.T) {
	srv, nc := natstest.Start(t)
	serveGraphs(t, nc)
	round := 0
	rapid.Check(t, func(rt *rapid.T) {
		round++
		id := fmt.Sprintf("g%d", round)
		send(t, nc, change.CreateGraph{Graph: id, Name: id},
			change.AddNode{Graph: id, Node: graph.Node{ID: "a", Label: "A"}},
			change.AddNode{Graph: id, Node: graph.Node{ID: "b", Label: "B", Pos: graph.Point{X: 120}}})
		eds := []*editor{openEditor(t, srv, id), openEditor(t, srv, id)}
		steps := rapid.IntRange(1, 25).Draw(rt, "steps")
		for range steps {
			e := eds[rapid.IntRange(0, 1).Draw(rt, "who")]
			switch rapid.IntRange(0, 5).Draw(rt, "what") {
			case 0:
				e.ed.AddNodeAt("task", ecs.Vec{rapid.Float64Range(0, 800).Draw(rt, "x"), rapid.Float64Range(0, 600).Draw(rt, "y")})
			case 1, 2:
				g := e.ed.Graph()
				if len(g.Nodes) > 0 {
					n := g.Nodes[rapid.IntRange(0, len(g.Nodes)-1).Draw(rt, "node")]
					e.drag(n.Pos, rapid.Float64Range(-80, 80).Draw(rt, "dx"), rapid.Float64Range(-80, 80).Draw(rt, "dy"))
				}
			case 3:
				e.ed.Run("edit.select_all")
				e.ed.Run("layout.align_left")
			case 4:
				e.ed.Run("edit.undo")
			case 5:
				e.tick()
			}
		}
		eds[0].until(t, "both editors settle", func() bool { eds[1].tick(); return settled(eds...)() })
		if err := graph.Diff(eds[0].ed.Graph(), eds[1].ed.Graph()); err != nil {
			rt.Fatalf("editors diverged: %v", err)
		}
		if g, _ := eds[0].d.Projection().Graph(id); graph.Diff(g, eds[0].ed.Graph()) != nil {
			rt.Fatalf("the world differs from the projection of the log")
		}
	})
}
