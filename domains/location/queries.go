package location

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/paulmach/orb/geo"
	"github.com/paulmach/orb/planar"

	"github.com/cimviz/cimviz/domains/service"
)

// PlaceAnswer is the get query's answer: the place at a version.
type PlaceAnswer struct {
	*Place
	Version uint64 `json:"version"`
}

// DistanceArgs names the other place of a distance query.
type DistanceArgs struct {
	To string `json:"to"`
}

// DistanceAnswer is a great-circle (haversine) distance.
type DistanceAnswer struct {
	From string  `json:"from"`
	To   string  `json:"to"`
	KM   float64 `json:"km"`
}

// Distance is the haversine distance between two places' points, in km.
func Distance(a, b Place) float64 { return geo.DistanceHaversine(a.Point, b.Point) / 1000 }

// Within lists the places, other than region's, whose points lie inside
// region's polygon (none when it has no region), in the order given.
func Within(region Place, places []Place) []Place {
	out := []Place{}
	if len(region.Region) == 0 {
		return out
	}
	for _, p := range places {
		if p.ID != region.ID && planar.PolygonContains(region.Region, p.Point) {
			out = append(out, p)
		}
	}
	return out
}

// queries are the domain's queries about one place.
func (a atlas) queries() map[string]service.Query[*Place] {
	return map[string]service.Query[*Place]{
		"get":      func(p *Place, v uint64, _ json.RawMessage) (any, error) { return PlaceAnswer{p, v}, nil },
		"distance": a.distance,
		"within": func(p *Place, _ uint64, _ json.RawMessage) (any, error) {
			ctx, cancel := context.WithTimeout(context.Background(), timeout)
			defer cancel()
			all, err := a.all(ctx)
			return Within(*p, all), err
		},
	}
}

func (a atlas) distance(p *Place, _ uint64, args json.RawMessage) (any, error) {
	var d DistanceArgs
	if err := decode(args, &d); err != nil || d.To == "" {
		return nil, fmt.Errorf("%w: distance needs {\"to\": place}: %w", service.ErrInvalid, err)
	}
	other, found, err := a.lookup(d.To)
	switch {
	case err != nil:
		return nil, err
	case !found:
		return nil, fmt.Errorf("%w: place %q", service.ErrNotFound, d.To)
	}
	return DistanceAnswer{From: p.ID, To: other.ID, KM: Distance(*p, other)}, nil
}

// Node is one place in the hierarchy view, with the places inside it.
type Node struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Kind     string `json:"kind"`
	Children []Node `json:"children,omitempty"`
}

// Hierarchy is the containment forest of some places: a place whose
// parent is not among them is a root. Children keep the order given.
func Hierarchy(places []Place) []Node {
	known := map[string]bool{}
	kids := map[string][]Place{}
	for _, p := range places {
		known[p.ID] = true
	}
	var roots []Place
	for _, p := range places {
		if known[p.Parent] && p.Parent != p.ID {
			kids[p.Parent] = append(kids[p.Parent], p)
		} else {
			roots = append(roots, p)
		}
	}
	seen := map[string]bool{}
	var grow func(ps []Place) []Node
	grow = func(ps []Place) []Node {
		var out []Node
		for _, p := range ps {
			if !seen[p.ID] { // a cycle (two racing set_parents) is cut
				seen[p.ID] = true
				out = append(out, Node{ID: p.ID, Name: p.Name, Kind: p.Kind, Children: grow(kids[p.ID])})
			}
		}
		return out
	}
	out := grow(roots)
	for _, p := range places { // what only a cycle held
		out = append(out, grow([]Place{p})...)
	}
	return out
}

// views are the queries about all places.
func (a atlas) views() map[string]service.View {
	read := func(shape func([]Place) (any, error)) service.View {
		return func(ctx context.Context, _ json.RawMessage) (any, error) {
			all, err := a.all(ctx)
			if err != nil {
				return nil, err
			}
			return shape(all)
		}
	}
	return map[string]service.View{
		"places":    read(func(ps []Place) (any, error) { return ps, nil }),
		"hierarchy": read(func(ps []Place) (any, error) { return Hierarchy(ps), nil }),
		"geojson":   read(func(ps []Place) (any, error) { return ToGeoJSON(ps), nil }),
	}
}
