package canvas

// Level-of-detail thresholds, in screen pixels.
const (
	lodQuad      = 14 // a node smaller than this is a plain quad
	lodShadow    = 40 // shadows and anti-aliasing fringes from this size on
	lodLabelSize = 7  // labels smaller than this are not drawn
	labelWorld   = 13 // label size in world units
)

// extent returns the half extents a node is drawn with: circles are round
// and fork/join bars thin, whatever box the node occupies.
func extent(n *NodeView) (float32, float32) {
	hw, hh := n.W/2, n.H/2
	switch n.Shape {
	case ShapeCircle, ShapeDoubleCircle:
		r := min(hw, hh)
		return r, r
	case ShapeBar:
		return hw, min(hh, 7)
	case ShapeDiamond:
		return hw * 1.3, hh * 1.3
	}
	return hw, hh
}

// drawNode draws node n if it shows.
func (f *Frame) drawNode(s *Scene, n *NodeView) {
	hw, hh := extent(n)
	if f.view.overlaps(n.X-hw, n.Y-hh, n.X+hw, n.Y+hh) {
		f.node(&f.Layers[LayerCanvas], s, n, hw*s.Cam.Zoom, hh*s.Cam.Zoom)
	}
}

// node draws one visible node with half extents in pixels.
func (f *Frame) node(m *Mesh, s *Scene, n *NodeView, hw, hh float32) {
	c := s.Cam.ToScreen(n.X, n.Y)
	if 2*max(hw, hh) < lodQuad {
		m.Rect(c.X-hw, c.Y-hh, 2*hw, 2*hh, tiny(n))
		return
	}
	r := min(10*s.Cam.Zoom, hh*0.6)
	if n.Flags&NodePending != 0 {
		g := s.Cam.ToScreen(n.GX, n.GY)
		f.bandFade(m, n.Shape, g, hw, hh, r, 0, -1.5, colTextDim.Fade(0.5), colTextDim.Fade(0.5))
	}
	detail := 2*max(hw, hh) >= lodShadow
	if detail {
		f.shadow(m, n.Shape, c, hw, hh, r)
	}
	f.runGlow(m, n, c, hw, hh, r)
	f.halo(m, s, n, c, hw, hh, r)
	f.body(m, n, c, hw, hh, r, s.Cam.Zoom, detail)
	f.handle(m, n, s)
	f.label(s, n, c, hw, hh)
	f.runBadges(m, n, c, hw, hh, s.Cam.Zoom)
}

// tiny is the colour of a node drawn as a quad.
func tiny(n *NodeView) Color {
	switch {
	case n.Flags&NodeSelected != 0:
		return colAccent
	case n.Run.Failed > 0:
		return colFailed
	case n.Run.Running > 0:
		return colRunning
	}
	return mix(colNodeBody, accent[n.Shape], 0.7)
}

// bandFade draws the ring between the outline grown by d0 and by d1
// pixels, shading from c0 on the first to c1 on the second.
func (f *Frame) bandFade(m *Mesh, s Shape, c Vec, hw, hh, r, d0, d1 float32, c0, c1 Color) {
	f.outer = outline(f.outer[:0], s, c, hw+d0, hh+d0, r+d0)
	f.inner = outline(f.inner[:0], s, c, hw+d1, hh+d1, r+d1)
	m.RingFade(f.outer, f.inner, c0, c1)
}

func (f *Frame) shadow(m *Mesh, s Shape, c Vec, hw, hh, r float32) {
	c.Y += 3
	f.bandFade(m, s, c, hw, hh, r, 7, 0, colShadow.Fade(0), colShadow)
}

// halo marks selection, hover, find matches and event pulses.
func (f *Frame) halo(m *Mesh, s *Scene, n *NodeView, c Vec, hw, hh, r float32) {
	col, ok := haloColor(n.Flags, n.Pulse)
	if !ok {
		return
	}
	f.bandFade(m, n.Shape, c, hw, hh, r, 9, 2.5, col.Fade(0), col.Fade(0.45))
	if n.Flags&(NodeSelected|NodeCurrent) != 0 || n.Pulse > 0 {
		f.bandFade(m, n.Shape, c, hw, hh, r, 3.5, 1.5, col, col)
	}
}

