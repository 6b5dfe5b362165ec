package location

import (
	"encoding/json"
	"maps"
	"slices"
	"testing"

	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/domains/service"
)

// The command decoder never panics, a refusal is never a 500, and what it
// accepts leaves a valid place.
func FuzzDecide(f *testing.F) {
	for _, c := range Seed() {
		f.Add(c.AggregateID, c.Type, string(c.Payload))
	}
	for _, bad := range []string{``, `{`, `null`, `[]`, `{"point":[1e999,0]}`, `{"point":["a"]}`, `{"region":[[[0,0]]]}`,
		`{"region":[[]]}`, `{"parent":"place-london"}`, `{"parent":"."}`, `{"name":"\u0000"}`} {
		for _, typ := range slices.Sorted(maps.Keys(rules)) {
			f.Add("place-london", typ, bad)
		}
	}
	f.Fuzz(func(t *testing.T, id, typ, payload string) {
		state := london()
		if id != "place-london" {
			state = &Place{}
		}
		drafts, err := sites.Decide(state, message.Command{Type: typ, AggregateID: id, Payload: []byte(payload)})
		if err != nil {
			if service.Code(err) == 500 {
				t.Fatalf("%s %s: %v is a 500", typ, payload, err)
			}
			return
		}
		for _, d := range drafts {
			state = Apply(state, ev(id, d.Type, d.Payload))
		}
		if err := state.check(); err != nil || state.ID != id {
			t.Fatalf("%s %s accepted, place now invalid (%+v): %v", typ, payload, state, err)
		}
	})
}

// The GeoJSON import never panics on any input, and every place it
// returns is valid and exports again.
func FuzzFromGeoJSON(f *testing.F) {
	data, err := json.Marshal(ToGeoJSON(Sites()))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(data))
	for _, s := range []string{``, `null`, `{"type":"FeatureCollection","features":null}`, `{"type":"FeatureCollection","features":[null]}`,
		`{"type":"FeatureCollection","features":[{"type":"Feature","id":"a","geometry":{"type":"GeometryCollection","geometries":[{},{}]}}]}`,
		`{"type":"FeatureCollection","features":[{"type":"Feature","id":"a","geometry":{"type":"Point","coordinates":[1,2,3]},"properties":{"name":"A","kind":"x"}}]}`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		places, err := FromGeoJSON([]byte(in))
		if err != nil {
			return
		}
		for _, p := range places {
			if err := p.check(); err != nil {
				t.Fatalf("imported an invalid place %+v: %v", p, err)
			}
		}
		if _, err := json.Marshal(ToGeoJSON(places)); err != nil {
			t.Fatal(err)
		}
	})
}
