package memstore_test

import (
	"testing"

	"github.com/cimviz/cimviz/domains/eventstore"
	"github.com/cimviz/cimviz/domains/eventstore/conformance"
	"github.com/cimviz/cimviz/domains/eventstore/memstore"
)

func TestConformance(t *testing.T) {
	conformance.Run(t, func(t *testing.T) conformance.Backend {
		return conformance.Backend{Open: func() (eventstore.Store, error) { return memstore.New(conformance.Domain) }}
	})
}
