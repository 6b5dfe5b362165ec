package space

import "fmt"

// View is what a 2D or 3D view of a space draws: the chosen dimensions,
// the metric projected on them (with the context's weights), and the
// prototypes and items in those dimensions, flat in Concepts and Items
// order. Its cells are those of the projected prototypes, which is what
// the view shows; a point's category in the whole space can differ
// (Space.Categorize answers that).
type View struct {
	Dims       []Dimension
	Metric     *Metric
	Prototypes []float64
	Points     []float64
}

// View projects the space on two or three named dimensions.
func (s *Space) View(context string, names ...string) (View, error) {
	if len(names) < 2 || len(names) > 3 {
		return View{}, fmt.Errorf("%w: a view shows 2 or 3 dimensions, not %d", ErrBadQuery, len(names))
	}
	idx := make([]int, len(names))
	v := View{}
	for i, name := range names {
		if idx[i] = s.Dimension(name); idx[i] < 0 {
			return View{}, fmt.Errorf("%w: %q", ErrUnknownDimension, name)
		}
		v.Dims = append(v.Dims, s.Dimensions[idx[i]])
	}
	m, err := s.Metric(context)
	if err != nil {
		return View{}, err
	}
	if v.Metric, err = m.Project(idx...); err != nil {
		return View{}, err
	}
	n := len(s.Dimensions)
	v.Prototypes = ProjectPoints(s.Prototypes(), n, idx)
	v.Points = ProjectPoints(s.Points(), n, idx)
	return v, nil
}

// Extent is the rectangle of a 2D view's first two dimensions: their
// ranges (circular 0..Period; ordinal and categorical indexes widened by
// half a step, so every level has room).
func (v View) Extent() Rect {
	lo0, hi0 := extent(v.Dims[0])
	lo1, hi1 := extent(v.Dims[1])
	return Rect{Vec2{lo0, lo1}, Vec2{hi0, hi1}}
}

func extent(d Dimension) (float64, float64) {
	switch d.Kind {
	case Continuous:
		return d.Min, d.Max
	case Circular:
		return 0, d.Period
	case Ordinal:
		return -0.5, float64(len(d.Levels)) - 0.5
	}
	return -0.5, float64(len(d.Values)) - 0.5
}

// Cells are the Voronoi cells of a 2D view's prototypes over its extent
// (see Metric.Voronoi and Metric.ExactCells).
func (v View) Cells() ([]Cell, error) {
	return v.Metric.Voronoi(v.Prototypes, v.Extent())
}
