package ecs

import (
	"math"
	"testing"

	"github.com/cimviz/cimviz/graph"
	"pgregory.net/rapid"
)

func near(a, b graph.Point) bool { return math.Abs(a.X-b.X) < 1e-6 && math.Abs(a.Y-b.Y) < 1e-6 }

func TestCameraMatricesAgreeWithMapping(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c := Camera{Center: graph.Point{X: rapid.Float64Range(-1e4, 1e4).Draw(t, "cx"), Y: rapid.Float64Range(-1e4, 1e4).Draw(t, "cy")},
			Zoom: rapid.Float64Range(MinZoom, MaxZoom).Draw(t, "z"), Width: 800, Height: 600}
		p := graph.Point{X: rapid.Float64Range(-1e4, 1e4).Draw(t, "px"), Y: rapid.Float64Range(-1e4, 1e4).Draw(t, "py")}
		s := c.ToScreen(p)
		m := c.View().Mul3x1([3]float64{p.X, p.Y, 1})
		if math.Abs(m[0]-s[0]) > 1e-6 || math.Abs(m[1]-s[1]) > 1e-6 {
			t.Fatalf("View gives %v, ToScreen %v", m, s)
		}
		back := c.Inverse().Mul3x1([3]float64{s[0], s[1], 1})
		if !near(graph.Point{X: back[0], Y: back[1]}, p) || !near(c.ToWorld(s), p) {
			t.Fatalf("round trip of %v gave %v / %v", p, back, c.ToWorld(s))
		}
	})
}

func TestWheelZoomKeepsPointUnderCursor(t *testing.T) {
	s := newSession(t, sample())
	before := s.ed.Camera().ToWorld(Vec{600, 150})
	s.play(`
		move 600 150
		wheel 3
	`)
	c := s.ed.Camera()
	if math.Abs(c.Zoom-math.Pow(WheelStep, 3)) > 1e-9 {
		t.Errorf("zoom %v after 3 wheel notches", c.Zoom)
	}
	if after := c.ToWorld(Vec{600, 150}); !near(before, after) {
		t.Errorf("world point under cursor moved from %v to %v", before, after)
	}
}

func TestPanWithSpaceAndMiddleDrag(t *testing.T) {
	s := newSession(t, sample())
	s.play(`
		hold space
		drag left 400 300 450 300
		release space
		drag middle 400 300 400 260
	`)
	if c := s.ed.Camera().Center; !near(c, graph.Point{X: -50, Y: 40}) {
		t.Errorf("centre %v after panning, want (-50,40)", c)
	}
	if len(s.svc.Log()) != 0 {
		t.Error("panning must not move nodes")
	}
}

func TestFitAllAndReset(t *testing.T) {
	s := newSession(t, sample())
	s.play(`key f`)
	c := s.ed.Camera()
	vis := c.Visible()
	for v := range s.ed.NodesIn(Rect{graph.Point{X: -1e9, Y: -1e9}, graph.Point{X: 1e9, Y: 1e9}}) {
		if b := v.Box(); !vis.Contains(b.Min) || !vis.Contains(b.Max) {
			t.Errorf("node %s box %v outside the fitted view %v", v.ID, b, vis)
		}
	}
	s.play(`key ctrl+0`)
	if c.Zoom != 1 || c.Center != (graph.Point{}) {
		t.Errorf("reset left zoom %v centre %v", c.Zoom, c.Center)
	}
}

func TestRevisionIdleAndBusy(t *testing.T) {
	s := newSession(t, sample())
	s.play(`wait 1s`)
	r := s.ed.Revision()
	s.play(`wait 1s`)
	if s.ed.Revision() != r {
		t.Error("an idle editor must keep its revision (render skips drawing)")
	}
	s.play(`move 420 300`)
	if s.ed.Revision() == r {
		t.Error("hovering a node must change the revision")
	}
}
