package model

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"

	"github.com/cimviz/cimviz/domains/concept/conceptcmd"
	"github.com/cimviz/cimviz/domains/concept/space"
	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/ecs"
)

// HitRadius is how near, in pixels, a press must be to grab a point.
const HitRadius = 11.0

// dragSlop is how far the pointer moves before a press becomes a drag.
const dragSlop = 3.0

type mode uint8

const (
	idle mode = iota
	dragPoint
	dragSlider
	dragOrbit
)

// Controller turns input frames into view changes and, when a gesture
// ends, into the one command it stands for: move_concept or move_item
// after dragging a point, set_weights after releasing a slider.
type Controller struct {
	S      *State
	Orbit  Orbit
	L      Layout
	mode   mode
	slider int
	start  ecs.Vec
	last   ecs.Vec
	moved  bool
}

// NewController controls s with the default camera.
func NewController(s *State) *Controller { return &Controller{S: s, Orbit: DefaultOrbit()} }

// Update applies one input frame and returns the commands it finished.
func (c *Controller) Update(in ecs.Input) []message.Command {
	c.relayout(float64(in.Width), float64(in.Height))
	if c.S.Derived() == nil {
		return nil
	}
	x, y := in.MouseX, in.MouseY
	if in.Pressed.Has(ecs.ButtonLeft) {
		c.press(x, y)
	}
	if c.mode != idle && in.Held.Has(ecs.ButtonLeft) {
		c.drag(x, y)
	}
	if c.mode != idle && pressed(in, ecs.KeyEscape) {
		c.cancel()
	}
	var out []message.Command
	if c.mode != idle && !in.Held.Has(ecs.ButtonLeft) {
		out = c.release()
	}
	if in.WheelY != 0 && len(c.S.Axes) == 3 && c.L.Plot.Has(x, y) {
		c.Orbit.Zoom(in.WheelY)
		c.S.Touch()
	}
	return out
}

func (c *Controller) relayout(w, h float64) {
	if w <= 0 || h <= 0 {
		w, h = c.L.W, c.L.H
	}
	n := NewLayout(c.S, w, h)
	if n.W != c.L.W || n.H != c.L.H || len(n.Sliders) != len(c.L.Sliders) || len(n.Contexts) != len(c.L.Contexts) {
		c.S.Touch()
	}
	c.L = n
}

// Frame2D maps the current 2D view onto the plot.
func (c *Controller) Frame2D(d *Derived) Frame2D {
	return Frame2D{Data: d.View.Extent(), Plot: c.L.Plot}
}

func (c *Controller) press(x, y float64) {
	c.start, c.last, c.moved = ecs.Vec{x, y}, ecs.Vec{x, y}, false
	s := c.S
	if i := Hit(c.L.Axes, x, y); i >= 0 {
		s.ToggleAxis(s.Space.Dimensions[i].Name)
		return
	}
	if i := Hit(c.L.Contexts, x, y); i >= 0 {
		s.SetContext(s.Contexts()[i])
		return
	}
	if i := Hit(c.grownSliders(), x, y); i >= 0 {
		c.mode, c.slider = dragSlider, i
		c.drag(x, y)
		return
	}
	if p := c.hit(x, y); p != nil { // points near the plot's edge stick out of it
		c.mode, s.Pending = dragPoint, p
		s.Touch()
		return
	}
	if len(s.Axes) == 3 && c.L.Plot.Has(x, y) {
		c.mode = dragOrbit
	}
}

// Dragging says whether a gesture is under way.
func (c *Controller) Dragging() bool { return c.mode != idle }

// Clickable says whether a press at (x, y) would do something: a point
// to drag, a slider, an axis or context row.
func (c *Controller) Clickable(x, y float64) bool {
	if c.S.Derived() == nil {
		return false
	}
	return c.hit(x, y) != nil || Hit(c.grownSliders(), x, y) >= 0 || Hit(c.L.Axes, x, y) >= 0 || Hit(c.L.Contexts, x, y) >= 0
}

// grownSliders are the slider tracks with room above and below to grab.
func (c *Controller) grownSliders() []Box {
	out := make([]Box, len(c.L.Sliders))
	for i, t := range c.L.Sliders {
		out[i] = Box{X: t.X - 6, Y: t.Y - 8, W: t.W + 12, H: t.H + 16}
	}
	return out
}

