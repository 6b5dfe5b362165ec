package model

import (
	"math"
	"strconv"

	"github.com/cimviz/cimviz/domains/concept/space"
	"github.com/cimviz/cimviz/render/canvas"
)

// plot2D draws the cells, the axes and the points of a 2D view.
func (f *Frame) plot2D(c *Controller, d *Derived) {
	fr := c.Frame2D(d)
	f.rect(LayerBack, fr.Plot, colPlot)
	f.grid(fr, d.View.Dims)
	if d.Raster != nil {
		f.Raster.fill(d, fr.Plot)
	} else {
		f.cells(fr, d)
	}
	f.points2D(fr, c.S, d)
}

// cells fills each concept's Voronoi cell in its colour, then draws the
// borders over every fill.
func (f *Frame) cells(fr Frame2D, d *Derived) {
	rings := make([][][]canvas.Vec, len(d.Cells))
	for i, cell := range d.Cells {
		for _, poly := range cell {
			pts, mid := screenPoly(fr, poly)
			rings[i] = append(rings[i], pts)
			f.Layers[LayerPlot].Fan(mid, pts, d.Colours[i].Fade(0.32))
		}
	}
	for i, rs := range rings {
		border := mix(d.Colours[i], colWhite, 0.35).Fade(0.85)
		for _, pts := range rs {
			f.Layers[LayerPlot].Polyline(append(pts, pts[0]), 1.5, border)
		}
	}
}

func screenPoly(fr Frame2D, poly space.Polygon) ([]canvas.Vec, canvas.Vec) {
	pts := make([]canvas.Vec, len(poly), len(poly)+1)
	var mid canvas.Vec
	for i, p := range poly {
		x, y := fr.ToScreen(p)
		pts[i] = canvas.Vec{X: float32(x), Y: float32(y)}
		mid = mid.Add(pts[i].Mul(1 / float32(len(poly))))
	}
	return pts, mid
}

// grid draws tick lines and labels on both axes and the axes' names.
func (f *Frame) grid(fr Frame2D, dims []space.Dimension) {
	p := fr.Plot
	for _, t := range Ticks(dims[0]) {
		x, _ := fr.ToScreen(space.Vec2{X: t.At, Y: fr.Data.Min.Y})
		f.line(LayerBack, x, p.Y, x, p.Y+p.H, 1, colGrid)
		f.centred(LayerPlotText, t.Label, x, p.Y+p.H+14, 12, colTextDim)
	}
	for _, t := range Ticks(dims[1]) {
		_, y := fr.ToScreen(space.Vec2{X: fr.Data.Min.X, Y: t.At})
		f.line(LayerBack, p.X, y, p.X+p.W, y, 1, colGrid)
		w := float64(f.G.Measure(canvas.FaceUI, t.Label, 12))
		f.text(LayerPlotText, t.Label, p.X-w-8, y-8, 12, colTextDim)
	}
	f.centred(LayerPlotText, axisName(dims[0])+"  →", p.X+p.W/2, p.Y+p.H+38, 14, colText)
	f.text(LayerPlotText, "↑  "+axisName(dims[1]), p.X-60, p.Y-50, 14, colText)
}

func axisName(d space.Dimension) string {
	if d.Kind == space.Continuous {
		return d.Name
	}
	return d.Name + " (" + string(d.Kind) + ")"
}

// Tick is one labelled position on an axis.
type Tick struct {
	At    float64
	Label string
}

// Ticks are an axis's labelled positions: every level or category, six
// steps around a circle, five steps over a range.
func Ticks(d space.Dimension) []Tick {
	labels := d.Levels
	if d.Kind == space.Categorical {
		labels = d.Values
	}
	if len(labels) > 0 {
		out := make([]Tick, len(labels))
		for i, l := range labels {
			out[i] = Tick{At: float64(i), Label: l}
		}
		return out
	}
	lo, hi := Range(d)
	n := 5
	if d.Kind == space.Circular {
		n = 6
	}
	out := make([]Tick, n+1)
	for i := range out {
		v := lo + (hi-lo)*float64(i)/float64(n)
		out[i] = Tick{At: v, Label: strconv.FormatFloat(round(v, hi-lo), 'g', 4, 64)}
	}
	return out
}

