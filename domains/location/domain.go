package location

import (
	"context"
	"errors"
	"time"

	"github.com/nats-io/nats.go"

	"github.com/cimviz/cimviz/domains/eventstore"
	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/domains/service"
)

// Spec is the location domain on the harness over store, which answers
// the questions about other places (parents, distances, regions).
func Spec(store eventstore.Store) service.Domain[*Place] {
	a := atlas{store}
	return service.Domain[*Place]{
		Name:        DomainName,
		Version:     "1.0.0",
		Description: "places: points, region polygons, containment; distance, within, hierarchy; GeoJSON import/export",
		New:         func() *Place { return &Place{} },
		Decide:      Decider{Lookup: a.lookup}.Decide,
		Apply:       Apply,
		Commands: map[string]service.CommandSpec{
			"register_place": {Creates: true, Description: "register a place: {name, kind, address?, point: [lon, lat], region?, parent?}"},
			"rename_place":   {Description: "rename: {name}"},
			"describe_place": {Description: "set kind and address: {kind, address?}"},
			"move_place":     {Description: "move the point: {point: [lon, lat]}"},
			"set_region":     {Description: "set or clear the region polygon: {region: [[[lon, lat], ...]]}"},
			"set_parent":     {Description: "put inside another place, or none: {parent}"},
		},
		Queries: a.queries(),
		Views:   a.views(),
	}
}

// Servable is the location domain for `cimviz serve` (DomainName
// "location").
type Servable struct{}

var _ service.Servable = Servable{}

// DomainName is "location".
func (Servable) DomainName() string { return DomainName }

// Start serves the location domain on nc over store.
func (Servable) Start(nc *nats.Conn, store eventstore.Store, opts ...service.Option) (*service.Service, error) {
	return Spec(store).Start(nc, store, opts...)
}

// atlas reads places from the store itself: never behind the acks, and
// places are few (a view replays the domain's events; a lookup, one
// place's).
type atlas struct{ store eventstore.Store }

// timeout bounds one read of the store.
const timeout = 5 * time.Second

func (a atlas) lookup(id string) (Place, bool, error) {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	evs, err := a.store.Load(ctx, id, 0)
	if errors.Is(err, eventstore.ErrInvalid) {
		return Place{}, false, nil
	}
	p := &Place{}
	for _, ev := range evs {
		p = Apply(p, ev)
	}
	return *p, err == nil && p.ID != "", err
}

// all is every place, in order of registration.
func (a atlas) all(ctx context.Context) ([]Place, error) {
	byID := map[string]*Place{}
	var order []string
	err := a.store.Read(ctx, 1, "", func(ev message.Event) error {
		p, ok := byID[ev.AggregateID]
		if !ok {
			p = &Place{}
			byID[ev.AggregateID] = p
			order = append(order, ev.AggregateID)
		}
		Apply(p, ev)
		return nil
	})
	out := make([]Place, 0, len(order))
	for _, id := range order {
		if p := byID[id]; p.ID != "" {
			out = append(out, *p)
		}
	}
	return out, err
}
