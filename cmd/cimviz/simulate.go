package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/nats-io/nats.go"

	"github.com/cimviz/cimviz/domains/host"
	"github.com/cimviz/cimviz/domains/natsembed"
	"github.com/cimviz/cimviz/domains/workflow"
	"github.com/cimviz/cimviz/domains/workflow/simulate"
	"github.com/cimviz/cimviz/domains/workflow/wfservice"
)

func init() {
	register("simulate", "run workflow instances with random durations and outcomes: simulate WORKFLOW --instances N --rate R", runSimulate)
}

type simulateFlags struct {
	cfg     simulate.Config
	natsURL string
	serve   bool
	sec     host.Security
}

func parseSimulate(args []string, stderr io.Writer) (simulateFlags, error) {
	f := simulateFlags{}
	fs := flag.NewFlagSet("simulate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: cimviz simulate WORKFLOW [flags]\n\nWORKFLOW is a published workflow or a template: %v\n\n", workflow.Templates())
		fs.PrintDefaults()
	}
	fs.IntVar(&f.cfg.Instances, "instances", 20, "how many instances to start")
	fs.Float64Var(&f.cfg.Rate, "rate", 5, "instance starts per second")
	fs.Uint64Var(&f.cfg.Seed, "seed", 1, "seed of every random duration and outcome")
	fs.DurationVar(&f.cfg.MinStep, "min-step", 50*time.Millisecond, "shortest step")
	fs.DurationVar(&f.cfg.MaxStep, "max-step", 500*time.Millisecond, "longest step")
	fs.Float64Var(&f.cfg.FailRate, "fail", 0.1, "chance that an automated step's attempt fails")
	fs.Float64Var(&f.cfg.RejectRate, "reject", 0.05, "chance that an approval is rejected")
	fs.IntVar(&f.cfg.Workers, "workers", 16, "automated steps done at once")
	fs.DurationVar(&f.cfg.Progress, "progress", time.Second, "how often to print progress (0: only at the end)")
	fs.StringVar(&f.natsURL, "nats", "", "NATS server URL (default: an embedded server on a temporary directory)")
	f.sec.ClientFlags(fs)
	fs.BoolVar(&f.serve, "serve", true, "also run the workflow services in this process (default: only without --nats, since `cimviz serve` and the editor run them)")
	names, err := parseInterspersed(fs, args)
	if err != nil {
		return f, errors.Join(errUsage, err)
	}
	if len(names) != 1 {
		return f, fmt.Errorf("%w: name one workflow (templates: %v)", errUsage, workflow.Templates())
	}
	f.cfg.Workflow = names[0]
	if f.natsURL != "" && !flagSet(fs, "serve") {
		f.serve = false
	}
	if err := f.cfg.Validate(); err != nil {
		return f, errors.Join(errUsage, err)
	}
	return f, nil
}

// parseInterspersed parses flags before and after positional arguments
// ("simulate WF --rate 5" and "simulate --rate 5 WF" alike) and returns
// the positional ones.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return pos, nil
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

func runSimulate(args []string) error {
	f, err := parseSimulate(args, os.Stderr)
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	nc, closeNATS, err := simulationNATS(f.natsURL, f.sec)
	if err != nil {
		return err
	}
	defer closeNATS()
	if f.serve {
		svc, err := wfservice.Start(ctx, nc)
		if err != nil {
			return err
		}
		defer svc.Stop()
	}
	sum, err := simulate.Run(ctx, nc, f.cfg, os.Stdout)
	if sum.Started == 0 {
		return err
	}
	fmt.Printf("cimviz simulate %s: %d completed, %d failed, %d cancelled of %d; %d events in %.1fs\n",
		f.cfg.Workflow, sum.Completed, sum.Failed, sum.Cancelled, sum.Started, sum.Events, sum.Elapsed.Seconds())
	return err
}

// simulationNATS connects to url, or starts an embedded server on a
// temporary directory that is removed afterwards.
func simulationNATS(url string, sec host.Security) (*nats.Conn, func(), error) {
	if url != "" {
		nc, err := sec.ConnectURL(url, nats.Name("cimviz simulate"))
		if err != nil {
			return nil, nil, err
		}
		return nc, func() { _ = nc.Drain() }, nil
	}
	dir, err := os.MkdirTemp("", "cimviz-simulate-")
	if err != nil {
		return nil, nil, err
	}
	quiet := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	srv, err := natsembed.Start(natsembed.Config{DataDir: dir, Logger: quiet})
	if err != nil {
		os.RemoveAll(dir)
		return nil, nil, err
	}
	nc, err := srv.Connect(nats.Name("cimviz simulate"))
	closeAll := func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_ = srv.Shutdown(ctx)
		os.RemoveAll(dir)
	}
	if err != nil {
		closeAll()
		return nil, nil, err
	}
	return nc, closeAll, nil
}

// flagSet reports whether the named flag was given on the command line.
func flagSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}
