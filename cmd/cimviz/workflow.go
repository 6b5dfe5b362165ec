package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/nats-io/nats.go"

	"github.com/cimviz/cimviz/domains/host"
	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/domains/workflow"
	"github.com/cimviz/cimviz/domains/workflow/wfservice"
)

func init() {
	register("workflow", "act on workflow runs as a person: workflow publish|start|complete|approve|reject|show ...", runWorkflow)
}

// workflowVerbs are `cimviz workflow VERB`'s verbs and their arguments.
var workflowVerbs = map[string]struct {
	args  []string
	about string
}{
	"publish":  {[]string{"TEMPLATE|FILE"}, "publish a workflow template or graph file"},
	"start":    {[]string{"WORKFLOW", "INSTANCE"}, "start a run of a published workflow"},
	"complete": {[]string{"INSTANCE", "STEP"}, "complete a manual step"},
	"approve":  {[]string{"INSTANCE", "STEP"}, "grant an approval step (as --actor)"},
	"reject":   {[]string{"INSTANCE", "STEP"}, "refuse an approval step (as --actor); the run fails"},
	"show":     {[]string{"INSTANCE"}, "print a run's state, its steps, who may decide and who decided"},
}

type workflowFlags struct {
	verb    string
	args    []string
	natsURL string
	actor   string
	reason  string
	sec     host.Security
}

func parseWorkflow(args []string, stderr io.Writer) (workflowFlags, error) {
	f := workflowFlags{}
	fs := flag.NewFlagSet("workflow", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: cimviz workflow VERB ARGS [flags]\n\nverbs:")
		for _, v := range slices.Sorted(func(yield func(string) bool) {
			for k := range workflowVerbs {
				if !yield(k) {
					return
				}
			}
		}) {
			fmt.Fprintf(stderr, "  %-9s %-22s %s\n", v, strings.Join(workflowVerbs[v].args, " "), workflowVerbs[v].about)
		}
		fmt.Fprintln(stderr)
		fs.PrintDefaults()
	}
	fs.StringVar(&f.natsURL, "nats", nats.DefaultURL, "NATS server of the workflow services (an editor's --listen or `cimviz serve`)")
	fs.StringVar(&f.actor, "actor", defaultActor(), "the principal these commands name (header X-Actor)")
	fs.StringVar(&f.reason, "reason", "", "reject: why")
	f.sec.ClientFlags(fs)
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return f, errors.Join(errUsage, err)
	}
	if len(pos) == 0 {
		fs.Usage()
		return f, fmt.Errorf("%w: name a verb", errUsage)
	}
	verb, ok := workflowVerbs[pos[0]]
	if !ok {
		return f, fmt.Errorf("%w: unknown verb %q (run cimviz workflow -h)", errUsage, pos[0])
	}
	if len(pos)-1 != len(verb.args) {
		return f, fmt.Errorf("%w: workflow %s takes %s", errUsage, pos[0], strings.Join(verb.args, " "))
	}
	f.verb, f.args = pos[0], pos[1:]
	return f, nil
}

// defaultActor is $CIMVIZ_ACTOR, or cli:$USER.
func defaultActor() string {
	if a := os.Getenv("CIMVIZ_ACTOR"); a != "" {
		return a
	}
	return "cli:" + os.Getenv("USER")
}

func runWorkflow(args []string) error {
	f, err := parseWorkflow(args, os.Stderr)
	if err != nil {
		return err
	}
	nc, err := f.sec.ConnectURL(f.natsURL, nats.Name("cimviz workflow"))
	if err != nil {
		return err
	}
	defer nc.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	return workflowVerb(ctx, wfservice.NewClient(nc), f, os.Stdout)
}

