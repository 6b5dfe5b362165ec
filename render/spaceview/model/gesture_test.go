package model

import (
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/cimviz/cimviz/domains/concept"
	"github.com/cimviz/cimviz/domains/concept/space"
	"github.com/cimviz/cimviz/ecs"
)

// Dragging a prototype moves it while the button is held (cells and
// categories recomputed locally, nothing sent) and sends exactly one
// move_concept when the button goes up.
func TestDragPrototypeSendsOneCommand(t *testing.T) {
	s, c := sampleState(t, "colours", "hue", "brightness")
	tomato := s.Space.Item("tomato")
	before := s.Derived().Category[tomato]
	x0, y0 := screenOf(c, Prototype, s.Space.Concept("red"))
	fr := c.Frame2D(s.Derived())
	x1, y1 := fr.ToScreen(space.Vec2{X: 200, Y: 0.8})

	in := frame(x0, y0, ecs.ButtonLeft, 0)
	in.Held = ecs.ButtonLeft
	sent := len(c.Update(in))
	for i := 1; i <= 10; i++ {
		k := float64(i) / 10
		in := frame(x0+(x1-x0)*k, y0+(y1-y0)*k, 0, 0)
		in.Held = ecs.ButtonLeft
		sent += len(c.Update(in))
	}
	if sent != 0 {
		t.Fatalf("%d commands sent while dragging, want none before the release", sent)
	}
	if during := s.Derived().Category[tomato]; during == before {
		t.Errorf("tomato still %s with red dragged away", s.Space.Concepts[during].Name)
	}
	cmds := c.Update(frame(x1, y1, 0, ecs.ButtonLeft))
	if len(cmds) != 1 || cmds[0].Type != "move_concept" || cmds[0].AggregateID != "colours" {
		t.Fatalf("release sent %+v, want one move_concept to colours", cmds)
	}
	var mv concept.Move
	if err := json.Unmarshal(cmds[0].Payload, &mv); err != nil {
		t.Fatal(err)
	}
	if mv.Name != "red" || math.Abs(mv.To["hue"].Num-200) > 1 || math.Abs(mv.To["brightness"].Num-0.8) > 0.01 || mv.To["saturation"].Num != 0.9 {
		t.Errorf("move_concept %+v, want red to hue 200, brightness 0.8, saturation kept at 0.9", mv)
	}
	if s.Pending == nil || !s.Pending.Sent {
		t.Errorf("the moved point is not kept in place until the service answers: %+v", s.Pending)
	}
	if n := len(c.Update(frame(x1, y1, 0, 0))); n != 0 {
		t.Errorf("%d more commands after the release", n)
	}
}

// An item drags the same way and sends move_item.
func TestDragItemSendsMoveItem(t *testing.T) {
	s, c := sampleState(t, "colours", "hue", "brightness")
	x0, y0 := screenOf(c, ItemPoint, s.Space.Item("sky"))
	during, end, cmds := drag(c, x0, y0, x0+80, y0+40, 6)
	if during != 0 || end != 1 || cmds[0].Type != "move_item" || !strings.Contains(cmds[0].Payload, `"name":"sky"`) {
		t.Fatalf("during %d, at release %d: %+v", during, end, cmds)
	}
}

// A click on a point (no movement past the slop) sends nothing and says
// what the point is.
func TestClickDescribes(t *testing.T) {
	s, c := sampleState(t, "colours", "hue", "brightness")
	x, y := screenOf(c, ItemPoint, s.Space.Item("tomato"))
	during, end, _ := drag(c, x, y, x+1, y+1, 2)
	if during+end != 0 {
		t.Fatalf("a click sent %d commands", during+end)
	}
	if s.Pending != nil || !strings.Contains(s.Status, "tomato is red") {
		t.Errorf("after a click: pending %+v, status %q", s.Pending, s.Status)
	}
}

// A press on empty plot space in 2D does nothing.
func TestPressOnNothing(t *testing.T) {
	s, c := sampleState(t, "colours", "hue", "brightness")
	rev := s.Rev()
	p := c.L.Plot
	during, end, _ := drag(c, p.X+p.W-3, p.Y+p.H-3, p.X+p.W-40, p.Y+p.H-40, 4)
	if during+end != 0 || s.Pending != nil || s.Rev() != rev {
		t.Errorf("dragging empty space: %d commands, pending %+v, rev %d -> %d", during+end, s.Pending, rev, s.Rev())
	}
}

