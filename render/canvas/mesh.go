package canvas

import "math"

// Vertex is one corner of a triangle. Its layout is exactly that of
// ebiten.Vertex (the render package checks this at compile time and passes
// the slice to ebiten without copying); declaring it here keeps this
// package free of ebiten, whose import needs a display.
type Vertex struct {
	DstX, DstY                     float32
	SrcX, SrcY                     float32
	ColorR, ColorG, ColorB, ColorA float32
	Custom0, Custom1, Custom2      float32
	Custom3                        float32
}

// Vec is a point or a direction in screen pixels.
type Vec struct{ X, Y float32 }

// Add returns v+w.
func (v Vec) Add(w Vec) Vec { return Vec{v.X + w.X, v.Y + w.Y} }

// Sub returns v-w.
func (v Vec) Sub(w Vec) Vec { return Vec{v.X - w.X, v.Y - w.Y} }

// Mul returns v*k.
func (v Vec) Mul(k float32) Vec { return Vec{v.X * k, v.Y * k} }

// Len returns the length of v.
func (v Vec) Len() float32 { return float32(math.Sqrt(float64(v.X*v.X + v.Y*v.Y))) }

// Norm returns v scaled to length 1 (or the zero vector).
func (v Vec) Norm() Vec {
	l := v.Len()
	if l == 0 {
		return Vec{}
	}
	return v.Mul(1 / l)
}

// Perp returns v turned a quarter to the left.
func (v Vec) Perp() Vec { return Vec{-v.Y, v.X} }

// Color is a straight-alpha colour with components in [0,1], the form
// ebiten.Vertex takes.
type Color struct{ R, G, B, A float32 }

// Hex returns the colour 0xRRGGBB with alpha a.
func Hex(rgb uint32, a float32) Color {
	return Color{float32(rgb>>16&0xff) / 255, float32(rgb>>8&0xff) / 255, float32(rgb&0xff) / 255, a}
}

// Fade returns c with its alpha multiplied by k.
func (c Color) Fade(k float32) Color { c.A *= k; return c }

// Mesh is a batch of triangles drawn with one DrawTriangles32 call. Its
// slices are kept between frames, so refilling it does not allocate once it
// has grown to the size of the scene.
type Mesh struct {
	V []Vertex
	I []uint32
	// UV is the source texel every untextured vertex samples: the middle of
	// the white patch of the source image.
	UV Vec
}

// Reset empties the mesh, keeping its storage.
func (m *Mesh) Reset() { m.V, m.I = m.V[:0], m.I[:0] }

// Triangles reports how many triangles the mesh holds.
func (m *Mesh) Triangles() int { return len(m.I) / 3 }

func (m *Mesh) vertex(p Vec, c Color) {
	m.V = append(m.V, Vertex{DstX: p.X, DstY: p.Y, SrcX: m.UV.X, SrcY: m.UV.Y,
		ColorR: c.R, ColorG: c.G, ColorB: c.B, ColorA: c.A})
}

func (m *Mesh) base() uint32 { return uint32(len(m.V)) }

// Quad adds the convex quadrilateral a b c d (in order) in one colour.
func (m *Mesh) Quad(a, b, c, d Vec, col Color) {
	n := m.base()
	u, v := m.UV.X, m.UV.Y
	m.V = append(m.V,
		Vertex{DstX: a.X, DstY: a.Y, SrcX: u, SrcY: v, ColorR: col.R, ColorG: col.G, ColorB: col.B, ColorA: col.A},
		Vertex{DstX: b.X, DstY: b.Y, SrcX: u, SrcY: v, ColorR: col.R, ColorG: col.G, ColorB: col.B, ColorA: col.A},
		Vertex{DstX: c.X, DstY: c.Y, SrcX: u, SrcY: v, ColorR: col.R, ColorG: col.G, ColorB: col.B, ColorA: col.A},
		Vertex{DstX: d.X, DstY: d.Y, SrcX: u, SrcY: v, ColorR: col.R, ColorG: col.G, ColorB: col.B, ColorA: col.A})
	m.I = append(m.I, n, n+1, n+2, n, n+2, n+3)
}

// Rect adds an axis-aligned rectangle.
func (m *Mesh) Rect(x, y, w, h float32, col Color) {
	m.Quad(Vec{x, y}, Vec{x + w, y}, Vec{x + w, y + h}, Vec{x, y + h}, col)
}

// Line adds a segment of the given width as a quad.
func (m *Mesh) Line(a, b Vec, width float32, col Color) {
	d := b.Sub(a).Norm().Perp().Mul(width / 2)
	m.Quad(a.Add(d), b.Add(d), b.Sub(d), a.Sub(d), col)
}

// Polyline adds connected segments with mitre-free joins (each segment is
// its own quad; the overlap at joints is invisible at editor widths).
func (m *Mesh) Polyline(pts []Vec, width float32, col Color) {
	for i := 1; i < len(pts); i++ {
		m.Line(pts[i-1], pts[i], width, col)
	}
}

// Fan adds a filled convex polygon as a triangle fan around its centre.
func (m *Mesh) Fan(center Vec, ring []Vec, col Color) {
	n := m.base()
	m.vertex(center, col)
	for _, p := range ring {
		m.vertex(p, col)
	}
	k := uint32(len(ring))
	for i := uint32(0); i < k; i++ {
		m.I = append(m.I, n, n+1+i, n+1+(i+1)%k)
	}
}

// Ring adds the band between an outer and an inner closed outline that
// have the same number of points, for borders and highlight halos.
func (m *Mesh) Ring(outer, inner []Vec, col Color) {
	m.RingFade(outer, inner, col, col)
}

// RingFade is Ring with separate colours on the outer and inner edge, which
// gives soft glows and an anti-aliased look at borders.
func (m *Mesh) RingFade(outer, inner []Vec, co, ci Color) {
	n := m.base()
	k := uint32(len(outer))
	for i := range outer {
		m.vertex(outer[i], co)
		m.vertex(inner[i], ci)
	}
	for i := uint32(0); i < k; i++ {
		a, b := n+2*i, n+2*((i+1)%k)
		m.I = append(m.I, a, b, a+1, b, b+1, a+1)
	}
}

// Triangle adds one triangle.
func (m *Mesh) Triangle(a, b, c Vec, col Color) {
	n := m.base()
	m.vertex(a, col)
	m.vertex(b, col)
	m.vertex(c, col)
	m.I = append(m.I, n, n+1, n+2)
}

func (m *Mesh) uvVertex(x, y, u, v float32, c Color) {
	m.V = append(m.V, Vertex{DstX: x, DstY: y, SrcX: u, SrcY: v,
		ColorR: c.R, ColorG: c.G, ColorB: c.B, ColorA: c.A})
}
