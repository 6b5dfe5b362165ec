package space

import (
	"fmt"
	"math"
	"slices"
)

// Categorize gives, for each point of the flat array points, the index of
// its nearest prototype in protos (its Voronoi cell); ties go to the lower
// index, and -1 means there are no prototypes. It allocates only the
// result.
func (m *Metric) Categorize(points, protos []float64) []int {
	d := m.Dims()
	n := count(points, d)
	out := make([]int, n)
	if m.norm == Euclidean && d > 0 {
		m.categorizeL2(points, protos, out)
		return out
	}
	for i := range out {
		out[i], _ = m.nearest(points[i*d:i*d+d], protos)
	}
	return out
}

// Nearest is the index of p's nearest prototype and its distance (-1 and
// +Inf without prototypes, or when p does not have Dims() coordinates).
func (m *Metric) Nearest(p, protos []float64) (int, float64) {
	if len(p) != m.Dims() {
		return -1, math.Inf(1)
	}
	i, acc := m.nearest(p, protos)
	return i, m.finish(acc)
}

func (m *Metric) nearest(p, protos []float64) (int, float64) {
	d := m.Dims()
	if d == 0 {
		if len(protos) > 0 {
			return 0, 0
		}
		return -1, math.Inf(1)
	}
	best, bi := math.Inf(1), -1
	n := count(protos, d)
	for j, k := 0, 0; j < n; j, k = j+1, k+d {
		if acc := m.reach(p, protos[k:k+d], best); acc < best {
			best, bi = acc, j
		}
	}
	return bi, best
}

func count(flat []float64, d int) int {
	if d == 0 {
		return 0
	}
	return len(flat) / d
}

// Neighbor is one answer of KNearest: an index into the items and its
// distance from the query.
type Neighbor struct {
	Index    int     `json:"index"`
	Distance float64 `json:"distance"`
}

// KNearest gives the k items closest to q, nearest first (ties by index);
// none when q does not have Dims() coordinates.
// It scans the flat array once, keeping the best k in a bounded max-heap,
// and drops a candidate as soon as its partial sum passes the heap's worst.
func (m *Metric) KNearest(q, items []float64, k int) []Neighbor {
	d := m.Dims()
	h := heap{best: make([]Neighbor, 0, max(0, min(k, count(items, d))))}
	if k <= 0 || d == 0 || len(q) != d {
		return h.best
	}
	for i := range count(items, d) {
		bound := math.Inf(1)
		if len(h.best) == k {
			bound = h.best[0].Distance
		}
		if acc := m.reach(q, items[i*d:i*d+d], bound); acc < bound {
			h.offer(Neighbor{Index: i, Distance: acc}, k)
		}
	}
	return h.sorted(m)
}

// heap is a max-heap on (Distance, Index) holding accumulated sums.
type heap struct{ best []Neighbor }

func worse(a, b Neighbor) bool {
	return a.Distance > b.Distance || a.Distance == b.Distance && a.Index > b.Index
}

func (h *heap) offer(n Neighbor, k int) {
	if len(h.best) < k {
		h.best = append(h.best, n)
		h.up(len(h.best) - 1)
		return
	}
	h.best[0] = n
	h.down(0)
}

func (h *heap) up(i int) {
	for i > 0 {
		p := (i - 1) / 2
		if !worse(h.best[i], h.best[p]) {
			return
		}
		h.best[i], h.best[p] = h.best[p], h.best[i]
		i = p
	}
}

func (h *heap) down(i int) {
	for {
		l, big := 2*i+1, i
		if l < len(h.best) && worse(h.best[l], h.best[big]) {
			big = l
		}
		if r := l + 1; r < len(h.best) && worse(h.best[r], h.best[big]) {
			big = r
		}
		if big == i {
			return
		}
		h.best[i], h.best[big] = h.best[big], h.best[i]
		i = big
	}
}

func (h *heap) sorted(m *Metric) []Neighbor {
	out := h.best
	slices.SortFunc(out, func(a, b Neighbor) int {
		if worse(a, b) {
			return 1
		}
		return -1
	})
	for i := range out {
		out[i].Distance = m.finish(out[i].Distance)
	}
	return out
}

// Betweenness is the answer to "is b between a and c".
type Betweenness struct {
	Between bool    `json:"between"`
	AB      float64 `json:"d_ab"`
	BC      float64 `json:"d_bc"`
	AC      float64 `json:"d_ac"`
	Excess  float64 `json:"excess"` // d(a,b)+d(b,c)-d(a,c), >= 0
}

// Between says whether b lies between a and c under the metric:
// d(a,b)+d(b,c) <= d(a,c)+tolerance (tolerance >= 0, in normalised units).
func (m *Metric) Between(a, b, c []float64, tolerance float64) (Betweenness, error) {
	if !finite(tolerance) || tolerance < 0 {
		return Betweenness{}, fmt.Errorf("%w: tolerance %g, want a finite number >= 0", ErrBadQuery, tolerance)
	}
	if len(a) != m.Dims() || len(b) != m.Dims() || len(c) != m.Dims() {
		return Betweenness{}, fmt.Errorf("%w: points need %d coordinates", ErrBadQuery, m.Dims())
	}
	r := Betweenness{AB: m.Distance(a, b), BC: m.Distance(b, c), AC: m.Distance(a, c)}
	r.Excess = max(0, r.AB+r.BC-r.AC)
	r.Between = r.Excess <= tolerance
	return r, nil
}
