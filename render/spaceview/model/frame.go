package model

import (
	"math"

	"github.com/cimviz/cimviz/render/canvas"
)

// Layer is one batch of a frame, drawn in order.
type Layer int

// The frame's layers: the backgrounds and grid (then the frame's
// raster, when it has one), the plot's shapes, its labels, the sidebar
// and bars, and their text.
const (
	LayerBack Layer = iota
	LayerPlot
	LayerPlotText
	LayerUI
	LayerUIText
	LayerCount
)

// Theme colours (the editor's dark theme).
var (
	colBackground = canvas.Hex(0x14161b, 1)
	colPlot       = canvas.Hex(0x181b21, 1)
	colGrid       = canvas.Hex(0x2a2f3a, 1)
	colText       = canvas.Hex(0xe6e9ef, 1)
	colTextDim    = canvas.Hex(0x9aa3b2, 1)
	colAccent     = canvas.Hex(0x4c9aff, 1)
	colPanel      = canvas.Hex(0x1b1e25, 1)
	colPanelEdge  = canvas.Hex(0x2e3440, 1)
	colBar        = canvas.Hex(0x101216, 1)
	colError      = canvas.Hex(0xf85149, 1)
	colOK         = canvas.Hex(0x3fb950, 1)
	colOutline    = canvas.Hex(0x0b0c0f, 1)
	colWhite      = canvas.Hex(0xffffff, 1)
)

// Frame is the triangle meshes of one picture of the view; they sample
// the glyph atlas (shapes its white patch).
type Frame struct {
	G            *canvas.Glyphs
	Layers       [LayerCount]canvas.Mesh
	Raster       Raster
	outer, inner []canvas.Vec // scratch outlines
}

// NewFrame is an empty frame drawing text with g.
func NewFrame(g *canvas.Glyphs) *Frame {
	f := &Frame{G: g}
	for i := range f.Layers {
		f.Layers[i].UV = g.WhiteUV()
	}
	return f
}

func (f *Frame) reset() {
	for i := range f.Layers {
		f.Layers[i].Reset()
	}
	f.Raster.On = false
}

// text draws s with its top-left at (x, y) on a text layer.
func (f *Frame) text(l Layer, s string, x, y, size float64, col canvas.Color) float64 {
	return float64(f.G.Text(&f.Layers[l], canvas.FaceUI, s, float32(x), float32(y), float32(size), col))
}

// centred draws s centred on (x, y).
func (f *Frame) centred(l Layer, s string, x, y, size float64, col canvas.Color) {
	w := float64(f.G.Measure(canvas.FaceUI, s, float32(size)))
	h := float64(f.G.LineHeight(canvas.FaceUI, float32(size)))
	f.text(l, s, x-w/2, y-h/2, size, col)
}

func (f *Frame) rect(l Layer, b Box, col canvas.Color) {
	f.Layers[l].Rect(float32(b.X), float32(b.Y), float32(b.W), float32(b.H), col)
}

func (f *Frame) line(l Layer, x0, y0, x1, y1, width float64, col canvas.Color) {
	f.Layers[l].Line(canvas.Vec{X: float32(x0), Y: float32(y0)}, canvas.Vec{X: float32(x1), Y: float32(y1)}, float32(width), col)
}

// disc draws a filled circle of radius r with an outline of width w.
func (f *Frame) disc(l Layer, x, y, r, w float64, fill, outline canvas.Color) {
	m := &f.Layers[l]
	c := canvas.Vec{X: float32(x), Y: float32(y)}
	f.outer = circleInto(f.outer, x, y, r+w)
	f.inner = circleInto(f.inner, x, y, r)
	m.Ring(f.outer, f.inner, outline)
	m.Fan(c, f.inner, fill)
}

// unitCircle is the 20-gon every disc and ring is drawn with.
var unitCircle = func() (out [20]canvas.Vec) {
	for i := range out {
		a := 2 * math.Pi * float64(i) / float64(len(out))
		out[i] = canvas.Vec{X: float32(math.Cos(a)), Y: float32(math.Sin(a))}
	}
	return out
}()

// circleInto writes the circle of radius r around (x, y) into dst.
func circleInto(dst []canvas.Vec, x, y, r float64) []canvas.Vec {
	dst = dst[:0]
	for _, u := range unitCircle {
		dst = append(dst, canvas.Vec{X: float32(x) + float32(r)*u.X, Y: float32(y) + float32(r)*u.Y})
	}
	return dst
}

func mix(a, b canvas.Color, k float32) canvas.Color {
	return canvas.Color{R: a.R + (b.R-a.R)*k, G: a.G + (b.G-a.G)*k, B: a.B + (b.B-a.B)*k, A: a.A + (b.A-a.A)*k}
}

// Build fills the frame with the controller's current picture.
func (f *Frame) Build(c *Controller) {
	f.reset()
	f.rect(LayerBack, Box{W: c.L.W, H: c.L.H}, colBackground)
	if d := c.S.Derived(); d != nil && d.View.Metric != nil {
		if len(c.S.Axes) == 3 {
			f.plot3D(c, d)
		} else {
			f.plot2D(c, d)
		}
	}
	f.chrome(c)
}
