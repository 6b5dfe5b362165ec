package location

import (
	"encoding/json"

	"github.com/paulmach/orb"

	"github.com/cimviz/cimviz/domains/message"
)

// box is a closed rectangular ring from its south-west to its north-east
// corner.
func box(west, south, east, north float64) orb.Polygon {
	return orb.Polygon{{{west, south}, {east, south}, {east, north}, {west, north}, {west, south}}}
}

// Sites are a few places of a small company: a country, a city with its
// area, an office with its footprint inside the city, and a warehouse
// down the river, outside it.
func Sites() []Place {
	return []Place{
		{ID: "place-uk", Name: "United Kingdom", Kind: Country, Point: orb.Point{-1.5, 52.5}},
		{ID: "place-london", Name: "London", Kind: City, Point: orb.Point{-0.1276, 51.5072}, Region: box(-0.51, 51.28, 0.33, 51.69), Parent: "place-uk"},
		{ID: "place-office", Name: "King's Cross office", Kind: Office, Address: "1 Pancras Square, London N1C 4AG", Point: orb.Point{-0.1246, 51.5347},
			Region: box(-0.1256, 51.5340, -0.1236, 51.5354), Parent: "place-london"},
		{ID: "place-warehouse", Name: "Tilbury warehouse", Kind: Warehouse, Address: "Tilbury Docks, Essex RM18 7EH", Point: orb.Point{0.3549, 51.4571}, Parent: "place-uk"},
	}
}

// Seed is the commands that register [Sites] through the service.
func Seed() []message.Command { return Commands(Sites()) }

// Commands register places, one register_place each, in order (so a
// parent must come before the places inside it). Each is a root command.
func Commands(places []Place) []message.Command {
	out := make([]message.Command, 0, len(places))
	for _, p := range places {
		raw, _ := json.Marshal(Register{Name: p.Name, Kind: p.Kind, Address: p.Address, Point: p.Point, Region: p.Region, Parent: p.Parent}) // cannot fail
		out = append(out, message.NewCommand(DomainName, "register_place", p.ID, raw))
	}
	return out
}
