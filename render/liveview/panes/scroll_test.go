package panes

import (
	"testing"

	"pgregory.net/rapid"
)

func TestVisibleRows(t *testing.T) {
	for _, c := range []struct {
		name   string
		n      int
		off, h float32
		want   Window
	}{
		{"empty", 0, 0, 100, Window{}},
		{"top", 100, 0, 100, Window{First: 0, Last: 5, Y: 0}},
		{"half a row down", 100, 10, 100, Window{First: 0, Last: 6, Y: -10}},
		{"fewer rows than fit", 3, 0, 100, Window{First: 0, Last: 3}},
		{"past the end is clamped", 100, 1e9, 100, Window{First: 95, Last: 100}},
		{"above the top is clamped", 100, -50, 100, Window{First: 0, Last: 5}},
		{"100k rows, deep", 100_000, 1_000_010, 100, Window{First: 50_000, Last: 50_006, Y: -10}},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := VisibleRows(c.n, 20, c.h, c.off); got != c.want {
				t.Errorf("VisibleRows(%d, 20, %v, %v) = %+v, want %+v", c.n, c.h, c.off, got, c.want)
			}
		})
	}
}

// The window holds exactly the rows that overlap the viewport, never
// more than fit in it plus one: a frame's cost does not grow with the log.
func TestVisibleRowsProperty(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		n := rapid.IntRange(0, 200_000).Draw(t, "n")
		rh := float32(rapid.IntRange(1, 40).Draw(t, "rh"))
		h := float32(rapid.IntRange(1, 2000).Draw(t, "h"))
		off := float32(rapid.IntRange(-100, 9_000_000).Draw(t, "off"))
		w := VisibleRows(n, rh, h, off)
		if w.Last-w.First > int(h/rh)+2 {
			t.Fatalf("window %+v holds more than fits in %v px of %v px rows", w, h, rh)
		}
		if n == 0 {
			return
		}
		eff := clampScroll(off, MaxScroll(n, rh, h))
		for _, r := range []int{w.First, w.Last - 1} {
			top := float32(r)*rh - eff
			if top+rh <= 0 || top >= h {
				t.Fatalf("row %d of window %+v is out of view", r, w)
			}
		}
		if w.First > 0 && float32(w.First-1)*rh-eff+rh > 0 {
			t.Fatalf("row %d is in view but not in %+v", w.First-1, w)
		}
		if w.Last < n && float32(w.Last)*rh-eff < h {
			t.Fatalf("row %d is in view but not in %+v", w.Last, w)
		}
	})
}

// RowAt agrees with the window: the row under a point is in it.
func TestRowAtInWindow(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		n := rapid.IntRange(1, 100_000).Draw(t, "n")
		h := float32(rapid.IntRange(1, 900).Draw(t, "h"))
		off := float32(rapid.IntRange(0, 3_000_000).Draw(t, "off"))
		y := float32(rapid.IntRange(0, int(h)-1).Draw(t, "y"))
		w := VisibleRows(n, rowH, h, off)
		r := RowAt(n, rowH, h, off, y)
		if r != -1 && (r < w.First || r >= w.Last) {
			t.Fatalf("RowAt = %d outside %+v", r, w)
		}
		if r == -1 && float32(n)*rowH > h {
			t.Fatalf("a full viewport has no row at y=%v", y)
		}
	})
}

func TestScrollEasesAndClamps(t *testing.T) {
	var s Scroll
	s.Wheel(-2, rowH) // two notches down
	if s.Target != 2*wheelRows*rowH {
		t.Fatalf("target %v after two notches", s.Target)
	}
	s.Step(1.0/60, 1000)
	if s.Off <= 0 || s.Off >= s.Target {
		t.Fatalf("one tick moved the offset to %v (target %v): not eased", s.Off, s.Target)
	}
	for range 60 {
		s.Step(1.0/60, 1000)
	}
	if s.Off != s.Target {
		t.Fatalf("after a second the offset is %v, not the target %v", s.Off, s.Target)
	}
	s.Wheel(-1000, rowH)
	for range 120 {
		s.Step(1.0/60, 1000)
	}
	if s.Off != 1000 {
		t.Fatalf("scrolled past the end to %v", s.Off)
	}
	s.Reveal(0, rowH, 200)
	for range 120 {
		s.Step(1.0/60, 1000)
	}
	if s.Off != 0 {
		t.Fatalf("revealing row 0 left the offset at %v", s.Off)
	}
}
