package space_test

import (
	"fmt"

	"github.com/cimviz/cimviz/domains/concept/space"
)

// A small colour space: hue wraps, so 350 is nearer red (0) than
// magenta (300) is.
func Example() {
	s, _ := space.New("colours", space.Euclidean)
	_ = s.AddDimension(space.Dimension{Name: "hue", Kind: space.Circular, Period: 360}, nil)
	_ = s.AddDimension(space.Dimension{Name: "brightness", Kind: space.Continuous, Min: 0, Max: 1}, nil)
	_ = s.AddConcept(space.Concept{Name: "red", Prototype: space.Point{"hue": space.Num(0), "brightness": space.Num(0.8)}})
	_ = s.AddConcept(space.Concept{Name: "magenta", Prototype: space.Point{"hue": space.Num(300), "brightness": space.Num(0.8)}})

	m, _ := s.Categorize(space.Point{"hue": space.Num(350), "brightness": space.Num(0.7)}, "")
	fmt.Printf("%s at %.3f\n", m.Name, m.Distance)

	_, err := s.Encode(space.Point{"hue": space.Num(400), "brightness": space.Num(0.5)})
	fmt.Println(err)

	v, _ := s.View("", "hue", "brightness")
	cells, _ := v.Cells()
	fmt.Println(len(cells), "cells, exact polygons:", v.Metric.ExactCells())
	// Output:
	// red at 0.114
	// coordinate out of range: "hue" = 400, want 0..360
	// 2 cells, exact polygons: true
}
