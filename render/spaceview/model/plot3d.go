package model

import (
	"cmp"
	"slices"

	"github.com/cimviz/cimviz/render/canvas"
	"github.com/go-gl/mathgl/mgl64"
)

// mark is one point of the 3D view on screen.
type mark struct {
	x, y, depth float64
	proto       bool
	index       int
}

// plot3D draws the data cube, each item's link to its category's
// prototype, drop lines to the floor and the points, far ones first.
func (f *Frame) plot3D(c *Controller, d *Derived) {
	cam := c.Orbit.Camera(c.L.Plot)
	f.cube(cam, d)
	marks := f.marks(cam, d)
	slices.SortFunc(marks, func(a, b mark) int { return cmp.Compare(b.depth, a.depth) })
	for _, m := range marks {
		f.mark3D(cam, d, m)
	}
}

var cubeEdges = [12][2]int{{0, 1}, {2, 3}, {4, 5}, {6, 7}, {0, 2}, {1, 3}, {4, 6}, {5, 7}, {0, 4}, {1, 5}, {2, 6}, {3, 7}}

func corner(i int) mgl64.Vec3 {
	return mgl64.Vec3{float64(i&1) - 0.5, float64(i>>1&1) - 0.5, float64(i>>2&1) - 0.5}
}

// cube draws the extent's edges and the three axes, with their ticks
// and names, on the edges nearest the viewer: the first two along the
// floor, the vertical one at the side.
func (f *Frame) cube(cam Camera, d *Derived) {
	for _, e := range cubeEdges {
		x0, y0, _, ok0 := cam.Project(corner(e[0]))
		x1, y1, _, ok1 := cam.Project(corner(e[1]))
		if ok0 && ok1 {
			f.line(LayerPlot, x0, y0, x1, y1, 1.2, colGrid)
		}
	}
	sx, sz := sign(cam.Eye[0])*0.5, sign(cam.Eye[2])*0.5
	axes := [3]struct{ from, to, out mgl64.Vec3 }{
		{mgl64.Vec3{-0.5, -0.5, sz}, mgl64.Vec3{0.5, -0.5, sz}, mgl64.Vec3{0, -0.06, sz * 0.3}},
		{mgl64.Vec3{-sx, -0.5, sz}, mgl64.Vec3{-sx, 0.5, sz}, mgl64.Vec3{-sx * 0.3, 0, sz * 0.3}},
		{mgl64.Vec3{sx, -0.5, -0.5}, mgl64.Vec3{sx, -0.5, 0.5}, mgl64.Vec3{sx * 0.3, -0.06, 0}},
	}
	for i, a := range axes {
		f.axis3D(cam, d, i, a.from, a.to, a.out)
	}
}

// axis3D draws one axis from..to in its colour, its ticks a little
// outside (by out) and its name beyond them.
func (f *Frame) axis3D(cam Camera, d *Derived, i int, from, to, out mgl64.Vec3) {
	x0, y0, _, ok0 := cam.Project(from)
	x1, y1, _, ok1 := cam.Project(to)
	if !ok0 || !ok1 {
		return
	}
	f.line(LayerPlot, x0, y0, x1, y1, 2, axisColours[i])
	dim := d.View.Dims[i]
	lo, hi := Range(dim)
	for _, t := range Ticks(dim) {
		k := (t.At - lo) / (hi - lo)
		if x, y, _, ok := cam.Project(from.Add(to.Sub(from).Mul(k)).Add(out.Mul(0.5))); ok {
			f.centred(LayerPlotText, t.Label, x, y, 11, colTextDim)
		}
	}
	if x, y, _, ok := cam.Project(from.Add(to).Mul(0.5).Add(out.Mul(1.6))); ok {
		f.label(axisName(dim), x, y, 14, axisColours[i])
	}
}

func sign(x float64) float64 {
	if x < 0 {
		return -1
	}
	return 1
}

var axisColours = [3]canvas.Color{canvas.Hex(0xf0883e, 1), canvas.Hex(0x3fb950, 1), canvas.Hex(0x4c9aff, 1)}

func (f *Frame) marks(cam Camera, d *Derived) []mark {
	var out []mark
	add := func(flat []float64, proto bool) {
		for i := 0; i+2 < len(flat); i += 3 {
			if x, y, z, ok := cam.Project(Normalize(d.View.Dims, flat[i:i+3])); ok {
				out = append(out, mark{x, y, z, proto, i / 3})
			}
		}
	}
	add(d.View.Prototypes, true)
	add(d.View.Points, false)
	return out
}

// mark3D draws one point with its drop line and, for an item, the link
// to its category's prototype.
func (f *Frame) mark3D(cam Camera, d *Derived, m mark) {
	flat, col := d.View.Points, itemColour(d, m.index)
	if m.proto {
		flat, col = d.View.Prototypes, d.Colours[m.index]
	}
	p := Normalize(d.View.Dims, flat[3*m.index:3*m.index+3])
	if fx, fy, _, ok := cam.Project(mgl64.Vec3{p[0], -0.5, p[2]}); ok {
		f.line(LayerPlot, m.x, m.y, fx, fy, 1, colGrid.Fade(0.8))
	}
	k := c3(m.index, d)
	if !m.proto && k >= 0 {
		q := Normalize(d.View.Dims, d.View.Prototypes[3*k:3*k+3])
		if px, py, _, ok := cam.Project(q); ok {
			f.line(LayerPlot, m.x, m.y, px, py, 1, col.Fade(0.45))
		}
	}
	scale := DefaultOrbit().Dist / m.depth
	if m.proto {
		f.disc(LayerPlot, m.x, m.y, 7*scale, 2, col, colWhite)
		f.label(d.Space.Concepts[m.index].Name, m.x, m.y-19*scale, 14, colText)
		return
	}
	f.disc(LayerPlot, m.x, m.y, 4.5*scale, 1.5, col, colOutline)
	f.text(LayerPlotText, d.Space.Items[m.index].Name, m.x+8, m.y-3, 12, colTextDim)
}

// c3 is item i's category, or -1.
func c3(i int, d *Derived) int {
	if i < len(d.Category) && d.Category[i] < len(d.Space.Concepts) {
		return d.Category[i]
	}
	return -1
}
