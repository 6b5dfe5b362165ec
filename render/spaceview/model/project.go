package model

import (
	"math"

	"github.com/cimviz/cimviz/domains/concept/space"
	"github.com/go-gl/mathgl/mgl64"
)

// Box is a screen rectangle in pixels, origin top left.
type Box struct{ X, Y, W, H float64 }

// Has says whether (x, y) lies inside the box.
func (b Box) Has(x, y float64) bool {
	return x >= b.X && x < b.X+b.W && y >= b.Y && y < b.Y+b.H
}

// Frame2D maps a 2D view's data rectangle onto a plot box, the second
// axis pointing up.
type Frame2D struct {
	Data space.Rect
	Plot Box
}

// ToScreen is the pixel position of a data point.
func (f Frame2D) ToScreen(p space.Vec2) (float64, float64) {
	u := (p.X - f.Data.Min.X) / (f.Data.Max.X - f.Data.Min.X)
	v := (p.Y - f.Data.Min.Y) / (f.Data.Max.Y - f.Data.Min.Y)
	return f.Plot.X + u*f.Plot.W, f.Plot.Y + (1-v)*f.Plot.H
}

// ToData is the data point under a pixel, clamped to the data rectangle.
func (f Frame2D) ToData(x, y float64) space.Vec2 {
	u := clamp01((x - f.Plot.X) / f.Plot.W)
	v := clamp01(1 - (y-f.Plot.Y)/f.Plot.H)
	return space.Vec2{X: f.Data.Min.X + u*(f.Data.Max.X-f.Data.Min.X), Y: f.Data.Min.Y + v*(f.Data.Max.Y-f.Data.Min.Y)}
}

func clamp01(x float64) float64 { return math.Max(0, math.Min(1, x)) }

// Orbit is the 3D view's camera: it turns around the centre of the unit
// cube the data is normalised into.
type Orbit struct{ Yaw, Pitch, Dist float64 }

// DefaultOrbit looks at the cube from the front right, a little above.
func DefaultOrbit() Orbit { return Orbit{Yaw: 0.65, Pitch: 0.4, Dist: 3} }

// Rotate turns the camera by a pointer movement in pixels; the pitch
// stays short of the poles.
func (o *Orbit) Rotate(dx, dy float64) {
	o.Yaw -= dx * 0.01
	o.Pitch = math.Max(-1.45, math.Min(1.45, o.Pitch+dy*0.01))
}

// Zoom moves the camera closer (wheel up) or away, within 1.2..8.
func (o *Orbit) Zoom(wheel float64) {
	o.Dist = math.Max(1.2, math.Min(8, o.Dist*math.Pow(0.9, wheel)))
}

// Camera is an orbit's projection for one plot box.
type Camera struct {
	mvp  mgl64.Mat4
	plot Box
	Eye  mgl64.Vec3
}

// Camera builds the perspective and look-at matrices for plot.
func (o Orbit) Camera(plot Box) Camera {
	eye := mgl64.Vec3{
		o.Dist * math.Cos(o.Pitch) * math.Sin(o.Yaw),
		o.Dist * math.Sin(o.Pitch),
		o.Dist * math.Cos(o.Pitch) * math.Cos(o.Yaw),
	}
	view := mgl64.LookAtV(eye, mgl64.Vec3{}, mgl64.Vec3{0, 1, 0})
	proj := mgl64.Perspective(mgl64.DegToRad(40), plot.W/math.Max(plot.H, 1), 0.05, 50)
	return Camera{mvp: proj.Mul4(view), plot: plot, Eye: eye}
}

// Project is the pixel position and depth (larger is farther) of a point
// of the unit cube centred on the origin; ok is false behind the camera.
func (c Camera) Project(p mgl64.Vec3) (x, y, depth float64, ok bool) {
	q := c.mvp.Mul4x1(p.Vec4(1))
	if q[3] <= 1e-9 {
		return 0, 0, 0, false
	}
	nx, ny := q[0]/q[3], q[1]/q[3]
	return c.plot.X + (nx+1)/2*c.plot.W, c.plot.Y + (1-ny)/2*c.plot.H, q[3], true
}

// Normalize maps a point of a 3D view (coordinates on its three
// dimensions) into the unit cube centred on the origin: the first
// dimension to the right, the second up, the third towards the viewer.
func Normalize(dims []space.Dimension, p []float64) mgl64.Vec3 {
	var out mgl64.Vec3
	for i := range 3 {
		lo, hi := Range(dims[i])
		out[i] = (p[i]-lo)/(hi-lo) - 0.5
	}
	return out
}

// Range is the span a dimension's axis shows (see space.View.Extent).
func Range(d space.Dimension) (float64, float64) {
	r := space.View{Dims: []space.Dimension{d, d}}.Extent()
	return r.Min.X, r.Max.X
}
