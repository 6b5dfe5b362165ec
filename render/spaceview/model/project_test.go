package model

import (
	"math"
	"testing"

	"github.com/cimviz/cimviz/domains/concept/space"
	"github.com/go-gl/mathgl/mgl64"
	"pgregory.net/rapid"
)

// A data point maps to the screen and back to itself, inside the plot,
// with the second axis pointing up.
func TestFrame2DRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		lo := rapid.Float64Range(-100, 100).Draw(t, "lo")
		span := rapid.Float64Range(0.01, 500).Draw(t, "span")
		f := Frame2D{Data: space.Rect{Min: space.Vec2{X: lo, Y: lo}, Max: space.Vec2{X: lo + span, Y: lo + 2*span}},
			Plot: Box{X: 300, Y: 90, W: 900, H: 600}}
		p := space.Vec2{X: lo + span*rapid.Float64Range(0, 1).Draw(t, "u"), Y: lo + 2*span*rapid.Float64Range(0, 1).Draw(t, "v")}
		x, y := f.ToScreen(p)
		if !f.Plot.Has(x, y) && x != f.Plot.X+f.Plot.W && y != f.Plot.Y+f.Plot.H {
			t.Fatalf("%v drawn at %.1f,%.1f outside the plot", p, x, y)
		}
		back := f.ToData(x, y)
		if math.Abs(back.X-p.X) > 1e-6*span || math.Abs(back.Y-p.Y) > 1e-6*span {
			t.Fatalf("%v -> %.2f,%.2f -> %v", p, x, y, back)
		}
		_, yTop := f.ToScreen(space.Vec2{X: p.X, Y: f.Data.Max.Y})
		_, yBottom := f.ToScreen(space.Vec2{X: p.X, Y: f.Data.Min.Y})
		if yTop >= yBottom {
			t.Fatalf("the top of the data (%.1f) is drawn below the bottom (%.1f)", yTop, yBottom)
		}
	})
}

// ToData clamps a pointer outside the plot to the data rectangle.
func TestFrame2DClampsOutside(t *testing.T) {
	f := Frame2D{Data: space.Rect{Max: space.Vec2{X: 360, Y: 1}}, Plot: Box{X: 100, Y: 100, W: 360, H: 100}}
	if p := f.ToData(0, 1000); p != (space.Vec2{X: 0, Y: 0}) {
		t.Errorf("below left: %v", p)
	}
	if p := f.ToData(2000, -50); p != (space.Vec2{X: 360, Y: 1}) {
		t.Errorf("above right: %v", p)
	}
}

// The orbit camera puts the cube's centre in the middle of the plot, a
// near corner is in front of the far one, and the pitch never flips
// over the pole.
func TestOrbitCamera(t *testing.T) {
	plot := Box{X: 300, Y: 100, W: 800, H: 600}
	o := DefaultOrbit()
	cam := o.Camera(plot)
	x, y, _, ok := cam.Project(mgl64.Vec3{})
	if !ok || math.Abs(x-700) > 1e-6 || math.Abs(y-400) > 1e-6 {
		t.Fatalf("centre at %.2f,%.2f (ok %v), want the plot's middle", x, y, ok)
	}
	_, _, near, _ := cam.Project(mgl64.Vec3{0.5, 0.5, 0.5})
	_, _, far, _ := cam.Project(mgl64.Vec3{-0.5, -0.5, -0.5})
	if near >= far {
		t.Errorf("corner towards the eye at depth %.2f, far corner at %.2f", near, far)
	}
	_, yUp, _, _ := cam.Project(mgl64.Vec3{0, 0.5, 0})
	if yUp >= y {
		t.Errorf("up is drawn at y %.1f, below the centre %.1f", yUp, y)
	}
	o.Rotate(0, 1e6)
	if o.Pitch > 1.46 {
		t.Errorf("pitch %.2f went over the pole", o.Pitch)
	}
	d := o.Dist
	o.Zoom(3)
	if o.Dist >= d {
		t.Errorf("wheel up moved the camera from %.2f to %.2f, want closer", d, o.Dist)
	}
}

// Normalize maps each axis's range onto -0.5..0.5.
func TestNormalize(t *testing.T) {
	dims := []space.Dimension{
		{Name: "hue", Kind: space.Circular, Period: 360},
		{Name: "b", Kind: space.Continuous, Min: 0, Max: 1},
		{Name: "size", Kind: space.Ordinal, Levels: []string{"s", "m", "l"}},
	}
	got := Normalize(dims, []float64{0, 1, 1})
	want := mgl64.Vec3{-0.5, 0.5, 0}
	if !got.ApproxEqual(want) {
		t.Errorf("Normalize = %v, want %v", got, want)
	}
}
