package space

import (
	"fmt"
	"math"
	"math/rand/v2"
)

// Norm is the Minkowski exponent of a space's metric.
type Norm string

// The norms.
const (
	Manhattan Norm = "manhattan" // p = 1
	Euclidean Norm = "euclidean" // p = 2
	Chebyshev Norm = "chebyshev" // p = infinity
)

// Validate accepts the three norms (empty is Euclidean).
func (n Norm) Validate() error {
	switch n {
	case "", Manhattan, Euclidean, Chebyshev:
		return nil
	}
	return fmt.Errorf("%w: norm %q; want manhattan, euclidean or chebyshev", ErrBadDimension, n)
}

func (n Norm) orDefault() Norm {
	if n == "" {
		return Euclidean
	}
	return n
}

// Metric is a space's distance compiled for one weight set. Points are
// flat arrays of Dims() encoded coordinates each (see Dimension.Encode).
// A Metric is immutable and safe for concurrent use.
type Metric struct {
	norm   Norm
	kinds  []Kind
	coef   []float64 // normalisation times the weight's p-th root
	period []float64 // circular: the period in scaled units; 0 otherwise
	wrap   []float64 // circular: the scaled period; +Inf otherwise
	limit  []float64 // categorical: the coefficient (any difference); +Inf otherwise
	linear bool      // no circular or categorical dimension
}

// NewMetric compiles dims with one weight per dimension (>= 0, finite).
func NewMetric(norm Norm, dims []Dimension, weights []float64) (*Metric, error) {
	if err := norm.Validate(); err != nil {
		return nil, err
	}
	if len(weights) != len(dims) {
		return nil, fmt.Errorf("%w: %d weights for %d dimensions", ErrBadWeight, len(weights), len(dims))
	}
	m := &Metric{norm: norm.orDefault(), linear: true}
	for i, d := range dims {
		if err := d.Validate(); err != nil {
			return nil, err
		}
		if w := weights[i]; !finite(w) || w < 0 {
			return nil, fmt.Errorf("%w: %q weight %g, want a finite number >= 0", ErrBadWeight, d.Name, w)
		}
		m.add(d, weights[i])
	}
	return m, nil
}

func (m *Metric) add(d Dimension, w float64) {
	if m.norm == Euclidean {
		w = math.Sqrt(w)
	}
	c := d.scale() * w
	m.kinds = append(m.kinds, d.Kind)
	m.coef = append(m.coef, c)
	period, wrap, limit := 0.0, math.Inf(1), math.Inf(1)
	switch d.Kind {
	case Circular:
		period, wrap = d.Period*c, d.Period*c
	case Categorical:
		limit = c
	}
	m.period = append(m.period, period)
	m.wrap = append(m.wrap, wrap)
	m.limit = append(m.limit, limit)
	m.linear = m.linear && d.Kind != Circular && d.Kind != Categorical
}

// Unit is the metric of n continuous dimensions on 0..1 with weight 1
// (plain Euclidean distance), for benchmarks and tests.
func Unit(n int, norm Norm) *Metric {
	dims := make([]Dimension, n)
	weights := make([]float64, n)
	for i := range dims {
		dims[i] = Dimension{Name: fmt.Sprintf("x%d", i), Kind: Continuous, Max: 1}
		weights[i] = 1
	}
	m, _ := NewMetric(norm, dims, weights)
	return m
}

// Uniform is n points of d coordinates drawn uniformly from 0..1 by a
// generator seeded with seed: reproducible data for benchmarks.
func Uniform(n, d int, seed uint64) []float64 {
	r := rand.New(rand.NewPCG(seed, 1))
	out := make([]float64, n*d)
	for i := range out {
		out[i] = r.Float64()
	}
	return out
}

// Dims is the number of coordinates per point.
func (m *Metric) Dims() int { return len(m.coef) }

// Norm is the metric's norm.
func (m *Metric) Norm() Norm { return m.norm }

// delta is dimension i's weighted, normalised difference, without a
// branch: a circular difference is the shorter way round (wrap - t when
// that is less), a categorical one is capped at the coefficient (indexes
// that differ are at least one step apart, so any difference reaches the
// cap); the other kinds have +Inf for both.
func (m *Metric) delta(i int, a, b float64) float64 {
	t := math.Abs(a-b) * m.coef[i]
	return min(t, m.wrap[i]-t, m.limit[i])
}

// Distance between two encoded points; NaN unless both have Dims()
// coordinates.
func (m *Metric) Distance(a, b []float64) float64 {
	if len(a) != m.Dims() || len(b) != m.Dims() {
		return math.NaN()
	}
	return m.finish(m.reach(a, b, math.Inf(1)))
}

// reach accumulates the distance's inner sum (the p-th power for p = 1,
// 2; the max for infinity) and stops early once it passes bound.
func (m *Metric) reach(a, b []float64, bound float64) float64 {
	switch {
	case m.linear && m.norm == Euclidean:
		return m.reachL2Linear(a, b, bound)
	case m.norm == Euclidean:
		return m.reachL2(a, b, bound)
	case m.norm == Manhattan:
		return m.reachL1(a, b, bound)
	}
	return m.reachMax(a, b, bound)
}

func (m *Metric) reachL2Linear(a, b []float64, bound float64) float64 {
	acc := 0.0
	b = b[:len(a)]
	coef := m.coef[:len(a)]
	for i, x := range a {
		t := (x - b[i]) * coef[i]
		acc += t * t
		if acc > bound {
			return acc
		}
	}
	return acc
}

func (m *Metric) reachL2(a, b []float64, bound float64) float64 {
	acc := 0.0
	for i := range a {
		t := m.delta(i, a[i], b[i])
		if acc += t * t; acc > bound {
			return acc
		}
	}
	return acc
}

func (m *Metric) reachL1(a, b []float64, bound float64) float64 {
	acc := 0.0
	for i := range a {
		if acc += m.delta(i, a[i], b[i]); acc > bound {
			return acc
		}
	}
	return acc
}

func (m *Metric) reachMax(a, b []float64, bound float64) float64 {
	acc := 0.0
	for i := range a {
		if acc = max(acc, m.delta(i, a[i], b[i])); acc > bound {
			return acc
		}
	}
	return acc
}

// finish turns an accumulated sum into a distance.
func (m *Metric) finish(acc float64) float64 {
	if m.norm == Euclidean {
		return math.Sqrt(acc)
	}
	return acc
}

// Similarity is 1/(1+d): 1 for the same point, towards 0 far away.
func Similarity(d float64) float64 { return 1 / (1 + d) }

// SimilarityExp is exp(-c*d), Shepard's law; c > 0 is the sensitivity.
func SimilarityExp(d, c float64) float64 { return math.Exp(-c * d) }
