package simulate

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/cimviz/cimviz/domains/company"
	"github.com/cimviz/cimviz/domains/host"
	"github.com/cimviz/cimviz/domains/natsembed"
	"github.com/cimviz/cimviz/domains/natsembed/natstest"
	"github.com/cimviz/cimviz/domains/organization"
	"github.com/cimviz/cimviz/domains/person"
	"github.com/cimviz/cimviz/domains/workflow"
	"github.com/cimviz/cimviz/domains/workflow/wfservice"
)

func TestEveryTemplateRunsToTheEnd(t *testing.T) {
	_, nc := natstest.Start(t)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	svc, err := wfservice.Start(ctx, nc)
	if err != nil {
		t.Fatal(err)
	}
	defer svc.Stop()
	for _, name := range workflow.Templates() {
		t.Run(name, func(t *testing.T) {
			var out bytes.Buffer
			cfg := Config{Workflow: name, Instances: 6, Rate: 200, Seed: 7, MaxStep: 3 * time.Millisecond,
				FailRate: 0.2, RejectRate: 0.2, Workers: 8, Progress: 50 * time.Millisecond}
			sum, err := Run(ctx, nc, cfg, &out)
			if err != nil {
				t.Fatalf("%v\n%s", err, out.String())
			}
			if sum.Started != 6 || sum.Ended() != 6 || sum.Events == 0 {
				t.Fatalf("summary %v: want 6 started and ended", sum)
			}
			if !strings.Contains(out.String(), "started 6") {
				t.Errorf("progress output lacks the final line:\n%s", out.String())
			}
		})
	}
}

func TestConfigIsChecked(t *testing.T) {
	good := Config{Workflow: "w", Instances: 1, Rate: 1}
	bad := map[string]func(*Config){
		"no workflow":    func(c *Config) { c.Workflow = "" },
		"no instances":   func(c *Config) { c.Instances = 0 },
		"no rate":        func(c *Config) { c.Rate = 0 },
		"durations":      func(c *Config) { c.MinStep, c.MaxStep = time.Second, time.Millisecond },
		"always failing": func(c *Config) { c.FailRate = 1 },
	}
	if err := good.Validate(); err != nil {
		t.Fatal(err)
	}
	for name, spoil := range bad {
		c := good
		spoil(&c)
		if err := c.Validate(); !errors.Is(err, ErrConfig) {
			t.Errorf("%s: %v, want ErrConfig", name, err)
		}
	}
}

// The people come from the person domain: manual steps are completed and
// approvals decided under their names (X-Actor), and an approval assigned
// to a role by one who holds it.
func TestThePeopleComeFromThePersonDomain(t *testing.T) {
	srv, nc := natstest.StartOn(t, natsembed.Config{DataDir: t.TempDir(), Listen: "127.0.0.1:0"})
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	h, err := host.Start(ctx, host.Config{NATSURL: srv.ClientURL(), Domains: host.Domains(), Workflows: true, Logger: quiet})
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	if err := company.Seed(ctx, nc); err != nil {
		t.Fatal(err)
	}
	g, err := workflow.Template("single-approval")
	if err != nil {
		t.Fatal(err)
	}
	g.ID = "by-role"
	g.Nodes[g.NodeIndex("approve")].Props = map[string]string{workflow.PropAssigneeOrg: company.Organization,
		workflow.PropAssigneeUnit: "engineering", workflow.PropAssigneeRole: organization.ApproverRole}
	wf := wfservice.NewClient(nc)
	if err := wf.EnsurePublished(ctx, g); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	sum, err := Run(ctx, nc, Config{Workflow: g.ID, Instances: 5, Rate: 200, Seed: 3, MaxStep: 2 * time.Millisecond}, &out)
	if err != nil || sum.Completed != 5 {
		t.Fatalf("summary %v (%v): want 5 completed\n%s", sum, err, out.String())
	}
	people := map[string]bool{}
	for _, p := range person.Company() {
		people[p.ID] = true
	}
	var list []wfservice.Summary
	for end := time.Now().Add(10 * time.Second); len(list) != 5 && time.Now().Before(end); time.Sleep(20 * time.Millisecond) {
		list, err = wf.List(ctx, g.ID, workflow.Completed) // the catalog follows the events
	}
	if err != nil || len(list) != 5 {
		t.Fatalf("%d completed listed (%v)", len(list), err)
	}
	for _, in := range list {
		hist, err := wf.History(ctx, in.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range hist {
			switch e.Type {
			case workflow.EvtApproved:
				if e.Actor != "person-grace" {
					t.Errorf("%s approved by %q, want the engineering approver", in.ID, e.Actor)
				}
			case workflow.EvtStepCompleted:
				if e.Actor != "" && !people[e.Actor] {
					t.Errorf("%s: a step completed by %q, who is not one of the company's people", in.ID, e.Actor)
				}
			}
		}
	}
}
