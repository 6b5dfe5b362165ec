package space

import "math"

// grid buckets 2D prototypes for the Voronoi neighbour search.
type grid struct {
	n      int
	pts    []Vec2
	origin Vec2
	size   Vec2 // of one grid cell
	side   int  // cells per row and column
	bucket [][]int
}

func newGrid(protos []float64, view Rect) *grid {
	g := &grid{n: len(protos) / 2}
	lo, hi := view.Min, view.Max
	for i := range g.n {
		p := Vec2{protos[2*i], protos[2*i+1]}
		g.pts = append(g.pts, p)
		lo = Vec2{math.Min(lo.X, p.X), math.Min(lo.Y, p.Y)}
		hi = Vec2{math.Max(hi.X, p.X), math.Max(hi.Y, p.Y)}
	}
	g.side = max(1, int(math.Ceil(math.Sqrt(float64(g.n)))))
	g.origin = lo
	g.size = Vec2{(hi.X - lo.X) / float64(g.side), (hi.Y - lo.Y) / float64(g.side)}
	g.bucket = make([][]int, g.side*g.side)
	for i, p := range g.pts {
		cx, cy := g.at(p)
		g.bucket[cy*g.side+cx] = append(g.bucket[cy*g.side+cx], i)
	}
	return g
}

// at is the grid cell of p (clamped).
func (g *grid) at(p Vec2) (int, int) {
	cx := int((p.X - g.origin.X) / g.size.X)
	cy := int((p.Y - g.origin.Y) / g.size.Y)
	return min(max(cx, 0), g.side-1), min(max(cy, 0), g.side-1)
}

// cell clips poly (in a, scratch b) by the bisectors of prototype i's
// neighbours, ring by ring, until the security radius is reached.
func (g *grid) cell(i int, w Vec2, poly, a, b Polygon) (Polygon, Polygon) {
	a = append(a, poly...)
	p := g.pts[i]
	cx, cy := g.at(p)
	step := math.Min(g.size.X*g.size.X*w.X, g.size.Y*g.size.Y*w.Y) // squared
	for r := 0; r <= g.side && len(a) > 0; r++ {
		for _, j := range g.ring(cx, cy, r) {
			if a, b = g.cut(i, j, w, a, b); len(a) == 0 {
				return a, b
			}
		}
		if float64(r*r)*step > 4*farthest(w, p, a) {
			break
		}
	}
	return a, b
}

// cut clips a by the half-plane where prototype i is at least as close
// as j; an identical earlier prototype takes the whole cell.
func (g *grid) cut(i, j int, w Vec2, a, b Polygon) (Polygon, Polygon) {
	if i == j {
		return a, b
	}
	p, q := g.pts[i], g.pts[j]
	ax, ay := w.X*(q.X-p.X), w.Y*(q.Y-p.Y)
	if ax == 0 && ay == 0 {
		if j < i {
			return a[:0], b
		}
		return a, b
	}
	c := ax*(p.X+q.X)/2 + ay*(p.Y+q.Y)/2
	b = clip(b[:0], a, ax, ay, c)
	return b, a
}

// ring lists the prototypes in the grid cells at Chebyshev distance r.
func (g *grid) ring(cx, cy, r int) []int {
	var out []int
	for y := cy - r; y <= cy+r; y++ {
		if y < 0 || y >= g.side {
			continue
		}
		for x := cx - r; x <= cx+r; x++ {
			if x >= 0 && x < g.side && (y == cy-r || y == cy+r || x == cx-r || x == cx+r) {
				out = append(out, g.bucket[y*g.side+x]...)
			}
		}
	}
	return out
}
