package model

import (
	"maps"
	"math"

	"github.com/cimviz/cimviz/domains/concept/space"
	"github.com/cimviz/cimviz/render/canvas"
)

// Derived is what a state's revision draws: the space with the pending
// edits applied, its view on the axes, the cells (2D), each item's
// category in the whole space and each concept's colour.
type Derived struct {
	Space    *space.Space
	View     space.View
	Cells    []space.Cell
	Exact    bool
	Raster   []int // 2D views whose cells are not exact: the owner of each of RasterW x RasterH pixels, bottom row first
	Category []int // per item: the index of its concept, -1 without concepts
	Colours  []canvas.Color
	Err      error // a pending edit the model refuses (shown, not applied)
	rev      uint64
}

// Derived recomputes the view when the state changed since the last call
// and returns the cached one otherwise; nil before the space arrived.
func (s *State) Derived() *Derived {
	if s.Space == nil {
		return nil
	}
	if s.derived != nil && s.derived.rev == s.rev {
		return s.derived
	}
	d := &Derived{rev: s.rev}
	d.Space, d.Err = s.effective()
	d.fill(s.Context, s.Axes)
	s.derived = d
	return d
}

func (d *Derived) fill(context string, axes []string) {
	v, err := d.Space.View(context, axes...)
	if err != nil {
		d.Err = err
		return
	}
	d.View = v
	if len(axes) == 2 {
		d.Cells, err = v.Cells()
		d.Exact = v.Metric.ExactCells()
		d.Err = firstErr(d.Err, err)
	}
	if len(axes) == 2 && !d.Exact {
		d.Raster, err = v.Metric.Raster(v.Prototypes, v.Extent(), RasterW, RasterH)
		d.Err = firstErr(d.Err, err)
	}
	d.Category = categories(d.Space, context)
	d.Colours = Colours(d.Space)
}

func firstErr(a, b error) error {
	if a != nil {
		return a
	}
	return b
}

// categories is every item's nearest prototype under the context's
// weights in all dimensions.
func categories(sp *space.Space, context string) []int {
	m, err := sp.Metric(context)
	if err != nil || len(sp.Concepts) == 0 {
		out := make([]int, len(sp.Items))
		for i := range out {
			out[i] = -1
		}
		return out
	}
	return m.Categorize(sp.Points(), sp.Prototypes())
}

// effective is the space with the slider weights and the dragged point
// applied, through the model's own checks (a refusal leaves it out).
func (s *State) effective() (*space.Space, error) {
	sp := s.Space
	if s.Weights != nil {
		c := sp.Clone()
		if err := c.SetWeights(s.Context, s.ContextWeights()); err != nil {
			return sp, err
		}
		sp = c
	}
	p := s.Pending
	if p == nil {
		return sp, nil
	}
	c := sp.Clone()
	to := s.PendingPoint()
	var err error
	if p.Kind == Prototype {
		err = c.MoveConcept(p.Name, to)
	} else {
		err = c.MoveItem(p.Name, to)
	}
	if err != nil {
		return sp, err
	}
	return c, nil
}

// PendingPoint is the dragged point's whole new point: its old
// coordinates with the view's axes replaced.
func (s *State) PendingPoint() space.Point {
	p := s.Pending
	var old space.Point
	if p.Kind == Prototype && p.Index < len(s.Space.Concepts) {
		old = s.Space.Concepts[p.Index].Prototype
	} else if p.Kind == ItemPoint && p.Index < len(s.Space.Items) {
		old = s.Space.Items[p.Index].Point
	}
	out := maps.Clone(old)
	if out == nil {
		out = space.Point{}
	}
	for i, name := range s.Axes {
		if d := s.Space.Dimension(name); d >= 0 && i < len(p.To) {
			out[name] = Decode(s.Space.Dimensions[d], p.To[i])
		}
	}
	return out
}

// Decode turns an axis coordinate back into a dimension's value: a
// number kept in range (wrapped on a circular axis, rounded to about a
// thousandth of the range), or the nearest level or category.
func Decode(d space.Dimension, x float64) space.Value {
	switch d.Kind {
	case space.Circular:
		return space.Num(round(math.Mod(math.Mod(x, d.Period)+d.Period, d.Period), d.Period))
	case space.Ordinal:
		return space.Label(d.Levels[index(x, len(d.Levels))])
	case space.Categorical:
		return space.Label(d.Values[index(x, len(d.Values))])
	}
	return space.Num(round(math.Max(d.Min, math.Min(d.Max, x)), d.Max-d.Min))
}

func index(x float64, n int) int {
	return max(0, min(n-1, int(math.Round(x))))
}

// round keeps x to the power of ten at or below a thousandth of span,
// so a dragged value reads well in the log.
func round(x, span float64) float64 {
	step := math.Pow(10, math.Floor(math.Log10(span))-3)
	return math.Round(x/step) * step
}
