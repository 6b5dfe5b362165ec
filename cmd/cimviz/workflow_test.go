package main

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cimviz/cimviz/domains/company"
	"github.com/cimviz/cimviz/domains/host"
	"github.com/cimviz/cimviz/domains/natsembed"
	"github.com/cimviz/cimviz/domains/natsembed/natstest"
	"github.com/cimviz/cimviz/domains/organization"
	"github.com/cimviz/cimviz/domains/workflow"
	"github.com/cimviz/cimviz/domains/workflow/wfservice"
	"github.com/cimviz/cimviz/graph/codec"
)

// cimviz workflow drives a run as its people would: publish a graph file
// whose approval is assigned to Engineering's approver, start it,
// complete the request as Alan, be refused as Ken (403), approve as Grace,
// and show who decided.
func TestWorkflowCommandActsAsAPerson(t *testing.T) {
	srv, nc := natstest.StartOn(t, natsembed.Config{DataDir: t.TempDir(), Listen: "127.0.0.1:0"})
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	h, err := host.Start(ctx, host.Config{NATSURL: srv.ClientURL(), Domains: host.Domains(), Workflows: true, Logger: quiet})
	must(t, err)
	t.Cleanup(func() { h.Close() })
	must(t, company.Seed(ctx, nc))

	g, err := workflow.Template("single-approval")
	must(t, err)
	g.ID = "purchase"
	g.Nodes[g.NodeIndex("approve")].Props = map[string]string{workflow.PropAssigneeOrg: company.Organization,
		workflow.PropAssigneeUnit: "engineering", workflow.PropAssigneeRole: organization.ApproverRole}
	file := filepath.Join(t.TempDir(), "purchase.json")
	writeDocument(t, file, codec.NewDocument(g))

	url := srv.ClientURL()
	for _, args := range [][]string{
		{"publish", file},
		{"start", "purchase", "po-1"},
		{"complete", "po-1", "submit", "--actor", "person-alan"},
	} {
		if code, msg := cli(append(append([]string{"workflow"}, args...), "--nats", url)...); code != 0 {
			t.Fatalf("workflow %v: exit %d: %s", args, code, msg)
		}
	}
	wf := wfservice.NewClient(nc)
	waitFor(t, func() bool {
		in, err := wf.Instance(ctx, "po-1")
		return err == nil && in.Steps["approve"].Candidates != nil
	})
	code, msg := cli("workflow", "approve", "po-1", "approve", "--actor", "person-ken", "--nats", url)
	if code != 1 || !strings.Contains(msg, "person-ken") || !strings.Contains(msg, "unauthorized") {
		t.Fatalf("approve as person-ken: exit %d: %s; want a refusal naming him", code, msg)
	}
	if code, msg := cli("workflow", "approve", "po-1", "approve", "--actor", "person-grace", "--nats", url); code != 0 {
		t.Fatalf("approve as person-grace: exit %d: %s", code, msg)
	}
	var out bytes.Buffer
	must(t, workflowVerb(ctx, wf, workflowFlags{verb: "show", args: []string{"po-1"}}, &out))
	for _, want := range []string{"po-1: purchase v1, Completed", "approved by person-grace", "completed by person-alan", "person-grace"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("show lacks %q:\n%s", want, out.String())
		}
	}
	if code, msg := cli("workflow", "frobnicate", "x"); code != 2 || !strings.Contains(msg, "unknown verb") {
		t.Errorf("unknown verb: exit %d: %s", code, msg)
	}
	if code, msg := cli("workflow", "approve", "po-1"); code != 2 || !strings.Contains(msg, "INSTANCE STEP") {
		t.Errorf("missing step: exit %d: %s", code, msg)
	}
}

func waitFor(t *testing.T, ok func() bool) {
	t.Helper()
	for end := time.Now().Add(20 * time.Second); time.Now().Before(end); time.Sleep(50 * time.Millisecond) {
		if ok() {
			return
		}
	}
	t.Fatal("timed out")
}