// Dragging a weight slider recomputes locally and sends one set_weights
// for the current context with every domain's weight on release.
func TestSliderSendsSetWeights(t *testing.T) {
	s, c := sampleState(t, "fruit")
	s.SetContext("cooking")
	track := c.L.Sliders[0] // taste
	from := SliderX(track, s.ContextWeights()["taste"])
	during, end, cmds := drag(c, from, track.Y+track.H/2, track.X+track.W+50, track.Y, 5)
	if during != 0 || end != 1 || cmds[0].Type != "set_weights" {
		t.Fatalf("during %d, at release %d: %+v", during, end, cmds)
	}
	var sw concept.SetWeights
	if err := json.Unmarshal([]byte(cmds[0].Payload), &sw); err != nil {
		t.Fatal(err)
	}
	want := map[string]float64{"taste": MaxWeight, "shape": 0.5, "colour": 0.5, "texture": 0.5}
	if sw.Context != "cooking" || len(sw.Weights) != len(want) {
		t.Fatalf("set_weights %+v, want context cooking with %v", sw, want)
	}
	for k, w := range want {
		if sw.Weights[k] != w {
			t.Errorf("weight %s = %g, want %g", k, sw.Weights[k], w)
		}
	}
}

// In 3D a drag turns the camera and sends nothing; the wheel zooms.
func TestOrbitDrag(t *testing.T) {
	s, c := sampleState(t, "colours", "hue", "saturation", "brightness")
	p := c.L.Plot
	yaw := c.Orbit.Yaw
	during, end, _ := drag(c, p.X+p.W/2, p.Y+p.H/2, p.X+p.W/2+100, p.Y+p.H/2, 5)
	if during+end != 0 || c.Orbit.Yaw == yaw || s.Pending != nil {
		t.Errorf("orbit drag: %d commands, yaw %.2f -> %.2f", during+end, yaw, c.Orbit.Yaw)
	}
	dist := c.Orbit.Dist
	in := frame(p.X+10, p.Y+10, 0, 0)
	in.WheelY = 2
	c.Update(in)
	if c.Orbit.Dist >= dist {
		t.Errorf("wheel up: distance %.2f -> %.2f", dist, c.Orbit.Dist)
	}
}

// Clicking a dimension adds it as the third axis (3D), clicking it again
// takes it away; clicking a context shows its weights.
func TestSidebarClicks(t *testing.T) {
	s, c := sampleState(t, "fruit")
	click := func(b Box) {
		c.Update(frame(b.X+10, b.Y+5, ecs.ButtonLeft, 0))
		c.Update(frame(b.X+10, b.Y+5, 0, ecs.ButtonLeft))
	}
	click(c.L.Axes[4]) // hue
	if strings.Join(s.Axes, ",") != "sweetness,acidity,hue" {
		t.Fatalf("axes %v after clicking hue", s.Axes)
	}
	click(c.L.Axes[4])
	if strings.Join(s.Axes, ",") != "sweetness,acidity" {
		t.Fatalf("axes %v after clicking hue again", s.Axes)
	}
	click(c.L.Axes[0]) // two axes stay
	if len(s.Axes) != 2 {
		t.Fatalf("axes %v: a 2D view lost an axis", s.Axes)
	}
	ctxs := s.Contexts()
	i := len(ctxs) - 1
	click(c.L.Contexts[i])
	if s.Context != ctxs[i] || s.ContextWeights()["colour"] != s.Space.Weights[ctxs[i]]["colour"] {
		t.Errorf("context %q after clicking %q; weights %v", s.Context, ctxs[i], s.ContextWeights())
	}
}

// The service's answer drops a sent move; a refusal snaps it back and
// says why.
func TestAnswerAndRefusal(t *testing.T) {
	s, c := sampleState(t, "colours", "hue", "brightness")
	x, y := screenOf(c, Prototype, s.Space.Concept("blue"))
	drag(c, x, y, x-100, y, 4)
	s.Refused("move_concept", errors.New("coordinate out of range"))
	if s.Pending != nil || !s.Failed || !strings.Contains(s.Status, "out of range") {
		t.Fatalf("after a refusal: pending %+v, status %q", s.Pending, s.Status)
	}
	if bx, _ := screenOf(c, Prototype, s.Space.Concept("blue")); bx != x {
		t.Errorf("blue drawn at x %.1f after the refusal, want back at %.1f", bx, x)
	}
	drag(c, x, y, x-100, y, 4)
	sp := *s.Space
	if err := s.SetSpace(&sp, 2); err != nil || s.Pending != nil {
		t.Errorf("after the answer: pending %+v, %v", s.Pending, err)
	}
}

