package space

import (
	"fmt"

	"pgregory.net/rapid"
)

// genDimension draws a dimension of any kind.
func genDimension(t *rapid.T, i int) Dimension {
	name := fmt.Sprintf("d%d", i)
	switch rapid.SampledFrom([]Kind{Continuous, Circular, Ordinal, Categorical}).Draw(t, name+"kind") {
	case Continuous:
		lo := rapid.Float64Range(-100, 100).Draw(t, name+"min")
		return Dimension{Name: name, Kind: Continuous, Min: lo, Max: lo + rapid.Float64Range(0.01, 100).Draw(t, name+"span")}
	case Circular:
		return Dimension{Name: name, Kind: Circular, Period: rapid.Float64Range(0.1, 400).Draw(t, name+"period")}
	case Ordinal:
		return Dimension{Name: name, Kind: Ordinal, Levels: labels(rapid.IntRange(1, 6).Draw(t, name+"levels"))}
	}
	return Dimension{Name: name, Kind: Categorical, Values: labels(rapid.IntRange(1, 5).Draw(t, name+"values"))}
}

func labels(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("l%d", i)
	}
	return out
}

// genMetric draws a space's metric with random kinds and weights.
func genMetric(t *rapid.T, maxDims int) (*Metric, []Dimension) {
	n := rapid.IntRange(1, maxDims).Draw(t, "dims")
	dims := make([]Dimension, n)
	weights := make([]float64, n)
	for i := range dims {
		dims[i] = genDimension(t, i)
		weights[i] = rapid.Float64Range(0, 5).Draw(t, fmt.Sprintf("w%d", i))
	}
	norm := rapid.SampledFrom([]Norm{Manhattan, Euclidean, Chebyshev}).Draw(t, "norm")
	m, err := NewMetric(norm, dims, weights)
	if err != nil {
		t.Fatal(err)
	}
	return m, dims
}

// genPoint draws an encoded point valid in dims.
func genPoint(t *rapid.T, dims []Dimension, label string) []float64 {
	x := make([]float64, len(dims))
	for i, d := range dims {
		name := fmt.Sprintf("%s%d", label, i)
		switch d.Kind {
		case Continuous:
			x[i] = rapid.Float64Range(d.Min, d.Max).Draw(t, name)
		case Circular:
			x[i] = rapid.Float64Range(0, d.Period).Draw(t, name)
		case Ordinal:
			x[i] = float64(rapid.IntRange(0, len(d.Levels)-1).Draw(t, name))
		default:
			x[i] = float64(rapid.IntRange(0, len(d.Values)-1).Draw(t, name))
		}
	}
	return x
}

// genPoints draws n points, flat.
func genPoints(t *rapid.T, dims []Dimension, n int, label string) []float64 {
	var out []float64
	for i := range n {
		out = append(out, genPoint(t, dims, fmt.Sprintf("%s%d_", label, i))...)
	}
	return out
}
