package space

import (
	"errors"
	"fmt"
	"math"
	"testing"

	"pgregory.net/rapid"
)

// The cells partition the view: every sample point lies in the cell of
// its nearest prototype and in no other cell.
func TestVoronoiCellsPartitionTheView(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		axes := []Dimension{{Name: "x", Kind: Continuous, Max: 10}, {Name: "y", Kind: Ordinal, Levels: labels(11)}, {Name: "h", Kind: Circular, Period: 10}}
		dims := []Dimension{rapid.SampledFrom(axes).Draw(t, "x axis"), rapid.SampledFrom(axes).Draw(t, "y axis")}
		w := []float64{rapid.Float64Range(0.05, 5).Draw(t, "wx"), rapid.Float64Range(0.05, 5).Draw(t, "wy")}
		m, _ := NewMetric(Euclidean, dims, w)
		var protos []float64
		for i := range rapid.IntRange(1, 40).Draw(t, "n") {
			protos = append(protos, coordinate(t, dims[0], fmt.Sprint("px", i)), coordinate(t, dims[1], fmt.Sprint("py", i)))
		}
		view := Rect{Vec2{0, 0}, Vec2{10, 10}}
		cells, err := m.Voronoi(protos, view)
		if err != nil || len(cells) != len(protos)/2 {
			t.Fatalf("%d cells for %d prototypes, %v", len(cells), len(protos)/2, err)
		}
		for i := range 50 {
			q := Vec2{rapid.Float64Range(0, 10).Draw(t, fmt.Sprint("qx", i)), rapid.Float64Range(0, 10).Draw(t, fmt.Sprint("qy", i))}
			checkOwner(t, m, protos, cells, q)
		}
	})
}

// coordinate draws a prototype coordinate: anywhere near the view on a
// linear axis (prototypes outside the view still own part of it), within
// the period on a circular one.
func coordinate(t *rapid.T, d Dimension, label string) float64 {
	if d.Kind == Circular {
		return rapid.Float64Range(0, d.Period).Draw(t, label)
	}
	return rapid.Float64Range(-2, 12).Draw(t, label)
}

func checkOwner(t *rapid.T, m *Metric, protos []float64, cells []Cell, q Vec2) {
	x := []float64{q.X, q.Y}
	owner := bruteNearest(m, x, protos)
	if secondGap(m, x, protos, owner) < 1e-6 {
		return // on a boundary: either cell may claim it
	}
	// Inside its own cell (up to rounding), and not inside any other by
	// more than rounding.
	for j, c := range cells {
		if j == owner && !c.Contains(q, 1e-9) || j != owner && c.Contains(q, -1e-9) {
			t.Fatalf("point %v: wrongly placed against cell %d, nearest prototype %d (cell %v)", q, j, owner, c)
		}
	}
}

// secondGap is how much closer the owner is than any other prototype.
func secondGap(m *Metric, x, protos []float64, owner int) float64 {
	best := m.Distance(x, protos[2*owner:2*owner+2])
	gap := math.Inf(1)
	for j := 0; 2*j < len(protos); j++ {
		if j != owner {
			gap = math.Min(gap, m.Distance(x, protos[2*j:2*j+2])-best)
		}
	}
	return gap
}

func TestVoronoiTwinsLeaveTheLaterEmpty(t *testing.T) {
	m := Unit(2, Euclidean)
	cells, err := m.Voronoi([]float64{0.25, 0.5, 0.25, 0.5, 0.75, 0.5}, Rect{Vec2{0, 0}, Vec2{1, 1}})
	if err != nil {
		t.Fatal(err)
	}
	if len(cells[1]) != 0 || !cells[0].Contains(Vec2{0.1, 0.9}, 0) || !cells[2].Contains(Vec2{0.9, 0.1}, 0) || len(cells[0]) != 1 {
		t.Fatalf("cells %v", cells)
	}
}

