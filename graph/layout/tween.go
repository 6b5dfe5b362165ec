package layout

import "github.com/cimviz/cimviz/graph"

// Tween animates from one set of positions to another in a fixed number of
// steps with ease-in-out, so that layouts computed in one go can be shown
// moving. It settles on the last step, exactly at the target.
type Tween struct {
	from, to []graph.Point
	steps, n int
}

// NewTween moves from from to to in steps steps (at least one). Positions
// missing from from (it is shorter) start at their target.
func NewTween(from, to []graph.Point, steps int) *Tween {
	start := append([]graph.Point(nil), to...)
	copy(start, from)
	return &Tween{from: start, to: append([]graph.Point(nil), to...), steps: max(1, steps)}
}

// Step advances the animation by one frame.
func (t *Tween) Step() bool {
	t.n = min(t.n+1, t.steps)
	return t.n == t.steps
}

// Positions returns the positions of the current frame.
func (t *Tween) Positions() []graph.Point {
	u := float64(t.n) / float64(t.steps)
	e := u * u * (3 - 2*u)
	out := make([]graph.Point, len(t.to))
	for i := range out {
		out[i] = t.from[i].Add(t.to[i].Sub(t.from[i]).Scale(e))
	}
	if t.n == t.steps {
		copy(out, t.to)
	}
	return out
}
