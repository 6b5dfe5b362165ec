package layout

import (
	"math"
	"slices"

	"github.com/cimviz/cimviz/graph"
)

// routes turns dot's drawing into Routes: distinct node y values are the
// layers (dot's y grows upwards, so the highest is layer 0).
func (pg *plainGraph) routes() []Route {
	var ys []float64
	for _, p := range pg.nodes {
		ys = append(ys, p.Y)
	}
	slices.Sort(ys)
	ys = slices.Compact(ys)
	slices.Reverse(ys)
	rank := func(y float64) int { return slices.IndexFunc(ys, func(v float64) bool { return math.Abs(v-y) < 1e-6 }) }
	var out []Route
	for _, e := range pg.edges {
		t, tok := pg.nodes[e.tail]
		h, hok := pg.nodes[e.head]
		if !tok || !hok || rank(t.Y) == rank(h.Y) {
			continue
		}
		if rank(t.Y) > rank(h.Y) {
			t, h = h, t
		}
		out = append(out, edgeRoute(ys, rank(t.Y), rank(h.Y), t, h, sample(e.spline)))
	}
	return out
}

func edgeRoute(ys []float64, top, bottom int, t, h graph.Point, curve []graph.Point) Route {
	xs := []float64{t.X}
	for l := top + 1; l < bottom; l++ {
		xs = append(xs, crossAt(curve, ys[l], t, h))
	}
	return Route{Layer: top, X: append(xs, h.X)}
}

// sample turns dot's piecewise cubic Bézier control points into a
// polyline.
func sample(ctrl []graph.Point) []graph.Point {
	out := slices.Clone(ctrl[:1])
	for i := 0; i+3 < len(ctrl); i += 3 {
		p0, p1, p2, p3 := ctrl[i], ctrl[i+1], ctrl[i+2], ctrl[i+3]
		for k := 1; k <= 16; k++ {
			t := float64(k) / 16
			u := 1 - t
			out = append(out, p0.Scale(u*u*u).Add(p1.Scale(3*u*u*t)).Add(p2.Scale(3*u*t*t)).Add(p3.Scale(t*t*t)))
		}
	}
	return out
}

// crossAt returns the x where the polyline first reaches height y, or the
// straight line between the ends when it never does.
func crossAt(curve []graph.Point, y float64, t, h graph.Point) float64 {
	for i := 0; i+1 < len(curve); i++ {
		a, b := curve[i], curve[i+1]
		if (a.Y-y)*(b.Y-y) <= 0 && a.Y != b.Y {
			return a.X + (b.X-a.X)*(y-a.Y)/(b.Y-a.Y)
		}
	}
	return t.X + (h.X-t.X)*(y-t.Y)/(h.Y-t.Y)
}
