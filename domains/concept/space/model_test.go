package space

import (
	"errors"
	"math"
	"testing"
)

func fruit(t *testing.T) *Space {
	t.Helper()
	s, err := New("fruit", Euclidean)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range []Dimension{
		{Name: "sweet", Kind: Continuous, Min: 0, Max: 10, Domain: "taste"},
		{Name: "hue", Kind: Circular, Period: 360, Domain: "colour"},
		{Name: "size", Kind: Ordinal, Levels: []string{"S", "M", "L"}},
		{Name: "skin", Kind: Categorical, Values: []string{"smooth", "fuzzy"}},
	} {
		if err := s.AddDimension(d, nil); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

func pt(sweet, hue float64, size, skin string) Point {
	return Point{"sweet": Num(sweet), "hue": Num(hue), "size": Label(size), "skin": Label(skin)}
}

func TestEncodeRefusesBadPoints(t *testing.T) {
	s := fruit(t)
	tests := []struct {
		name string
		p    Point
		want error
	}{
		{"unknown dimension", Point{"sweet": Num(1), "hue": Num(0), "size": Label("S"), "skin": Label("smooth"), "mass": Num(1)}, ErrUnknownDimension},
		{"missing coordinate", Point{"sweet": Num(1), "hue": Num(0), "size": Label("S")}, ErrMissingCoordinate},
		{"above the range", pt(11, 0, "S", "smooth"), ErrOutOfRange},
		{"negative hue", pt(1, -1, "S", "smooth"), ErrOutOfRange},
		{"NaN", pt(math.NaN(), 0, "S", "smooth"), ErrNotFinite},
		{"infinite hue", pt(1, math.Inf(1), "S", "smooth"), ErrNotFinite},
		{"level not in the scale", pt(1, 0, "XL", "smooth"), ErrUnknownValue},
		{"value not in the set", pt(1, 0, "S", "hairy"), ErrUnknownValue},
		{"number for a category", Point{"sweet": Num(1), "hue": Num(0), "size": Label("S"), "skin": Num(0)}, ErrWrongType},
		{"label for a number", Point{"sweet": Label("very"), "hue": Num(0), "size": Label("S"), "skin": Label("smooth")}, ErrWrongType},
	}
	for _, tt := range tests {
		if _, err := s.Encode(tt.p); !errors.Is(err, tt.want) {
			t.Errorf("%s: err = %v, want %v", tt.name, err, tt.want)
		}
	}
}

func TestContextWeightsChangeTheCategory(t *testing.T) {
	s := fruit(t)
	must(t, s.AddConcept(Concept{Name: "sweet-red", Prototype: pt(9, 0, "M", "smooth")}))
	must(t, s.AddConcept(Concept{Name: "sour-yellow", Prototype: pt(1, 60, "M", "smooth")}))
	must(t, s.SetWeights("by-colour", map[string]float64{"taste": 0, "colour": 1}))
	must(t, s.SetWeights("by-taste", map[string]float64{"taste": 1, "colour": 0}))
	sourRed := pt(2, 5, "M", "smooth")
	for ctx, want := range map[string]string{"by-colour": "sweet-red", "by-taste": "sour-yellow"} {
		got, err := s.Categorize(sourRed, ctx)
		if err != nil || got.Name != want {
			t.Errorf("%s: %+v, %v; want %s", ctx, got, err, want)
		}
	}
	if _, err := s.Categorize(sourRed, "cooking"); !errors.Is(err, ErrUnknownContext) {
		t.Errorf("unknown context: err = %v", err)
	}
}

// A concept's region is its prototype's cell cut by its bounds: an item
// nearest to the prototype but outside a bound is not a member.
func TestMembersRespectBounds(t *testing.T) {
	s := fruit(t)
	must(t, s.AddConcept(Concept{Name: "red", Prototype: pt(5, 0, "M", "smooth"),
		Bounds: map[string]Bound{"hue": {Min: Num(340), Max: Num(20)}}}))
	must(t, s.AddConcept(Concept{Name: "green", Prototype: pt(5, 120, "M", "smooth")}))
	must(t, s.AddItem(Item{Name: "cherry", Point: pt(6, 355, "S", "smooth")}))
	must(t, s.AddItem(Item{Name: "apricot", Point: pt(6, 40, "S", "fuzzy")}))
	must(t, s.AddItem(Item{Name: "lime", Point: pt(2, 110, "S", "smooth")}))
	got, err := s.Members("red", "")
	if err != nil || len(got) != 1 || got[0].Name != "cherry" {
		t.Fatalf("members of red: %+v, %v", got, err)
	}
	if _, err := s.Members("blue", ""); !errors.Is(err, ErrUnknownConcept) {
		t.Fatalf("unknown concept: err = %v", err)
	}
	near, err := s.Similar(pt(6, 350, "S", "smooth"), 2, "")
	if err != nil || len(near) != 2 || near[0].Name != "cherry" {
		t.Fatalf("similar: %+v, %v", near, err)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// A 2D view of the fruit space: ordinal axes get room around each level,
// every prototype gets a cell and the cells contain their prototypes.
func TestViewOfTwoDimensions(t *testing.T) {
	s := fruit(t)
	must(t, s.AddConcept(Concept{Name: "small-sweet", Prototype: pt(8, 0, "S", "smooth")}))
	must(t, s.AddConcept(Concept{Name: "large-sour", Prototype: pt(2, 0, "L", "smooth")}))
	v, err := s.View("", "sweet", "size")
	if err != nil {
		t.Fatal(err)
	}
	if ext := v.Extent(); ext != (Rect{Vec2{0, -0.5}, Vec2{10, 2.5}}) || !v.Metric.ExactCells() {
		t.Fatalf("extent %v, exact %v", ext, v.Metric.ExactCells())
	}
	cells, err := v.Cells()
	if err != nil || len(cells) != 2 || !cells[0].Contains(Vec2{8, 0}, 0) || !cells[1].Contains(Vec2{2, 2}, 0) {
		t.Fatalf("cells %v, %v", cells, err)
	}
	for _, names := range [][]string{{"sweet"}, {"sweet", "mass"}, {"sweet", "hue", "size", "skin"}} {
		if _, err := s.View("", names...); err == nil {
			t.Errorf("view of %v accepted", names)
		}
	}
}
