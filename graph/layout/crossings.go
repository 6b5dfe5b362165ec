package layout

import (
	"cmp"
	"slices"
)

// Route is an edge of a layered drawing as it passes the layers: X[i] is
// its coordinate along layer Layer+i (the x of a top-down drawing).
type Route struct {
	Layer int
	X     []float64
}

// CountCrossings counts the pairs of route segments between the same two
// neighbouring layers that cross strictly: segments that share an end
// (equal coordinate on a layer) do not cross. Counted this way for our
// drawing and for dot's ([ParsePlain]), the numbers compare.
func CountCrossings(routes []Route) int {
	type seg struct{ a, b float64 }
	byLayer := map[int][]seg{}
	for _, r := range routes {
		for i := 0; i+1 < len(r.X); i++ {
			byLayer[r.Layer+i] = append(byLayer[r.Layer+i], seg{r.X[i], r.X[i+1]})
		}
	}
	total := 0
	for _, segs := range byLayer {
		slices.SortFunc(segs, func(p, q seg) int { return cmp.Or(cmp.Compare(p.a, q.a), cmp.Compare(p.b, q.b)) })
		lows := make([]float64, len(segs))
		for i, s := range segs {
			lows[i] = s.b
		}
		total += inversions(lows, make([]float64, len(lows)))
	}
	return total
}

// CrossingsRatio is ours/dot's, the figure cimviz bench reports as
// layered_crossings_ratio_vs_dot: below 1 is better than dot. When dot has
// no crossings it is 1 if we have none either, else our count.
func CrossingsRatio(ours, dot int) float64 {
	if dot == 0 {
		return max(1, float64(ours))
	}
	return float64(ours) / float64(dot)
}

// inversions counts pairs i<j with a[i] > a[j] strictly, by merge sort.
func inversions(a, buf []float64) int {
	if len(a) < 2 {
		return 0
	}
	m := len(a) / 2
	n := inversions(a[:m], buf[:m]) + inversions(a[m:], buf[m:])
	i, j, k := 0, m, 0
	for i < m && j < len(a) {
		if a[i] > a[j] {
			n += m - i
			buf[k], j = a[j], j+1
		} else {
			buf[k], i = a[i], i+1
		}
		k++
	}
	k += copy(buf[k:], a[i:m])
	copy(buf[k:], a[j:])
	copy(a, buf)
	return n
}
