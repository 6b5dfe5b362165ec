package panes

import "math"

// Window is the part of a list of rows that a viewport shows: rows
// First..Last-1, the first with its top at Y (0 or above the viewport's
// top, when it is partly scrolled out).
type Window struct {
	First, Last int
	Y           float32
}

// VisibleRows is the window of n rows of height rh that a viewport of
// height h shows when scrolled off pixels down (clamped to the list).
// Only these rows are read and drawn, whatever n is.
func VisibleRows(n int, rh, h, off float32) Window {
	if n <= 0 || rh <= 0 || h <= 0 {
		return Window{}
	}
	off = clampScroll(off, MaxScroll(n, rh, h))
	first := int(off / rh)
	last := min(n, int(math.Ceil(float64((off+h)/rh))))
	return Window{First: first, Last: last, Y: float32(first)*rh - off}
}

// MaxScroll is the largest useful scroll offset: the last row at the
// viewport's bottom.
func MaxScroll(n int, rh, h float32) float32 { return max(0, float32(n)*rh-h) }

// RowAt is the row under the viewport-relative y, or -1.
func RowAt(n int, rh, h, off, y float32) int {
	if y < 0 || y >= h || rh <= 0 {
		return -1
	}
	r := int((clampScroll(off, MaxScroll(n, rh, h)) + y) / rh)
	if r >= n {
		return -1
	}
	return r
}

func clampScroll(off, most float32) float32 { return max(0, min(off, most)) }

// wheelRows is how many rows one wheel notch scrolls.
const wheelRows = 3

// Scroll is a smoothly scrolled offset: the wheel moves the target and
// the offset eases toward it over a few frames.
type Scroll struct {
	Off, Target float32
}

// Wheel adds a wheel movement (positive: up, toward the newest rows).
func (s *Scroll) Wheel(dy float64, rh float32) {
	s.Target -= float32(dy) * wheelRows * rh
}

// Step eases the offset toward the target for dt seconds and clamps
// both to 0..most. It reports whether the offset moved.
func (s *Scroll) Step(dt float64, most float32) bool {
	s.Target = clampScroll(s.Target, most)
	before := s.Off
	k := float32(min(1, dt*18))
	s.Off += (s.Target - s.Off) * k
	if d := s.Target - s.Off; d < 0.5 && d > -0.5 {
		s.Off = s.Target
	}
	s.Off = clampScroll(s.Off, most)
	return s.Off != before
}

// Shift moves offset and target by d pixels: rows added above a
// scrolled view keep what the user reads in place.
func (s *Scroll) Shift(d float32) { s.Off += d; s.Target += d }

// Reveal scrolls so that row r is fully in a viewport of height h.
func (s *Scroll) Reveal(r int, rh, h float32) {
	top := float32(r) * rh
	switch {
	case top < s.Target:
		s.Target = top
	case top+rh > s.Target+h:
		s.Target = top + rh - h
	}
}
