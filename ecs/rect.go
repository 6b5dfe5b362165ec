package ecs

import (
	"math"

	"github.com/cimviz/cimviz/graph"
)

// Rect is an axis-aligned rectangle in world units, Min inclusive.
type Rect struct{ Min, Max graph.Point }

// RectFrom returns the rectangle spanned by two corners in any order.
func RectFrom(a, b graph.Point) Rect {
	return Rect{graph.Point{X: math.Min(a.X, b.X), Y: math.Min(a.Y, b.Y)},
		graph.Point{X: math.Max(a.X, b.X), Y: math.Max(a.Y, b.Y)}}
}

// RectAround returns the rectangle of size w×h centred on c.
func RectAround(c graph.Point, w, h float64) Rect {
	return Rect{graph.Point{X: c.X - w/2, Y: c.Y - h/2}, graph.Point{X: c.X + w/2, Y: c.Y + h/2}}
}

// W is the width.
func (r Rect) W() float64 { return r.Max.X - r.Min.X }

// H is the height.
func (r Rect) H() float64 { return r.Max.Y - r.Min.Y }

// Center is the middle point.
func (r Rect) Center() graph.Point {
	return graph.Point{X: (r.Min.X + r.Max.X) / 2, Y: (r.Min.Y + r.Max.Y) / 2}
}

// Contains reports whether p lies inside r.
func (r Rect) Contains(p graph.Point) bool {
	return p.X >= r.Min.X && p.X <= r.Max.X && p.Y >= r.Min.Y && p.Y <= r.Max.Y
}

// Overlaps reports whether r and o share any point.
func (r Rect) Overlaps(o Rect) bool {
	return r.Min.X <= o.Max.X && o.Min.X <= r.Max.X && r.Min.Y <= o.Max.Y && o.Min.Y <= r.Max.Y
}

// Union returns the smallest rectangle holding both. The zero Rect is not
// special; use [Bounds] to grow from nothing.
func (r Rect) Union(o Rect) Rect {
	return Rect{graph.Point{X: math.Min(r.Min.X, o.Min.X), Y: math.Min(r.Min.Y, o.Min.Y)},
		graph.Point{X: math.Max(r.Max.X, o.Max.X), Y: math.Max(r.Max.Y, o.Max.Y)}}
}

// Bounds accumulates a bounding rectangle.
type Bounds struct {
	R  Rect
	OK bool // at least one rectangle was added
}

// Add grows the bounds by r.
func (b *Bounds) Add(r Rect) {
	if !b.OK {
		b.R, b.OK = r, true
		return
	}
	b.R = b.R.Union(r)
}
