package canvas

import "math"

// Layer is one batch of a frame; layers are drawn in order, each with one
// DrawTriangles32 call, so the number of draw calls never depends on the
// size of the graph.
type Layer uint8

// Frame layers, back to front.
const (
	LayerCanvas     Layer = iota // background, grid, edges, nodes
	LayerCanvasText              // node and edge labels (scaled with the camera)
	LayerUI                      // panels, bars, minimap
	LayerUIText                  // panel text at its baked size
	LayerOverlay                 // modal overlays: help, palette, menus
	LayerOverlayText
	LayerCount
)

// Frame holds the meshes of every layer and the scratch buffers used to
// fill them. It is reused from frame to frame: once its slices have grown
// to the size of the scene, building a frame allocates nothing.
type Frame struct {
	Layers [LayerCount]Mesh
	G      *Glyphs

	// Raster holds the canvas's nodes and edges instead of the mesh when
	// the camera is far out (see lodOverview).
	Raster Raster

	outer, inner, aux []Vec
	pts               []Vec
	view              viewRect
	memo              memo
	crumbs            [][2]float32 // x extents of the breadcrumbs drawn
	bins              []uint16     // minimap density cells
	cull              cullGrid
	segs              segments
}

// viewRect is the visible world rectangle, widened by a margin.
type viewRect struct{ x0, y0, x1, y1 float32 }

// NewFrame returns an empty frame drawing text from g.
func NewFrame(g *Glyphs) *Frame {
	f := &Frame{G: g}
	for i := range f.Layers {
		f.Layers[i].UV = g.WhiteUV()
	}
	return f
}

// Reset empties every layer.
func (f *Frame) Reset() {
	for i := range f.Layers {
		f.Layers[i].Reset()
	}
}

// Vertices reports the total vertex count, for statistics.
func (f *Frame) Vertices() int {
	n := 0
	for i := range f.Layers {
		n += len(f.Layers[i].V)
	}
	return n
}

// BuildCanvas fills the canvas layers from s: background, grid, edges,
// nodes, then the link being drawn and the selection box. Only what lies
// in the viewport is emitted; far out, nodes and edges go to the Raster.
func (f *Frame) BuildCanvas(s *Scene) {
	m := &f.Layers[LayerCanvas]
	f.Layers[LayerCanvas].Reset()
	f.Layers[LayerCanvasText].Reset()
	m.Rect(0, 0, s.Cam.W, s.Cam.H, colBackground)
	f.view = visible(s.Cam, 40)
	f.grid(m, s)
	f.Raster.On = s.Cam.Zoom < lodOverview
	if f.Raster.On {
		f.overview(s)
		m = &f.Layers[LayerCanvasText] // drawn over the raster
	} else {
		f.edgesAndNodes(s)
	}
	f.linkAndBox(m, s)
}

func visible(c Camera, marginPx float32) viewRect {
	x0, y0 := c.ToWorld(Vec{-marginPx, -marginPx})
	x1, y1 := c.ToWorld(Vec{c.W + marginPx, c.H + marginPx})
	return viewRect{x0, y0, x1, y1}
}

func (v viewRect) overlaps(x0, y0, x1, y1 float32) bool {
	return x0 <= v.x1 && x1 >= v.x0 && y0 <= v.y1 && y1 >= v.y0
}

// grid draws minor and major lines; the minor lines fade out as they get
// denser, so zooming out never fills the screen with lines.
func (f *Frame) grid(m *Mesh, s *Scene) {
	if s.Grid <= 0 {
		return
	}
	step := s.Grid
	for step*s.Cam.Zoom < 8 {
		step *= 5
	}
	fade := min(1, (step*s.Cam.Zoom-8)/16)
	minor := mix(colBackground, colGridMinor, fade)
	f.gridLines(m, s.Cam, step, minor, colGridMajor)
}

func (f *Frame) gridLines(m *Mesh, c Camera, step float32, minor, major Color) {
	v := f.view
	for x := float32(math.Floor(float64(v.x0/step))) * step; x <= v.x1; x += step {
		p := c.ToScreen(x, 0)
		m.Rect(float32(math.Floor(float64(p.X))), 0, 1, c.H, lineColor(x, step, minor, major))
	}
	for y := float32(math.Floor(float64(v.y0/step))) * step; y <= v.y1; y += step {
		p := c.ToScreen(0, y)
		m.Rect(0, float32(math.Floor(float64(p.Y))), c.W, 1, lineColor(y, step, minor, major))
	}
}

func lineColor(at, step float32, minor, major Color) Color {
	if int64(math.Round(float64(at/step)))%5 == 0 {
		return major
	}
	return minor
}

// linkAndBox draws the edge being dragged out and the rubber band.
func (f *Frame) linkAndBox(m *Mesh, s *Scene) {
	c := s.Cam
	if s.Link.Active {
		a, b := c.ToScreen(s.Link.From.X, s.Link.From.Y), c.ToScreen(s.Link.To.X, s.Link.To.Y)
		m.Line(a, b, 2, colAccent)
		f.arrowHead(m, a, b, 10, colAccent)
	}
	if s.Box.Active {
		a, b := c.ToScreen(s.Box.X0, s.Box.Y0), c.ToScreen(s.Box.X1, s.Box.Y1)
		m.Rect(min(a.X, b.X), min(a.Y, b.Y), abs32(b.X-a.X), abs32(b.Y-a.Y), colAccent.Fade(0.12))
		f.frameRect(m, min(a.X, b.X), min(a.Y, b.Y), abs32(b.X-a.X), abs32(b.Y-a.Y), 1, colAccent)
	}
}

// frameRect draws the border of a rectangle, width t inside it.
func (f *Frame) frameRect(m *Mesh, x, y, w, h, t float32, col Color) {
	m.Rect(x, y, w, t, col)
	m.Rect(x, y+h-t, w, t, col)
	m.Rect(x, y+t, t, h-2*t, col)
	m.Rect(x+w-t, y+t, t, h-2*t, col)
}

// NonEmptyLayers is the number of layers with triangles, plus the raster
// when it is in use: the draw calls the frame costs.
func (f *Frame) NonEmptyLayers() int {
	n := 0
	if f.Raster.On {
		n++
	}
	for i := range f.Layers {
		if len(f.Layers[i].I) > 0 {
			n++
		}
	}
	return n
}
