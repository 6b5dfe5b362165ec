package bench

import (
	"context"
	"fmt"
	"time"

	"github.com/cimviz/cimviz/domains/concept/space"
)

// Conceptual-space figures, on uniform random data in the unit cube with
// the weighted Euclidean metric (the fast path; mixed circular and
// categorical dimensions cost about three times as much).

func measureCategorize(_ context.Context, s Size) (Measurement, error) {
	m := space.Unit(8, space.Euclidean)
	points, protos := space.Uniform(1_000_000, 8, 1), space.Uniform(100, 8, 2)
	var got []int
	took := bestOf(s.Pick(1, 3), func() { got = m.Categorize(points, protos) })
	if len(got) != 1_000_000 {
		return Measurement{}, fmt.Errorf("categorized %d points, want 1M", len(got))
	}
	return Measurement{Value: ms(took), Note: "1M points, 100 prototypes, 8 dimensions, one core"}, nil
}

func measureKNN(_ context.Context, s Size) (Measurement, error) {
	m := space.Unit(8, space.Euclidean)
	items, queries := space.Uniform(100_000, 8, 3), space.Uniform(50, 8, 4)
	n := s.Pick(10, 50)
	start := time.Now()
	for i := range n {
		if got := m.KNearest(queries[i*8:(i+1)*8], items, 10); len(got) != 10 {
			return Measurement{}, fmt.Errorf("query %d found %d neighbours, want 10", i, len(got))
		}
	}
	return Measurement{Value: ms(time.Since(start)) / float64(n), Note: fmt.Sprintf("k=10 among 100k items in 8 dimensions, mean of %d queries", n)}, nil
}

func measureVoronoi(_ context.Context, s Size) (Measurement, error) {
	m := space.Unit(2, space.Euclidean)
	protos := space.Uniform(1000, 2, 5)
	var cells []space.Cell
	var err error
	took := bestOf(s.Pick(3, 10), func() { cells, err = m.Voronoi(protos, space.Rect{Max: space.Vec2{X: 1, Y: 1}}) })
	if err != nil {
		return Measurement{}, err
	}
	return Measurement{Value: ms(took), Note: fmt.Sprintf("%d cells of 1k prototypes clipped to the view", len(cells))}, nil
}
