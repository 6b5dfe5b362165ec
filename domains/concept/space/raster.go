package space

import (
	"fmt"
	"math"
	"slices"
)

// Raster is the exact nearest-prototype map of a 2D metric over view:
// w*h prototype indexes (-1 without prototypes), row by row from
// view.Min, one per pixel centre. A view may run past the period of a
// circular axis: pixels there show the hue they wrap to.
//
// Neighbouring pixels mostly share a prototype, so each pixel starts from
// its left (or upper) neighbour's prototype b and only tries b's
// neighbours nearer than twice its own distance to b: by the triangle
// inequality no other prototype can be nearer (Elkan's bound). The
// neighbour lists cost n² memory, so past maxListed prototypes each pixel
// scans them all.
func (m *Metric) Raster(protos []float64, view Rect, w, h int) ([]int, error) {
	if m.Dims() != 2 || w <= 0 || h <= 0 || w > 1<<12 || h > 1<<12 {
		return nil, fmt.Errorf("%w: Raster needs a 2D projection and 1..4096 pixels a side", ErrBadQuery)
	}
	if err := view.validate(); err != nil {
		return nil, err
	}
	n := count(protos, 2)
	out := make([]int, w*h)
	if n == 0 || n > maxListed {
		return m.Categorize(m.pixels(view, w, h), protos), nil
	}
	nb := m.neighbours(protos[:2*n])
	sx, sy := (view.Max.X-view.Min.X)/float64(w), (view.Max.Y-view.Min.Y)/float64(h)
	p := make([]float64, 2)
	for y := range h {
		for x := range w {
			p[0], p[1] = m.wrapped(0, view.Min.X+(float64(x)+0.5)*sx), m.wrapped(1, view.Min.Y+(float64(y)+0.5)*sy)
			out[y*w+x] = nb.nearestFrom(m, p, protos, start(out, x, y, w))
		}
	}
	return out, nil
}

// start is the prototype of the pixel left of (x, y), or above it at the
// start of a row, or 0 for the first pixel.
func start(out []int, x, y, w int) int {
	switch {
	case x > 0:
		return out[y*w+x-1]
	case y > 0:
		return out[(y-1)*w]
	}
	return 0
}

// pixels are the pixel centres of view, wrapped on circular axes.
func (m *Metric) pixels(view Rect, w, h int) []float64 {
	pts := make([]float64, 0, 2*w*h)
	sx, sy := (view.Max.X-view.Min.X)/float64(w), (view.Max.Y-view.Min.Y)/float64(h)
	for y := range h {
		for x := range w {
			pts = append(pts, m.wrapped(0, view.Min.X+(float64(x)+0.5)*sx), m.wrapped(1, view.Min.Y+(float64(y)+0.5)*sy))
		}
	}
	return pts
}

// wrapped brings coordinate v of axis i into 0..period on a circular axis.
func (m *Metric) wrapped(i int, v float64) float64 {
	if m.kinds[i] != Circular || m.coef[i] == 0 {
		return v
	}
	p := m.period[i] / m.coef[i]
	if v = math.Mod(v, p); v < 0 {
		v += p
	}
	return v
}

// maxListed bounds the neighbour lists (n² entries of 12 bytes: 12 MiB).
const maxListed = 1024

// neighbours lists, for each prototype, all prototypes by distance from
// it, with half that distance in the kernel's accumulated units (d²/4
// for the Euclidean norm, d/2 otherwise).
type neighbours struct {
	n     int
	order []int32
	half  []float64
}

func (m *Metric) neighbours(protos []float64) *neighbours {
	d, n := m.Dims(), count(protos, m.Dims())
	nb := &neighbours{n: n, order: make([]int32, n*n), half: make([]float64, n*n)}
	dist := make([]float64, n)
	for i := range n {
		for j := range n {
			dist[j] = m.Distance(protos[i*d:i*d+d], protos[j*d:j*d+d])
		}
		row := nb.order[i*n : i*n+n]
		for j := range row {
			row[j] = int32(j)
		}
		slices.SortFunc(row, func(a, b int32) int { return cmpFloat(dist[a], dist[b]) })
		for k, j := range row {
			nb.half[i*n+k] = m.accumulated(dist[j] / 2)
		}
	}
	return nb
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// accumulated is a distance in the kernel's accumulated units.
func (m *Metric) accumulated(d float64) float64 {
	if m.norm == Euclidean {
		return d * d
	}
	return d
}

// nearestFrom is p's nearest prototype (lowest index on ties), searched
// among b's neighbours that could beat b.
func (nb *neighbours) nearestFrom(m *Metric, p, protos []float64, b int) int {
	d := m.Dims()
	reach := m.reach(p, protos[b*d:b*d+d], math.Inf(1))
	best, bi := reach, b
	for k, j32 := range nb.order[b*nb.n : b*nb.n+nb.n] {
		if nb.half[b*nb.n+k] > reach {
			break // d(b,j) > 2 d(p,b): d(p,j) > d(p,b) >= best
		}
		j := int(j32)
		if acc := m.reach(p, protos[j*d:j*d+d], best); acc < best || acc == best && j < bi {
			best, bi = acc, j
		}
	}
	return bi
}
