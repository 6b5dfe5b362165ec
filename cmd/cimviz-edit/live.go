package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"time"

	"github.com/cimviz/cimviz/bridge"
	"github.com/cimviz/cimviz/domains/company"
	"github.com/cimviz/cimviz/domains/concept"
	"github.com/cimviz/cimviz/domains/eventstore/jsstore"
	"github.com/cimviz/cimviz/domains/graphdomain"
	"github.com/cimviz/cimviz/domains/host"
	"github.com/cimviz/cimviz/domains/service"
	"github.com/cimviz/cimviz/ecs"
	"github.com/cimviz/cimviz/graph/change"
	"github.com/cimviz/cimviz/live/domainview"
	"github.com/cimviz/cimviz/live/flow"
	"github.com/cimviz/cimviz/render/canvas"

	"github.com/nats-io/nats.go"
)

// runLive edits on the domain services: embedded (the default) or on
// --nats URL. Every edit is a command; the world is what the log says.
func runLive(f *editFlags) error {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	h, logger, err := startHost(ctx, f, "cimviz editor")
	if err != nil {
		return err
	}
	if f.listen != "" {
		fmt.Fprintf(os.Stderr, "cimviz edit: other processes reach this editor's services at %s\n", h.Where())
	}
	root, err := seedOnFirstRun(ctx, h.Conn())
	if err == nil {
		err = seedWorkflows(ctx, h.Conn())
	}
	if err == nil {
		seedCompany(ctx, h.Conn(), logger)
		err = editOn(h, f, root, logger)
	}
	return errors.Join(err, h.Close())
}

// startHost starts the services as the flags say: embedded (with every
// domain and the workflow services) or joining --nats URL as a client.
func startHost(ctx context.Context, f *editFlags, name string) (*host.Host, *slog.Logger, error) {
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	cfg := host.Config{NATSURL: f.natsURL, DataDir: f.data, Listen: f.listen, Name: name, Logger: logger, Security: f.sec}
	if f.natsURL == "" {
		cfg.Domains, cfg.Workflows = host.Domains(), true
	}
	h, err := host.Start(ctx, cfg)
	return h, logger, err
}

func editOn(h *host.Host, f *editFlags, root string, logger *slog.Logger) error {
	nc, err := h.Connect(bridge.ConnectOptions("cimviz editor")...)
	if err != nil {
		return err
	}
	defer nc.Close()
	// the subject flow listens first, so it sees the editor's own traffic
	// from the start (the replay's page queries included), every time
	fv, err := startFlowView(nc)
	if err != nil {
		return err
	}
	defer fv.stop()
	dv, err := startDomainViews(nc, f.actor, domainview.All())
	if err != nil {
		return err
	}
	defer dv.stop()
	b, err := bridge.Start(context.Background(), nc, bridge.Config{Logger: logger})
	if err != nil {
		return err
	}
	defer b.Close()
	if f.open != "" {
		root = f.open
	}
	d := bridge.NewDriver(b, root)
	d.Divert = dv.divert
	source := dv.source(fv.source(d.Projection().Graph))
	ed := ecs.NewEditor(ecs.WithSize(float64(f.w), float64(f.h)), ecs.WithSource(source))
	game, err := newGame(f, ed, d, canvas.Window{Conn: "connecting"}, source)
	if err != nil {
		return err
	}
	d.OnLive = func(ed *ecs.Editor) {
		fit := true
		if _, stored := d.Projection().Graph(root); !stored {
			if g, ok := source(root); ok {
				ed.Load(g) // --open named a view (org chart, subject flow ...)
				fit = len(g.Nodes) > 0
			}
		}
		if fit {
			ed.Run("view.fit_all")
		}
		flowGraph, _ := source(flow.GraphID)
		flowGraph.Name = "Subject flow (live)"
		game.Win.Graphs = graphList(append(append(d.Projection().Graphs(), flowGraph), dv.graphs()...))
	}
	lp, err := startLivePanels(nc, d, root)
	if err != nil {
		return err
	}
	defer lp.stop()
	lp.flow, lp.views = fv, dv
	lp.shown = f.showLive
	game.Svc, game.Overlay = lp, lp
	mo, err := startMotion(nc, game)
	if err != nil {
		return err
	}
	defer mo.stop()
	if err := runWindow(game, f); err != nil {
		return err
	}
	if f.save != "" {
		return saveDocument(f.save, root, d.Projection().IDs(), d.Projection().Graph)
	}
	return nil
}

// seedCompany seeds the sample company's people, principals, units and
// places on a first run. Services joined with --nats may not serve those
// domains: the editor then opens without them and says why in the log.
func seedCompany(ctx context.Context, nc *nats.Conn, logger *slog.Logger) {
	if err := company.Seed(ctx, nc); err != nil {
		logger.Warn("sample company not seeded", "err", err)
	}
}

// seedOnFirstRun imports the demo document through ordinary commands when
// the graph log is empty, and returns the graph to open first.
func seedOnFirstRun(ctx context.Context, nc *nats.Conn) (string, error) {
	doc, err := loadDocument("")
	if err != nil {
		return "", err
	}
	store, err := jsstore.Open(ctx, nc, graphdomain.Name)
	if err != nil {
		return "", err
	}
	defer store.Close()
	last, err := store.LastSequence(ctx)
	if err != nil || last > 0 {
		return doc.Root, err
	}
	if err := seedSpaces(ctx, nc); err != nil {
		return "", err
	}
	cmds, err := change.PlanImport(doc.Graphs, change.ImportOptions{})
	if err != nil {
		return "", fmt.Errorf("demo: %w", err)
	}
	client := graphdomain.NewClient(nc)
	for _, c := range cmds {
		_, err := client.Send(ctx, c)
		if errors.Is(err, service.ErrConflict) {
			return doc.Root, nil // another editor is seeding at the same moment
		}
		if err != nil {
			return "", fmt.Errorf("seeding the demo: %w", err)
		}
	}
	return doc.Root, nil
}

// seedSpaces creates the sample conceptual spaces (colours, fruit) through
// the concept service's ordinary commands.
func seedSpaces(ctx context.Context, nc *nats.Conn) error {
	samples, err := concept.Samples()
	if err != nil {
		return err
	}
	client := service.NewClient(nc, concept.Name)
	for _, s := range samples {
		err := concept.Seed(ctx, client, s, s.ID)
		if err != nil && !errors.Is(err, service.ErrConflict) {
			return fmt.Errorf("seeding the %s space: %w", s.ID, err)
		}
	}
	return nil
}
