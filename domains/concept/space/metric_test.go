package space

import (
	"math"
	"testing"

	"pgregory.net/rapid"
)

const eps = 1e-9

func TestMetricIsAMetric(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		m, dims := genMetric(t, 6)
		a, b, c := genPoint(t, dims, "a"), genPoint(t, dims, "b"), genPoint(t, dims, "c")
		ab, ba, bc, ac := m.Distance(a, b), m.Distance(b, a), m.Distance(b, c), m.Distance(a, c)
		switch {
		case ab < 0 || math.IsNaN(ab):
			t.Fatalf("d(a,b) = %g", ab)
		case ab != ba:
			t.Fatalf("d(a,b) = %g but d(b,a) = %g", ab, ba)
		case m.Distance(a, a) != 0:
			t.Fatalf("d(a,a) = %g", m.Distance(a, a))
		case ac > ab+bc+eps*(1+ab+bc):
			t.Fatalf("triangle: d(a,c) = %g > d(a,b)+d(b,c) = %g (%s)", ac, ab+bc, m.Norm())
		}
	})
}

// A circular dimension has no seam: 0 and the period are one place, the
// distance of two hues is the shorter arc, and turning both hues by the
// same angle keeps their distance.
func TestCircularWraps(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		period := rapid.Float64Range(0.1, 720).Draw(t, "period")
		d := Dimension{Name: "hue", Kind: Circular, Period: period}
		m, _ := NewMetric(Euclidean, []Dimension{d}, []float64{1})
		h1 := rapid.Float64Range(0, period).Draw(t, "h1")
		h2 := rapid.Float64Range(0, period).Draw(t, "h2")
		turn := rapid.Float64Range(0, period).Draw(t, "turn")
		arc := math.Min(math.Abs(h1-h2), period-math.Abs(h1-h2)) / (period / 2)
		got := m.Distance([]float64{h1}, []float64{h2})
		turned := m.Distance([]float64{math.Mod(h1+turn, period)}, []float64{math.Mod(h2+turn, period)})
		zero, _ := d.Encode(Num(period))
		switch {
		case math.Abs(got-arc) > 1e-9:
			t.Fatalf("d(%g,%g) = %g, shorter arc %g", h1, h2, got, arc)
		case math.Abs(got-turned) > 1e-9:
			t.Fatalf("turning by %g changed %g to %g", turn, got, turned)
		case zero != 0:
			t.Fatalf("the period encodes as %g, want 0", zero)
		case got > 1+1e-12:
			t.Fatalf("normalised arc %g > 1", got)
		}
	})
}

func TestNormalisedDifferences(t *testing.T) {
	dims := []Dimension{
		{Name: "size", Kind: Continuous, Min: 0, Max: 10},
		{Name: "hue", Kind: Circular, Period: 360},
		{Name: "ripeness", Kind: Ordinal, Levels: []string{"green", "ripe", "over", "rotten"}},
		{Name: "shape", Kind: Categorical, Values: []string{"round", "long"}},
	}
	tests := []struct {
		name string
		a, b []float64
		want float64
	}{
		{"a fifth of the size range", []float64{0, 0, 0, 0}, []float64{2, 0, 0, 0}, 0.2},
		{"hues 350 and 10 are 20 degrees apart", []float64{0, 350, 0, 0}, []float64{0, 10, 0, 0}, 20.0 / 180},
		{"opposite hues are 1 apart", []float64{0, 0, 0, 0}, []float64{0, 180, 0, 0}, 1},
		{"one level of three steps", []float64{0, 0, 1, 0}, []float64{0, 0, 2, 0}, 1.0 / 3},
		{"another category is 1", []float64{0, 0, 0, 0}, []float64{0, 0, 0, 1}, 1},
	}
	m, _ := NewMetric(Manhattan, dims, []float64{1, 1, 1, 1})
	for _, tt := range tests {
		if got := m.Distance(tt.a, tt.b); math.Abs(got-tt.want) > 1e-12 {
			t.Errorf("%s: d = %g, want %g", tt.name, got, tt.want)
		}
	}
}

func TestNormsCombineDifferently(t *testing.T) {
	a, b := []float64{0, 0}, []float64{0.3, 0.4}
	for norm, want := range map[Norm]float64{Manhattan: 0.7, Euclidean: 0.5, Chebyshev: 0.4} {
		if got := Unit(2, norm).Distance(a, b); math.Abs(got-want) > 1e-12 {
			t.Errorf("%s: d = %g, want %g", norm, got, want)
		}
	}
}

func TestSimilarityFallsWithDistance(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		d1 := rapid.Float64Range(0, 100).Draw(t, "d1")
		d2 := rapid.Float64Range(d1, 200).Draw(t, "d2")
		c := rapid.Float64Range(0.01, 10).Draw(t, "c")
		if Similarity(0) != 1 || SimilarityExp(0, c) != 1 || Similarity(d2) > Similarity(d1) || SimilarityExp(d2, c) > SimilarityExp(d1, c) {
			t.Fatalf("similarity rises from %g to %g", d1, d2)
		}
	})
}

func TestNewMetricRefusesBadWeights(t *testing.T) {
	dims := []Dimension{{Name: "x", Kind: Continuous, Max: 1}}
	for _, w := range []float64{-1, math.NaN(), math.Inf(1)} {
		if _, err := NewMetric(Euclidean, dims, []float64{w}); !errorsIs(err, ErrBadWeight) {
			t.Errorf("weight %g: err = %v, want ErrBadWeight", w, err)
		}
	}
	if _, err := NewMetric("p3", dims, []float64{1}); err == nil {
		t.Error("norm p3 accepted")
	}
}
