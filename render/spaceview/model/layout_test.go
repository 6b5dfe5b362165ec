package model

import (
	"math"
	"testing"

	"pgregory.net/rapid"
)

// A slider's value and its knob position are inverse within the track
// and clamped outside it.
func TestSliderMath(t *testing.T) {
	track := Box{X: 12, Y: 300, W: 168, H: 14}
	rapid.Check(t, func(t *rapid.T) {
		w := rapid.Float64Range(0, MaxWeight).Draw(t, "w")
		if got := SliderValue(track, SliderX(track, w)); math.Abs(got-w) > 1e-9 {
			t.Fatalf("value at the knob of %g is %g", w, got)
		}
		x := rapid.Float64Range(-1000, 1000).Draw(t, "x")
		v := SliderValue(track, x)
		if v < 0 || v > MaxWeight {
			t.Fatalf("pointer at %g gives %g, outside 0..%g", x, v, MaxWeight)
		}
	})
	if SliderValue(track, track.X-50) != 0 || SliderValue(track, track.X+track.W+50) != MaxWeight {
		t.Error("the ends do not clamp")
	}
}

// Nearest picks the closest point within the radius, the first on ties.
func TestNearest(t *testing.T) {
	pts := []float64{100, 100, 105, 100, 300, 300, 100, 100}
	for _, tc := range []struct {
		x, y float64
		want int
	}{
		{101, 100, 0}, {104, 100, 1}, {102.5, 100, 0}, {300, 309, 2}, {300, 312, -1}, {0, 0, -1},
	} {
		if got := Nearest(pts, tc.x, tc.y, HitRadius); got != tc.want {
			t.Errorf("Nearest(%g,%g) = %d, want %d", tc.x, tc.y, got, tc.want)
		}
	}
}

// Every dimension, context and domain of the sample spaces gets a row
// inside the sidebar, one under the other.
func TestLayoutRows(t *testing.T) {
	for _, id := range []string{"colours", "fruit"} {
		s, c := sampleState(t, id)
		l := c.L
		if len(l.Axes) != len(s.Space.Dimensions) || len(l.Contexts) != len(s.Contexts()) || len(l.Sliders) != len(s.Space.Domains()) {
			t.Fatalf("%s: %d/%d/%d rows", id, len(l.Axes), len(l.Contexts), len(l.Sliders))
		}
		all := append(append(append([]Box{}, l.Axes...), l.Contexts...), l.Sliders...)
		for i := 1; i < len(all); i++ {
			if all[i].Y < all[i-1].Y+all[i-1].H || all[i].X+all[i].W > SidebarW || all[i].Y+all[i].H > l.H-StatusH {
				t.Errorf("%s: row %d %+v overlaps the one above or leaves the sidebar", id, i, all[i])
			}
		}
	}
}
