package concept

import (
	"github.com/nats-io/nats.go"

	"github.com/cimviz/cimviz/domains/concept/space"
	"github.com/cimviz/cimviz/domains/eventstore"
	"github.com/cimviz/cimviz/domains/service"
)

// Domain is the concept domain, ready for service.NewEngine or Start.
var Domain = service.Domain[*space.Space]{
	Name:        Name,
	Version:     "1.0.0",
	Description: "conceptual spaces: quality dimensions, weighted concepts and items; categorize, knn, similarity, betweenness",
	New:         func() *space.Space { return &space.Space{} },
	Decide:      Decide,
	Apply:       Apply,
	Commands: map[string]service.CommandSpec{
		"create_space":     {Creates: true, Description: "make a space: {name, norm?: manhattan|euclidean|chebyshev}"},
		"add_dimension":    {Description: "add a quality dimension: {dimension, default?}"},
		"update_dimension": {Description: "redefine a dimension (existing points must stay valid): {dimension}"},
		"remove_dimension": {Description: "drop a dimension and its coordinates: {name}"},
		"set_weights":      {Description: "set a context's domain saliences: {context, weights}"},
		"add_concept":      {Description: "add a concept: {name, prototype, bounds?}"},
		"move_concept":     {Description: "move a concept's prototype: {name, to}"},
		"remove_concept":   {Description: "remove a concept: {name}"},
		"add_item":         {Description: "add an item: {name, point}"},
		"move_item":        {Description: "move an item: {name, to}"},
		"remove_item":      {Description: "remove an item: {name}"},
	},
	Queries: queries,
}

// Servable is the concept domain for `cimviz serve` (its DomainName is
// "concept").
type Servable struct{}

var _ service.Servable = Servable{}

// DomainName is "concept".
func (Servable) DomainName() string { return Name }

// Start serves the concept domain on nc over store.
func (Servable) Start(nc *nats.Conn, store eventstore.Store, opts ...service.Option) (*service.Service, error) {
	return Domain.Start(nc, store, opts...)
}
