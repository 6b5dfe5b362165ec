package canvas

import (
	"math"

	"github.com/cimviz/cimviz/ecs"
)

// miniCache holds the minimap's dots and bounds between fills; they are
// recomputed only when the scene's nodes were.
type miniCache struct {
	stale          bool
	dots           []Vec
	x0, y0, x1, y1 float32
}

// minimap shows every node centre of the scene, the bounds of the graph
// and the camera's view.
func (a *Adapter) minimap(ed *ecs.Editor, mm *Minimap) {
	c := &a.mini
	if c.stale {
		c.collect(a.scene.Nodes)
		c.stale = false
	}
	mm.Dots = c.dots
	mm.X0, mm.Y0, mm.X1, mm.Y1 = c.x0, c.y0, c.x1, c.y1
	v := ed.Camera().Visible()
	mm.ViewX0, mm.ViewY0, mm.ViewX1, mm.ViewY1 = float32(v.Min.X), float32(v.Min.Y), float32(v.Max.X), float32(v.Max.Y)
}

// collect takes the centres and the bounds (with a margin) of nodes.
func (c *miniCache) collect(nodes []NodeView) {
	c.dots = c.dots[:0]
	if len(nodes) == 0 {
		c.x0, c.y0, c.x1, c.y1 = 0, 0, 0, 0
		return
	}
	c.x0, c.y0, c.x1, c.y1 = nodes[0].X, nodes[0].Y, nodes[0].X, nodes[0].Y
	for i := range nodes {
		d := Vec{nodes[i].X, nodes[i].Y}
		c.dots = append(c.dots, d)
		c.x0, c.y0, c.x1, c.y1 = min(c.x0, d.X), min(c.y0, d.Y), max(c.x1, d.X), max(c.y1, d.Y)
	}
	const margin = 80
	c.x0, c.y0, c.x1, c.y1 = c.x0-margin, c.y0-margin, c.x1+margin, c.y1+margin
}

// miniBinAbove is the number of dots above which the minimap draws a
// density grid (one quad per occupied cell) instead of one quad per dot.
const (
	miniBinAbove = 2000
	miniCell     = 2 // pixels
)

// miniDots draws a dot per node; dots shrink and fade as they crowd, so a
// big graph reads as a texture.
func (f *Frame) miniDots(m *Mesh, mm *Minimap, t miniXform, r Rect) {
	crowd := float32(len(mm.Dots)) / (r.W * r.H / 64)
	size := max(1, min(4, 3/max(crowd, 0.75)))
	col := colTextDim.Fade(max(0.35, min(1, 1/crowd)))
	for _, d := range mm.Dots {
		p := t.at(mm, d.X, d.Y)
		m.Rect(p.X-size/2, p.Y-size/2, size, size*0.75, col)
	}
}

// miniDensity counts the dots in each cell of the panel and shades each
// occupied cell as that many crowded dots would (each covers a fifth of
// a cell at 0.35 alpha), so the picture matches miniDots' at a cost that
// does not grow with the graph.
func (f *Frame) miniDensity(m *Mesh, mm *Minimap, t miniXform, r Rect) {
	cols, rows := int(r.W/miniCell)+1, int(r.H/miniCell)+1
	f.bins = f.bins[:0]
	f.bins = append(f.bins, make([]uint16, cols*rows)...)
	for _, d := range mm.Dots {
		p := t.at(mm, d.X, d.Y)
		cx, cy := int((p.X-r.X)/miniCell), int((p.Y-r.Y)/miniCell)
		if cx >= 0 && cy >= 0 && cx < cols && cy < rows && f.bins[cy*cols+cx] < math.MaxUint16 {
			f.bins[cy*cols+cx]++
		}
	}
	for i, n := range f.bins {
		if n == 0 {
			continue
		}
		a := 1 - float32(math.Pow(1-0.35*0.19, float64(n)))
		m.Rect(r.X+float32(i%cols*miniCell), r.Y+float32(i/cols*miniCell), miniCell, miniCell, colTextDim.Fade(a))
	}
}
