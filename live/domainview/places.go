package domainview

import (
	"github.com/cimviz/cimviz/graph"
	"github.com/cimviz/cimviz/graph/layout"
)

// PlacesID is the graph ID of the place hierarchy.
const PlacesID = "view-places"

// Places is the location domain's containment hierarchy: a node per
// place (its kind and coordinates as properties), an edge from each place
// to the places inside it. Renaming a node renames the place
// (rename_place).
var Places = View{
	ID: PlacesID, Name: "Places (live)", Asks: []Ask{{Domain: "location", Query: "places"}},
	Build: func(answers [][]byte) (*graph.Graph, error) { return buildPlaces(answers[0]) },
	Rename: func(node, label string) (Command, bool) {
		return Command{Domain: "location", Type: "rename_place", Aggregate: node, Payload: map[string]string{"name": label}}, true
	},
	Direction: layout.TopDown,
}

type placesAnswer []struct {
	ID      string     `json:"id"`
	Name    string     `json:"name"`
	Kind    string     `json:"kind"`
	Address string     `json:"address"`
	Point   [2]float64 `json:"point"`
	Parent  string     `json:"parent"`
}

func buildPlaces(answer []byte) (*graph.Graph, error) {
	places, err := decodeAnswer[placesAnswer](answer)
	if err != nil {
		return nil, err
	}
	b := newBuilder()
	for _, p := range places {
		props := map[string]string{"place": p.ID, "kind": p.Kind, "lon": ftoa(p.Point[0]), "lat": ftoa(p.Point[1])}
		if p.Address != "" {
			props["address"] = p.Address
		}
		b.node(p.ID, KindPlace, p.Name, props)
	}
	for _, p := range places {
		b.edge(p.Parent, p.ID, "contains", "")
	}
	return b.g, nil
}
