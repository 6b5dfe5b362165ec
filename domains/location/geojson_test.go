package location

import (
	"encoding/json"
	"errors"
	"math"
	"reflect"
	"testing"

	"github.com/paulmach/orb"
	"pgregory.net/rapid"
)

// genPlace draws a valid place, sometimes with a rectangular region.
func genPlace(t *rapid.T) Place {
	pt := func(label string) orb.Point {
		return orb.Point{rapid.Float64Range(-180, 180).Draw(t, label+" lon"), rapid.Float64Range(-90, 90).Draw(t, label+" lat")}
	}
	p := Place{
		ID:      rapid.StringMatching(`place-[a-z0-9]{1,8}`).Draw(t, "id"),
		Name:    rapid.StringMatching(`[A-Z][a-z' ]{0,12}[a-z]`).Draw(t, "name"),
		Kind:    rapid.SampledFrom([]string{Country, City, Office, Warehouse, "room"}).Draw(t, "kind"),
		Address: rapid.SampledFrom([]string{"", "1 Main Street", "Dock 7, Tilbury"}).Draw(t, "address"),
		Point:   pt("point"),
		Parent:  rapid.SampledFrom([]string{"", "place-top"}).Draw(t, "parent"),
	}
	if rapid.Bool().Draw(t, "has region") {
		a, b := pt("corner a"), pt("corner b")
		p.Region = box(math.Min(a[0], b[0]), math.Min(a[1], b[1]), math.Max(a[0], b[0]), math.Max(a[1], b[1]))
	}
	return p
}

// Any valid places survive export to GeoJSON and import unchanged.
func TestGeoJSONRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		places := rapid.SliceOfN(rapid.Custom(genPlace), 0, 5).Draw(t, "places")
		data, err := json.Marshal(ToGeoJSON(places))
		if err != nil {
			t.Fatal(err)
		}
		back, err := FromGeoJSON(data)
		if err != nil || !reflect.DeepEqual(back, places) && len(places) > 0 {
			t.Fatalf("round trip: %v\n%+v\n%+v\n%s", err, back, places, data)
		}
	})
}

// The sites export as RFC 7946 features, and import back as themselves.
func TestSitesAsGeoJSON(t *testing.T) {
	data, err := json.Marshal(ToGeoJSON(Sites()))
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Type     string `json:"type"`
		Features []struct {
			ID       string `json:"id"`
			Geometry struct {
				Type        string    `json:"type"`
				Coordinates []float64 `json:"coordinates"`
			} `json:"geometry"`
		} `json:"features"`
	}
	if err := json.Unmarshal(data, &doc); err != nil || doc.Type != "FeatureCollection" || len(doc.Features) != 4 ||
		doc.Features[0].Geometry.Type != "Point" || doc.Features[0].Geometry.Coordinates[1] != 52.5 || doc.Features[1].Geometry.Type != "GeometryCollection" {
		t.Fatalf("geojson %v: %s", err, data)
	}
	if back, err := FromGeoJSON(data); err != nil || !reflect.DeepEqual(back, Sites()) {
		t.Fatalf("import: %v %+v", err, back)
	}
}

// Input that is not a collection of valid places fails with ErrGeoJSON.
func TestGeoJSONRefusals(t *testing.T) {
	feature := func(id, geometry string) string {
		return `{"type":"FeatureCollection","features":[{"type":"Feature","id":` + id + `,"geometry":` + geometry + `,"properties":{"name":"X","kind":"city"}}]}`
	}
	for name, in := range map[string]string{
		"not JSON":            `{`,
		"a Feature alone":     `{"type":"Feature"}`,
		"numeric id":          feature(`7`, `{"type":"Point","coordinates":[0,0]}`),
		"empty id":            feature(`""`, `{"type":"Point","coordinates":[0,0]}`),
		"no geometry":         feature(`"p"`, `null`),
		"a LineString":        feature(`"p"`, `{"type":"LineString","coordinates":[[0,0],[1,1]]}`),
		"point off the globe": feature(`"p"`, `{"type":"Point","coordinates":[0,91]}`),
		"point of strings":    feature(`"p"`, `{"type":"Point","coordinates":["a","b"]}`),
		"point of one number": feature(`"p"`, `{"type":"Point","coordinates":[5]}`),
		"point of nothing":    feature(`"p"`, `{"type":"Point"}`),
		"short position":      feature(`"p"`, `{"type":"GeometryCollection","geometries":[{"type":"Point","coordinates":[0,0]},{"type":"Polygon","coordinates":[[[0,0],[1],[1,1],[0,0]]]}]}`),
		"empty polygon":       feature(`"p"`, `{"type":"GeometryCollection","geometries":[{"type":"Point","coordinates":[0,0]},{"type":"Polygon","coordinates":[]}]}`),
		"open polygon":        feature(`"p"`, `{"type":"GeometryCollection","geometries":[{"type":"Point","coordinates":[0,0]},{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1]]]}]}`),
	} {
		if _, err := FromGeoJSON([]byte(in)); !errors.Is(err, ErrGeoJSON) {
			t.Errorf("%s: err = %v, want ErrGeoJSON", name, err)
		}
	}
}