// hit is the point under (x, y) in the 2D view as a pending move that
// has not moved yet, or nil. Items win ties (they are drawn on top).
func (c *Controller) hit(x, y float64) *Pending {
	d := c.S.Derived()
	if d.View.Metric == nil || len(c.S.Axes) != 2 {
		return nil
	}
	f := c.Frame2D(d)
	items, protos := screenPoints(f, d.View.Points), screenPoints(f, d.View.Prototypes)
	if i := Nearest(items, x, y, HitRadius); i >= 0 {
		return &Pending{Kind: ItemPoint, Index: i, Name: d.Space.Items[i].Name, To: d.View.Points[2*i : 2*i+2 : 2*i+2]}
	}
	if i := Nearest(protos, x, y, HitRadius); i >= 0 {
		return &Pending{Kind: Prototype, Index: i, Name: d.Space.Concepts[i].Name, To: d.View.Prototypes[2*i : 2*i+2 : 2*i+2]}
	}
	return nil
}

// screenPoints maps flat 2D data points to flat screen points.
func screenPoints(f Frame2D, flat []float64) []float64 {
	out := make([]float64, len(flat))
	for i := 0; i+1 < len(flat); i += 2 {
		out[i], out[i+1] = f.ToScreen(space.Vec2{X: flat[i], Y: flat[i+1]})
	}
	return out
}

func (c *Controller) drag(x, y float64) {
	dx, dy := x-c.last[0], y-c.last[1]
	c.last = ecs.Vec{x, y}
	if math.Hypot(x-c.start[0], y-c.start[1]) > dragSlop {
		c.moved = true
	}
	switch c.mode {
	case dragPoint:
		if c.moved {
			p := c.Frame2D(c.S.Derived()).ToData(x, y)
			c.S.Pending.To = []float64{p.X, p.Y}
			c.S.Touch()
		}
	case dragSlider:
		c.setWeight(SliderValue(c.L.Sliders[c.slider], x))
	case dragOrbit:
		c.Orbit.Rotate(dx, dy)
		c.S.Touch()
	}
}

func (c *Controller) setWeight(w float64) {
	s := c.S
	ws := s.ContextWeights()
	ws[s.Space.Domains()[c.slider]] = math.Round(w*100) / 100
	s.Weights, s.weightsSent = ws, false
	s.Touch()
}

func pressed(in ecs.Input, k ecs.Key) bool {
	return slices.ContainsFunc(in.Keys, func(p ecs.KeyPress) bool { return p.Key == k })
}

// cancel drops the gesture under way (Escape): the point goes back, the
// weights to what the service has, nothing is sent.
func (c *Controller) cancel() {
	switch c.mode {
	case dragPoint:
		c.S.Pending = nil
	case dragSlider:
		c.S.Weights = nil
	}
	c.mode = idle
	c.S.Say("cancelled", false)
}

// release ends the gesture and gives its command.
func (c *Controller) release() []message.Command {
	m, s := c.mode, c.S
	c.mode = idle
	switch {
	case m == dragPoint && !c.moved:
		msg := c.describe(s.Pending)
		s.Pending = nil
		s.Say(msg, false)
	case m == dragPoint:
		s.Pending.Sent = true
		return []message.Command{MoveCommand(s.ID, s.Pending.Kind, s.Pending.Name, s.PendingPoint())}
	case m == dragSlider:
		s.weightsSent = true
		return []message.Command{WeightsCommand(s.ID, s.Context, s.ContextWeights())}
	}
	return nil
}

// describe is the status line for a clicked point: an item's category,
// or how many items a concept holds.
func (c *Controller) describe(p *Pending) string {
	d := c.S.Derived()
	if p.Kind == ItemPoint && p.Index < len(d.Category) && d.Category[p.Index] >= 0 {
		return fmt.Sprintf("item %s is %s (context %s)", p.Name, d.Space.Concepts[d.Category[p.Index]].Name, c.S.Context)
	}
	n := 0
	for _, k := range d.Category {
		if k == p.Index {
			n++
		}
	}
	return fmt.Sprintf("concept %s holds %d of %d items (context %s)", p.Name, n, len(d.Category), c.S.Context)
}

// MoveCommand is the command that moves a concept's prototype or an item
// of space id to a new point.
func MoveCommand(id string, k Kind, name string, to space.Point) message.Command {
	typ := "move_item"
	if k == Prototype {
		typ = "move_concept"
	}
	return command(typ, id, conceptcmd.Move{Name: name, To: to})
}

// WeightsCommand sets the weights of a context of space id.
func WeightsCommand(id, context string, w map[string]float64) message.Command {
	return command("set_weights", id, conceptcmd.SetWeights{Context: context, Weights: w})
}

func command(typ, id string, payload any) message.Command {
	raw, err := json.Marshal(payload)
	if err != nil { // points and weights are plain numbers and strings
		raw = []byte("null")
	}
	return message.NewCommand(conceptcmd.Name, typ, id, raw)
}
