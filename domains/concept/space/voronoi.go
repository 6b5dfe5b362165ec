package space

import (
	"fmt"
	"math"
	"slices"
)

// Vec2 is a point of a 2D view, in the projected dimensions' own units.
type Vec2 struct{ X, Y float64 }

// Rect is a view rectangle.
type Rect struct{ Min, Max Vec2 }

// Polygon is a convex polygon, counter-clockwise.
type Polygon []Vec2

// Cell is one prototype's region in a view: one convex polygon, or
// several where it crosses the seam of a circular axis (the same cell
// seen on both sides); empty when the prototype owns no part of the view
// (hidden by an identical earlier one).
type Cell []Polygon

// Contains says whether one of the cell's polygons contains q.
func (c Cell) Contains(q Vec2, eps float64) bool {
	for _, p := range c {
		if p.Contains(q, eps) {
			return true
		}
	}
	return false
}

func (r Rect) validate() error {
	if !finite(r.Min.X) || !finite(r.Min.Y) || !finite(r.Max.X) || !finite(r.Max.Y) ||
		r.Min.X >= r.Max.X || r.Min.Y >= r.Max.Y {
		return fmt.Errorf("%w: view %v needs finite min < max", ErrBadQuery, r)
	}
	return nil
}

func (r Rect) polygon() Polygon {
	return Polygon{r.Min, {r.Max.X, r.Min.Y}, r.Max, {r.Min.X, r.Max.Y}}
}

// ExactCells says whether Voronoi's cells are the metric's true cells: a
// 2D weighted-Euclidean metric on continuous, ordinal or circular axes.
// For the other norms, or a categorical axis, the cells are the
// weighted-Euclidean approximation on the axes' coordinates (a category
// by its index) and Raster is exact.
func (m *Metric) ExactCells() bool {
	return m.Dims() == 2 && m.norm == Euclidean && m.kinds[0] != Categorical && m.kinds[1] != Categorical
}

// Voronoi gives the cell of every prototype of a 2D metric (flat x,y
// pairs) within view, as the view rectangle clipped by the bisector
// half-planes of weighted Euclidean distance. Neighbours come from a grid
// in rings around the prototype; a ring stops the search once nothing
// beyond it can be closer than twice the cell's farthest vertex (the
// security radius), so a cell costs about its few dozen neighbours. Ties
// go to the lower index, as in Categorize.
//
// A circular axis is a cylinder: the wrapped distance is the least
// Euclidean distance to the prototype's copies shifted by the period, so
// the cells are computed with those copies added and each copy's polygon
// is given to its prototype.
func (m *Metric) Voronoi(protos []float64, view Rect) ([]Cell, error) {
	if m.Dims() != 2 {
		return nil, fmt.Errorf("%w: Voronoi needs a 2D projection, not %d dimensions", ErrBadQuery, m.Dims())
	}
	if err := view.validate(); err != nil {
		return nil, err
	}
	n := len(protos) / 2
	all := m.withCopies(protos[:2*n])
	g := newGrid(all, view)
	w := Vec2{m.coef[0] * m.coef[0], m.coef[1] * m.coef[1]}
	cells := make([]Cell, n)
	var a, b Polygon
	for i := range g.n {
		a, b = g.cell(i, w, view.polygon(), a[:0], b[:0])
		if len(a) >= 3 && a.area() > 0 {
			cells[i%n] = append(cells[i%n], append(Polygon(nil), a...))
		}
	}
	return cells, nil
}

// withCopies appends, for each circular axis, the prototypes shifted by
// -period and +period (both axes: all eight shifts), in blocks of n so
// that copy i belongs to prototype i mod n.
func (m *Metric) withCopies(protos []float64) []float64 {
	shifts := func(axis int) []float64 {
		if m.kinds[axis] != Circular || m.coef[axis] == 0 {
			return []float64{0}
		}
		p := m.period[axis] / m.coef[axis] // the period in the axis' units
		return []float64{0, -p, p}
	}
	out := slices.Clone(protos)
	for _, dx := range shifts(0) {
		for _, dy := range shifts(1) {
			if dx == 0 && dy == 0 {
				continue
			}
			for i := 0; i+1 < len(protos); i += 2 {
				out = append(out, protos[i]+dx, protos[i+1]+dy)
			}
		}
	}
	return out
}

// clip keeps the part of the convex polygon src where ax*x+ay*y <= c,
// writing into dst.
func clip(dst, src Polygon, ax, ay, c float64) Polygon {
	for i, cur := range src {
		prev := src[(i+len(src)-1)%len(src)]
		fc, fp := ax*cur.X+ay*cur.Y-c, ax*prev.X+ay*prev.Y-c
		if (fc <= 0) != (fp <= 0) {
			t := fp / (fp - fc)
			dst = append(dst, Vec2{prev.X + t*(cur.X-prev.X), prev.Y + t*(cur.Y-prev.Y)})
		}
		if fc <= 0 {
			dst = append(dst, cur)
		}
	}
	return dst
}

// Contains says whether q lies in the convex polygon: on the inner side
// of every edge, or less than eps outside it.
func (p Polygon) Contains(q Vec2, eps float64) bool {
	if len(p) < 3 || !p.bounds().grow(eps).has(q) {
		return false
	}
	for i, a := range p {
		b := p[(i+1)%len(p)]
		ex, ey := b.X-a.X, b.Y-a.Y
		if l := math.Hypot(ex, ey); l > 1e-12 && (ex*(q.Y-a.Y)-ey*(q.X-a.X))/l < -eps {
			return false
		}
	}
	return true
}

func weighted(w, a, b Vec2) float64 {
	dx, dy := a.X-b.X, a.Y-b.Y
	return w.X*dx*dx + w.Y*dy*dy
}

func farthest(w, p Vec2, poly Polygon) float64 {
	r := 0.0
	for _, v := range poly {
		r = math.Max(r, weighted(w, p, v))
	}
	return r
}

func (p Polygon) bounds() Rect {
	r := Rect{p[0], p[0]}
	for _, v := range p[1:] {
		r.Min = Vec2{math.Min(r.Min.X, v.X), math.Min(r.Min.Y, v.Y)}
		r.Max = Vec2{math.Max(r.Max.X, v.X), math.Max(r.Max.Y, v.Y)}
	}
	return r
}

func (r Rect) grow(e float64) Rect {
	return Rect{Vec2{r.Min.X - e, r.Min.Y - e}, Vec2{r.Max.X + e, r.Max.Y + e}}
}

func (r Rect) has(q Vec2) bool {
	return r.Min.X <= q.X && q.X <= r.Max.X && r.Min.Y <= q.Y && q.Y <= r.Max.Y
}

// area is the polygon's signed area (positive counter-clockwise).
func (p Polygon) area() float64 {
	a := 0.0
	for i, u := range p {
		v := p[(i+1)%len(p)]
		a += u.X*v.Y - v.X*u.Y
	}
	return a / 2
}
