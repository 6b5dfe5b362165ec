package canvas

import "math"

// Edge drawing constants, in pixels.
const (
	lodEdgeDetail = 0.3 // below this zoom edges are hairlines without arrows
	curveSegsMax  = 24
)

// edgesAndNodes draws the visible edges, then the visible nodes: those
// the cull grid finds when the view is a small part of a big scene, else
// every one that passes the test.
func (f *Frame) edgesAndNodes(s *Scene) {
	if f.cull.worth(s, f.view) {
		f.cull.query(s, f.view)
		for _, k := range f.cull.edges {
			f.drawEdge(s, &s.Edges[k])
		}
		for _, i := range f.cull.nodes {
			f.drawNode(s, &s.Nodes[i])
		}
		return
	}
	for i := range s.Edges {
		f.drawEdge(s, &s.Edges[i])
	}
	for i := range s.Nodes {
		f.drawNode(s, &s.Nodes[i])
	}
}

// drawEdge draws edge e if it shows.
func (f *Frame) drawEdge(s *Scene, e *EdgeView) {
	a, b := &e.A, &e.B
	if !f.edgeVisible(a, b, e.Bend) {
		return
	}
	m := &f.Layers[LayerCanvas]
	if s.Cam.Zoom < lodEdgeDetail {
		f.hairline(m, s.Cam, a, b, e)
		return
	}
	f.edge(m, s, e, a, b)
}

// edgeVisible culls an edge by the box of its ends (grown for curves).
func (f *Frame) edgeVisible(a, b *End, bend float32) bool {
	x0, x1 := min(a.X, b.X), max(a.X, b.X)
	y0, y1 := min(a.Y, b.Y), max(a.Y, b.Y)
	grow := abs32(bend)*max(x1-x0, y1-y0) + 2*max(a.HW, b.HW)
	if *a == *b {
		grow = 2 * (a.HW + a.HH)
	}
	return f.view.overlaps(x0-grow, y0-grow, x1+grow, y1+grow)
}

func edgeColor(fl EdgeFlags, pulse float32) (Color, float32) {
	switch {
	case pulse > 0:
		return mix(colEdge, colPulse, pulse), 1 + pulse
	case fl&EdgeSelected != 0:
		return colAccent, 1.6
	case fl&EdgeHovered != 0:
		return colHover, 1.3
	}
	return colEdge, 1
}

func (f *Frame) hairline(m *Mesh, c Camera, a, b *End, e *EdgeView) {
	col, _ := edgeColor(e.Flags, e.Pulse)
	pa, pb := c.ToScreen(a.X, a.Y), c.ToScreen(b.X, b.Y)
	if d := pb.Sub(pa); abs32(d.X)+abs32(d.Y) < 0.75 {
		return // shorter than a pixel: invisible under the nodes anyway
	}
	m.Line(pa, pb, 1, col.Fade(0.6))
}

// edge draws one edge from boundary to boundary with an arrowhead.
func (f *Frame) edge(m *Mesh, s *Scene, e *EdgeView, a, b *End) {
	col, wk := edgeColor(e.Flags, e.Pulse)
	z := s.Cam.Zoom
	width := max(1, min(3, 1.5*z)) * wk
	head := max(6, min(14, 10*z))
	pa, pb := s.Cam.ToScreen(a.X, a.Y), s.Cam.ToScreen(b.X, b.Y)
	if *a == *b {
		f.selfLoop(m, s, e, a, pa, width, head, col)
		return
	}
	ctrl := pa.Add(pb).Mul(0.5).Add(pb.Sub(pa).Perp().Mul(e.Bend))
	start := clipTo(a, pa, ctrl, z, 0)
	end := clipTo(b, pb, ctrl, z, 2)
	f.curve(m, start, ctrl, end, e.Bend != 0, width, head, col)
	f.edgeLabel(s, e, start, ctrl, end)
	f.travel(m, e, start, ctrl, end, z)
}

// clipTo moves from the centre p of node n towards toward until the
// node's outline, plus gap pixels.
func clipTo(n *End, p, toward Vec, zoom, gap float32) Vec {
	d := toward.Sub(p).Norm()
	if d == (Vec{}) {
		return p
	}
	return p.Add(d.Mul(boundary(n.Shape, n.HW*zoom, n.HH*zoom, d) + gap))
}

