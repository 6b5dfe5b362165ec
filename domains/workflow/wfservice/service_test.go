package wfservice

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/cimviz/cimviz/domains/natsembed/natstest"
	"github.com/cimviz/cimviz/domains/service"
	"github.com/cimviz/cimviz/domains/workflow"
	"github.com/cimviz/cimviz/graph"
)

func startServices(t *testing.T) (*Client, context.Context) {
	t.Helper()
	_, nc := natstest.Start(t)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	t.Cleanup(cancel)
	svc, err := Start(ctx, nc)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := svc.Stop(); err != nil {
			t.Error(err)
		}
	})
	return NewClient(nc), ctx
}

func publishTemplate(t *testing.T, ctx context.Context, c *Client, name string) {
	t.Helper()
	g, err := workflow.Template(name)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.EnsurePublished(ctx, g); err != nil {
		t.Fatal(err)
	}
}

func TestApprovalRunsThroughTheService(t *testing.T) {
	c, ctx := startServices(t)
	publishTemplate(t, ctx, c, "single-approval")
	publishTemplate(t, ctx, c, "single-approval") // "if needed": the second is a no-op
	if _, err := c.Start(ctx, "req-1", "single-approval", map[string]any{"amount": 10}); err != nil {
		t.Fatal(err)
	}
	steps := []workflow.Command{
		workflow.CompleteStep{StepRef: workflow.StepRef{Instance: "req-1", Step: "submit"}, Outputs: map[string]any{"note": "please"}},
		workflow.Approve{StepRef: workflow.StepRef{Instance: "req-1", Step: "approve"}, By: "ann"},
	}
	for _, s := range steps {
		if _, err := c.Send(ctx, nil, s); err != nil {
			t.Fatalf("%s: %v", s.CommandType(), err)
		}
	}
	in, err := c.Instance(ctx, "req-1")
	if err != nil {
		t.Fatal(err)
	}
	if in.State != workflow.Completed || in.Context["note"] != "please" {
		t.Errorf("instance %s with context %v, want Completed with the note", in.State, in.Context)
	}
	h, err := c.History(ctx, "req-1")
	if err != nil || len(h) == 0 || h[0].Type != workflow.EvtInstanceStarted || h[len(h)-1].Type != workflow.EvtCompleted {
		t.Fatalf("history %v (%v): want instance_started ... completed", h, err)
	}
	list, err := c.List(ctx, "single-approval", workflow.Completed)
	if err != nil {
		t.Fatal(err)
	}
	waitFor(t, func() bool { list, _ = c.List(ctx, "single-approval", workflow.Completed); return len(list) == 1 })
}

func TestRefusalsNameTheState(t *testing.T) {
	c, ctx := startServices(t)
	publishTemplate(t, ctx, c, "single-approval")
	if _, err := c.Start(ctx, "r", "single-approval", nil); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Send(ctx, nil, workflow.Pause{Instance: "r"}); err != nil {
		t.Fatal(err)
	}
	_, err := c.Send(ctx, nil, workflow.CompleteStep{StepRef: workflow.StepRef{Instance: "r", Step: "submit"}})
	if !errors.Is(err, service.ErrInvalid) || !strings.Contains(err.Error(), "Paused") {
		t.Errorf("complete while paused: %v, want a refusal naming Paused", err)
	}
	_, err = c.Send(ctx, nil, workflow.Pause{Instance: "r"})
	if !strings.Contains(fmtErr(err), "is Paused, cannot pause") {
		t.Errorf("pause twice: %v", err)
	}
	if _, err := c.Start(ctx, "x", "nope", nil); !errors.Is(err, service.ErrNotFound) {
		t.Errorf("start of an unpublished workflow: %v, want 404", err)
	}
}

