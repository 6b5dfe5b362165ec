package model

import "math"

// Sizes of the window's parts, in pixels.
const (
	SidebarW = 236.0
	RowH     = 24.0
	SliderH  = 40.0
	StatusH  = 26.0
	// MaxWeight is the top of a weight slider.
	MaxWeight = 4.0
)

// Layout is where the window's parts are for one window size: the plot,
// the sidebar's axis rows (one per dimension), context rows and weight
// sliders (one track per domain), with the section headers' heights.
type Layout struct {
	W, H     float64
	Plot     Box
	Headers  [3]float64 // y of "Axes", "Context", "Weights"
	Axes     []Box
	Contexts []Box
	Sliders  []Box // the slider tracks
}

// NewLayout lays the window out for the state's space.
func NewLayout(s *State, w, h float64) Layout {
	l := Layout{W: w, H: h}
	l.Plot = Box{X: SidebarW + 70, Y: 96, W: math.Max(w-SidebarW-110, 40), H: math.Max(h-96-StatusH-60, 40)}
	if s.Space == nil {
		return l
	}
	y := 52.0
	l.Headers[0], y = y, y+22
	l.Axes, y = rows(y, len(s.Space.Dimensions), RowH)
	l.Headers[1], y = y+10, y+32
	l.Contexts, y = rows(y, len(s.Contexts()), RowH)
	l.Headers[2], y = y+10, y+32
	tracks, _ := rows(y, len(s.Space.Domains()), SliderH)
	for _, t := range tracks {
		l.Sliders = append(l.Sliders, Box{X: t.X, Y: t.Y + 20, W: t.W - 44, H: 14})
	}
	return l
}

// rows are n sidebar rows of height h from y down, and the y below them.
func rows(y float64, n int, h float64) ([]Box, float64) {
	out := make([]Box, n)
	for i := range out {
		out[i] = Box{X: 12, Y: y + float64(i)*h, W: SidebarW - 24, H: h}
	}
	return out, y + float64(n)*h
}

// Hit is the index of the box containing (x, y), or -1.
func Hit(boxes []Box, x, y float64) int {
	for i, b := range boxes {
		if b.Has(x, y) {
			return i
		}
	}
	return -1
}

// SliderValue is the weight a pointer at x sets on track: 0 at its left
// end, MaxWeight at its right, clamped.
func SliderValue(track Box, x float64) float64 {
	return clamp01((x-track.X)/track.W) * MaxWeight
}

// SliderX is where weight w sits on track (clamped to its ends).
func SliderX(track Box, w float64) float64 {
	return track.X + clamp01(w/MaxWeight)*track.W
}

// Nearest is the index of the screen point (flat x,y pairs) nearest to
// (x, y) within r pixels, or -1; ties go to the lower index.
func Nearest(pts []float64, x, y, r float64) int {
	best, bestD := -1, r*r
	for i := 0; i+1 < len(pts); i += 2 {
		dx, dy := pts[i]-x, pts[i+1]-y
		if d := dx*dx + dy*dy; d <= bestD && (best < 0 || d < bestD) {
			best, bestD = i/2, d
		}
	}
	return best
}
