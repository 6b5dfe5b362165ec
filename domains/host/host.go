// Package host runs the CIM's domain services on one NATS connection: an
// embedded nats-server with JetStream on a data directory (the default, no
// set-up), or an existing server or cluster named by URL. `cimviz serve`,
// the editor and the command-line tools all start their services here, so
// the list of served domains lives in one place ([Domains]).
package host

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"github.com/nats-io/nats.go"

	"github.com/cimviz/cimviz/domains/concept"
	"github.com/cimviz/cimviz/domains/demo"
	"github.com/cimviz/cimviz/domains/eventstore/jsstore"
	"github.com/cimviz/cimviz/domains/graphdomain"
	"github.com/cimviz/cimviz/domains/identity"
	"github.com/cimviz/cimviz/domains/location"
	"github.com/cimviz/cimviz/domains/natsembed"
	"github.com/cimviz/cimviz/domains/organization"
	"github.com/cimviz/cimviz/domains/person"
	"github.com/cimviz/cimviz/domains/service"
	"github.com/cimviz/cimviz/domains/workflow/wfservice"
)

// Domains are the domain services a host runs by default; a new domain is
// one more entry here.
func Domains() []service.Servable {
	return []service.Servable{demo.Domain, graphdomain.Servable{}, concept.Servable{}, identity.Servable{}, organization.Servable{}, person.Servable{}, location.Servable{}}
}

// Config says where NATS comes from and what to serve.
type Config struct {
	// NATSURL, when set, connects to that server instead of embedding one.
	NATSURL string
	// DataDir, Listen and SyncAlways configure the embedded server (see
	// natsembed.Config).
	DataDir    string
	Listen     string
	SyncAlways bool
	// Security: authentication, TLS and encryption (see Security).
	Security Security
	// Topology: cluster, replicas and leaf node (see Topology).
	Topology Topology
	// Domains to serve; nil serves none (a pure client).
	Domains []service.Servable
	// Workflows also runs the workflow services (definitions, instances
	// and the subworkflow reactor), which are not a single Servable.
	Workflows bool
	// Name is the NATS client name of the host's own connection.
	Name   string
	Logger *slog.Logger
}

// Host is a running NATS connection with its services.
type Host struct {
	cfg     Config
	srv     *natsembed.Server
	nc      *nats.Conn
	running []running
	wf      *wfservice.Services
}

type running struct {
	svc   *service.Service
	store *jsstore.Store
}

// Start connects (or starts the embedded server) and starts the services.
// On failure everything started is stopped again.
func Start(ctx context.Context, cfg Config) (*Host, error) {
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if err := cfg.Topology.Check(cfg.NATSURL); err != nil {
		return nil, err
	}
	h := &Host{cfg: cfg}
	if err := h.connect(ctx); err != nil {
		return nil, err
	}
	for _, d := range cfg.Domains {
		if err := h.serve(ctx, d); err != nil {
			return nil, errors.Join(err, h.Close())
		}
	}
	if cfg.Workflows {
		wf, err := wfservice.Start(ctx, h.nc, service.WithLogger(cfg.Logger))
		if err != nil {
			return nil, errors.Join(fmt.Errorf("workflow services: %w", err), h.Close())
		}
		h.wf = wf
	}
	if err := h.ensureReplicas(ctx); err != nil {
		return nil, errors.Join(err, h.Close())
	}
	return h, nil
}

func (h *Host) connect(ctx context.Context) error {
	var err error
	if h.cfg.NATSURL != "" {
		h.nc, err = h.cfg.Security.ConnectURL(h.cfg.NATSURL, nats.Name(h.cfg.Name), nats.MaxReconnects(-1))
		return err
	}
	sec, err := h.cfg.Security.embedded(h.cfg.DataDir, h.cfg.Listen != "", h.cfg.Logger)
	if err != nil {
		return err
	}
	ncfg := natsembed.Config{DataDir: h.cfg.DataDir, Listen: h.cfg.Listen, SyncAlways: h.cfg.SyncAlways, Logger: h.cfg.Logger, Security: sec}
	h.cfg.Topology.embedded(&ncfg, h.cfg.Security)
	h.srv, err = natsembed.Start(ncfg)
	if err != nil {
		return err
	}
	if err := h.waitJetStream(ctx); err != nil {
		_ = h.srv.Shutdown(context.Background())
		return err
	}
	if h.nc, err = h.srv.Connect(nats.Name(h.cfg.Name)); err != nil {
		_ = h.srv.Shutdown(context.Background())
		return err
	}
	return nil
}

func (h *Host) serve(ctx context.Context, d service.Servable) error {
	opts := []jsstore.Option{jsstore.WithLogger(h.cfg.Logger)}
	if h.cfg.Topology.Replicas > 0 {
		opts = append(opts, jsstore.WithReplicas(h.cfg.Topology.Replicas))
	}
	store, err := jsstore.Open(ctx, h.nc, d.DomainName(), opts...)
	if err != nil {
		return fmt.Errorf("domain %s: %w", d.DomainName(), err)
	}
	svc, err := d.Start(h.nc, store, service.WithLogger(h.cfg.Logger))
	if err != nil {
		_ = store.Close()
		return fmt.Errorf("domain %s: %w", d.DomainName(), err)
	}
	h.cfg.Logger.Info("serving", "service", "cim-"+d.DomainName(), "id", svc.Info().ID)
	h.running = append(h.running, running{svc: svc, store: store})
	return nil
}

// Conn is the host's own connection.
func (h *Host) Conn() *nats.Conn { return h.nc }

// Services is the number of domain services running.
func (h *Host) Services() int {
	if h.wf != nil {
		return len(h.running) + 2
	}
	return len(h.running)
}

// Connect opens another client connection to the same server: in-process
// for the embedded server, by URL otherwise.
func (h *Host) Connect(opts ...nats.Option) (*nats.Conn, error) {
	if h.srv != nil {
		return h.srv.Connect(opts...)
	}
	return h.cfg.Security.ConnectURL(h.cfg.NATSURL, opts...)
}

// Where says where clients reach NATS, for logs and the status bar.
func (h *Host) Where() string {
	switch {
	case h.srv == nil:
		return h.cfg.NATSURL
	case h.srv.ClientURL() != "":
		return h.srv.ClientURL()
	default:
		return "in-process only (use --listen to let others connect)"
	}
}

// DataDir is the embedded server's data directory ("" with --nats).
func (h *Host) DataDir() string {
	if h.srv == nil {
		return ""
	}
	return h.cfg.DataDir
}

// Close lets every service finish what it received, closes the stores and
// then drains the connection and stops the embedded server.
func (h *Host) Close() error {
	var errs []error
	if h.wf != nil {
		errs = append(errs, h.wf.Stop())
		h.wf = nil
	}
	for _, r := range h.running {
		errs = append(errs, r.svc.Stop(), r.store.Close())
	}
	h.running = nil
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if h.srv != nil {
		errs = append(errs, h.srv.Shutdown(ctx))
	} else if h.nc != nil {
		errs = append(errs, h.nc.Drain())
	}
	return errors.Join(errs...)
}

// DefaultDataDir is $XDG_DATA_HOME/cimviz, or ~/.local/share/cimviz.
func DefaultDataDir() string {
	if x := os.Getenv("XDG_DATA_HOME"); x != "" {
		return filepath.Join(x, "cimviz")
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return filepath.Join(os.TempDir(), "cimviz")
	}
	return filepath.Join(home, ".local", "share", "cimviz")
}
