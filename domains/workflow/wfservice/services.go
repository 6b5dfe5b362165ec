package wfservice

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/nats-io/nats.go"

	"github.com/cimviz/cimviz/domains/eventstore"
	"github.com/cimviz/cimviz/domains/eventstore/jsstore"
	"github.com/cimviz/cimviz/domains/service"
)

// Services is the workflow domain running: both services, the registry,
// the catalog and the reactor.
type Services struct {
	Registry *Registry
	Catalog  *Catalog
	defs     *service.Service
	insts    *service.Service
	stores   []eventstore.Store
	ctx      context.Context
	cancel   context.CancelFunc
	done     sync.WaitGroup
	reactErr error
}

// Start opens the JetStream stores of both domains on nc and starts
// everything, the subworkflow reactor included. opts tune both services.
func Start(ctx context.Context, nc *nats.Conn, opts ...service.Option) (*Services, error) {
	defStore, err := jsstore.Open(ctx, nc, DefDomain)
	if err != nil {
		return nil, err
	}
	instStore, err := jsstore.Open(ctx, nc, InstanceDomain)
	if err != nil {
		defStore.Close()
		return nil, err
	}
	s, err := StartOn(nc, defStore, instStore, opts...)
	if err != nil {
		defStore.Close()
		instStore.Close()
		return nil, err
	}
	s.stores = []eventstore.Store{defStore, instStore}
	s.react(s.ctx, nc)
	return s, nil
}

// StartOn starts the services, registry and catalog on the given stores
// (the caller closes them), without the subworkflow reactor, which needs
// JetStream: use it with memstore for tests and measurements.
func StartOn(nc *nats.Conn, defStore, instStore eventstore.Store, opts ...service.Option) (*Services, error) {
	ctx, cancel := context.WithCancel(context.Background())
	s := &Services{Registry: NewRegistry(defStore), cancel: cancel, ctx: ctx}
	err := s.Registry.Follow(ctx)
	if err == nil {
		s.Catalog, err = FollowCatalog(ctx, instStore)
	}
	if err == nil {
		s.defs, err = DefinitionDomain(s.Catalog).Start(nc, defStore, opts...)
	}
	if err == nil {
		s.insts, err = InstanceDomainOf(s.Registry, instStore).Start(nc, instStore, opts...)
	}
	if err != nil {
		s.Stop()
		return nil, fmt.Errorf("start workflow services: %w", err)
	}
	return s, nil
}

// react runs the reactor, which needs the instances' JetStream stream.
func (s *Services) react(ctx context.Context, nc *nats.Conn) {
	s.done.Add(1)
	go func() {
		defer s.done.Done()
		s.reactErr = RunReactor(ctx, nc, s.Registry, s.Catalog)
	}()
}

// Stop stops everything and closes the stores Start opened.
func (s *Services) Stop() error {
	s.cancel()
	s.done.Wait()
	var errs []error
	for _, svc := range []*service.Service{s.insts, s.defs} {
		if svc != nil {
			errs = append(errs, svc.Stop())
		}
	}
	if s.Catalog != nil {
		s.Catalog.Stop()
	}
	s.Registry.Stop()
	for _, st := range s.stores {
		errs = append(errs, st.Close())
	}
	return errors.Join(append(errs, s.reactErr)...)
}

// Stats of the instance service (commands, events, latencies as the
// harness counts them).
func (s *Services) Stats() service.Stats { return s.insts.Stats() }