// workflowVerb does what f asks and prints the outcome to out.
func workflowVerb(ctx context.Context, c *wfservice.Client, f workflowFlags, out io.Writer) error {
	switch f.verb {
	case "publish":
		g, err := workflow.Template(f.args[0])
		if err != nil {
			doc, ferr := readDocument(f.args[0], io.Discard)
			if ferr != nil {
				return fmt.Errorf("%s is no template (%v) and no graph file: %w", f.args[0], err, ferr)
			}
			g = doc.RootGraph()
		}
		v, err := c.Publish(ctx, g, false)
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "published %s version %d\n", g.ID, v)
		return nil
	case "start":
		if _, err := c.Start(ctx, f.args[1], f.args[0], nil); err != nil {
			return err
		}
		fmt.Fprintf(out, "started %s (%s)\n", f.args[1], f.args[0])
		return nil
	case "show":
		return showRun(ctx, c, f.args[0], out)
	}
	return decideStep(ctx, c, f, out)
}

// decideStep completes, approves or rejects a step as f.actor, caused by
// the event that asked for it (so the decision joins the run's causation
// tree), and prints what the service decided.
func decideStep(ctx context.Context, c *wfservice.Client, f workflowFlags, out io.Writer) error {
	id, step := f.args[0], f.args[1]
	ref := workflow.StepRef{Instance: id, Step: step}
	var cmd workflow.Command
	asked := workflow.EvtApprovalRequested
	switch f.verb {
	case "complete":
		cmd, asked = workflow.CompleteStep{StepRef: ref}, workflow.EvtStepStarted
	case "approve":
		cmd = workflow.Approve{StepRef: ref}
	case "reject":
		cmd = workflow.Reject{StepRef: ref, Reason: f.reason}
	}
	cause, err := askingEvent(ctx, c, id, step, asked)
	if err != nil {
		return err
	}
	if _, err := c.SendAs(ctx, f.actor, cause, cmd); err != nil {
		return err
	}
	fmt.Fprintf(out, "%s %s %s as %s\n", f.verb, id, step, f.actor)
	return nil
}

// askingEvent is the newest event of type typ about step in the run's
// history (nil when there is none: the command is then a root).
func askingEvent(ctx context.Context, c *wfservice.Client, id, step, typ string) (*message.Event, error) {
	hist, err := c.History(ctx, id)
	if err != nil {
		return nil, err
	}
	for _, h := range slices.Backward(hist) {
		var ev workflow.Event
		if h.Type != typ || json.Unmarshal(h.Event, &ev) != nil || ev.Step != step {
			continue
		}
		e, err := h.Message(id)
		if err != nil {
			return nil, err
		}
		return &e, nil
	}
	return nil, nil
}

// showRun prints a run's state and, step by step, its state, who may
// decide it and who did.
func showRun(ctx context.Context, c *wfservice.Client, id string, out io.Writer) error {
	in, err := c.Instance(ctx, id)
	if err != nil {
		return err
	}
	hist, err := c.History(ctx, id)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "%s: %s v%d, %s\n", id, in.Workflow, in.Version, in.State)
	decided := decisions(hist)
	for _, step := range slices.Sorted(func(yield func(string) bool) {
		for s := range in.Steps {
			if !yield(s) {
				return
			}
		}
	}) {
		r := in.Steps[step]
		line := fmt.Sprintf("  %-16s %-10s %s", step, r.Kind, r.State)
		if r.Assignee != nil {
			line += fmt.Sprintf("  assigned to %s: %s", r.Assignee, strings.Join(r.Candidates, ", "))
		}
		if d, ok := decided[step]; ok {
			line += "  " + d
		}
		if r.Reason != "" {
			line += "  (" + r.Reason + ")"
		}
		fmt.Fprintln(out, line)
	}
	return nil
}

// decisions are, by step, who completed, approved or rejected it last.
func decisions(hist []wfservice.HistoryEntry) map[string]string {
	verbs := map[string]string{workflow.EvtApproved: "approved by", workflow.EvtRejected: "rejected by", workflow.EvtStepCompleted: "completed by"}
	out := map[string]string{}
	for _, h := range hist {
		verb, ok := verbs[h.Type]
		var ev workflow.Event
		if !ok || h.Actor == "" || json.Unmarshal(h.Event, &ev) != nil {
			continue
		}
		if prev := out[ev.Step]; h.Type == workflow.EvtStepCompleted && (strings.HasPrefix(prev, "approved") || strings.HasPrefix(prev, "rejected")) {
			continue // an approval's own completion follows its decision
		}
		out[ev.Step] = verb + " " + h.Actor
	}
	return out
}
