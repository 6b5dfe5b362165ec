package location

import (
	"math"
	"testing"
)

func site(id string) Place {
	for _, p := range Sites() {
		if p.ID == id {
			return p
		}
	}
	return Place{}
}

// Known great-circle distances, within 0.5%.
func TestDistance(t *testing.T) {
	for _, tt := range []struct {
		a, b Place
		km   float64
	}{
		{Place{Point: [2]float64{-0.1276, 51.5072}}, Place{Point: [2]float64{2.3522, 48.8566}}, 343.5}, // London-Paris
		{Place{Point: [2]float64{0, 0}}, Place{Point: [2]float64{180, 0}}, math.Pi * 6378.137},         // half the equator (orb's radius)
		{site("place-office"), site("place-office"), 0},
	} {
		if got := Distance(tt.a, tt.b); math.Abs(got-tt.km) > 0.005*tt.km {
			t.Errorf("%v-%v: %.1f km, want %.1f", tt.a.Point, tt.b.Point, got, tt.km)
		}
	}
}

// London's area holds the office, not the warehouse down the river, nor
// London itself; a place without a region holds nothing.
func TestWithin(t *testing.T) {
	got := Within(site("place-london"), Sites())
	if len(got) != 1 || got[0].ID != "place-office" {
		t.Fatalf("within London: %+v", got)
	}
	if got := Within(site("place-warehouse"), Sites()); len(got) != 0 {
		t.Fatalf("within the warehouse: %+v", got)
	}
}

// The sites nest country > city > office, and the warehouse under the
// country; a cycle is cut, not walked for ever, and loses no place.
func TestHierarchy(t *testing.T) {
	h := Hierarchy(Sites())
	if len(h) != 1 || h[0].ID != "place-uk" || len(h[0].Children) != 2 || h[0].Children[0].Children[0].ID != "place-office" || h[0].Children[1].ID != "place-warehouse" {
		t.Fatalf("hierarchy: %+v", h)
	}
	cycle := Hierarchy([]Place{{ID: "a", Parent: "b"}, {ID: "b", Parent: "a"}})
	if len(cycle) != 1 || cycle[0].ID != "a" || cycle[0].Children[0].ID != "b" {
		t.Fatalf("cycle: %+v", cycle)
	}
}
