package panes

import (
	"testing"

	"github.com/cimviz/cimviz/render/canvas"
)

func TestHitTest(t *testing.T) {
	l := LayoutFor(area, DefaultMetrics, true, true)
	for _, c := range []struct {
		x, y float32
		want Part
	}{
		{100, 100, PartNone},
		{1279, 0, PartLog},
		{860, 400, PartLog},
		{859, 400, PartNone},
		{700, 600, PartCausation},
		{10, 790, PartBar},
		{1270, 790, PartBar},
		{10, 740, PartBanner},
	} {
		if got := l.HitTest(canvas.Vec{X: c.x, Y: c.y}); got != c.want {
			t.Errorf("HitTest(%v, %v) = %v, want %v", c.x, c.y, got, c.want)
		}
	}
	live := LayoutFor(area, DefaultMetrics, false, false)
	if live.HitTest(canvas.Vec{X: 10, Y: 740}) != PartNone || live.HitTest(canvas.Vec{X: 700, Y: 600}) != PartNone {
		t.Error("live without a selection: banner or causation card still catch the pointer")
	}
}

// Input over the canvas is the editor's; over a panel it is consumed.
func TestConsumed(t *testing.T) {
	s := newState(logOf(10), history(t, 10))
	if s.Update(clickAt(300, 300), area) {
		t.Error("a click on the canvas was consumed")
	}
	if !s.Update(clickAt(1000, 300), area) {
		t.Error("a click on the log was not consumed")
	}
	if !s.Update(at(600, 785), area) {
		t.Error("the pointer over the bar was not consumed")
	}
}

// The log column and the timeline bar (with the banner while in the past)
// are what fitting the graph must keep clear of.
func TestCovered(t *testing.T) {
	m := DefaultMetrics
	for _, c := range []struct {
		past          bool
		right, bottom float32
	}{
		{false, m.LogW, m.BarH},
		{true, m.LogW, m.BarH + bannerH},
	} {
		r, b := LayoutFor(area, m, true, c.past).Covered(area)
		if r != c.right || b != c.bottom {
			t.Errorf("past %v: covered right %v bottom %v, want %v and %v", c.past, r, b, c.right, c.bottom)
		}
	}
}
