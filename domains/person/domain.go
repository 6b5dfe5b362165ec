package person

import (
	"context"
	"time"

	"github.com/nats-io/nats.go"

	"github.com/cimviz/cimviz/domains/eventstore"
	"github.com/cimviz/cimviz/domains/service"
)

// Spec is the person domain on the harness: known answers whether a
// relationship's target exists, dir (nil: no views) is the read model
// behind the people and relationships views.
func Spec(known Known, dir *Directory) service.Domain[*Person] {
	d := service.Domain[*Person]{
		Name:        DomainName,
		Version:     "1.0.0",
		Description: "people: names, contact points, typed relationships between people, skills; vCard import/export",
		New:         func() *Person { return &Person{} },
		Decide:      Decider{Known: known}.Decide,
		Apply:       Apply,
		Commands: map[string]service.CommandSpec{
			"register_person": {Creates: true, Description: "register a person: {name: {given?, family?, display?}}"},
			"rename_person":   {Description: "rename: {name: {given?, family?, display?}}"},
			"add_contact":     {Description: "add a contact point: {kind: email|phone|address, value?, address?}"},
			"remove_contact":  {Description: "remove a contact point: the same shape as add_contact"},
			"relate":          {Description: "add a directed relationship to another person: {type, to}"},
			"unrelate":        {Description: "remove a relationship: {type, to}"},
			"add_skill":       {Description: "add a skill or change its level: {name, level: 1..5}"},
			"remove_skill":    {Description: "remove a skill: {name}"},
		},
		Queries: queries,
	}
	if dir != nil {
		d.Views = dir.views()
	}
	return d
}

// Servable is the person domain for `cimviz serve` (DomainName
// "person"): starting it follows the store with a [Directory].
type Servable struct{}

var _ service.Servable = Servable{}

// DomainName is "person".
func (Servable) DomainName() string { return DomainName }

// Start serves the person domain on nc over store; the directory follows
// the store until the store is closed.
func (Servable) Start(nc *nats.Conn, store eventstore.Store, opts ...service.Option) (*service.Service, error) {
	dir, err := FollowDirectory(context.Background(), store)
	if err != nil {
		return nil, err
	}
	svc, err := Spec(storeKnown(store), dir).Start(nc, store, opts...)
	if err != nil {
		dir.Stop()
		return nil, err
	}
	return svc, nil
}

// storeKnown asks the store itself, which is never behind: a person
// registered a moment ago can be related to at once.
func storeKnown(store eventstore.Store) Known {
	return func(id string) (bool, error) {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		evs, err := store.Load(ctx, id, 0)
		return len(evs) > 0, err
	}
}