func haloColor(fl NodeFlags, pulse float32) (Color, bool) {
	switch {
	case pulse > 0:
		return colPulse.Fade(pulse), true
	case fl&NodeSelected != 0:
		return colAccent, true
	case fl&(NodeMatch|NodeCurrent) != 0:
		return colMatch, true
	case fl&NodeHovered != 0:
		return colHover.Fade(0.6), true
	}
	return Color{}, false
}

// body fills the node and draws its border (and the extra rings of end
// and subworkflow nodes).
func (f *Frame) body(m *Mesh, n *NodeView, c Vec, hw, hh, r, zoom float32, detail bool) {
	acc := accent[n.Shape]
	if n.Flags&NodeRecursive != 0 {
		acc = colRecursive
	}
	alpha := float32(1)
	if n.Flags&NodePending != 0 {
		alpha = 0.75
	}
	fill := bodyOf(n.Shape)
	if n.Run.Failed > 0 {
		acc, fill = colFailed, mix(colNodeBody, colFailed, 0.45)
	}
	f.outer = outline(f.outer[:0], n.Shape, c, hw, hh, r)
	m.Fan(c, f.outer, fill.Fade(alpha))
	bw := max(1, min(2.5, 1.6*zoom))
	f.bandFade(m, n.Shape, c, hw, hh, r, 0, -bw, acc, acc)
	if detail {
		f.bandFade(m, n.Shape, c, hw, hh, r, 0.9, 0, acc.Fade(0), acc)
	}
	if inset := 4 * zoom; (n.Shape == ShapeDoubleCircle || n.Shape == ShapeFramed) && hh > 2*inset {
		f.bandFade(m, n.Shape, c, hw, hh, r, -inset, -inset-bw*0.7, acc, acc)
	}
	if n.Flags&NodeRef != 0 {
		f.refBadge(m, c, hw, hh, zoom, acc)
	}
}

// handle draws the connect handle of a hovered or selected node: a dot in
// the middle of the right side of its box, where a drag starts an edge.
func (f *Frame) handle(m *Mesh, n *NodeView, s *Scene) {
	if n.Flags&(NodeHovered|NodeSelected) == 0 {
		return
	}
	p := s.Cam.ToScreen(n.X+n.W/2, n.Y)
	f.outer = ellipse(f.outer[:0], p, 6, 6, 16)
	m.Fan(p, f.outer, colBackground)
	f.outer = ellipse(f.outer[:0], p, 4, 4, 16)
	m.Fan(p, f.outer, colOK)
}

// refBadge draws two stacked squares at the top-right corner: "this node
// opens a graph".
func (f *Frame) refBadge(m *Mesh, c Vec, hw, hh, zoom float32, col Color) {
	s := max(4, 5*zoom)
	x, y := c.X+hw-3*s, c.Y-hh+s
	f.frameRect(m, x+s*0.6, y-s*0.6, s*1.6, s*1.6, 1, col)
	m.Rect(x, y, s*1.6, s*1.6, col)
}

// label draws the node's label inside it, or below round and thin shapes.
func (f *Frame) label(s *Scene, n *NodeView, c Vec, hw, hh float32) {
	size := labelWorld * s.Cam.Zoom
	if size < lodLabelSize || n.Label == "" {
		return
	}
	t := &f.Layers[LayerCanvasText]
	switch n.Shape {
	case ShapeCircle, ShapeDoubleCircle, ShapeBar:
		f.G.TextFit(t, FaceLabel, n.Label, c.X, c.Y+hh+size, 160*s.Cam.Zoom, size, colTextDim)
	case ShapeDiamond:
		f.G.TextFit(t, FaceLabel, n.Label, c.X, c.Y, hw*1.25, size, colText)
	default:
		f.G.TextFit(t, FaceLabel, n.Label, c.X, c.Y, 2*hw-14*s.Cam.Zoom, size, colText)
	}
}
