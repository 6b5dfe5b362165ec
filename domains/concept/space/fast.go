package space

import "math"

// The weighted-Euclidean kernels of Categorize, the common case and the
// one the benchmarks hold to account. Prototypes are scaled once by the
// coefficients and each point on the fly, so for linear dimensions
// (continuous, ordinal) the inner loop is a plain squared difference, four
// dimensions at a time; with circular or categorical ones it adds the
// branch-free wrap and cap of Metric.delta. The partial sum is compared with the best so far only every
// 16 dimensions: in 8 dimensions a check after every 4 cost more in
// mispredicted branches than it saved (1M points x 100 prototypes:
// 1.2-1.6 s CPU with the check, 0.85-1.05 s without, on the shared
// development machine). The general kernels (reach*) exit per dimension.

// earlyExit is how many dimensions pass between checks of the bound.
const earlyExit = 16

func (m *Metric) categorizeL2(points, protos []float64, out []int) {
	d := m.Dims()
	sp := m.scaled(protos)
	x := make([]float64, d)
	for i := range out {
		p := points[i*d : i*d+d]
		for k, c := range m.coef {
			x[k] = p[k] * c
		}
		if m.linear {
			out[i] = nearestScaled(x, sp)
		} else {
			out[i] = m.nearestWrapped(x, sp)
		}
	}
}

// nearestWrapped is nearestScaled for circular and categorical
// dimensions too (see Metric.delta), one dimension at a time.
func (m *Metric) nearestWrapped(x, sp []float64) int {
	d := len(x)
	wrap, limit := m.wrap[:d], m.limit[:d]
	best, bi := math.Inf(1), -1
	for j, k := 0, 0; k+d <= len(sp); j, k = j+1, k+d {
		q := sp[k : k+d : k+d]
		acc := 0.0
		for i, a := range x {
			t := math.Abs(a - q[i])
			t = min(t, wrap[i]-t, limit[i])
			acc += t * t
			if (i+1)%earlyExit == 0 && acc >= best {
				break
			}
		}
		if acc < best {
			best, bi = acc, j
		}
	}
	return bi
}

func (m *Metric) scaled(flat []float64) []float64 {
	d := m.Dims()
	out := make([]float64, len(flat)/d*d)
	for i := range out {
		out[i] = flat[i] * m.coef[i%d]
	}
	return out
}

// nearestScaled is the index of the scaled prototype nearest to x (lowest
// on ties). The distance loop is written out here, not called, so that
// it is inlined: the call cost as much as the arithmetic.
func nearestScaled(x, sp []float64) int {
	d := len(x)
	best, bi := math.Inf(1), -1
	for j, k := 0, 0; k+d <= len(sp); j, k = j+1, k+d {
		q := sp[k : k+d : k+d]
		acc, i := 0.0, 0
		for ; i+4 <= d; i += 4 {
			a, b := (*[4]float64)(x[i:i+4]), (*[4]float64)(q[i:i+4])
			t0, t1, t2, t3 := a[0]-b[0], a[1]-b[1], a[2]-b[2], a[3]-b[3]
			acc += (t0*t0 + t1*t1) + (t2*t2 + t3*t3)
			if (i+4)%earlyExit == 0 && acc >= best {
				break
			}
		}
		for ; i < d; i++ {
			t := x[i] - q[i]
			acc += t * t
		}
		if acc < best {
			best, bi = acc, j
		}
	}
	return bi
}
