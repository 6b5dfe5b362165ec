package test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"slices"
	"testing"
	"time"

	"github.com/cimviz/cimviz/domains/company"
	"github.com/cimviz/cimviz/domains/host"
	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/domains/natsembed"
	"github.com/cimviz/cimviz/domains/natsembed/natstest"
	"github.com/cimviz/cimviz/domains/organization"
	"github.com/cimviz/cimviz/domains/service"
	"github.com/cimviz/cimviz/domains/workflow"
	"github.com/cimviz/cimviz/domains/workflow/wfservice"
)

// An approval assigned to a role in an organization unit runs through to
// completion on the default host: the workflow service asks the
// organization domain who holds "approver" in Engineering (the seeded
// company says Grace), refuses the decision of anyone else with 403 and
// nothing appended, and records Grace, from her command's X-Actor, as the
// approver, caused by the command that started the run.
func TestAnApprovalAssignedByRoleRunsToCompletion(t *testing.T) {
	srv, nc := natstest.StartOn(t, natsembed.Config{DataDir: t.TempDir(), Listen: "127.0.0.1:0"})
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	h, err := host.Start(ctx, host.Config{NATSURL: srv.ClientURL(), Domains: host.Domains(), Workflows: true, Logger: quiet})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { h.Close() })
	if err := company.Seed(ctx, nc); err != nil {
		t.Fatal(err)
	}

	g, err := workflow.Template("single-approval")
	if err != nil {
		t.Fatal(err)
	}
	g.ID = "purchase-by-role"
	g.Nodes[g.NodeIndex("approve")].Props = map[string]string{workflow.PropAssigneeOrg: company.Organization,
		workflow.PropAssigneeUnit: "engineering", workflow.PropAssigneeRole: organization.ApproverRole}
	wf := wfservice.NewClient(nc)
	if err := wf.EnsurePublished(ctx, g); err != nil {
		t.Fatal(err)
	}
	_, err = wf.Start(ctx, "po-7", g.ID, map[string]any{"amount": 1200})
	if err != nil {
		t.Fatal(err)
	}
	submit := workflow.CompleteStep{StepRef: workflow.StepRef{Instance: "po-7", Step: "submit"}}
	if _, err := wf.SendAs(ctx, "person-alan", nil, submit); err != nil {
		t.Fatal(err)
	}

	var in *workflow.Instance
	waitUntil(t, 20*time.Second, "the approval's candidates", func() bool {
		in, err = wf.Instance(ctx, "po-7")
		return err == nil && in.Steps["approve"].Candidates != nil
	})
	if got := in.Steps["approve"].Candidates; !slices.Equal(got, []string{"person-grace"}) {
		t.Fatalf("candidates %v, want the engineering approver [person-grace]", got)
	}

	before := historyLen(t, ctx, wf, "po-7")
	decide := workflow.Approve{StepRef: workflow.StepRef{Instance: "po-7", Step: "approve"}, By: "person-grace"}
	_, err = wf.SendAs(ctx, "person-ken", nil, decide) // an approver, but in Sales; the body's By is not who decides
	if !errors.Is(err, service.ErrUnauthorized) {
		t.Fatalf("approval by person-ken: %v, want 403", err)
	}
	if n := historyLen(t, ctx, wf, "po-7"); n != before {
		t.Fatalf("a refused approval appended %d events", n-before)
	}
	// Grace answers the request she was shown: her command is caused by it
	requested := requestOf(t, ctx, wf, "po-7")
	if _, err := wf.SendAs(ctx, "person-grace", &requested, workflow.Approve{StepRef: decide.StepRef}); err != nil {
		t.Fatalf("approval by person-grace: %v", err)
	}

	in, err = wf.Instance(ctx, "po-7")
	if err != nil || in.State != workflow.Completed {
		t.Fatalf("instance %+v (%v), want Completed", in, err)
	}
	hist, err := wf.History(ctx, "po-7")
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(hist, func(e wfservice.HistoryEntry) bool { return e.Type == workflow.EvtApproved })
	if i < 0 {
		t.Fatalf("no approved event in %v", hist)
	}
	var approved workflow.Event
	if err := json.Unmarshal(hist[i].Event, &approved); err != nil {
		t.Fatal(err)
	}
	if approved.By != "person-grace" || hist[i].Actor != "person-grace" {
		t.Errorf("approved by %q with actor %q, want person-grace in both", approved.By, hist[i].Actor)
	}
	// one conversation from the request on: the assignment the workflow
	// service asked the organization for, and Grace's decision
	for _, typ := range []string{workflow.EvtApprovalAssigned, workflow.EvtApproved, workflow.EvtCompleted} {
		j := slices.IndexFunc(hist, func(e wfservice.HistoryEntry) bool { return e.Type == typ })
		if j < 0 || hist[j].CorrelationID != requested.CorrelationID.String() {
			t.Errorf("%s (at %d) is not in the request's correlation %s: %+v", typ, j, requested.CorrelationID, hist)
		}
	}
}

// requestOf is an instance's approval_requested event.
func requestOf(t *testing.T, ctx context.Context, wf *wfservice.Client, id string) message.Event {
	t.Helper()
	hist, err := wf.History(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	h, ok := wfservice.Latest(hist, workflow.EvtApprovalRequested)
	if !ok {
		t.Fatalf("no approval_requested in %+v", hist)
	}
	e, err := h.Message(id)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func historyLen(t *testing.T, ctx context.Context, wf *wfservice.Client, id string) int {
	t.Helper()
	h, err := wf.History(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	return len(h)
}

func waitUntil(t *testing.T, d time.Duration, what string, ok func() bool) {
	t.Helper()
	for end := time.Now().Add(d); time.Now().Before(end); time.Sleep(50 * time.Millisecond) {
		if ok() {
			return
		}
	}
	t.Fatalf("timed out waiting for %s", what)
}