func TestPublishingReportsEveryProblem(t *testing.T) {
	c, ctx := startServices(t)
	g := graph.New("broken", "")
	for _, n := range []graph.Node{{ID: "a", Kind: "manual"}, {ID: "b", Kind: "warp"}} {
		if err := g.AddNode(n); err != nil {
			t.Fatal(err)
		}
	}
	_, err := c.Publish(ctx, g, false)
	for _, want := range []string{"no start step", `node "b": unknown step kind`, "no end step"} {
		if !strings.Contains(fmtErr(err), want) {
			t.Errorf("error %v lacks %q", err, want)
		}
	}
}

func fmtErr(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

func waitFor(t *testing.T, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatal("condition not met within 10s")
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// Publishing a new version leaves running instances on theirs.
func TestRunningInstancesKeepTheirVersion(t *testing.T) {
	c, ctx := startServices(t)
	v1, err := workflow.Template("single-approval")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Publish(ctx, v1, false); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Start(ctx, "old", v1.ID, nil); err != nil {
		t.Fatal(err)
	}
	v2 := v1.Clone() // submit -> review -> approve
	mustDo(t, v2.RemoveEdge("e2"), v2.AddNode(graph.Node{ID: "review", Kind: "manual"}),
		v2.AddEdge(graph.Edge{ID: "r1", From: "submit", To: "review"}), v2.AddEdge(graph.Edge{ID: "r2", From: "review", To: "approve"}))
	if v, err := c.Publish(ctx, v2, true); err != nil || v != 2 {
		t.Fatalf("publish v2: version %d, %v", v, err)
	}
	if _, err := c.Start(ctx, "new", v1.ID, nil); err != nil {
		t.Fatal(err)
	}
	want := map[string]struct {
		version int
		next    string
	}{"old": {1, "approve"}, "new": {2, "review"}}
	for id, w := range want {
		if _, err := c.Send(ctx, nil, workflow.CompleteStep{StepRef: workflow.StepRef{Instance: id, Step: "submit"}}); err != nil {
			t.Fatal(err)
		}
		in, err := c.Instance(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if in.Version != w.version || !in.Steps[w.next].State.Active() {
			t.Errorf("%s: version %d, steps %v; want version %d waiting at %s", id, in.Version, in.Steps, w.version, w.next)
		}
	}
}

func mustDo(t *testing.T, errs ...error) {
	t.Helper()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
}

func TestDraftsStartLater(t *testing.T) {
	c, ctx := startServices(t)
	publishTemplate(t, ctx, c, "single-approval")
	if _, err := c.send(ctx, c.Instances, nil, workflow.TypeCreateInstance, "d1", StartPayload{Workflow: "single-approval"}); err != nil {
		t.Fatal(err)
	}
	for _, step := range []struct {
		typ  string
		want workflow.State
	}{{"", workflow.Draft}, {CmdStartDraft, workflow.Running}} {
		if step.typ != "" {
			if _, err := c.send(ctx, c.Instances, nil, step.typ, "d1", nil); err != nil {
				t.Fatal(err)
			}
		}
		if in, err := c.Instance(ctx, "d1"); err != nil || in.State != step.want {
			t.Fatalf("after %q: %v (%v), want %s", step.typ, in.State, err, step.want)
		}
	}
}

func TestListsTheInstancesOfEveryWorkflow(t *testing.T) {
	c, ctx := startServices(t)
	publishTemplate(t, ctx, c, "single-approval")
	publishTemplate(t, ctx, c, "order-fulfilment")
	mustDo(t, errOf(c.Start(ctx, "a1", "single-approval", map[string]any{"amount": 10})),
		errOf(c.Start(ctx, "o1", "order-fulfilment", map[string]any{"total": 10})),
		errOf(c.Send(ctx, nil, workflow.Cancel{Instance: "o1"})))
	var all, running []Summary
	waitFor(t, func() bool {
		all, _ = c.List(ctx, "", "")
		running, _ = c.List(ctx, "", workflow.Running)
		return len(all) == 2 && len(running) == 1
	})
	if running[0].ID != "a1" || running[0].Workflow != "single-approval" {
		t.Fatalf("running instances of every workflow: %+v", running)
	}
}

func errOf[T any](_ T, err error) error { return err }