// points2D draws the items (in their category's colour) and the
// prototypes (in their concept's), with labels; the pending point is
// ringed.
func (f *Frame) points2D(fr Frame2D, s *State, d *Derived) {
	placed := labels{}
	for i := range d.Space.Concepts {
		x, y := fr.ToScreen(space.Vec2{X: d.View.Prototypes[2*i], Y: d.View.Prototypes[2*i+1]})
		f.disc(LayerPlot, x, y, 7, 2, d.Colours[i], colWhite)
		ly, _ := placed.free(x, y-19, -16)
		f.label(d.Space.Concepts[i].Name, x, ly, 14, colText)
		f.ring(s, Prototype, i, x, y)
	}
	for i, it := range d.Space.Items {
		x, y := fr.ToScreen(space.Vec2{X: d.View.Points[2*i], Y: d.View.Points[2*i+1]})
		f.disc(LayerPlot, x, y, 4.5, 1.5, itemColour(d, i), colOutline)
		if ly, ok := placed.free(x+30, y, 14); ok {
			f.shadowed(it.Name, x+8, ly-7, 12, colTextDim)
		}
		f.ring(s, ItemPoint, i, x, y)
	}
}

// labels are the anchors of the labels drawn so far, hashed in cells of
// a label's size so a new one checks only its neighbours.
type labels map[[2]int][]space.Vec2

const labelW, labelH = 40.0, 13.0

// free moves a label's anchor by step until no earlier label is within
// a line of it, and records it; ok is false when it found no free place
// in a few steps (the last one tried is given).
func (l labels) free(x, y, step float64) (float64, bool) {
	ok := false
	for range 4 {
		if ok = !l.taken(x, y); ok {
			break
		}
		y += step
	}
	k := [2]int{int(math.Floor(x / labelW)), int(math.Floor(y / labelH))}
	l[k] = append(l[k], space.Vec2{X: x, Y: y})
	return y, ok
}

func (l labels) taken(x, y float64) bool {
	cx, cy := int(math.Floor(x/labelW)), int(math.Floor(y/labelH))
	for dx := -1; dx <= 1; dx++ {
		for dy := -1; dy <= 1; dy++ {
			for _, p := range l[[2]int{cx + dx, cy + dy}] {
				if math.Abs(p.X-x) < labelW && math.Abs(p.Y-y) < labelH {
					return true
				}
			}
		}
	}
	return false
}

// label draws centred text with a dark shadow, readable over any cell.
func (f *Frame) label(s string, x, y, size float64, col canvas.Color) {
	f.centred(LayerPlotText, s, x+1, y+1, size, colOutline)
	f.centred(LayerPlotText, s, x, y, size, col)
}

// shadowed draws text from its top-left with a dark shadow.
func (f *Frame) shadowed(s string, x, y, size float64, col canvas.Color) {
	f.text(LayerPlotText, s, x+1, y+1, size, colOutline)
	f.text(LayerPlotText, s, x, y, size, col)
}

func (f *Frame) ring(s *State, k Kind, i int, x, y float64) {
	if p := s.Pending; p != nil && p.Kind == k && p.Index == i {
		f.outer, f.inner = circleInto(f.outer, x, y, 14), circleInto(f.inner, x, y, 12)
		f.Layers[LayerPlot].Ring(f.outer, f.inner, colAccent)
	}
}

func itemColour(d *Derived, i int) canvas.Color {
	if i < len(d.Category) && d.Category[i] >= 0 && d.Category[i] < len(d.Colours) {
		return d.Colours[d.Category[i]]
	}
	return colTextDim
}
