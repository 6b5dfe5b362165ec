package graphdomain

import (
	"context"

	"github.com/nats-io/nats.go"

	"github.com/cimviz/cimviz/domains/eventstore"
	"github.com/cimviz/cimviz/domains/service"
)

// Servable is the graph domain for `cimviz serve`: starting it follows the
// store with a [Catalog] and serves [Spec] on the harness.
type Servable struct{}

var _ service.Servable = Servable{}

// DomainName is "graph".
func (Servable) DomainName() string { return Name }

// Start serves the graph domain on nc over store. The catalog follows the
// store until the store is closed.
func (Servable) Start(nc *nats.Conn, store eventstore.Store, opts ...service.Option) (*service.Service, error) {
	cat, err := Follow(context.Background(), store)
	if err != nil {
		return nil, err
	}
	svc, err := Spec(store, cat, WithMaxReply(int(nc.MaxPayload()))).Start(nc, store, opts...)
	if err != nil {
		cat.Stop()
		return nil, err
	}
	return svc, nil
}
