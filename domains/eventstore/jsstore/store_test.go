package jsstore_test

import (
	"context"
	"testing"

	"github.com/cimviz/cimviz/domains/eventstore"
	"github.com/cimviz/cimviz/domains/eventstore/conformance"
	"github.com/cimviz/cimviz/domains/eventstore/jsstore"
	"github.com/cimviz/cimviz/domains/natsembed/natstest"
)

func TestConformance(t *testing.T) {
	conformance.Run(t, func(t *testing.T) conformance.Backend {
		_, nc := natstest.Start(t)
		open := func() (eventstore.Store, error) { return jsstore.Open(context.Background(), nc, conformance.Domain) }
		return conformance.Backend{Open: open, Persistent: true}
	})
}