// curve draws a quadratic Bézier (or a straight line) ending in an
// arrowhead at b; the line stops short of the tip so the head stays sharp.
func (f *Frame) curve(m *Mesh, a, ctrl, b Vec, bent bool, width, head float32, col Color) {
	tip := b.Sub(ctrl).Norm()
	if !bent {
		tip = b.Sub(a).Norm()
	}
	stem := b.Sub(tip.Mul(head * 0.8))
	if !bent {
		m.Line(a, stem, width, col)
	} else {
		f.pts = quadratic(f.pts[:0], a, ctrl, stem)
		m.Polyline(f.pts, width, col)
	}
	f.arrowHead(m, b.Sub(tip), b, head, col)
}

// quadratic flattens a quadratic Bézier into enough points to look smooth
// at its on-screen length.
func quadratic(dst []Vec, a, c, b Vec) []Vec {
	n := int(min(curveSegsMax, max(4, (a.Sub(c).Len()+c.Sub(b).Len())/14)))
	for i := 0; i <= n; i++ {
		t := float32(i) / float32(n)
		u := 1 - t
		dst = append(dst, a.Mul(u*u).Add(c.Mul(2*u*t)).Add(b.Mul(t*t)))
	}
	return dst
}

// cubic flattens a cubic Bézier.
func cubic(dst []Vec, a, c1, c2, b Vec, n int) []Vec {
	for i := 0; i <= n; i++ {
		t := float32(i) / float32(n)
		u := 1 - t
		dst = append(dst, a.Mul(u*u*u).Add(c1.Mul(3*u*u*t)).Add(c2.Mul(3*u*t*t)).Add(b.Mul(t*t*t)))
	}
	return dst
}

// arrowHead draws a filled arrowhead with its tip at tip, pointing from
// `from` to tip.
func (f *Frame) arrowHead(m *Mesh, from, tip Vec, size float32, col Color) {
	d := tip.Sub(from).Norm()
	back := tip.Sub(d.Mul(size))
	side := d.Perp().Mul(size * 0.45)
	notch := tip.Sub(d.Mul(size * 0.75))
	m.Triangle(tip, back.Add(side), notch, col)
	m.Triangle(tip, notch, back.Sub(side), col)
}

// selfLoop draws an edge from a node to itself as a loop over its top.
func (f *Frame) selfLoop(m *Mesh, s *Scene, e *EdgeView, n *End, c Vec, width, head float32, col Color) {
	hw, hh := n.HW, n.HH
	z := s.Cam.Zoom
	a := Vec{c.X + hw*z*0.35, c.Y - hh*z}
	b := Vec{c.X - hw*z*0.35, c.Y - hh*z - 2}
	up := float32(math.Max(float64(40*z), 12))
	c1, c2 := Vec{a.X + up*0.6, a.Y - up}, Vec{b.X - up*0.6, b.Y - up}
	f.pts = cubic(f.pts[:0], a, c1, c2, b.Sub(Vec{0, head * 0.8}), 16)
	m.Polyline(f.pts, width, col)
	f.arrowHead(m, b.Sub(Vec{0, head}), b, head, col)
	f.edgeLabel(s, e, a, Vec{c.X, c.Y - hh*z - up*0.75}, b)
}

// edgeLabel draws an edge's label on a dark pill at the curve's middle.
func (f *Frame) edgeLabel(s *Scene, e *EdgeView, a, ctrl, b Vec) {
	size := 11 * s.Cam.Zoom
	if e.Label == "" || size < lodLabelSize {
		return
	}
	mid := a.Mul(0.25).Add(ctrl.Mul(0.5)).Add(b.Mul(0.25))
	w := f.G.Measure(FaceLabel, e.Label, size) + size
	h := f.G.LineHeight(FaceLabel, size) + size*0.3
	m := &f.Layers[LayerCanvas]
	f.outer = roundRect(f.outer[:0], mid, w/2, h/2, h/2)
	m.Fan(mid, f.outer, colBackground.Fade(0.92))
	f.G.TextFit(&f.Layers[LayerCanvasText], FaceLabel, e.Label, mid.X, mid.Y, w, size, colTextDim)
}
