package panes

import (
	"image"

	"github.com/cimviz/cimviz/render/canvas"
)

// Metrics are the panels' sizes in pixels.
type Metrics struct {
	LogW       float32 // width of the log column, docked right
	BarH       float32 // height of the timeline bar, docked bottom
	CausationW float32 // the causation card, left of the log column
	CausationH float32
	DetailH    float32 // the selected entry's detail area in the log
}

// DefaultMetrics suit a 1280×800 window.
var DefaultMetrics = Metrics{LogW: 420, BarH: 44, CausationW: 600, CausationH: 300, DetailH: 210}

const (
	bannerH = 28
	margin  = 12
)

// Layout is where each panel lies in the area given to the panels; a
// panel that is not shown has an empty rectangle.
type Layout struct {
	Log, Causation, Bar, Banner canvas.Rect
}

// LayoutFor places the panels in area: the timeline bar along the
// bottom, the log column on the right above it, the "past" banner above
// the bar while not live, and the causation card left of the log column
// while an entry is selected.
func LayoutFor(area image.Rectangle, m Metrics, selected, past bool) Layout {
	a := rectOf(area)
	var l Layout
	l.Bar = canvas.Rect{X: a.X, Y: a.Y + a.H - m.BarH, W: a.W, H: m.BarH}
	top := l.Bar.Y
	if past {
		l.Banner = canvas.Rect{X: a.X, Y: top - bannerH, W: a.W - m.LogW, H: bannerH}
	}
	l.Log = canvas.Rect{X: a.X + a.W - m.LogW, Y: a.Y, W: m.LogW, H: top - a.Y}
	if selected {
		bottom := top - margin
		if past {
			bottom -= bannerH
		}
		l.Causation = canvas.Rect{X: l.Log.X - margin - m.CausationW, Y: bottom - m.CausationH, W: m.CausationW, H: m.CausationH}
	}
	return l
}

func rectOf(r image.Rectangle) canvas.Rect {
	return canvas.Rect{X: float32(r.Min.X), Y: float32(r.Min.Y), W: float32(r.Dx()), H: float32(r.Dy())}
}

// Part names what lies under a point.
type Part uint8

// Parts of the panels.
const (
	PartNone Part = iota
	PartLog
	PartCausation
	PartBar
	PartBanner
)

// HitTest reports which panel p is over (PartNone: the canvas).
func (l Layout) HitTest(p canvas.Vec) Part {
	switch {
	case l.Causation.Contains(p):
		return PartCausation
	case l.Log.Contains(p):
		return PartLog
	case l.Bar.Contains(p):
		return PartBar
	case l.Banner.Contains(p):
		return PartBanner
	}
	return PartNone
}

// Covered is how far the docked panels reach into area from its right
// and bottom edges (the causation card floats and is left out), so that
// fitting the graph can keep clear of them.
func (l Layout) Covered(area image.Rectangle) (right, bottom float32) {
	a := rectOf(area)
	top := l.Bar.Y
	if l.Banner.H > 0 {
		top = l.Banner.Y
	}
	return a.X + a.W - l.Log.X, a.Y + a.H - top
}
