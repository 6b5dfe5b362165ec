package canvas

import (
	"encoding/binary"
	"math"
	"unsafe"
)

// lodOverview is the zoom below which the canvas is drawn as a picture:
// nodes are then a few pixels wide, so each is a block of pixels and each
// edge a one-pixel line in a [Raster], not triangles.
const lodOverview = 0.1

// rasterLineMax is the longest edge (in pixels) drawn into the raster;
// longer ones are cheaper as one quad of the canvas mesh.
const rasterLineMax = 64

// Raster is a picture of the canvas the size of the viewport, in
// premultiplied RGBA (the form ebiten's WritePixels takes). The window
// uploads it when Version changed and draws it over the canvas layer.
type Raster struct {
	W, H    int
	Pix     []byte // 4 bytes a pixel, row by row; shares px's storage
	On      bool   // the last frame drew its nodes and edges here
	Version int    // grows each time Pix is redrawn
	px      []uint32
}

// reset sizes the raster to w×h and makes it transparent.
func (r *Raster) reset(w, h int) {
	if w*h > cap(r.px) {
		r.px = make([]uint32, w*h)
	}
	r.W, r.H, r.px = w, h, r.px[:w*h]
	clear(r.px)
	if len(r.px) > 0 {
		r.Pix = unsafe.Slice((*byte)(unsafe.Pointer(&r.px[0])), 4*len(r.px))
	}
	r.Version++
}

// pack turns c into one premultiplied pixel.
func pack(c Color) uint32 {
	b := [4]byte{unit(c.R * c.A), unit(c.G * c.A), unit(c.B * c.A), unit(c.A)}
	return binary.NativeEndian.Uint32(b[:])
}

func unit(v float32) byte { return byte(min(255, max(0, v*255+0.5))) }

// block fills the pixels covered by the rectangle x0..x1, y0..y1
// (rounded, at least one pixel) with col.
func (r *Raster) block(x0, y0, x1, y1 float32, col uint32) {
	ix0, iy0 := int(math.Round(float64(x0))), int(math.Round(float64(y0)))
	ix1, iy1 := max(ix0+1, int(math.Round(float64(x1)))), max(iy0+1, int(math.Round(float64(y1))))
	ix0, iy0, ix1, iy1 = max(ix0, 0), max(iy0, 0), min(ix1, r.W), min(iy1, r.H)
	if ix0 >= ix1 {
		return // wholly off the left or right edge (rounding can put it there)
	}
	for y := iy0; y < iy1; y++ {
		row := r.px[y*r.W+ix0 : y*r.W+ix1]
		for i := range row {
			row[i] = col
		}
	}
}

// line sets the pixels of the segment a..b, stepping in 16.16 fixed
// point (a and b lie within a few hundred pixels of the raster: the edge
// is visible and at most rasterLineMax long).
func (r *Raster) line(a, b Vec, col uint32) {
	const one = 1 << 16
	d := b.Sub(a)
	n := int32(max(abs32(d.X), abs32(d.Y))) + 1
	x, y := int32(a.X*one), int32(a.Y*one)
	dx, dy := int32(d.X*one)/n, int32(d.Y*one)/n
	w, h := uint(r.W), uint(r.H)
	for range n + 1 {
		if px, py := uint(x>>16), uint(y>>16); px < w && py < h {
			r.px[py*w+px] = col
		}
		x, y = x+dx, y+dy
	}
}

// overview draws the visible edges and nodes into the raster; edges too
// long for it go to the canvas mesh, under the raster.
func (f *Frame) overview(s *Scene) {
	f.Raster.reset(int(math.Ceil(float64(s.Cam.W))), int(math.Ceil(float64(s.Cam.H))))
	f.segs.update(s)
	plain := pack(colEdge.Fade(0.6))
	for i := range s.Edges {
		if sg := &f.segs.s[i]; sg.show && f.view.overlaps(min(sg.a.X, sg.b.X), min(sg.a.Y, sg.b.Y), max(sg.a.X, sg.b.X), max(sg.a.Y, sg.b.Y)) {
			f.overviewEdge(s.Cam, &s.Edges[i], sg, plain)
		}
	}
	f.overviewNodes(s)
}

func (f *Frame) overviewNodes(s *Scene) {
	var tints [len(accent)]uint32
	for i := range tints {
		tints[i] = pack(mix(colNodeBody, accent[i], 0.7))
	}
	sel, z := pack(colAccent), s.Cam.Zoom
	for i := range s.Nodes {
		n := &s.Nodes[i]
		hw, hh := extent(n)
		if !f.view.overlaps(n.X-hw, n.Y-hh, n.X+hw, n.Y+hh) {
			continue
		}
		col := tints[n.Shape]
		if n.Flags&NodeSelected != 0 {
			col = sel
		}
		c := s.Cam.ToScreen(n.X, n.Y)
		f.Raster.block(c.X-hw*z, c.Y-hh*z, c.X+hw*z, c.Y+hh*z, col)
	}
}

// overviewEdge draws the visible part of an edge as a line; plain is the
// packed colour of an edge with no highlight.
func (f *Frame) overviewEdge(c Camera, e *EdgeView, sg *segment, plain uint32) {
	pa, pb := c.ToScreen(sg.a.X, sg.a.Y), c.ToScreen(sg.b.X, sg.b.Y)
	d := pb.Sub(pa)
	l := abs32(d.X) + abs32(d.Y)
	if l <= rasterLineMax && e.Flags == 0 && e.Pulse == 0 {
		f.Raster.line(pa, pb, plain)
		return
	}
	col, _ := edgeColor(e.Flags, e.Pulse)
	if l > rasterLineMax {
		f.Layers[LayerCanvas].Line(pa, pb, 1, col.Fade(0.6))
		return
	}
	f.Raster.line(pa, pb, pack(col.Fade(0.6)))
}

// segment is the part of an edge between its end nodes' boxes, in world
// units; show is false when the boxes overlap (nothing of it shows).
type segment struct {
	a, b Vec
	show bool
}

// segments keeps the segment of every edge of a scene until the scene's
// Version changes (scenes filled by hand: every frame).
type segments struct {
	version uint64
	s       []segment
}

func (g *segments) update(s *Scene) {
	if s.Version != 0 && s.Version == g.version && len(g.s) == len(s.Edges) {
		return
	}
	g.version, g.s = s.Version, g.s[:0]
	for i := range s.Edges {
		e := &s.Edges[i]
		a, b := Vec{e.A.X, e.A.Y}, Vec{e.B.X, e.B.Y}
		d := b.Sub(a)
		ta, tb := inside(&e.A, d, 1), inside(&e.B, d, 1)
		g.s = append(g.s, segment{a.Add(d.Mul(ta)), b.Sub(d.Mul(tb)), ta+tb < 1})
	}
}

// inside is the fraction of a segment d (pixels) leaving the centre of
// end n that lies inside n's box.
func inside(n *End, d Vec, zoom float32) float32 {
	tx, ty := float32(1), float32(1)
	if d.X != 0 {
		tx = n.HW * zoom / abs32(d.X)
	}
	if d.Y != 0 {
		ty = n.HH * zoom / abs32(d.Y)
	}
	return min(tx, ty)
}
