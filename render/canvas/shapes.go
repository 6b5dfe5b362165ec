package canvas

import "math"

// Shape is the outline a node is drawn with; it follows the node's kind.
type Shape uint8

// Node outlines, one per family of workflow step kinds.
const (
	ShapeRoundRect     Shape = iota // tasks and anything unknown
	ShapeCircle                     // start
	ShapeDoubleCircle               // end
	ShapeDiamond                    // decision
	ShapeHexagon                    // automated
	ShapeParallelogram              // manual
	ShapeOctagon                    // approval
	ShapeBar                        // fork and join
	ShapeFramed                     // subworkflow: a rounded rectangle with an inner frame
)

// ShapeOf maps a node kind (as stored in the graph) to its outline.
func ShapeOf(kind string) Shape {
	switch kind {
	case "start":
		return ShapeCircle
	case "end":
		return ShapeDoubleCircle
	case "decision":
		return ShapeDiamond
	case "automated":
		return ShapeHexagon
	case "manual":
		return ShapeParallelogram
	case "approval":
		return ShapeOctagon
	case "fork", "join":
		return ShapeBar
	case "subworkflow", "subgraph":
		return ShapeFramed
	}
	return ShapeRoundRect
}

// cornerSegs is how many segments a rounded corner or a quarter circle has
// at full detail; outlines always have the same point count for one shape
// and detail, so an outer and an inner outline can be joined by a Ring.
const cornerSegs = 5

// outline appends the closed outline of shape s centred on c with half
// extents hw, hh to dst. r is the corner radius of rounded shapes.
func outline(dst []Vec, s Shape, c Vec, hw, hh, r float32) []Vec {
	switch s {
	case ShapeCircle, ShapeDoubleCircle:
		return ellipse(dst, c, hw, hh, 4*cornerSegs)
	case ShapeDiamond:
		return append(dst, Vec{c.X, c.Y - hh}, Vec{c.X + hw, c.Y}, Vec{c.X, c.Y + hh}, Vec{c.X - hw, c.Y})
	case ShapeHexagon:
		k := min(hh*0.6, hw*0.4)
		return append(dst, Vec{c.X - hw, c.Y}, Vec{c.X - hw + k, c.Y - hh}, Vec{c.X + hw - k, c.Y - hh},
			Vec{c.X + hw, c.Y}, Vec{c.X + hw - k, c.Y + hh}, Vec{c.X - hw + k, c.Y + hh})
	case ShapeParallelogram:
		k := min(hh*0.5, hw*0.3)
		return append(dst, Vec{c.X - hw + k, c.Y - hh}, Vec{c.X + hw, c.Y - hh}, Vec{c.X + hw - k, c.Y + hh}, Vec{c.X - hw, c.Y + hh})
	case ShapeOctagon:
		return octagon(dst, c, hw, hh, min(hw, hh)*0.38)
	case ShapeBar:
		return roundRect(dst, c, hw, hh, hh)
	}
	return roundRect(dst, c, hw, hh, r)
}

func ellipse(dst []Vec, c Vec, rx, ry float32, n int) []Vec {
	for i := range n {
		a := 2 * math.Pi * float64(i) / float64(n)
		dst = append(dst, Vec{c.X + rx*float32(math.Cos(a)), c.Y + ry*float32(math.Sin(a))})
	}
	return dst
}

func octagon(dst []Vec, c Vec, hw, hh, k float32) []Vec {
	return append(dst, Vec{c.X - hw + k, c.Y - hh}, Vec{c.X + hw - k, c.Y - hh}, Vec{c.X + hw, c.Y - hh + k},
		Vec{c.X + hw, c.Y + hh - k}, Vec{c.X + hw - k, c.Y + hh}, Vec{c.X - hw + k, c.Y + hh},
		Vec{c.X - hw, c.Y + hh - k}, Vec{c.X - hw, c.Y - hh + k})
}

// unitArc holds cos/sin of the corner steps, computed once.
var unitArc = func() (a [cornerSegs + 1]Vec) {
	for i := range a {
		t := float64(i) / cornerSegs * math.Pi / 2
		a[i] = Vec{float32(math.Cos(t)), float32(math.Sin(t))}
	}
	return a
}()

func roundRect(dst []Vec, c Vec, hw, hh, r float32) []Vec {
	r = max(0, min(r, hw, hh))
	corners := [4]struct{ cx, cy, sx, sy float32 }{
		{c.X + hw - r, c.Y + hh - r, 1, 1}, {c.X - hw + r, c.Y + hh - r, -1, 1},
		{c.X - hw + r, c.Y - hh + r, -1, -1}, {c.X + hw - r, c.Y - hh + r, 1, -1},
	}
	for q, k := range corners {
		for i := range unitArc {
			u := unitArc[i]
			if q%2 == 1 { // walk every corner in the same (clockwise on screen) direction
				u = unitArc[cornerSegs-i]
			}
			dst = append(dst, Vec{k.cx + k.sx*r*u.X, k.cy + k.sy*r*u.Y})
		}
	}
	return dst
}

// boundary returns how far from the centre of shape s, along the unit
// direction d, its outline lies; edges end there so arrowheads show.
func boundary(s Shape, hw, hh float32, d Vec) float32 {
	ax, ay := abs32(d.X), abs32(d.Y)
	switch s {
	case ShapeCircle, ShapeDoubleCircle:
		return 1 / float32(math.Sqrt(float64(ax*ax/(hw*hw)+ay*ay/(hh*hh))))
	case ShapeDiamond:
		return 1 / (ax/hw + ay/hh)
	}
	switch {
	case ax*hh > ay*hw:
		return hw / ax
	case ay > 0:
		return hh / ay
	}
	return 0
}

func abs32(v float32) float32 {
	if v < 0 {
		return -v
	}
	return v
}
