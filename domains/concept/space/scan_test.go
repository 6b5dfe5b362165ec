package space

import (
	"errors"
	"math"
	"slices"
	"testing"

	"pgregory.net/rapid"
)

func errorsIs(err, target error) bool { return errors.Is(err, target) }

// bruteNearest is the definition: the prototype of least distance, lowest
// index on ties.
func bruteNearest(m *Metric, p, protos []float64) int {
	d, best, bi := m.Dims(), math.Inf(1), -1
	for j := 0; j*d < len(protos); j++ {
		if dist := m.Distance(p, protos[j*d:j*d+d]); dist < best {
			best, bi = dist, j
		}
	}
	return bi
}

func TestCategorizeAgreesWithBruteForce(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		m, dims := genMetric(t, 5)
		protos := genPoints(t, dims, rapid.IntRange(1, 12).Draw(t, "protos"), "p")
		points := genPoints(t, dims, rapid.IntRange(1, 20).Draw(t, "points"), "x")
		d := m.Dims()
		for i, got := range m.Categorize(points, protos) {
			p := points[i*d : i*d+d]
			want := bruteNearest(m, p, protos)
			// Equal distances may differ in the last bit between the
			// early-exit scan and the full sum; only a real gap counts.
			if got != want && math.Abs(m.Distance(p, protos[got*d:got*d+d])-m.Distance(p, protos[want*d:want*d+d])) > 1e-12 {
				t.Fatalf("point %v: categorized %d, nearest is %d", p, got, want)
			}
		}
	})
}

func TestKNearestAgreesWithSorting(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		m, dims := genMetric(t, 5)
		items := genPoints(t, dims, rapid.IntRange(0, 30).Draw(t, "items"), "i")
		q := genPoint(t, dims, "q")
		k := rapid.IntRange(1, 35).Draw(t, "k")
		d := m.Dims()
		all := make([]float64, count(items, d))
		for i := range all {
			all[i] = m.Distance(q, items[i*d:i*d+d])
		}
		got := m.KNearest(q, items, k)
		if len(got) != min(k, len(all)) {
			t.Fatalf("%d neighbours of %d items, k = %d", len(got), len(all), k)
		}
		sorted := slices.Clone(all)
		slices.Sort(sorted)
		for i, n := range got {
			if math.Abs(n.Distance-sorted[i]) > 1e-12 || math.Abs(all[n.Index]-n.Distance) > 1e-12 {
				t.Fatalf("neighbour %d: %+v, want distance %g", i, n, sorted[i])
			}
		}
	})
}

func TestBetweenOnASegment(t *testing.T) {
	m := Unit(2, Euclidean)
	a, c := []float64{0, 0}, []float64{1, 1}
	for _, tt := range []struct {
		b    []float64
		want bool
	}{{[]float64{0.5, 0.5}, true}, {[]float64{0.25, 0.25}, true}, {[]float64{1, 0}, false}, {[]float64{0.5, 0.6}, false}} {
		r, err := m.Between(a, tt.b, c, 1e-9)
		if err != nil || r.Between != tt.want {
			t.Errorf("b = %v: %+v, %v; want between = %v", tt.b, r, err, tt.want)
		}
	}
	// Under the city-block norm every point of the box is between corners.
	r, _ := Unit(2, Manhattan).Between(a, []float64{1, 0}, c, 1e-9)
	if !r.Between {
		t.Errorf("manhattan: corner not between: %+v", r)
	}
	if _, err := m.Between(a, a, c, -1); !errors.Is(err, ErrBadQuery) {
		t.Errorf("negative tolerance: err = %v", err)
	}
}

// Points of the wrong length are answered, not a panic.
func TestWrongLengthPoints(t *testing.T) {
	m := Unit(3, Euclidean)
	short, long := []float64{0, 0}, []float64{0, 0, 0, 0}
	if !math.IsNaN(m.Distance(short, long)) || len(m.KNearest(long, []float64{0, 0, 0}, 1)) != 0 {
		t.Fatal("wrong-length points measured")
	}
	if i, _ := m.Nearest(long, []float64{0, 0, 0}); i != -1 {
		t.Fatalf("nearest of a 4D point in 3D: %d", i)
	}
	if _, err := m.Between(short, short, short, 0); !errors.Is(err, ErrBadQuery) {
		t.Fatalf("between: %v", err)
	}
	var v Value
	if err := v.UnmarshalJSON([]byte("null")); !errors.Is(err, ErrWrongType) {
		t.Fatalf("null coordinate: %v", err)
	}
}
