package ecs

import (
	"math"

	"github.com/cimviz/cimviz/graph"
	"github.com/go-gl/mathgl/mgl64"
)

// Vec is a point or vector in screen pixels.
type Vec = mgl64.Vec2

// Zoom limits of the camera.
const (
	MinZoom = 0.02
	MaxZoom = 8.0
)

// Camera is a resource: the view of the world. Center is the world point at
// the middle of the viewport; Zoom is pixels per world unit.
type Camera struct {
	Center graph.Point
	Zoom   float64
	Width  float64 // viewport size in pixels
	Height float64
	Insets Insets // what panels cover; Fit frames in the rest
}

// Insets are the screen pixels along each side of the viewport that the
// window's bars cover.
type Insets struct{ Top, Bottom, Left, Right float64 }

// DefaultInsets are the cimviz window's top bar (34 px), status bar
// (26 px), and the node palette and graph browser down the left side
// (148 px wide, 12 px from the edge, 12 px clear of the canvas): fitting
// the graph leaves them free so they cover no node.
var DefaultInsets = Insets{Top: 34, Bottom: 26, Left: 172}

// NewCamera returns a camera at the origin with zoom 1 and the default
// insets.
func NewCamera(w, h float64) Camera {
	return Camera{Zoom: 1, Width: w, Height: h, Insets: DefaultInsets}
}

// View returns the world-to-screen matrix (homogeneous 2D).
func (c *Camera) View() mgl64.Mat3 {
	t := mgl64.Translate2D(c.Width/2, c.Height/2)
	s := mgl64.Scale2D(c.Zoom, c.Zoom)
	return t.Mul3(s).Mul3(mgl64.Translate2D(-c.Center.X, -c.Center.Y))
}

// Inverse returns the screen-to-world matrix.
func (c *Camera) Inverse() mgl64.Mat3 {
	t := mgl64.Translate2D(c.Center.X, c.Center.Y)
	s := mgl64.Scale2D(1/c.Zoom, 1/c.Zoom)
	return t.Mul3(s).Mul3(mgl64.Translate2D(-c.Width/2, -c.Height/2))
}

// ToScreen maps a world point to screen pixels.
func (c *Camera) ToScreen(p graph.Point) Vec {
	return Vec{(p.X-c.Center.X)*c.Zoom + c.Width/2, (p.Y-c.Center.Y)*c.Zoom + c.Height/2}
}

// ToWorld maps screen pixels to a world point.
func (c *Camera) ToWorld(s Vec) graph.Point {
	return graph.Point{X: (s[0]-c.Width/2)/c.Zoom + c.Center.X, Y: (s[1]-c.Height/2)/c.Zoom + c.Center.Y}
}

// Visible returns the world rectangle the viewport shows.
func (c *Camera) Visible() Rect {
	return RectFrom(c.ToWorld(Vec{0, 0}), c.ToWorld(Vec{c.Width, c.Height}))
}

// ZoomAt multiplies the zoom by factor, keeping the world point under the
// screen point s fixed (wheel zoom at the cursor).
func (c *Camera) ZoomAt(s Vec, factor float64) {
	before := c.ToWorld(s)
	c.Zoom = clamp(c.Zoom*factor, MinZoom, MaxZoom)
	after := c.ToWorld(s)
	c.Center = c.Center.Add(before.Sub(after))
}

// PanBy moves the view by a screen-pixel delta (the world follows the mouse).
func (c *Camera) PanBy(d Vec) {
	c.Center = c.Center.Sub(graph.Point{X: d[0] / c.Zoom, Y: d[1] / c.Zoom})
}

// Fit centres r in the part of the viewport the insets leave free and
// zooms so it fills that part with a margin in pixels. An empty rectangle
// only centres.
func (c *Camera) Fit(r Rect, margin float64) {
	in := c.Insets
	w, h := c.Width-2*margin-in.Left-in.Right, c.Height-2*margin-in.Top-in.Bottom
	if r.W() > 0 && r.H() > 0 && w > 0 && h > 0 {
		c.Zoom = clamp(math.Min(w/r.W(), h/r.H()), MinZoom, MaxZoom)
	}
	// the free part's middle is off the viewport's by half the difference
	// of opposite insets
	c.Center = r.Center().Sub(graph.Point{X: (in.Left - in.Right) / 2 / c.Zoom, Y: (in.Top - in.Bottom) / 2 / c.Zoom})
}

// Reset returns to the origin at zoom 1.
func (c *Camera) Reset() { c.Center, c.Zoom = graph.Point{}, 1 }

func clamp(v, lo, hi float64) float64 { return math.Max(lo, math.Min(hi, v)) }
