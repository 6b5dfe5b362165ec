package simulate

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"github.com/nats-io/nats.go"

	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/domains/service"
	"github.com/cimviz/cimviz/domains/workflow"
	"github.com/cimviz/cimviz/domains/workflow/wfservice"
	"github.com/cimviz/cimviz/domains/workflow/worker"
)

// sim is one run.
type sim struct {
	cfg    Config
	nc     *nats.Conn
	client *wfservice.Client
	dice   *dice
	tally  *tally
	prefix string
	// people play the manual steps and approvals (Config.People, or the
	// person domain's)
	people []string
	out    io.Writer
	wg     sync.WaitGroup
}

// Run simulates cfg on nc until every started instance ended or ctx
// ends, printing progress to out, and returns the counts.
func Run(ctx context.Context, nc *nats.Conn, cfg Config, out io.Writer) (Summary, error) {
	if err := cfg.Validate(); err != nil {
		return Summary{}, err
	}
	s := &sim{cfg: cfg, nc: nc, client: wfservice.NewClient(nc), dice: newDice(cfg.Seed),
		tally: newTally(cfg.Instances), out: lockedWriter(out), prefix: fmt.Sprintf("sim%d-%d-", cfg.Seed, time.Now().UnixMilli())}
	if err := s.publish(ctx); err != nil {
		return Summary{}, err
	}
	if s.people = cfg.People; len(s.people) == 0 {
		s.people = askPeople(ctx, nc, s.out)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	sub, err := nc.Subscribe("cim.workflow.evt.>", s.observe(ctx))
	if err != nil {
		return Summary{}, fmt.Errorf("watch events: %w", err)
	}
	defer sub.Unsubscribe()
	s.runWorkers(ctx)
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		s.tally.report(s.out, cfg.Progress, ctx.Done())
	}()
	err = s.startAll(ctx)
	if err == nil {
		err = s.wait(ctx)
	}
	cancel()
	s.wg.Wait()
	return s.tally.snapshot(), err
}

// publish publishes a template unless its workflow exists; any other
// workflow must be published already.
func (s *sim) publish(ctx context.Context) error {
	if g, err := workflow.Template(s.cfg.Workflow); err == nil {
		return s.client.EnsurePublished(ctx, g)
	}
	var v wfservice.DefinitionView
	err := s.client.Definitions.Query(ctx, wfservice.QueryDefinition, s.cfg.Workflow, nil, &v)
	if errors.Is(err, service.ErrNotFound) {
		return fmt.Errorf("%w: workflow %q is not published and is no template (templates: %s)",
			ErrConfig, s.cfg.Workflow, strings.Join(workflow.Templates(), ", "))
	}
	return err
}

// startAll starts the instances at the rate, each start in its own
// goroutine so a slow reply does not slow the rate; the first failed
// start ends the run.
func (s *sim) startAll(ctx context.Context) error {
	tick := time.NewTicker(time.Duration(float64(time.Second) / s.cfg.Rate))
	defer tick.Stop()
	failed := make(chan error, 1)
	for i := range s.cfg.Instances {
		id := fmt.Sprintf("%s%05d", s.prefix, i+1)
		s.tally.started(id)
		s.wg.Add(1)
		go s.start(ctx, id, s.dice.context(), failed)
		select {
		case err := <-failed:
			return err
		case <-ctx.Done():
			return ctx.Err()
		case <-tick.C:
		}
	}
	return nil
}

func (s *sim) start(ctx context.Context, id string, vars map[string]any, failed chan<- error) {
	defer s.wg.Done()
	if _, err := s.client.Start(ctx, id, s.cfg.Workflow, vars); err != nil && ctx.Err() == nil {
		select {
		case failed <- fmt.Errorf("start %s: %w", id, err):
		default:
		}
	}
}

func (s *sim) wait(ctx context.Context) error {
	select {
	case <-s.tally.done:
		if s.out != nil {
			fmt.Fprintln(s.out, s.tally.snapshot())
		}
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (s *sim) runWorkers(ctx context.Context) {
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		err := worker.Run(ctx, s.nc, s.work, worker.WithConcurrency(max(s.cfg.Workers, 1)))
		if err != nil && s.out != nil {
			fmt.Fprintln(s.out, "workers stopped:", err)
		}
	}()
}

// work is an automated step: it takes a random time and fails at the
// configured rate.
func (s *sim) work(ctx context.Context, t worker.Task) (map[string]any, error) {
	select {
	case <-ctx.Done():
		return nil, ctx.Err()
	case <-time.After(s.dice.duration(s.cfg.MinStep, s.cfg.MaxStep)):
	}
	if s.dice.chance(s.cfg.FailRate) {
		return nil, fmt.Errorf("simulated failure of %s attempt %d", t.Step, t.Attempt)
	}
	return map[string]any{t.Step + "_ms": float64(time.Since(message.IDTime(t.Event.MessageID)).Milliseconds())}, nil
}
