package service

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/micro"

	"github.com/cimviz/cimviz/domains/eventstore"
	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/domains/subject"
)

// engine is what a Service needs of an Engine, whatever its state type.
type engine interface {
	Execute(ctx context.Context, cmd message.Command) (Ack, error)
	Query(ctx context.Context, name, aggregateID string, args json.RawMessage) (json.RawMessage, error)
	Stats() Stats
	reject(err error)
	info() domainInfo
	maxPayload() int
}

// Servable is a domain ready to be served; a [Domain] value is one. It
// lets `cimviz serve` list its domains without knowing their state types.
type Servable interface {
	DomainName() string
	Start(nc *nats.Conn, store eventstore.Store, opts ...Option) (*Service, error)
}

// DomainName is the domain's subject token.
func (d Domain[S]) DomainName() string { return d.Name }

// Start builds the domain's engine on store and serves it on nc.
func (d Domain[S]) Start(nc *nats.Conn, store eventstore.Store, opts ...Option) (*Service, error) {
	eng, err := NewEngine(d, store, opts...)
	if err != nil {
		return nil, err
	}
	return Serve(nc, eng, opts...)
}

// Service is an engine registered as a NATS micro service named
// cim-<domain>, with a "commands" endpoint on cim.<domain>.cmd.* and a
// "queries" endpoint on cim.<domain>.qry.*, both in the queue group "q"
// so several instances share the load.
type Service struct {
	micro   micro.Service
	nc      *nats.Conn
	eng     engine
	in      domainInfo          // eng.info(), computed once
	names   map[string]kindName // the domain's own request subjects, parsed once
	cfg     config
	workers []chan job
	wg      sync.WaitGroup
	// dispatching guards workers against a late request once stopped.
	dispatching sync.RWMutex
	stopped     bool
	queries     sync.Mutex
	nQuery      uint64

	stopOnce sync.Once
	stopErr  error
}

// Serve registers eng on nc and starts its workers.
func Serve[S any](nc *nats.Conn, eng *Engine[S], opts ...Option) (*Service, error) {
	s := &Service{nc: nc, eng: eng, in: eng.info(), cfg: newConfig(opts)}
	s.names = s.in.subjectNames()
	recoverChains(eng, s.cfg)
	s.startWorkers()
	if err := s.register(); err != nil {
		s.stopWorkers()
		return nil, err
	}
	return s, nil
}

// recoverChains finishes, before a Chained domain serves, the chains a
// writer that died left open. A failure is logged, not fatal: such a chain
// is still finished when its aggregate is next loaded.
func recoverChains[S any](eng *Engine[S], cfg config) {
	if eng.d.Appends != Chained {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*cfg.timeout)
	defer cancel()
	n, err := eng.Recover(ctx, RecoveryWindow)
	if err != nil {
		cfg.logger.Error("finishing chains cut short", "domain", eng.d.Name, "finished", n, "err", err)
	} else if n > 0 {
		cfg.logger.Info("finished chains cut short", "domain", eng.d.Name, "finished", n)
	}
}

func (s *Service) register() error {
	in := s.in
	svc, err := micro.AddService(s.nc, micro.Config{
		Name: "cim-" + in.name, Version: in.version, Description: in.description,
		Metadata:     map[string]string{"domain": in.name},
		StatsHandler: s.statsData,
	})
	if err != nil {
		return fmt.Errorf("%w: register cim-%s: %w", ErrConfig, in.name, err)
	}
	s.micro = svc
	err = svc.AddEndpoint("commands", micro.HandlerFunc(func(r micro.Request) { s.dispatch(r, s.handleCommand) }),
		micro.WithEndpointSubject(subject.Commands(in.name)),
		micro.WithEndpointMetadata(map[string]string{"commands": strings.Join(in.commands, ",")}))
	if err == nil {
		err = svc.AddEndpoint("queries", micro.HandlerFunc(func(r micro.Request) { s.dispatch(r, s.handleQuery) }),
			micro.WithEndpointSubject(subject.Queries(in.name)),
			micro.WithEndpointMetadata(map[string]string{"queries": strings.Join(in.queries, ",")}))
	}
	if err == nil {
		// Subscriptions are sent to the server asynchronously; flush so
		// that a client told "ready" finds the endpoints there.
		err = s.nc.FlushTimeout(s.cfg.timeout)
	}
	if err != nil {
		_ = svc.Stop()
		return fmt.Errorf("%w: endpoints of cim-%s: %w", ErrConfig, in.name, err)
	}
	return nil
}

// Stop drains the endpoints, lets the workers finish what was received,
// and unregisters the service.
// Calling it again does nothing.
func (s *Service) Stop() error {
	s.stopOnce.Do(func() {
		s.stopErr = s.micro.Stop()
		s.stopWorkers()
	})
	return s.stopErr
}

// Stats returns the engine's counters.
func (s *Service) Stats() Stats { return s.eng.Stats() }

// Info is the micro service's info ($SRV.INFO).
func (s *Service) Info() micro.Info { return s.micro.Info() }

func (s *Service) statsData(ep *micro.Endpoint) any {
	if ep.Name == "queries" {
		s.queries.Lock()
		defer s.queries.Unlock()
		return map[string]uint64{"queries_handled": s.nQuery}
	}
	return s.eng.Stats()
}

type domainInfo struct {
	name, version, description string
	commands, queries          []string
}

// subjectNames maps the subject of each of the domain's commands and
// queries to its name, so a request for one of them needs no parsing.
func (in domainInfo) subjectNames() map[string]kindName {
	names := map[string]kindName{}
	for kind, list := range map[subject.Kind][]string{subject.KindCommand: in.commands, subject.KindQuery: in.queries} {
		for _, name := range list {
			if subj, err := requestSubject(in.name, kind, name); err == nil {
				names[subj] = kindName{kind, name}
			}
		}
	}
	return names
}

// kindName is a request subject's kind and command or query name.
type kindName struct {
	kind subject.Kind
	name string
}

func requestSubject(domain string, kind subject.Kind, name string) (string, error) {
	if kind == subject.KindCommand {
		return subject.Command(domain, name)
	}
	return subject.Query(domain, name)
}

func (d Domain[S]) info() domainInfo {
	in := domainInfo{name: d.Name, version: d.Version, description: d.Description}
	for c := range d.Commands {
		in.commands = append(in.commands, c)
	}
	for q := range d.Queries {
		in.queries = append(in.queries, q)
	}
	for v := range d.Views {
		in.queries = append(in.queries, v)
	}
	sort.Strings(in.commands)
	sort.Strings(in.queries)
	return in
}