func TestVoronoiRefusals(t *testing.T) {
	view := Rect{Vec2{0, 0}, Vec2{1, 1}}
	if _, err := Unit(3, Euclidean).Voronoi(nil, view); !errors.Is(err, ErrBadQuery) {
		t.Errorf("3D: err = %v", err)
	}
	if _, err := Unit(2, Euclidean).Voronoi(nil, Rect{Vec2{1, 0}, Vec2{0, 1}}); !errors.Is(err, ErrBadQuery) {
		t.Errorf("inverted view: err = %v", err)
	}
	if _, err := Unit(2, Euclidean).Raster(nil, view, 0, 10); !errors.Is(err, ErrBadQuery) {
		t.Errorf("zero-width raster: err = %v", err)
	}
}

// Across a circular seam the prototype at hue 350 owns hue 5: in the
// raster, and in its cell, which comes in two pieces.
func TestCellsAndRasterWrapCircularAxes(t *testing.T) {
	dims := []Dimension{{Name: "hue", Kind: Circular, Period: 360}, {Name: "y", Kind: Continuous, Max: 1}}
	m, _ := NewMetric(Euclidean, dims, []float64{1, 1})
	protos, view := []float64{100, 0.5, 350, 0.5}, Rect{Vec2{0, 0}, Vec2{360, 1}}
	px, err := m.Raster(protos, view, 36, 1)
	if err != nil || px[0] != 1 || px[10] != 0 {
		t.Fatalf("raster %v, %v: hue 5 should be nearest to 350", px, err)
	}
	cells, err := m.Voronoi(protos, view)
	if err != nil || !m.ExactCells() || len(cells[1]) != 2 || !cells[1].Contains(Vec2{5, 0.5}, 0) || cells[0].Contains(Vec2{5, 0.5}, 0) {
		t.Fatalf("cells %v, %v", cells, err)
	}
}

// Where the polygons are an approximation, the metric says so.
func TestExactCellsOnlyForEuclideanWithoutCategories(t *testing.T) {
	cat := []Dimension{{Name: "c", Kind: Categorical, Values: labels(3)}, {Name: "y", Kind: Continuous, Max: 1}}
	m, _ := NewMetric(Euclidean, cat, []float64{1, 1})
	if m.ExactCells() || Unit(2, Manhattan).ExactCells() || Unit(3, Euclidean).ExactCells() || !Unit(2, Euclidean).ExactCells() {
		t.Fatal("ExactCells claims too much or too little")
	}
}

func TestProjectKeepsChosenDimensions(t *testing.T) {
	m := Unit(4, Euclidean)
	p, err := m.Project(3, 1)
	if err != nil || p.Dims() != 2 {
		t.Fatalf("%v %v", p, err)
	}
	pts := ProjectPoints([]float64{0, 1, 2, 3, 4, 5, 6, 7}, 4, []int{3, 1})
	if fmt.Sprint(pts) != "[3 1 7 5]" {
		t.Fatalf("projected %v", pts)
	}
	if _, err := m.Project(4); !errors.Is(err, ErrUnknownDimension) {
		t.Fatalf("err = %v", err)
	}
}

// The raster, with its neighbour-list shortcut, is the brute-force
// nearest-prototype map of its (wrapped) pixel centres, under any 2D
// metric.
func TestRasterIsTheNearestPrototypeMap(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		m, dims := genMetric(t, 2)
		if m.Dims() != 2 {
			return
		}
		protos := genPoints(t, dims, rapid.IntRange(1, 30).Draw(t, "n"), "p")
		lo, hi := genPoint(t, dims, "lo"), genPoint(t, dims, "hi")
		view := Rect{Vec2{min(lo[0], hi[0]), min(lo[1], hi[1])}, Vec2{max(lo[0], hi[0]) + 1, max(lo[1], hi[1]) + 1}}
		w, h := rapid.IntRange(1, 12).Draw(t, "w"), rapid.IntRange(1, 12).Draw(t, "h")
		got, err := m.Raster(protos, view, w, h)
		if err != nil {
			t.Fatal(err)
		}
		pts := m.pixels(view, w, h)
		for i, owner := range got {
			p := pts[2*i : 2*i+2]
			want := bruteNearest(m, p, protos)
			if owner != want && math.Abs(m.Distance(p, protos[2*owner:2*owner+2])-m.Distance(p, protos[2*want:2*want+2])) > 1e-12 {
				t.Fatalf("pixel %d at %v: prototype %d, nearest is %d", i, p, owner, want)
			}
		}
	})
}