// Axis coordinates decode to values the dimension accepts.
func TestDecode(t *testing.T) {
	size := space.Dimension{Name: "size", Kind: space.Ordinal, Levels: []string{"tiny", "small", "medium"}}
	skin := space.Dimension{Name: "skin", Kind: space.Categorical, Values: []string{"smooth", "peel"}}
	hue := space.Dimension{Name: "hue", Kind: space.Circular, Period: 360}
	sweet := space.Dimension{Name: "sweet", Kind: space.Continuous, Min: 0, Max: 10}
	for _, tc := range []struct {
		d    space.Dimension
		x    float64
		want space.Value
	}{
		{size, 1.4, space.Label("small")}, {size, -3, space.Label("tiny")}, {size, 9, space.Label("medium")},
		{skin, 0.6, space.Label("peel")}, {hue, 370, space.Num(10)}, {hue, -30, space.Num(330)},
		{sweet, 11, space.Num(10)}, {sweet, 3.14159, space.Num(3.14)}, // a thousandth of the range
	} {
		if got := Decode(tc.d, tc.x); got != tc.want {
			t.Errorf("Decode(%s, %g) = %v, want %v", tc.d.Name, tc.x, got, tc.want)
		}
		if _, err := tc.d.Encode(Decode(tc.d, tc.x)); err != nil {
			t.Errorf("Decode(%s, %g) is refused by the dimension: %v", tc.d.Name, tc.x, err)
		}
	}
}

// Escape during a drag puts the point back and nothing is sent when the
// button goes up.
func TestEscapeCancelsDrag(t *testing.T) {
	s, c := sampleState(t, "colours", "hue", "brightness")
	x, y := screenOf(c, Prototype, s.Space.Concept("blue"))
	in := frame(x, y, ecs.ButtonLeft, 0)
	in.Held = ecs.ButtonLeft
	c.Update(in)
	in = frame(x-120, y+40, 0, 0)
	in.Held = ecs.ButtonLeft
	c.Update(in)
	in.Keys = []ecs.KeyPress{{Key: ecs.KeyEscape}}
	c.Update(in)
	if cmds := c.Update(frame(x-120, y+40, 0, ecs.ButtonLeft)); len(cmds) != 0 || s.Pending != nil {
		t.Fatalf("after Escape: %d commands, pending %+v", len(cmds), s.Pending)
	}
	if bx, by := screenOf(c, Prototype, s.Space.Concept("blue")); bx != x || by != y {
		t.Errorf("blue at %.0f,%.0f after Escape, want back at %.0f,%.0f", bx, by, x, y)
	}
}

// A dimension on an axis removed elsewhere: the view falls back to the
// first two dimensions instead of failing.
func TestAxisRemovedElsewhere(t *testing.T) {
	s, _ := sampleState(t, "fruit", "hue", "skin")
	sp := s.Space.Clone()
	if err := sp.RemoveDimension("skin"); err != nil {
		t.Fatal(err)
	}
	if err := s.SetSpace(sp, 2); err != nil || strings.Join(s.Axes, ",") != "sweetness,acidity" {
		t.Fatalf("axes %v, %v", s.Axes, err)
	}
	if d := s.Derived(); d.Err != nil || len(d.Cells) != len(sp.Concepts) {
		t.Errorf("view after the removal: %v, %d cells", d.Err, len(d.Cells))
	}
	fresh := NewState("fruit", "nope", "skin")
	if err := fresh.SetSpace(sp, 2); !errors.Is(err, ErrAxes) {
		t.Errorf("first answer without the wanted axes: %v, want ErrAxes", err)
	}
}

// The pointer shows a point, a slider or a sidebar row as clickable, and
// empty plot space not.
func TestClickable(t *testing.T) {
	s, c := sampleState(t, "colours", "hue", "brightness")
	x, y := screenOf(c, ItemPoint, s.Space.Item("sky"))
	tr := c.L.Sliders[0]
	for _, tc := range []struct {
		x, y float64
		want bool
	}{
		{x + 2, y, true}, {tr.X + 5, tr.Y + 2, true}, {c.L.Axes[1].X + 4, c.L.Axes[1].Y + 4, true},
		{c.L.Plot.X + c.L.Plot.W - 5, c.L.Plot.Y + c.L.Plot.H - 5, false}, {c.L.W - 5, 10, false},
	} {
		if got := c.Clickable(tc.x, tc.y); got != tc.want {
			t.Errorf("Clickable(%.0f,%.0f) = %v, want %v", tc.x, tc.y, got, tc.want)
		}
	}
}
