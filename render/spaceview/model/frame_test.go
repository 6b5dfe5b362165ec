package model

import (
	"math"
	"testing"

	"github.com/cimviz/cimviz/domains/concept/space"
	"github.com/cimviz/cimviz/render/canvas"
)

func newFrame(t testing.TB) *Frame {
	g, err := canvas.NewGlyphs()
	if err != nil {
		t.Fatal(err)
	}
	return NewFrame(g)
}

// In the colour space each concept is coloured as what it names: red's
// prototype is mostly red, blue's mostly blue, black dark.
func TestColoursOfTheColourSpace(t *testing.T) {
	s, _ := sampleState(t, "colours")
	col := Colours(s.Space)
	red, blue, black := col[s.Space.Concept("red")], col[s.Space.Concept("blue")], col[s.Space.Concept("black")]
	if red.R < 0.6 || red.G > 0.2 || red.B > 0.2 {
		t.Errorf("red drawn as %+v", red)
	}
	if blue.B < 0.6 || blue.R > 0.4 {
		t.Errorf("blue drawn as %+v", blue)
	}
	if black.R+black.G+black.B > 0.3 {
		t.Errorf("black drawn as %+v", black)
	}
	f, _ := sampleState(t, "fruit")
	if fc := Colours(f.Space); fc[0] == fc[1] {
		t.Errorf("two fruit concepts share colour %+v", fc[0])
	}
}

// Every concept with a cell gets a filled polygon, and a frame of each
// view (2D, 3D, circular and categorical axes) has shapes and text; a 2D
// view whose polygons are not exact (a categorical axis) draws the
// per-pixel map instead; the derived view is reused until something
// changes.
func TestBuildFrames(t *testing.T) {
	f := newFrame(t)
	for _, tc := range []struct {
		id   string
		axes []string
	}{
		{"colours", []string{"hue", "brightness"}},
		{"colours", []string{"hue", "saturation", "brightness"}},
		{"fruit", []string{"size", "skin"}},
		{"fruit", []string{"sweetness", "acidity", "hue"}},
	} {
		s, c := sampleState(t, tc.id, tc.axes...)
		d := s.Derived()
		if d.Err != nil {
			t.Fatalf("%s %v: %v", tc.id, tc.axes, d.Err)
		}
		if len(tc.axes) == 2 && len(d.Cells) != len(s.Space.Concepts) {
			t.Errorf("%s %v: %d cells for %d concepts", tc.id, tc.axes, len(d.Cells), len(s.Space.Concepts))
		}
		f.Build(c)
		for _, l := range []Layer{LayerPlot, LayerPlotText, LayerUI, LayerUIText} {
			if f.Layers[l].Triangles() == 0 {
				t.Errorf("%s %v: layer %d is empty", tc.id, tc.axes, l)
			}
		}
		if want := len(tc.axes) == 2 && !d.Exact; f.Raster.On != want || want && len(f.Raster.Pix) != 4*RasterW*RasterH {
			t.Errorf("%s %v: raster on %v with %d bytes; want it exactly for inexact 2D cells", tc.id, tc.axes, f.Raster.On, len(f.Raster.Pix))
		}
		if s.Derived() != d {
			t.Errorf("%s %v: the view was recomputed with nothing changed", tc.id, tc.axes)
		}
	}
}

// Weights change the cells: with hue weighted up, the hue borders move
// and some point of the plane changes concept.
func TestWeightsMoveBorders(t *testing.T) {
	s, _ := sampleState(t, "colours", "hue", "brightness")
	before := s.Derived().Cells
	s.Weights = map[string]float64{"hue": 4, "intensity": 0.25}
	s.Touch()
	after := s.Derived().Cells
	changed := false
	for i := range before {
		for y := 0.05; y < 1; y += 0.1 {
			for x := 5.0; x < 360; x += 10 {
				q := space.Vec2{X: x, Y: y}
				if before[i].Contains(q, 0) != after[i].Contains(q, 0) {
					changed = true
				}
			}
		}
	}
	if !changed {
		t.Error("weighting hue x16 against intensity moved no border")
	}
}

// The raster is the nearest-prototype map the right way up: the pixel
// under each prototype (away from ties) is painted in its concept's
// colour.
func TestRasterOwnsPrototypes(t *testing.T) {
	s, c := sampleState(t, "fruit", "size", "skin")
	f := newFrame(t)
	f.Build(c)
	d := s.Derived()
	ext := d.View.Extent()
	for i := range s.Space.Concepts {
		px, py := d.View.Prototypes[2*i], d.View.Prototypes[2*i+1]
		x := int((px - ext.Min.X) / (ext.Max.X - ext.Min.X) * RasterW)
		y := int((1 - (py-ext.Min.Y)/(ext.Max.Y-ext.Min.Y)) * RasterH) // top row first
		owner := d.Raster[(RasterH-1-y)*RasterW+x]
		if owner < 0 || d.Space.Concepts[owner].Prototype["size"] != s.Space.Concepts[i].Prototype["size"] ||
			d.Space.Concepts[owner].Prototype["skin"] != s.Space.Concepts[i].Prototype["skin"] {
			t.Errorf("%s's pixel belongs to %d", s.Space.Concepts[i].Name, owner)
		}
		want := d.Colours[owner]
		got := f.Raster.Pix[4*(y*RasterW+x):]
		if a := float32(got[3]) / 255; math.Abs(float64(float32(got[0])/255/a-want.R)) > 0.05 {
			t.Errorf("%s's pixel red %d alpha %d, want the concept's colour %+v", s.Space.Concepts[i].Name, got[0], got[3], want)
		}
	}
}
