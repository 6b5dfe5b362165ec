package model

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/cimviz/cimviz/domains/concept/space"
)

// uniformState is a 2D space of n concepts and 10n items at random.
func uniformState(b *testing.B, n int) (*State, *Controller) {
	sp, err := space.New("bench", space.Euclidean)
	if err != nil {
		b.Fatal(err)
	}
	for _, d := range []string{"x", "y"} {
		if err := sp.AddDimension(space.Dimension{Name: d, Kind: space.Continuous, Min: 0, Max: 1}, nil); err != nil {
			b.Fatal(err)
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	pt := func() space.Point { return space.Point{"x": space.Num(r.Float64()), "y": space.Num(r.Float64())} }
	for i := range n {
		if err := sp.AddConcept(space.Concept{Name: fmt.Sprint("c", i), Prototype: pt()}); err != nil {
			b.Fatal(err)
		}
	}
	for i := range 10 * n {
		if err := sp.AddItem(space.Item{Name: fmt.Sprint("i", i), Point: pt()}); err != nil {
			b.Fatal(err)
		}
	}
	s := NewState("bench")
	if err := s.SetSpace(sp, 1); err != nil {
		b.Fatal(err)
	}
	c := NewController(s)
	c.Update(frame(0, 0, 0, 0))
	return s, c
}

// BenchmarkDerive is one recompute after a change (a dragged prototype
// or a slider step): the projected view, the Voronoi cells and every
// item's category.
func BenchmarkDerive(b *testing.B) {
	for _, n := range []int{11, 100, 1000} {
		b.Run(fmt.Sprint(n, "protos"), func(b *testing.B) {
			s, _ := uniformState(b, n)
			for b.Loop() {
				s.Touch()
				s.Derived()
			}
		})
	}
}

// BenchmarkDerivePixelMap is a recompute of a view whose cells need the
// per-pixel map (fruit on size x skin, a categorical axis).
func BenchmarkDerivePixelMap(b *testing.B) {
	s, _ := sampleState(b, "fruit", "size", "skin")
	for b.Loop() {
		s.Touch()
		s.Derived()
	}
}

// BenchmarkFrame is one rebuilt frame after a change: recompute plus the
// meshes of cells, points, labels and the sidebar.
func BenchmarkFrame(b *testing.B) {
	for _, n := range []int{100, 1000} {
		b.Run(fmt.Sprint(n, "protos"), func(b *testing.B) {
			s, c := uniformState(b, n)
			f := newFrame(b)
			for b.Loop() {
				s.Touch()
				f.Build(c)
			}
		})
	}
	b.Run("colours3D", func(b *testing.B) {
		s, c := sampleState(b, "colours", "hue", "saturation", "brightness")
		f := newFrame(b)
		for b.Loop() {
			s.Touch()
			f.Build(c)
		}
	})
}
