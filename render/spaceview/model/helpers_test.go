package model

import (
	"github.com/cimviz/cimviz/domains/concept"
	"github.com/cimviz/cimviz/domains/concept/space"
	"github.com/cimviz/cimviz/ecs"
)

// sampleState is a view of an embedded sample space on the given axes,
// laid out in a 1280x800 window.
func sampleState(t tb, id string, axes ...string) (*State, *Controller) {
	t.Helper()
	samples, err := concept.Samples()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range samples {
		if s.ID == id {
			sp := s.Space
			st := NewState(id, axes...)
			if err := st.SetSpace(&sp, 1); err != nil {
				t.Fatal(err)
			}
			c := NewController(st)
			c.Update(frame(0, 0, 0, 0))
			return st, c
		}
	}
	t.Fatalf("no sample %q", id)
	return nil, nil
}

// tb is what the helpers need of *testing.T, *testing.B and *rapid.T.
type tb interface {
	Helper()
	Fatal(args ...any)
	Fatalf(format string, args ...any)
}

// frame is one input tick in a 1280x800 window.
func frame(x, y float64, pressed, released ecs.Button) ecs.Input {
	return ecs.Input{MouseX: x, MouseY: y, Pressed: pressed, Released: released, Width: 1280, Height: 800}
}

// drag plays a left-button drag from (x0,y0) to (x1,y1) in steps and
// returns every command emitted on the way.
func drag(c *Controller, x0, y0, x1, y1 float64, steps int) (during, atEnd int, cmds []ecsCommand) {
	in := frame(x0, y0, ecs.ButtonLeft, 0)
	in.Held = ecs.ButtonLeft
	during += len(c.Update(in))
	for i := 1; i <= steps; i++ {
		k := float64(i) / float64(steps)
		in := frame(x0+(x1-x0)*k, y0+(y1-y0)*k, 0, 0)
		in.Held = ecs.ButtonLeft
		during += len(c.Update(in))
	}
	out := c.Update(frame(x1, y1, 0, ecs.ButtonLeft))
	for _, cmd := range out {
		cmds = append(cmds, ecsCommand{Type: cmd.Type, Aggregate: cmd.AggregateID, Payload: string(cmd.Payload)})
	}
	return during, len(out), cmds
}

type ecsCommand struct{ Type, Aggregate, Payload string }

// screenOf is where a prototype (or item) of a 2D view is drawn.
func screenOf(c *Controller, k Kind, i int) (float64, float64) {
	d := c.S.Derived()
	flat := d.View.Prototypes
	if k == ItemPoint {
		flat = d.View.Points
	}
	return c.Frame2D(d).ToScreen(space.Vec2{X: flat[2*i], Y: flat[2*i+1]})
}
