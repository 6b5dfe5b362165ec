package ecs

import (
	"math"

	arche "github.com/mlange-42/arche/ecs"
)

// cameraSystem zooms at the cursor with the wheel. Panning is a pointer
// gesture (Space-drag, middle-drag); see pointerSystem.
func (ed *Editor) cameraSystem(in Input) {
	if in.WheelY == 0 {
		return
	}
	ed.s.cam.ZoomAt(in.Mouse(), math.Pow(WheelStep, in.WheelY))
	ed.s.touchView()
}

// fitAll frames every drawn node.
func (ed *Editor) fitAll() {
	var b Bounds
	for _, e := range ed.s.lookup.Nodes {
		if !ed.s.m.hidden.Has(e) {
			b.Add(ed.s.fitBox(e))
		}
	}
	ed.fit(b)
}

// fitSelection frames the selected nodes.
func (ed *Editor) fitSelection() {
	var b Bounds
	for _, e := range ed.s.selectedEntities() {
		b.Add(ed.s.fitBox(e))
	}
	ed.fit(b)
}

func (ed *Editor) fit(b Bounds) {
	if !b.OK {
		ed.s.setStatus("nothing to fit", false)
		return
	}
	ed.s.cam.Fit(b.R, FitMargin)
	ed.s.touchView()
}

// zoomCentre zooms about the middle of the window.
func (ed *Editor) zoomCentre(factor float64) {
	c := ed.s.cam
	c.ZoomAt(Vec{c.Width / 2, c.Height / 2}, factor)
	ed.s.touchView()
}

// box is a node's drawn rectangle.
func (s *store) box(e arche.Entity) Rect {
	sz := s.m.size.Get(e)
	return RectAround(s.displayPos(e), sz.W, sz.H)
}
