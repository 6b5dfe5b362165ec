package location

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/paulmach/orb"
)

// The GeoJSON (RFC 7946) mapping of places: a FeatureCollection with one
// Feature per place, its "id" the place ID, its geometry the place's Point
// or, with a region, a GeometryCollection of the Point and the Polygon,
// and its properties name, kind, address and parent.
//
// The codec is this file's, on orb's geometry types: orb/geojson imports
// go.mongodb.org/mongo-driver/v2/bson, which the module does not have.

// ErrGeoJSON marks GeoJSON input that is not a collection of valid
// places.
var ErrGeoJSON = errors.New("bad GeoJSON")

// maxFeatures bounds one import.
const maxFeatures = 10000

// Properties are a place's GeoJSON feature properties.
type Properties struct {
	Name    string `json:"name"`
	Kind    string `json:"kind"`
	Address string `json:"address,omitempty"`
	Parent  string `json:"parent,omitempty"`
}

// Collection is a GeoJSON FeatureCollection of places.
type Collection struct {
	Type     string    `json:"type"`
	Features []Feature `json:"features"`
}

// Feature is one place as a GeoJSON Feature.
type Feature struct {
	Type       string     `json:"type"`
	ID         any        `json:"id"`
	Geometry   *Geometry  `json:"geometry"`
	Properties Properties `json:"properties"`
}

// Geometry is a GeoJSON geometry: a Point, a Polygon or a
// GeometryCollection of them.
type Geometry struct {
	Type        string          `json:"type"`
	Coordinates json.RawMessage `json:"coordinates,omitempty"`
	Geometries  []Geometry      `json:"geometries,omitempty"`
}

// ToGeoJSON is the feature collection of places, in order.
func ToGeoJSON(places []Place) Collection {
	fc := Collection{Type: "FeatureCollection", Features: []Feature{}}
	for _, p := range places {
		g := shape("Point", p.Point)
		if len(p.Region) > 0 {
			g = Geometry{Type: "GeometryCollection", Geometries: []Geometry{g, shape("Polygon", p.Region)}}
		}
		fc.Features = append(fc.Features, Feature{Type: "Feature", ID: p.ID, Geometry: &g,
			Properties: Properties{Name: p.Name, Kind: p.Kind, Address: p.Address, Parent: p.Parent}})
	}
	return fc
}

func shape(typ string, coords orb.Geometry) Geometry {
	raw, _ := json.Marshal(coords) // arrays of finite numbers: cannot fail
	return Geometry{Type: typ, Coordinates: raw}
}

// FromGeoJSON reads a FeatureCollection into places, each checked by the
// same rules as register_place. A feature that is not a valid place
// fails the whole import with ErrGeoJSON.
func FromGeoJSON(data []byte) ([]Place, error) {
	var fc Collection
	if err := json.Unmarshal(data, &fc); err != nil || fc.Type != "FeatureCollection" {
		return nil, fmt.Errorf("%w: want a FeatureCollection: %v", ErrGeoJSON, err)
	}
	if len(fc.Features) > maxFeatures {
		return nil, fmt.Errorf("%w: %d features, at most %d", ErrGeoJSON, len(fc.Features), maxFeatures)
	}
	out := make([]Place, 0, len(fc.Features))
	for i, f := range fc.Features {
		p, err := fromFeature(f)
		if err != nil {
			return nil, fmt.Errorf("%w: feature %d: %w", ErrGeoJSON, i, err)
		}
		out = append(out, p)
	}
	return out, nil
}

func fromFeature(f Feature) (Place, error) {
	id, ok := f.ID.(string)
	if !ok || f.Type != "Feature" || f.Geometry == nil {
		return Place{}, fmt.Errorf("a Feature needs a string id and a geometry (id %v)", f.ID)
	}
	if err := checkParent("", id); err != nil || id == "" {
		return Place{}, fmt.Errorf("id: %w", err)
	}
	p := Place{ID: id, Name: f.Properties.Name, Kind: f.Properties.Kind, Address: f.Properties.Address, Parent: f.Properties.Parent}
	if err := p.geometry(*f.Geometry); err != nil {
		return Place{}, err
	}
	return p, p.check()
}

// geometry sets a place's point and region from a feature's geometry.
func (p *Place) geometry(g Geometry) error {
	switch {
	case g.Type == "Point":
		return point(g, &p.Point)
	case g.Type == "GeometryCollection" && len(g.Geometries) == 2 && g.Geometries[0].Type == "Point" && g.Geometries[1].Type == "Polygon":
		if err := point(g.Geometries[0], &p.Point); err != nil {
			return err
		}
		return polygon(g.Geometries[1], &p.Region)
	}
	return fmt.Errorf("geometry %q, want a Point or a GeometryCollection of a Point and a Polygon", g.Type)
}

// point reads a Point's position: longitude, latitude and, ignored, an
// altitude.
func point(g Geometry, into *orb.Point) error {
	var pos []float64
	if err := json.Unmarshal(g.Coordinates, &pos); err != nil || len(pos) < 2 || len(pos) > 3 {
		return fmt.Errorf("%w: a Point needs a position [lon, lat] (%v)", ErrBadPoint, err)
	}
	*into = orb.Point{pos[0], pos[1]}
	return nil
}

// polygon reads a Polygon's rings of positions.
func polygon(g Geometry, into *orb.Polygon) error {
	var rings [][][]float64
	if err := json.Unmarshal(g.Coordinates, &rings); err != nil || len(rings) == 0 {
		return fmt.Errorf("%w: a Polygon needs rings of positions (%v)", ErrBadRegion, err)
	}
	poly := make(orb.Polygon, len(rings))
	for i, r := range rings {
		for _, pos := range r {
			if len(pos) < 2 || len(pos) > 3 {
				return fmt.Errorf("%w: ring %d: a position is [lon, lat]", ErrBadRegion, i)
			}
			poly[i] = append(poly[i], orb.Point{pos[0], pos[1]})
		}
	}
	*into = poly
	return nil
}
