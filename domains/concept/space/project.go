package space

import "fmt"

// Project keeps the chosen dimensions (by index, in the order given) with
// their kinds and weights: the metric of a 2D or 3D view.
func (m *Metric) Project(dims ...int) (*Metric, error) {
	p := &Metric{norm: m.norm, linear: true}
	for _, i := range dims {
		if i < 0 || i >= m.Dims() {
			return nil, fmt.Errorf("%w: dimension index %d of %d", ErrUnknownDimension, i, m.Dims())
		}
		p.kinds = append(p.kinds, m.kinds[i])
		p.coef = append(p.coef, m.coef[i])
		p.period = append(p.period, m.period[i])
		p.wrap = append(p.wrap, m.wrap[i])
		p.limit = append(p.limit, m.limit[i])
		p.linear = p.linear && m.kinds[i] != Circular && m.kinds[i] != Categorical
	}
	return p, nil
}

// ProjectPoints picks the chosen dimensions out of flat points of n
// coordinates each. Indexes must be valid (see Metric.Project).
func ProjectPoints(points []float64, n int, dims []int) []float64 {
	k := count(points, n)
	out := make([]float64, 0, k*len(dims))
	for i := range k {
		for _, d := range dims {
			out = append(out, points[i*n+d])
		}
	}
	return out
}
